// Package symptom reads what someone said about their legs in plain words
// (the catch-all intent's free text): which body parts, what it feels like,
// when, whom it is about, which warning signs are there and which were
// denied ("no swelling", "I'm not short of breath"), and whether it begins
// with a yes or a no. From that it names the conversation the words belong
// to.
//
// It is deterministic and knows nothing of medicine beyond its vocabulary,
// data/vocabulary.yaml, whose warning signs are named by internal/triage's
// fact IDs. It never keeps or logs the text.
package symptom

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Reading is what a text says.
type Reading struct {
	// Answer is "yes", "no" or "unknown" when the text starts with one, as
	// an answer to a pending question; "" otherwise.
	Answer string
	// Aside is set when the answer word goes on to a request or to what
	// was done ("yeah, go on, give me some stretches"): no answer to a
	// safety question, which is still waiting.
	Aside bool
	// Subject is whom it is about when someone else is named: "child",
	// "partner", "parent" or "other" (session.Context.Subject); "" for the
	// speaker or unknown. Person is the word's ID in intents/people.yaml.
	Subject string
	Person  string
	// Self is set when the speaker speaks of themself ("my leg", "I
	// can't"), whoever else is named.
	Self bool
	// Parts are body part IDs in the order said (calf, foot, toes, thigh,
	// hamstring, leg, hip, knee, ankle, buttock, back, groin, joint).
	Parts []string
	// Sensations are what it feels like (cramp, restless, shooting, ache...),
	// Timing when (night, now, sudden, long); neither includes denials.
	Sensations []string
	Timing     []string
	// Facts are triage facts said to be there; Negated those said not to
	// be. A fact said both ways counts as there.
	Facts   []string
	Negated []string
	// Topic is the conversation the words belong to ("cramp", "restless",
	// "nerve", "hip", "joint", "circulation", "aches", "child"), or "".
	Topic string
}

// Part returns the first body part said, or "".
func (r Reading) Part() string {
	if len(r.Parts) == 0 {
		return ""
	}
	return r.Parts[0]
}

// Vague reports whether the text names no conversation and no warning sign:
// "my legs hurt".
func (r Reading) Vague() bool { return r.Topic == "" && len(r.Facts) == 0 }

// Read reads a text. It never fails: words it does not know are skipped.
func Read(text string) Reading { return std().read(text, nil) }

// ReadAbout reads a text said within a conversation that has already
// established some sensations (its topic, such as "cramp"): "it's been more
// than ten minutes", said about a cramp, is a cramp that won't ease. What
// is known only completes a sign that needs it ("with" in the vocabulary);
// it never hides one ("unless").
func ReadAbout(text string, known ...string) Reading { return std().read(text, known) }

// ReadKept reads the words a device kept in an intent's slots, one value a
// slot, as one clause: each value is read apart, so no phrase and no
// denial runs from one slot's words into the next ("no breathing trouble"
// kept beside "swollen" denies only the breathing).
func ReadKept(values []string, known ...string) Reading {
	return std().read(strings.Join(values, " "+tokSlot+" "), known)
}

// NoSign reports whether a value a device kept is wholly a phrase the
// vocabulary reads as no sign ("bumped my miles", "a mattress on the
// floor"): words were heard there, and none of them is a sign.
func NoSign(value string) bool {
	return noSigns()[strings.Join(strings.Fields(strings.ToLower(value)), " ")]
}

// Contracted reports whether w, a word ending in "'s", is a contraction
// the reader keeps whole (the vocabulary's keep_s: "it's", "he's",
// "there's"), not someone's "'s" ("mum's").
func Contracted(w string) bool { return std().keepS[strings.ToLower(w)] }

// noSigns is the vocabulary's no-sign phrases as a set, built the first
// time a device's slot value is checked, not on every turn.
var noSigns = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(std().ignore))
	for _, p := range std().ignore {
		m[p] = true
	}
	return m
})

// std returns the compiled vocabulary, declared in data_gen.go: compile's
// result for data/vocabulary.yaml, written out as Go by go generate (see
// internal/golit), so that nothing is parsed. Its maps are built the first
// time text is read, not at start-up: most turns say none. TestGenerated
// fails when it no longer matches the YAML.
//
//go:generate go test -tags nightlegs_regen -count=1 -run TestGenerated . -args -generate

// Facts lists every triage fact the vocabulary can tell, sorted, so tests
// can check them against triage's vocabulary.
func Facts() []string {
	set := map[string]bool{}
	for id, f := range std().flags {
		set[id] = true
		if f.Plural != "" && f.Plural != dropFact {
			set[f.Plural] = true
		}
		if f.Joint != "" {
			set[f.Joint] = true
		}
	}
	for _, c := range std().combos {
		set[c.Fact] = true
	}
	set[factChild], set[factUnder3] = true, true
	out := make([]string, 0, len(set))
	for f := range set {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// Topics lists the conversation topics a reading can name, sorted.
func Topics() []string {
	var out []string
	for _, t := range std().topics {
		if !slices.Contains(out, t.Topic) {
			out = append(out, t.Topic)
		}
	}
	sort.Strings(out)
	return out
}

// Facts the reader tells from whom it is about.
const (
	factChild  = "child"
	factUnder3 = "under_3"
	dropFact   = "none"
	subjChild  = "child"
	subjOther  = "other"
	// Timing IDs that make a flag Chronic.
	timingLong    = "long"
	timingGradual = "gradual"
	timingSudden  = "sudden"
	answerUnknown = "unknown"
	answerYes     = "yes"
	answerNo      = "no"
	sensBoth      = "both"
)

// vocabulary is data/vocabulary.yaml.
type vocabulary struct {
	Spellings     map[string]string   `yaml:"spellings"`
	Heard         map[string]string   `yaml:"heard"`
	Phrasings     map[string]string   `yaml:"phrasings"`
	Breaks        []string            `yaml:"breaks"`
	SubjectStarts []string            `yaml:"subject_starts"`
	Negators      []string            `yaml:"negators"`
	Uncertain     []string            `yaml:"uncertain"`
	Answers       map[string][]string `yaml:"answers"`
	// Asides: words that, after a yes or no, show it was no answer to the
	// question ("yeah, go on then, give me some stretches").
	Asides []string `yaml:"asides"`
	// TakenBack: words that take back the answer said before them ("no,
	// scratch that, yes").
	TakenBack []string `yaml:"taken_back"`
	// Relayed: who may pass an answer on and how ("my wife says yes").
	Relayed struct {
		By    []string `yaml:"by"`
		Verbs []string `yaml:"verbs"`
	} `yaml:"relayed"`
	OneSide sideWords `yaml:"one_side"`
	People  map[string]struct {
		Subject string   `yaml:"subject"`
		Under3  bool     `yaml:"under_3"`
		Say     []string `yaml:"say"`
	} `yaml:"people"`
	Ages struct {
		ChildBelow  int      `yaml:"child_below"`
		Under3Below int      `yaml:"under_3_below"`
		Say         []string `yaml:"say"`
	} `yaml:"ages"`
	KeepS      []string            `yaml:"keep_s"`
	SelfWords  []string            `yaml:"self_words"`
	Numbers    map[string]int      `yaml:"numbers"`
	Parts      map[string][]string `yaml:"parts"`
	Plural     []string            `yaml:"plural"`
	Singular   []string            `yaml:"singular"`
	Joints     []string            `yaml:"joints"`
	Limbs      []string            `yaml:"limbs"`
	Sensations map[string][]string `yaml:"sensations"`
	Timing     map[string][]string `yaml:"timing"`
	Flags      map[string]*flag    `yaml:"flags"`
	Ignore     []string            `yaml:"ignore"`
	// Also: a sensation's phrases holding one of the words also mean
	// the other sensation ("hard and swollen" is a swelling too).
	Also   map[string]map[string][]string `yaml:"also"`
	Combos []combo                        `yaml:"combos"`
	// KeepWhole: phrases that turn a sign round ("hasn't had a fall"),
	// for the WarningSign values only; the reader reads their words.
	KeepWhole []string    `yaml:"keep_whole"`
	Topics    []topicRule `yaml:"topics"`
	// Fine: the words for a bodily function, by the fact it denies when
	// said to be fine ("waterworks are fine", "no trouble breathing",
	// "peeing normally"). Said any other way they deny nothing: "I haven't
	// been able to pee" is no denial.
	Fine map[string][]string `yaml:"fine"`
}

type flag struct {
	Say    []string `yaml:"say"`
	Plural string   `yaml:"plural"`
	Joint  string   `yaml:"joint"`
	// Hip is the fact instead when the clause names the hip or buttock and
	// no other part of the leg: a tender outer hip is not a tender calf.
	Hip string `yaml:"hip"`
	// Chronic is the fact instead when the text says it has been so for a
	// long time or came on gradually: a foot "always icy and white" is not
	// a leg losing its blood supply tonight.
	Chronic string   `yaml:"chronic"`
	With    []string `yaml:"with"`
	Unless  []string `yaml:"unless"`
	// PluralUnless drops the plural fact when one of these is said: both
	// ankles puffy by evening and fine by morning is no sign on its own.
	PluralUnless []string `yaml:"plural_unless"`
	// Unsided is the fact instead when the text names no side and no part
	// at all ("it gets puffy"): a one-sided sign is not read into it.
	Unsided string `yaml:"unsided"`
	// Least is the smallest number a "#" in the phrase may stand for: a
	// cramp "for two minutes" is a brief cramp, not one that won't ease
	// (refs §3: over ten minutes).
	Least int `yaml:"least"`
	// UnlessStill drops the fact when one of these is said and the sign
	// itself was said only as "still ...", with no time: "did that, still
	// cramping" answers the remedy just given; "half an hour and still
	// cramping" is a cramp that won't ease whatever was tried.
	UnlessStill []string `yaml:"unless_still"`
	// UnlessAll drops the fact when every word of one of its lists is
	// said: an arm gone dead from leaning on it that is fine now is no
	// stroke sign, though neither alone says so.
	UnlessAll [][]string `yaml:"unless_all"`
}

// allSaid reports whether every word of one of the lists is said.
func allSaid(lists [][]string, said func(id string) bool) bool {
	return slices.ContainsFunc(lists, func(all []string) bool {
		return !slices.ContainsFunc(all, func(id string) bool { return !said(id) })
	})
}

// combo reads a sign from its parts: a change (sensations) in a body part
// (parts), at a time (timing), in the light of what else was said (needs).
type combo struct {
	Fact       string   `yaml:"fact"`
	Sensations []string `yaml:"sensations"`
	// And: one of these sensations too (a change and what it is in:
	// "blood" and "cough").
	And    []string `yaml:"and"`
	Parts  []string `yaml:"parts"`
	Timing []string `yaml:"timing"`
	Plural bool     `yaml:"plural"`
	// Text: the sensation, part and timing may be in different clauses of
	// the text rather than in one.
	Text bool `yaml:"text"`
	// Needs: one of these sensations, parts, timings or facts is said
	// somewhere in the text. Unless: none of them is.
	Needs  []string `yaml:"needs"`
	Unless []string `yaml:"unless"`
	// UnlessAll: as a flag's.
	UnlessAll [][]string `yaml:"unless_all"`
	// PluralFact is the fact instead when only plural parts are named
	// ("both ankles"), unless one of PluralUnless is said: two-sided signs
	// are not read as one-sided.
	PluralFact   string   `yaml:"plural_fact"`
	PluralUnless []string `yaml:"plural_unless"`
}

type topicRule struct {
	Topic      string   `yaml:"topic"`
	Subjects   []string `yaml:"subjects"`
	Sensations []string `yaml:"sensations"`
	Parts      []string `yaml:"parts"`
}

// kind is what a phrase means.
type kind uint8

const (
	kPart kind = iota
	kPlural
	kSingular
	kSensation
	kTiming
	kFlag
	kPerson
	kAge
	kIgnore
	kNegator
	kUncertain
	kBreak
	kFine
)

type meaning struct {
	kind kind
	id   string
}

// phrase is a sequence of tokens and all it means.
type phrase struct {
	toks  []string
	means []meaning
	// end: the phrase counts only where a clause ends after it (a "$"
	// after its words): "I need to pee but I can't" is retention, "...
	// but I can't get out of bed" is not.
	end bool
}

// reader is the compiled vocabulary.
type reader struct {
	spellings map[string]string
	// heard are the spellings a recogniser writes, which the WarningSign
	// values carry as well.
	heard map[string]string
	// phrasings are said in several words for what the vocabulary says in
	// one ("not able to" for "can't"), longest first.
	phrasings []phrasing
	keepS     map[string]bool
	self      map[string]bool // self_words
	numbers   map[string]int
	index     map[string][]*phrase // by first token ("#" for a number), longest first
	answers   map[string][][]string
	asides    [][]string
	takenBack [][]string
	relayBy   []string // relayed.by
	relayVia  []string // relayed.verbs
	oneSide   sideWords
	people    map[string]personInfo
	subjStart map[string]bool
	joints    map[string]bool
	limbs     map[string]bool // parts of the leg itself (vocabulary: limbs)
	// personWords are the one-word names of people ("husband"), for
	// whose part is named (ownPart).
	personWords map[string]bool
	// childWords are the personWords that name a child, whose own
	// signs must stay theirs.
	childWords map[string]bool
	flags      map[string]*flag
	combos     []combo
	topics     []topicRule
	ages       struct{ child, under3 int }
	// For SignPhrases: what is no sign, and the words of timings and
	// sensations.
	ignore     []string
	peopleSay  []string
	agesSay    []string
	timingSay  map[string][]string
	partsSay   map[string][]string
	sensations map[string][]string
	fine       map[string][]string
	keepWhole  []string
	sides      []string // the singular phrases of more than one word
	plurals    []string // what says both sides ("ankles", "both legs")
	// partWords are the one-word body parts ("leg") and sides ("left"),
	// after which "me" is "my": "me leg", "me left calf".
	partWords map[string]bool
}

// phrasing is a run of words and the words the vocabulary says instead.
type phrasing struct{ said, as []string }

type personInfo struct {
	subject string
	under3  bool
}

const (
	tokBreak = "|" // a hard clause break: . ; ! ?
	tokComma = "," // a soft break: negation may carry over a list
	tokSlot  = "+" // between the words of two slots: nothing runs across it
	tokNum   = "#"
	tokAny   = "*"
	tokEnd   = "$"
)

// compile checks the vocabulary and indexes its phrases: go generate and
// the tests run it.
func compile(v *vocabulary) (*reader, error) {
	r := &reader{
		spellings: map[string]string{},
		heard:     v.Heard,
		phrasings: phrasingsOf(v.Phrasings),
		keepS:     map[string]bool{},
		self:      map[string]bool{},
		numbers:   v.Numbers,
		index:     map[string][]*phrase{},
		answers:   map[string][][]string{},
		people:    map[string]personInfo{},
		subjStart: map[string]bool{},
		joints:    map[string]bool{},
		limbs:     map[string]bool{},
		flags:     v.Flags,
		combos:    v.Combos,
		topics:    v.Topics,
	}
	// What a recogniser writes is mended as a spelling is.
	maps.Copy(r.spellings, v.Spellings)
	maps.Copy(r.spellings, v.Heard)
	r.ages.child, r.ages.under3 = v.Ages.ChildBelow, v.Ages.Under3Below
	r.ignore, r.timingSay, r.sensations = v.Ignore, v.Timing, v.Sensations
	r.agesSay, r.partsSay, r.fine, r.keepWhole = v.Ages.Say, v.Parts, v.Fine, v.KeepWhole
	r.partWords = map[string]bool{"left": true, "right": true, "other": true, "bad": true, "sore": true}
	for _, says := range v.Parts {
		for _, p := range says {
			if !strings.Contains(p, " ") {
				r.partWords[p] = true
			}
		}
	}
	for _, p := range v.Singular {
		if strings.Contains(p, " ") && !strings.HasPrefix(p, "it") {
			r.sides = append(r.sides, p)
		}
	}
	r.plurals = v.Plural
	for _, p := range v.People {
		if p.Subject == subjChild {
			r.peopleSay = append(r.peopleSay, p.Say...)
		}
	}
	sort.Strings(r.peopleSay)
	for _, w := range v.KeepS {
		r.keepS[w] = true
	}
	for _, w := range v.SelfWords {
		r.self[w] = true
	}
	for _, w := range v.SubjectStarts {
		r.subjStart[w] = true
	}
	for _, j := range v.Joints {
		r.joints[j] = true
	}
	for _, l := range v.Limbs {
		if _, ok := v.Parts[l]; !ok {
			return nil, fmt.Errorf("symptom vocabulary: limbs: unknown part %q", l)
		}
		r.limbs[l] = true
	}
	byText := map[string]*phrase{}
	add := func(text string, m meaning) error {
		toks := r.tokens(text)
		key := strings.Join(toks, " ")
		end := len(toks) > 1 && toks[len(toks)-1] == tokEnd
		if end {
			toks = toks[:len(toks)-1]
		}
		if len(toks) == 0 || toks[0] == tokAny || slices.Contains(toks, tokBreak) || slices.Contains(toks, tokComma) || slices.Contains(toks, tokEnd) {
			return fmt.Errorf("symptom vocabulary: bad phrase %q", text)
		}
		p, ok := byText[key]
		if !ok {
			p = &phrase{toks: toks, end: end}
			byText[key] = p
			r.index[toks[0]] = append(r.index[toks[0]], p)
		}
		if !slices.Contains(p.means, m) {
			p.means = append(p.means, m)
		}
		return nil
	}
	type group struct {
		k     kind
		id    string
		texts []string
	}
	var groups []group
	r.personWords = map[string]bool{}
	r.childWords = map[string]bool{}
	for id, ps := range v.Parts {
		groups = append(groups, group{kPart, id, ps})
	}
	groups = append(groups, group{kPlural, "", v.Plural}, group{kSingular, "", v.Singular})
	for id, ps := range v.Sensations {
		groups = append(groups, group{kSensation, id, ps})
	}
	for id, ps := range v.Timing {
		groups = append(groups, group{kTiming, id, ps})
	}
	for id, f := range v.Flags {
		groups = append(groups, group{kFlag, id, f.Say})
	}
	for fact, ps := range v.Fine {
		groups = append(groups, group{kFine, fact, ps})
	}
	for id, p := range v.People {
		groups = append(groups, group{kPerson, id, p.Say})
		r.people[id] = personInfo{subject: p.Subject, under3: p.Under3}
		for _, w := range p.Say {
			one := ""
			switch ws := strings.Fields(w); {
			case len(ws) == 1:
				one = ws[0]
			case len(ws) == 2 && slices.Contains([]string{"my", "our", "the", "his", "her"}, ws[0]):
				one = ws[1]
			}
			if one != "" {
				r.personWords[one] = true
				r.childWords[one] = r.childWords[one] || p.Subject == "child"
			}
		}
	}
	groups = append(groups,
		group{kAge, "", v.Ages.Say},
		group{kIgnore, "", v.Ignore},
		group{kNegator, "", v.Negators},
		group{kUncertain, "", v.Uncertain},
		group{kBreak, "", v.Breaks},
	)
	// The same vocabulary always compiles to the same reader (the order
	// of phrases said alike, and of a phrase's meanings), whatever the
	// order maps are read in: go generate writes it out.
	slices.SortStableFunc(groups, func(a, b group) int {
		return cmp.Or(cmp.Compare(a.k, b.k), strings.Compare(a.id, b.id))
	})
	for _, g := range groups {
		for _, text := range g.texts {
			if err := add(text, meaning{g.k, g.id}); err != nil {
				return nil, err
			}
			if g.k != kSensation {
				continue
			}
			for _, other := range slices.Sorted(maps.Keys(v.Also[g.id])) {
				if slices.ContainsFunc(strings.Fields(text), func(w string) bool { return slices.Contains(v.Also[g.id][other], w) }) {
					if err := add(text, meaning{kSensation, other}); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	for first, ps := range r.index {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].toks) > len(ps[j].toks) })
		r.index[first] = ps
	}
	r.relayBy, r.relayVia, r.oneSide = v.Relayed.By, v.Relayed.Verbs, v.OneSide
	for _, text := range v.Asides {
		r.asides = append(r.asides, r.tokens(text))
	}
	for _, text := range v.TakenBack {
		r.takenBack = append(r.takenBack, r.tokens(text))
	}
	for a, ps := range v.Answers {
		for _, text := range ps {
			r.answers[a] = append(r.answers[a], r.tokens(text))
		}
	}
	for _, c := range v.Combos {
		if c.Fact == "" || len(c.Sensations) == 0 {
			return nil, fmt.Errorf("symptom vocabulary: combo needs fact and sensations")
		}
		for _, id := range append(slices.Clone(c.Sensations), c.And...) {
			if _, ok := v.Sensations[id]; !ok {
				return nil, fmt.Errorf("symptom vocabulary: combo %s: unknown sensation %q", c.Fact, id)
			}
		}
		for _, id := range c.Parts {
			if _, ok := v.Parts[id]; !ok {
				return nil, fmt.Errorf("symptom vocabulary: combo %s: unknown part %q", c.Fact, id)
			}
		}
		for _, id := range c.Timing {
			if _, ok := v.Timing[id]; !ok {
				return nil, fmt.Errorf("symptom vocabulary: combo %s: unknown timing %q", c.Fact, id)
			}
		}
	}
	return r, nil
}

// droppedG is a word typed with its final g dropped: "achin'",
// "crampin'".
var droppedG = regexp.MustCompile(`\b([a-z]{2,}in)['\x{2019}]`)

// DroppedG spells the words of lower-case text typed with a dropped g
// ("my legs are achin'", "knottin' up") in full, as a device would
// transcribe them.
func DroppedG(text string) string {
	if !strings.Contains(text, "in'") && !strings.Contains(text, "in\u2019") {
		return text
	}
	return droppedG.ReplaceAllString(text, "${1}g")
}

// tokens lower-cases and splits text into words, mending spellings,
// dropping possessive "'s", turning number words into numbers and
// punctuation into clause breaks.
func (r *reader) tokens(text string) []string {
	var b strings.Builder
	b.Grow(len(text) + 8)
	for _, c := range DroppedG(strings.ToLower(text)) {
		switch {
		case c == '\'' || c == '\u2019' || c == '\u2018':
			b.WriteByte('\'')
		case c == '#' || c == '*' || c == '$':
			b.WriteString(" " + string(c) + " ")
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			b.WriteRune(c)
		case c == '.' || c == ';' || c == '!' || c == '?' || c == ':':
			b.WriteString(" | ")
		case c == ',':
			b.WriteString(" , ")
		case c == '+':
			b.WriteString(" " + tokSlot + " ")
		default:
			b.WriteByte(' ')
		}
	}
	fields := strings.Fields(b.String())
	out := fields[:0]
	for _, w := range fields {
		w = strings.Trim(w, "'")
		if w == "" {
			continue
		}
		// Mended before the possessive goes, and after it too: "mom's"
		// is "mum".
		if s, ok := r.spellings[w]; ok {
			w = s
		}
		if strings.HasSuffix(w, "'s") && !r.keepS[w] {
			w = strings.TrimSuffix(w, "'s")
			if s, ok := r.spellings[w]; ok {
				w = s
			}
		}
		// "34th week" is week 34.
		w = trimOrdinal(w)
		if n, ok := r.numbers[w]; ok {
			// "thirty two" is one number.
			if k := len(out) - 1; k >= 0 && n < 10 {
				if prev, err := strconv.Atoi(out[k]); err == nil && prev >= 20 && prev%10 == 0 && prev < 100 {
					out[k] = strconv.Itoa(prev + n)
					continue
				}
			}
			w = strconv.Itoa(n)
		}
		out = append(out, w)
	}
	out = r.rephrase(out)
	// UK and Australian speech says "me" for "my": "me leg's killing me".
	for i := 0; i+1 < len(out); i++ {
		if out[i] == "me" && r.partWords[out[i+1]] {
			out[i] = "my"
		}
	}
	return out
}

// trimOrdinal turns a number written as an ordinal ("34th", "2nd") into
// the number.
func trimOrdinal(w string) string {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(w, suf); ok && n != "" && strings.IndexFunc(n, func(c rune) bool { return !unicode.IsDigit(c) }) < 0 {
			return n
		}
	}
	return w
}

// phrasingsOf orders the vocabulary's phrasings longest first, so a
// phrasing is mended before a shorter one inside it could be.
func phrasingsOf(m map[string]string) []phrasing {
	out := make([]phrasing, 0, len(m))
	for said, as := range m {
		out = append(out, phrasing{strings.Fields(said), strings.Fields(as)})
	}
	slices.SortFunc(out, func(a, b phrasing) int {
		if c := len(b.said) - len(a.said); c != 0 {
			return c
		}
		return strings.Compare(strings.Join(a.said, " "), strings.Join(b.said, " "))
	})
	return out
}

// rephrase replaces every phrasing in toks by the words the vocabulary
// says instead: Indian English "not able to breathe" is "can't breathe".
func (r *reader) rephrase(toks []string) []string {
	if len(r.phrasings) == 0 {
		return toks
	}
	out := make([]string, 0, len(toks))
next:
	for i := 0; i < len(toks); {
		for _, p := range r.phrasings {
			if i+len(p.said) <= len(toks) && slices.Equal(toks[i:i+len(p.said)], p.said) {
				out = append(out, p.as...)
				i += len(p.said)
				continue next
			}
		}
		out = append(out, toks[i])
		i++
	}
	return out
}

func isNumber(tok string) bool {
	if tok == "" {
		return false
	}
	for _, c := range tok {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// match returns the longest phrase at toks[i:], and the number it matched
// for "#", if any.
func (r *reader) match(toks []string, i int) (*phrase, int) {
	var best *phrase
	num := -1
	try := func(ps []*phrase) {
		for _, p := range ps {
			if best != nil && len(p.toks) <= len(best.toks) {
				return // longest first
			}
			if n, ok := matchAt(p.toks, toks, i); ok && (!p.end || endsAnswer(toks, i+len(p.toks))) {
				best, num = p, n
				return
			}
		}
	}
	try(r.index[toks[i]])
	if isNumber(toks[i]) {
		try(r.index[tokNum])
	}
	return best, num
}

// matchAt reports whether pattern matches toks at i, and the number that a
// "#" matched (-1 if none).
func matchAt(pattern, toks []string, i int) (int, bool) {
	if i+len(pattern) > len(toks) {
		return -1, false
	}
	num := -1
	for k, p := range pattern {
		t := toks[i+k]
		switch {
		case t == tokBreak || t == tokComma || t == tokSlot:
			return -1, false
		case p == tokNum:
			n, err := strconv.Atoi(t)
			if err != nil {
				return -1, false
			}
			num = n
		case p == tokAny:
		case p != t:
			return -1, false
		}
	}
	return num, true
}

// hit is one phrase meaning found in the text.
type hit struct {
	m       meaning
	clause  int
	negated bool
	num     int
	phrase  *phrase
	felt    []string // for a sign, the sensations its own words name (feltIn)
	fine    bool     // said fine after it: "my knees are fine"
}

// ownPart reports whether the words name a part as the speaker's own
// ("my legs", "my left calf") while the only person named does something
// else beside them: sleeps, snores, says ("my husband's snoring and my
// legs are buzzing", "my wife says my legs twitch", "my mum had a clot and
// now every ache in my leg worries me"). What a person only says, with no
// he or she after it, is about the speaker too. A person named with a
// part, a feeling or anything else keeps the words theirs.
func (r *reader) ownPart(toks []string) bool {
	partAfter := func(i int) bool {
		for j := i + 1; j < len(toks) && j <= i+2; j++ {
			if r.partWords[toks[j]] {
				return true
			}
			if toks[j] != "lower" && toks[j] != "upper" && toks[j] != "poor" && toks[j] != "own" {
				return false
			}
		}
		return false
	}
	// "My husband has MS and now my own legs ache": a part said as "my
	// own" sets the speaker apart from whoever came before.
	mine := false
	for i, w := range toks {
		if (w == "his" || w == "her" || w == "their") && partAfter(i) {
			mine = false
			break
		}
		mine = mine || w == "my" && i+1 < len(toks) && toks[i+1] == "own" && partAfter(i)
	}
	if mine {
		return true
	}
	own, aside, reported, others := false, false, true, false
	for i, w := range toks {
		if slices.Contains(otherPronouns, w) {
			others = true
		}
		switch {
		case r.personWords[w] || strings.HasSuffix(w, "'s") && r.personWords[strings.TrimSuffix(w, "'s")]:
			// "My wife's fast asleep": the 's is "is", and how she
			// sleeps changes nothing.
			next := i + 1
			if next < len(toks) && (toks[next] == "is" || toks[next] == "was") {
				next++
			}
			for next < len(toks) && slices.Contains(asideAdverbs, toks[next]) {
				next++
			}
			if i >= 2 && toks[i-1] == "my" && slices.Contains(helpWords, toks[i-2]) {
				aside, reported = true, false
				continue
			}
			// "My husband and I share a bed": the two of them, and the
			// part named as "my" is the speaker's.
			if next+1 < len(toks) && toks[next] == "and" && (toks[next+1] == "i" || toks[next+1] == "me") {
				aside, reported = true, false
				continue
			}
			// "My mum has arthritis and my hip hurts tonight": what a
			// grown-up has, with no part named in it, is theirs; the
			// part said as "my" after it is the speaker's. "My mum has
			// a swollen leg and my legs ache" keeps hers, and a child
			// keeps whatever is told ("my baby has a fever and my back
			// aches from rocking her": the baby's fever), as does what
			// someone "has been" doing (review).
			person := strings.TrimSuffix(w, "'s")
			if next < len(toks) && slices.Contains(hasWords, toks[next]) && !r.childWords[person] &&
				(next+1 >= len(toks) || toks[next+1] != "been") && !r.partInClause(toks[next+1:]) {
				aside, reported = true, false
				continue
			}
			if next >= len(toks) || !slices.Contains(besideWords, toks[next]) {
				return false
			}
			aside = true
			reported = reported && slices.Contains(reportWords, toks[next])
		case w == "his" || w == "her" || w == "their":
			if partAfter(i) {
				return false
			}
		case w == "my":
			own = own || partAfter(i)
		}
	}
	// "My friend said leg pain at night can mean something bad": what
	// someone says, with no he or she after it, is said to the speaker
	// about the speaker.
	return aside && (own || reported && !others)
}

// personSomeone is the people ID of an unnamed someone; seeWords, said
// just before it, make it someone seen for help.
const personSomeone = "someone"

var seeWords = []string{"see", "seeing", "seen", "saw"}

// hasWords tell what a person has: a condition beside the speaker's own
// part, when no part is named with it.
var hasWords = []string{"has", "have", "got"}

// partInClause reports whether a part is named in toks before the
// speaker's "my".
func (r *reader) partInClause(toks []string) bool {
	for _, w := range toks {
		if w == "my" {
			return false
		}
		if r.partWords[w] {
			return true
		}
	}
	return false
}

// reportWords are the besideWords that tell what a person says, not
// what they do or have.
var reportWords = []string{"says", "said", "say", "thinks", "reckons", "told", "tells"}

// helpWords, said by the speaker just before "my" and a person, make
// the person what the speaker did something for or with ("I helped my
// brother move house, now my legs hurt"), not whose the pain is. Not
// "since": "my legs ache since my son started limping" tells the son's
// limp (review).
var helpWords = []string{"helped", "helping", "help", "took", "taking", "drove", "visited", "minding", "with", "for", "after", "caring"}

// otherPronouns speak of someone other than the speaker.
var otherPronouns = []string{"he", "she", "they", "him", "his", "her", "hers", "their", "them", "he's", "she's", "they're", "he'd", "she'd"}

// asideAdverbs say how a person does what they do beside the pain.
var asideAdverbs = []string{"fast", "sound", "still", "already", "just", "now"}

// besideWords are what a person does beside the speaker's pain, not a
// sign of their own: sleeps, talks, gives ("my daughter put a topper on
// the bed"), or what befell them ("my mother passed from a clot").
var besideWords = append([]string{"snoring", "snores", "snored", "asleep", "sleeping",
	"put", "bought", "gave", "brought", "had", "kicking", "passed", "died"}, reportWords...)

func (r *reader) read(text string, known []string) Reading {
	toks := r.tokens(text)
	var rd Reading
	rd.Self = slices.ContainsFunc(toks, func(w string) bool { return r.self[w] })
	start := 0
	rd.Answer, start = r.answer(toks)
	rd.Aside = rd.Answer != "" && r.aside(toks, start)
	if rd.Answer == answerUnknown {
		// "I can't tell when I need to pee": doubt is no denial, so its
		// words are read again for what they say.
		start = 0
	}

	var hits []hit
	clause := 0
	neg, negUsed := false, false
	// nothingAt is where a denial said as "nothing" began ("nothing knots
	// up"), or -1.
	nothingAt := -1
	fineDenied := -1 // the clause where a bodily function was last said fine
	for i := start; i < len(toks); {
		tok := toks[i]
		if tok == tokBreak {
			clause++
			neg = false
			i++
			continue
		}
		if tok == tokSlot {
			// Still the same clause, so a part kept in one slot and what
			// it feels like in another combine; a denial stays in its own.
			neg = false
			i++
			continue
		}
		if tok == tokComma {
			clause++
			// "no swelling, redness or heat": a denial carries over a
			// list of symptoms, and ends at anything else.
			if neg {
				if p, _ := r.match(toks, min(i+1, len(toks)-1)); i+1 >= len(toks) || p == nil || !isTerm(p) {
					neg = false
				}
			}
			i++
			continue
		}
		if neg && !negUsed && i > 0 && (toks[i-1] == "and" || toks[i-1] == "but") && r.subjStart[tok] {
			// "My arm doesn't do a thing and my face is drooping": a
			// denial that named no sign ends where a new subject's
			// clause begins (review); "no swelling and my calf is hot"
			// keeps its own reading.
			neg = false
		}
		if neg && !negUsed && nothingAt >= 0 && i > nothingAt+1 && r.subjStart[tok] {
			// "Nothing knots up my calf is swollen": "nothing" denies
			// what it does, said in words the vocabulary need not hold,
			// and a new subject's clause begins after them (set sAN,
			// speech with no commas); "nothing my calf" is no clause.
			neg = false
		}
		p, num := r.match(toks, i)
		if p == nil {
			if neg && negUsed && r.subjStart[tok] {
				neg = false
			}
			i++
			continue
		}
		// A bodily function said to be fine ("peeing normally"): none of
		// its words tell a change. "Waterworks and bowels are fine", "no
		// trouble peeing or pooing": one word of fine carries over a list.
		fine := false
		if slices.ContainsFunc(p.means, func(m meaning) bool { return m.kind == kFine }) {
			listed := i > 0 && (toks[i-1] == "or" || toks[i-1] == "and" || toks[i-1] == "nor") && fineDenied == clause
			fine = listed || saidFine(toks, r.afterList(toks, i+len(p.toks))) || fineAround(toks, i, i+len(p.toks), neg)
			if fine {
				fineDenied = clause
			}
		}
		for _, m := range p.means {
			switch m.kind {
			case kNegator:
				// "can barely stand without everything going black": what
				// comes after "without" happens.
				if !(p.toks[0] == "without" && barelyBefore(toks, i)) {
					neg, negUsed = true, false
					nothingAt = -1
					if p.toks[0] == "nothing" || p.toks[0] == "nothing's" {
						nothingAt = i
					}
				}
			case kBreak:
				neg = false
				clause++
			case kIgnore, kUncertain:
			case kFine:
				if fine {
					hits = append(hits, hit{m: m, clause: clause, negated: true, phrase: p})
				}
			default:
				if m.kind == kPerson && m.id == personSomeone && i > 0 && slices.Contains(seeWords, toks[i-1]) {
					// "Is that long enough to go and see someone": the
					// someone seen is a doctor, not whom it is about
					// (set sAZ).
					continue
				}
				// "No, it's not easing": a phrase that says its own "not"
				// answers the question; the "no" before it is no denial.
				h := hit{m: m, clause: clause, negated: neg && !saysNot(p.toks) || fine, num: num, phrase: p}
				if m.kind == kFlag {
					// Read once here, not in every combination's check.
					h.felt = r.feltIn(p)
				}
				hits = append(hits, h)
				if neg && (m.kind == kFlag || m.kind == kSensation) {
					negUsed = true
				}
			}
		}
		if neg && negUsed && r.subjStart[tok] && !slices.ContainsFunc(p.means, func(m meaning) bool { return m.kind == kNegator }) {
			neg = false
		}
		if saidFine(toks, i+len(p.toks)) && !askedFine(toks, i, p) {
			// "chest is fine", "waterworks normal": a denial said after.
			// "Is chest pain normal at my age" asks it of a pain had.
			for k := len(hits) - 1; k >= 0 && hits[k].phrase == p; k-- {
				hits[k].negated, hits[k].fine = true, true
			}
		}
		i += len(p.toks)
	}
	r.interpret(&rd, hits, clause+1, known, r.ownPart(toks))
	if rd.Answer == answerNo && rd.Signed() && r.yeahFirst(toks) {
		// "Yeah nah, it's gone numb": a "yeah nah" that goes on to name
		// a sign is no denial of it; its yeah stands, as it did before
		// "yeah nah" was read as no (review).
		rd.Answer = answerYes
	}
	return rd
}

// backgroundFacts are facts that tell who someone is, not a sign felt.
var backgroundFacts = []string{factChild, factUnder3, "diabetes"}

// Signed reports whether the reading tells of a sign or a risk, not only
// who someone is (a child, a child under three, diabetes).
func (r Reading) Signed() bool {
	return slices.ContainsFunc(r.Facts, func(f string) bool { return !slices.Contains(backgroundFacts, f) })
}

// yeahFirst reports whether the answer opens with "yeah" or "yes".
func (r *reader) yeahFirst(toks []string) bool {
	i := r.answerStart(toks)
	return i < len(toks) && (toks[i] == "yeah" || toks[i] == "yes")
}

// answerStart is where an answer begins: past fillers ("um, yes"), and a
// courtesy ("no worries, yeah": review).
func (r *reader) answerStart(toks []string) int {
	i := fillersEnd(toks)
	if k := r.relayedAt(toks, i); k > i {
		i = k
	}
	return i
}

// fillersEnd is where the words begin past fillers and a courtesy.
func fillersEnd(toks []string) int {
	i := 0
	for i < len(toks) && (toks[i] == "well" || toks[i] == "um" || toks[i] == "uh" || toks[i] == "oh" || toks[i] == "er" || toks[i] == "erm" || toks[i] == "hmm") {
		i++
	}
	if i+1 < len(toks) && toks[i] == "no" && toks[i+1] == "worries" {
		i += 2
		for i < len(toks) && toks[i] == tokComma {
			i++
		}
	}
	return i
}

// relayedAt is where an answer passed on begins, past who gives it:
// "my wife says yes", "the nurse reckons it is" (vocabulary: relayed); or
// i. A no passed on is not taken (answer).
func (r *reader) relayedAt(toks []string, i int) int {
	for k := i + 1; k <= i+3 && k < len(toks); k++ {
		if !slices.Contains(r.relayVia, toks[k]) {
			continue
		}
		who := toks[i:k]
		if len(who) == 1 && slices.Contains(r.relayBy, who[0]) || len(who) == 2 && (who[0] == "my" || who[0] == "the" || who[0] == "our") {
			j := k + 1
			for j < len(toks) && toks[j] == tokComma {
				j++
			}
			return j
		}
		break
	}
	return i
}

// sideWords are the words that name one leg (vocabulary: one_side).
type sideWords struct {
	Names       []string `yaml:"names"`
	Before      []string `yaml:"before"`
	After       []string `yaml:"after"`
	NotOne      []string `yaml:"not_one"`
	Corrections []string `yaml:"corrections"`
}

// OneSide reports whether text names one leg and not both: "the left
// one", "just my right leg", "left", as said to a question whether it is
// one leg. A side is read only beside a word that makes it one ("the
// right"), never denied ("not the left"); words naming no one leg
// ("both") or correcting what was said ("sorry, I meant the left one")
// name none (vocabulary: one_side).
func OneSide(text string) bool { return std().oneSideSaid(text) }

func (r *reader) oneSideSaid(text string) bool {
	w := r.oneSide
	ws := strings.FieldsFunc(strings.ToLower(text), func(c rune) bool {
		return !unicode.IsLetter(c) && c != '\''
	})
	if len(ws) == 1 {
		return slices.Contains(w.Names, ws[0])
	}
	found := false
	for i, word := range ws {
		if slices.Contains(w.NotOne, word) || slices.Contains(w.Corrections, word) {
			return false
		}
		if !slices.Contains(w.Names, word) {
			continue
		}
		if slices.ContainsFunc(ws[max(0, i-2):i], func(d string) bool {
			return d == "not" || d == "no" || strings.HasSuffix(d, "n't")
		}) {
			continue
		}
		before := i > 0 && slices.Contains(w.Before, ws[i-1])
		after := i+1 < len(ws) && slices.Contains(w.After, ws[i+1])
		found = found || before || after
	}
	return found
}

// names reports whether one of a phrase's own words means one of kinds:
// "one calf's puffy" names its side.
func (r *reader) names(p *phrase, kinds ...kind) bool {
	for m := range r.within(p) {
		if slices.Contains(kinds, m.kind) {
			return true
		}
	}
	return false
}

// feltIn returns the sensations a phrase's own words name: "sore" in
// "swollen and sore", "swollen" in "knee's swollen".
func (r *reader) feltIn(p *phrase) []string {
	var ids []string
	for m := range r.within(p) {
		if m.kind == kSensation {
			ids = append(ids, m.id)
		}
	}
	return ids
}

// within yields what the shorter phrases inside a phrase mean, word by
// word.
func (r *reader) within(p *phrase) iter.Seq[meaning] {
	return func(yield func(meaning) bool) {
		for i := range p.toks {
			q, _ := r.match(p.toks, i)
			if q == nil || q == p {
				continue
			}
			for _, m := range q.means {
				if !yield(m) {
					return
				}
			}
		}
	}
}

// saidFine reports whether toks[j:] says what came before is fine:
// "fine", "is normal", "are ok", "all good".
func saidFine(toks []string, j int) bool {
	if j < len(toks) && (toks[j] == "is" || toks[j] == "are" || toks[j] == "was" || toks[j] == "feels" || toks[j] == "seems" || toks[j] == "looks") {
		j++
	}
	if j+1 < len(toks) && toks[j] == "all" {
		j++
	}
	if j >= len(toks) {
		return false
	}
	switch toks[j] {
	case "fine", "normal", "ok", "okay", "alright", "clear", "good":
		return true
	}
	return false
}

// askedFine reports whether the words before toks[i] ask whether the
// sign named there is fine: "is chest pain normal", "is a bit of
// numbness okay", "is mild chest pain normal". The sign is had, and its
// being fine asked, not said. The asking word opens its clause: "the
// good news is my chest is fine", "yes it is, my chest is fine" say it.
// A part or a bodily function asked after ("is my chest okay", "is my
// breathing fine") names no sign had, and stays a denial (review).
func askedFine(toks []string, i int, p *phrase) bool {
	if len(p.toks) == 1 && bareAsked[p.toks[0]] || slices.ContainsFunc(p.means, func(m meaning) bool { return m.kind == kFine }) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k] {
		case "is", "are", "was", "were", "isn't", "aren't":
			return k == 0 || clauseOpeners[toks[k-1]]
		case "my", "the", "this", "that", "these", "those", "a", "an", "some", "any", "bit", "of", "little", "having", "getting", "feeling", "being",
			"his", "her", "their", "your", "mild", "slight", "occasional":
			continue
		}
		return false
	}
	return false
}

// bareAsked are single words read as a sign that name only a part when
// asked after ("is my chest okay").
var bareAsked = map[string]bool{"chest": true, "heart": true}

// clauseOpeners may come before a question's asking word in speech with
// no commas ("no is chest pain normal", "so is it ...").
var clauseOpeners = map[string]bool{"no": true, "yes": true, "yeah": true, "so": true, "and": true, "but": true, "ok": true, "okay": true, "well": true, "um": true, "uh": true, "also": true, "then": true, "oh": true, "hmm": true, "alexa": true}

// fineAround reports whether the words around a bodily function, at
// toks[i:j], say it is fine: "no trouble with peeing", "normal motions",
// "peeing normally", "no breathing problems" (neg: a denial came before).
func fineAround(toks []string, i, j int, neg bool) bool {
	trouble := func(t string) bool {
		switch t {
		case "problem", "problems", "trouble", "issue", "issues", "difficulty":
			return true
		}
		return false
	}
	if j < len(toks) {
		switch {
		case toks[j] == "normally", toks[j] == "as" && j+1 < len(toks) && (toks[j+1] == "normal" || toks[j+1] == "usual"):
			return true
		case trouble(toks[j]) && (neg || i > 0 && toks[i-1] == "no"):
			return true
		}
	}
	k := i - 1
	if k >= 0 && (toks[k] == "the" || toks[k] == "my" || toks[k] == "his" || toks[k] == "her" || toks[k] == "their") {
		k--
	}
	if k >= 0 && (toks[k] == "with" || toks[k] == "in" || toks[k] == "when" || toks[k] == "while" || toks[k] == "going" || toks[k] == "using") {
		k--
	}
	switch {
	case i > 0 && toks[i-1] == "normal":
		return true
	case k >= 1 && trouble(toks[k]) && (toks[k-1] == "no" || toks[k-1] == "any"):
		return neg || toks[k-1] == "no"
	}
	return false
}

// afterList returns where a list of bodily functions that starts at
// toks[j] ends: "waterworks and bowels are fine" says both are fine.
func (r *reader) afterList(toks []string, j int) int {
	for j+1 < len(toks) && (toks[j] == "and" || toks[j] == "or") {
		p, _ := r.match(toks, j+1)
		if p == nil || !slices.ContainsFunc(p.means, func(m meaning) bool { return m.kind == kFine }) {
			break
		}
		j += 1 + len(p.toks)
	}
	return j
}

// barelyBefore reports whether the clause before toks[i] says something can
// hardly be done ("can barely", "can't ... without").
func barelyBefore(toks []string, i int) bool {
	for j := i - 1; j >= 0 && toks[j] != tokBreak && toks[j] != tokComma; j-- {
		switch toks[j] {
		case "barely", "hardly", "can't", "couldn't", "cannot", "unable":
			return true
		}
	}
	return false
}

// isTerm reports whether a phrase names a symptom, a part or a sign.
func isTerm(p *phrase) bool {
	return slices.ContainsFunc(p.means, func(m meaning) bool {
		return m.kind == kFlag || m.kind == kSensation || m.kind == kPart
	})
}

// answer reads a yes, no or "I don't know" at the start of toks, and returns
// where the rest begins.
func (r *reader) answer(toks []string) (string, int) {
	i := r.answerStart(toks)
	bestA, bestN := "", 0
	for a, ps := range r.answers {
		for _, p := range ps {
			if len(p) <= bestN {
				continue
			}
			if _, ok := matchAt(p, toks, i); !ok {
				continue
			}
			if !r.standsAlone(toks, i+len(p)) || (pronounAnswer(p) || markerAnswer(p, toks, i+len(p))) && !endsAnswer(toks, i+len(p)) && !hedged(toks, i+len(p)) {
				continue
			}
			if r.signAcross(toks, i, i+len(p)) {
				continue // "no appetite", "I haven't been able to pee": a sign, not a no
			}
			bestA, bestN = a, len(p)
		}
	}
	if bestA == "" || bestA == "no" && r.relayed(toks) {
		// A no passed on is someone else's look ("my mum said no, but
		// she can't see well"): the question is asked again (review).
		return "", 0
	}
	if a, end := r.retaken(toks, i+bestN); a != "" {
		// "No, scratch that, yes": the answer taken back is no answer;
		// the one said after it is. A yes taken back for a no is not
		// sure, which a safety question takes as serious (review).
		if bestA == answerYes && a == answerNo {
			a = answerUnknown
		}
		return a, end
	}
	return bestA, i + bestN
}

// retaken reads an answer said again at j, after words that take back the
// one before ("no, scratch that, yes"), and said last, and returns it and
// where the rest begins; "" when no answer is taken back there.
func (r *reader) retaken(toks []string, j int) (string, int) {
	taken := false
	for {
		for j < len(toks) && toks[j] == tokComma {
			j++
		}
		n := 0
		for _, p := range r.takenBack {
			if _, ok := matchAt(p, toks, j); ok && len(p) > n {
				n = len(p)
			}
		}
		if n == 0 {
			break
		}
		// "No, sorry, I mean yes": the words may come one after another.
		taken, j = true, j+n
	}
	if !taken {
		return "", 0
	}
	// Only an answer that is the last thing said takes the first back:
	// "yes, I mean, no, not both, just the left" goes on to correct a
	// detail, and "yes, sorry, no joke" to say more (review).
	if a, n := r.answer(toks[j:]); a != "" && !slices.ContainsFunc(toks[j+n:], func(t string) bool { return t != tokComma && t != tokBreak && t != tokEnd }) {
		return a, j + n
	}
	return "", 0
}

// relayed reports whether the answer in toks is passed on from someone.
func (r *reader) relayed(toks []string) bool {
	i := fillersEnd(toks)
	return r.relayedAt(toks, i) > i
}

// asideFillers may stand between an answer word and what it goes on to.
var asideFillers = []string{"then", "well", "um", "yeah", "yes", "yep", "yup", "no", "nope", "nah", "ok", "okay", "oh"}

// aside reports whether the words at j, after an answer word, turn to
// something else: a request, or what was done.
func (r *reader) aside(toks []string, j int) bool {
	// "yeah yeah I did that already": an answer word said twice still
	// goes on to what was done.
	for j < len(toks) && (toks[j] == tokComma || slices.Contains(asideFillers, toks[j])) {
		j++
	}
	for _, p := range r.asides {
		if _, ok := matchAt(p, toks, j); ok {
			return true
		}
	}
	return false
}

// signAcross reports whether a sign phrase starts in toks[i:j], the words
// of an answer, and runs past them.
func (r *reader) signAcross(toks []string, i, j int) bool {
	for k := i; k < j; k++ {
		if m, _ := r.match(toks, k); m != nil && k+len(m.toks) > j && isTerm(m) {
			return true
		}
	}
	return false
}

// markerAnswer reports whether an answer word is a marker leading into
// what is said next, as Irish English says "sure I'm a nurse, I've done
// all that": "sure" run straight into "I'm", "it's" or "that's" answers
// nothing.
func markerAnswer(p []string, toks []string, j int) bool {
	if len(p) != 1 || p[0] != "sure" || j >= len(toks) {
		return false
	}
	return slices.Contains([]string{"i'm", "i've", "it's", "you", "that's", "there's", "we"}, toks[j])
}

// pronounAnswer reports whether an answer phrase is a subject and its
// verb ("i am", "it is"): said with more words after it, it is a
// statement ("I am anxious", "it is my foot"), not a yes or a no, unless
// those words only hedge it (hedged).
func pronounAnswer(p []string) bool {
	if len(p) != 2 {
		return false
	}
	switch p[0] {
	case "i", "it", "he", "she", "they", "we":
	default:
		return false
	}
	switch p[1] {
	case "am", "is", "are", "have", "has", "does", "did", "do", "was":
		return true
	}
	return false
}

// hedgeWords may follow an answer without making it a statement: "I am a
// bit", "it is, yeah", "he is a little".
var hedgeWords = []string{"a", "bit", "little", "slightly", "yes", "yeah", "yep", "so", "really", "quite", "very", "definitely", "actually", "too", "sometimes", "now", "right", "still", "i", "think"}

// hedged reports whether the words from toks[j] to the next break are
// all hedges ("I am a bit"), not a statement ("I am very tensed").
func hedged(toks []string, j int) bool {
	for ; j < len(toks) && !endsAnswer(toks, j); j++ {
		if !slices.Contains(hedgeWords, toks[j]) {
			return false
		}
	}
	return true
}

// endsAnswer reports whether the answer ending before toks[j] ends there:
// the text ends or breaks.
func endsAnswer(toks []string, j int) bool {
	if j >= len(toks) {
		return true
	}
	t := toks[j]
	return t == tokBreak || t == tokComma || t == "and" || t == "but"
}

// standsAlone reports whether an answer ending before toks[j] is a whole
// answer: the text ends, breaks, or goes on with something other than a
// symptom, a number or a negation.
func (r *reader) standsAlone(toks []string, j int) bool {
	if endsAnswer(toks, j) {
		return true
	}
	if isNumber(toks[j]) {
		return false
	}
	p, _ := r.match(toks, j)
	if p == nil {
		return true
	}
	for _, m := range p.means {
		switch m.kind {
		case kFlag, kSensation, kPart, kNegator, kAge, kTiming:
			return false
		}
	}
	return true
}

// interpret turns hits into a reading.
func (r *reader) interpret(rd *Reading, hits []hit, clauses int, known []string, own bool) {
	cl := make([]clauseCtx, clauses)
	present := map[string]bool{} // sensations, parts and flags said (not denied)
	for _, h := range hits {
		c := &cl[h.clause]
		switch h.m.kind {
		case kPlural:
			// "Not arthritis, my knees are fine, so could something in my
			// back be pressing on a nerve": parts said to be fine are
			// not where the sign is, so they make nothing two-sided
			// (set sAC). Any other denial keeps them: "I can't feel my
			// legs" is both legs.
			if !h.fine {
				c.plural = true
			}
		case kSingular:
			if slices.Contains(pronouns, h.phrase.toks[0]) {
				c.pronoun = true
			} else {
				c.singular = true
			}
		case kPart:
			switch {
			case r.joints[h.m.id]:
				c.joint = true
			case h.m.id == "hip" || h.m.id == "buttock":
				c.hip = true
			case r.limbs[h.m.id]:
				c.limb = true
			}
			if !h.negated {
				present[h.m.id] = true
			}
		case kSensation, kFlag, kTiming:
			if !h.negated {
				present[h.m.id] = true
			}
		}
	}
	// "It" names one side only where both are not said beside it: in
	// "both legs have swelled up and it's been a week" it is the legs.
	for i := range cl {
		if c := &cl[i]; c.pronoun && !(c.plural && present[sensBoth]) {
			c.singular = true
		}
	}
	// A clause that names no part goes on about the one before it ("hip
	// is paining, outside part, little tender to touch"): the hip's
	// tenderness is no clot sign, whichever clause says it.
	for i := 1; i < len(cl); i++ {
		if c, prev := &cl[i], cl[i-1]; !c.hip && !c.limb && !c.joint && prev.hip && !prev.limb && !prev.joint {
			c.hip = true
		}
	}
	facts := map[string]bool{}
	negated := map[string]bool{}
	// sided: the text names a side, or a part of a leg, anywhere.
	sided := slices.ContainsFunc(cl, func(c clauseCtx) bool { return c.singular || c.plural || c.limb || c.joint || c.hip }) ||
		slices.ContainsFunc(hits, func(h hit) bool { return r.names(h.phrase, kPart, kSingular, kPlural) })
	// A clause that names no part or side speaks of the parts the rest of
	// the text names: "both ankles puffy, just swollen" is two-sided. A
	// denial there ("my legs ache, no swelling") still denies the
	// one-sided sign a screening question asks about.
	textPlural := textPlural(cl)
	for _, h := range hits {
		switch h.m.kind {
		case kPart:
			if !h.negated && !slices.Contains(rd.Parts, h.m.id) {
				rd.Parts = append(rd.Parts, h.m.id)
			}
		case kSensation:
			if !h.negated && !slices.Contains(rd.Sensations, h.m.id) {
				rd.Sensations = append(rd.Sensations, h.m.id)
			}
		case kTiming:
			if !h.negated && !slices.Contains(rd.Timing, h.m.id) {
				rd.Timing = append(rd.Timing, h.m.id)
			}
		case kPerson:
			// "My husband's snoring and my legs are buzzing": the legs
			// are the speaker's own (own), and so are the questions.
			if rd.Person == "" && !own {
				rd.Person = h.m.id
				p := r.people[h.m.id]
				rd.Subject = p.subject
				if p.under3 {
					facts[factUnder3] = true
				}
			}
		case kAge:
			r.age(rd, h, facts)
		case kFine:
			negated[h.m.id] = true
		case kFlag:
			f := r.flags[h.m.id]
			c := cl[h.clause]
			fact := h.m.id
			switch {
			case f.Unsided != "" && !sided && !h.negated && !r.names(h.phrase, kPart, kSingular):
				fact = f.Unsided
				if slices.ContainsFunc(f.PluralUnless, func(id string) bool { return present[id] }) {
					fact = dropFact
				}
			case f.Chronic != "" && (present[timingLong] || present[timingGradual]) && !present[timingSudden]:
				// "Suddenly" said of it beats how long things have been:
				// "cold and white suddenly, bad circulation for years" is
				// a leg losing its blood supply now (review).
				fact = f.Chronic
			case f.Hip != "" && c.hip && !c.limb && !c.joint:
				fact = f.Hip
			case f.Joint != "" && c.joint && !c.limb && !c.hip:
				fact = f.Joint
			case f.Plural != "" && (c.plural && !c.singular || textPlural && !h.negated && !c.singular && !c.limb && !c.joint && !c.hip):
				fact = f.Plural
				if slices.ContainsFunc(f.PluralUnless, func(id string) bool { return present[id] }) {
					fact = dropFact
				}
			}
			if fact == dropFact || h.num >= 0 && h.num < f.Least {
				continue
			}
			if h.negated {
				negated[fact] = true
				continue
			}
			if len(f.With) > 0 && !slices.ContainsFunc(f.With, func(id string) bool { return present[id] || slices.Contains(known, id) }) {
				continue
			}
			if slices.ContainsFunc(f.Unless, func(id string) bool { return present[id] }) ||
				allSaid(f.UnlessAll, func(id string) bool { return present[id] }) {
				continue
			}
			if h.num < 0 && h.phrase != nil && len(h.phrase.toks) > 0 && h.phrase.toks[0] == "still" &&
				slices.ContainsFunc(f.UnlessStill, func(id string) bool { return present[id] }) {
				continue
			}
			facts[fact] = true
		}
	}
	// A combination may need a fact another one reads (a pregnancy told
	// by its weeks needs the swollen hands read from their parts), so
	// they are read until no new fact comes.
	for pass, n := 0, -1; pass < 4 && n != len(facts); pass++ {
		n = len(facts)
		r.readCombos(hits, cl, present, facts)
	}
	if rd.Subject == subjChild && (facts["pregnant"] || facts["recent_birth"]) &&
		!slices.ContainsFunc(hits, func(h hit) bool { return h.m.kind == kAge }) {
		// A daughter who is pregnant, or has just given birth, is grown
		// up: her legs are no child's growing pains.
		rd.Subject = subjOther
	}
	if rd.Subject == subjChild {
		facts[factChild] = true
	}
	for f := range facts {
		rd.Facts = append(rd.Facts, f)
	}
	for f := range negated {
		if !facts[f] {
			rd.Negated = append(rd.Negated, f)
		}
	}
	sort.Strings(rd.Facts)
	sort.Strings(rd.Negated)
	rd.Topic = r.topic(rd)
}

// clauseCtx is what a clause names: sides and kinds of part.
type clauseCtx struct{ plural, singular, pronoun, joint, limb, hip bool }

// pronouns start the singular phrases that refer back ("it's swollen")
// rather than name a side.
var pronouns = []string{"it", "it's", "its"}

// textPlural reports whether a text is two-sided: it names both sides and
// never one.
func textPlural(cl []clauseCtx) bool {
	return slices.ContainsFunc(cl, func(c clauseCtx) bool { return c.plural && !c.singular }) &&
		!slices.ContainsFunc(cl, func(c clauseCtx) bool { return c.singular })
}

// readCombos adds the facts of every combination that holds.
func (r *reader) readCombos(hits []hit, cl []clauseCtx, present, facts map[string]bool) {
	textPlural := textPlural(cl)
	for _, co := range r.combos {
		if !slices.ContainsFunc(co.Needs, func(id string) bool { return present[id] || facts[id] }) && len(co.Needs) > 0 ||
			slices.ContainsFunc(co.Unless, func(id string) bool { return present[id] || facts[id] }) ||
			allSaid(co.UnlessAll, func(id string) bool { return present[id] || facts[id] }) {
			continue
		}
		set := func(plural bool) {
			// "both legs" said anywhere makes the sign two-sided.
			plural = plural || present[sensBoth]
			fact := co.Fact
			if co.PluralFact != "" && plural {
				fact = co.PluralFact
				if slices.ContainsFunc(co.PluralUnless, func(id string) bool { return present[id] }) {
					return
				}
			}
			facts[fact] = true
		}
		if co.Text {
			if r.comboHolds(co, hits, -1, textPlural) {
				set(textPlural)
			}
			continue
		}
		for i := range cl {
			plural := cl[i].plural && !cl[i].singular
			if !cl[i].plural && !cl[i].singular {
				// A clause that names no part ("her shoes won't close")
				// speaks of the parts the rest of the text names.
				plural = textPlural
			}
			if r.comboHolds(co, hits, i, plural) {
				set(plural)
			}
		}
	}
}

// comboHolds reports whether a combination holds in one clause, or in the
// whole text when clause is -1.
func (r *reader) comboHolds(co combo, hits []hit, clause int, plural bool) bool {
	sens, and, part, when := false, len(co.And) == 0, len(co.Parts) == 0, len(co.Timing) == 0
	for _, h := range hits {
		if clause >= 0 && h.clause != clause || h.negated {
			continue
		}
		switch h.m.kind {
		case kSensation:
			sens = sens || slices.Contains(co.Sensations, h.m.id)
			and = and || slices.Contains(co.And, h.m.id)
		case kPart:
			part = part || slices.Contains(co.Parts, h.m.id)
		case kTiming:
			when = when || slices.Contains(co.Timing, h.m.id)
		case kFlag:
			// A sign said in words that feel ("knee's swollen", "swollen
			// and sore") tells what they feel too: a trip with a knee
			// swollen and sore is the fall-or-knock row. Only as the
			// feeling: what goes with it must be said in other words
			// ("sheets soaked" is no leak with the bedding).
			sens = sens || slices.ContainsFunc(h.felt, func(id string) bool { return slices.Contains(co.Sensations, id) })
		}
	}
	return sens && and && part && when && (!co.Plural || plural)
}

// age reads "my 2 year old", "8 months old".
func (r *reader) age(rd *Reading, h hit, facts map[string]bool) {
	if h.num < 0 {
		return
	}
	years := h.num
	if slices.ContainsFunc(h.phrase.toks, func(t string) bool { return strings.HasPrefix(t, "month") }) {
		years = h.num / 12
	}
	if years >= r.ages.child {
		return
	}
	if rd.Subject == "" || rd.Subject == subjChild {
		rd.Subject = subjChild
		if rd.Person == "" {
			rd.Person = "child"
		}
	}
	if years < r.ages.under3 {
		facts[factUnder3] = true
	}
}

func (r *reader) topic(rd *Reading) string {
	for _, t := range r.topics {
		if slices.Contains(t.Subjects, rd.Subject) ||
			slices.ContainsFunc(t.Sensations, func(s string) bool { return slices.Contains(rd.Sensations, s) }) ||
			slices.ContainsFunc(t.Parts, func(p string) bool { return slices.Contains(rd.Parts, p) }) {
			return t.Topic
		}
	}
	return ""
}

// SignGroup is one value of the interaction model's WarningSign slot
// type: a meaning (a sign, its denial, a timing, a part, or what is no
// sign) and every phrase the reader knows for it. The first phrase is the
// value, the rest its synonyms; a device sends the words it heard either
// way, and triage reads those words.
type SignGroup struct {
	ID      string
	Phrases []string
}

// SignPhrases lists the words of every warning sign and risk the reader
// knows, with their common denials ("no swelling"), for the interaction
// model's WarningSign slot type. A device keeps only the words of an
// intent's slots: with a sign slot on every symptom intent, "my knees ache
// and my face has gone droopy" still brings "face has gone droopy" to
// triage, and "no swelling" is heard as a denial, not as swelling.
func SignPhrases() []string {
	var out []string
	for _, g := range SignGroups() {
		out = append(out, g.Phrases...)
	}
	sort.Strings(out)
	return out
}

// SignGroups returns SignPhrases grouped by what they mean, each phrase in
// the first group that has it, groups and phrases sorted. A meaning with a
// single phrase joins the group before it in ID order (a denial another
// denial's, a sensation another sensation's), so every value has a
// synonym, as the model schema asks; the skill reads the words a device
// heard, never the value's ID, so the grouping only names what they are.
func SignGroups() []SignGroup {
	groups := map[string]map[string]bool{}
	var add func(id, p string)
	add = func(id, p string) {
		// A device hears the words, wherever the clause ends.
		p = strings.TrimSuffix(p, " "+tokEnd)
		// "sleeping in * armchair": the one word is most often whose.
		if strings.Count(p, "*") == 1 && p != "*" && !strings.Contains(p, "#") {
			for _, w := range signWildWords {
				add(id, strings.Replace(p, "*", w, 1))
			}
			return
		}
		if strings.ContainsAny(p, "#*") {
			return
		}
		if groups[id] == nil {
			groups[id] = map[string]bool{}
		}
		for _, said := range spokenForms(p) {
			groups[id][said] = true
		}
	}
	// deny adds a denial, unless its first words are a sign of their own.
	deny := func(id, p string) {
		if !std().opensWithSign(p) {
			add(id, p)
		}
	}
	// addSaid adds a phrase, a "#" in it as each number a device hears in
	// words ("for # minutes", "for # weeks") from least up; it reports
	// whether it did so.
	addSaid := func(id, p string, least int) bool {
		if !strings.Contains(p, "#") || strings.Contains(p, "*") {
			add(id, p)
			return false
		}
		nums := append(slices.Clone(agesNumbers), signNumbers...)
		if id == "sign-pregnant" || id == "sense-weeks_said" {
			nums = append(nums, pregnancyWeeks...)
		}
		for _, n := range nums {
			v, err := strconv.Atoi(n)
			if err != nil {
				v = numberOf(n)
			}
			if v >= least {
				add(id, strings.ReplaceAll(p, "#", n))
			}
		}
		return true
	}
	for id, f := range std().flags {
		for _, p := range f.Say {
			if addSaid("sign-"+id, p, f.Least) {
				continue
			}
			if strings.Count(p, " ") == 0 {
				for _, no := range signDenials {
					deny("no-"+id, no+" "+p)
				}
			} else if listedDenials[id] && strings.Count(p, " ") <= 3 && !deniesItself(p) && !saysNot(strings.Fields(p)) {
				// A phrase with its own "not" ("pee won't start") is not
				// denied by a "no" before it: "no, pee won't start" tells
				// the sign.
				// "no numbness between my legs", "not short of breath":
				// kept whole, or a device keeps "numbness between my
				// legs" and drops the "no".
				deny("no-"+id, "no "+p)
				deny("no-"+id, "not "+p)
				if nothingDenials[id] {
					// "nothing numb between my legs": a device that
					// drops "nothing" tells saddle numbness.
					deny("no-"+id, "nothing "+p)
				}
			}
		}
	}
	// Two signs denied in one breath ("not red or hot", "no swelling or
	// heat"), kept whole: a device that keeps "not red" and "hot" apart
	// tells a hot leg.
	for _, a := range pairedDenials {
		for _, b := range pairedDenials {
			if a == b {
				continue
			}
			// Not "and": "no swelling and red" says it is red.
			for _, no := range []string{"no", "not", "nothing"} {
				for _, join := range []string{"or", "nor"} {
					deny("no-pair", no+" "+a+" "+join+" "+b)
				}
			}
		}
	}
	// A bodily function said to be fine ("waterworks are fine", "no
	// trouble peeing"), kept whole: a device that keeps only "peeing"
	// beside "tingling" would tell a change in the bladder.
	for fact, texts := range std().fineSaid() {
		for _, text := range texts {
			add("no-"+fact, text)
		}
	}
	for _, p := range std().keepWhole {
		add("kept", p)
	}
	// One side named ("the other", "one calf"), so a sign kept beside it
	// is read as one-sided: "swollen compared to the other".
	for _, p := range std().sides {
		add("side", p)
	}
	// Both sides ("my ankles", "both legs"): swelling kept beside them is
	// two-sided, not one leg's.
	for _, p := range std().plurals {
		add("sides", p)
	}
	// What is no sign ("a hot day"), so a device keeps it whole rather
	// than "hot"; when and on which side ("by the end of the day", "both
	// ankles"); and what happened ("a kick", "a fall").
	for _, p := range std().ignore {
		add("nosign", p)
	}
	// A child ("my toddler", "my four year old"): a child's limp or fever
	// is a sign a grown-up's is not.
	for _, who := range std().peopleSay {
		add("who", who)
	}
	for _, age := range std().agesSay {
		for _, n := range agesNumbers {
			add("who", strings.ReplaceAll(age, "#", n))
		}
	}
	// The parts a combination reads a sign from ("cough" and "pink"), so
	// the slots keep both.
	ids := slices.Clone(signContext)
	for _, co := range std().combos {
		ids = append(ids, co.Sensations...)
		ids = append(ids, co.And...)
		ids = append(ids, co.Unless...)
		ids = append(ids, co.PluralUnless...)
		for _, all := range co.UnlessAll {
			ids = append(ids, all...)
		}
	}
	// What unmakes a sign travels with it: a tender calf after a cramp
	// ("cramp" kept), a cramp that has eased ("it's gone" kept).
	for _, f := range std().flags {
		ids = append(ids, f.Unless...)
		ids = append(ids, f.UnlessStill...)
		for _, all := range f.UnlessAll {
			ids = append(ids, all...)
		}
		ids = append(ids, f.PluralUnless...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	// Where numbness or a dark patch is a sign ("between my legs", "a
	// toe"), the back, without which a wet bed is no sign of a pressed
	// spinal cord, and the leg's own parts (signParts).
	for _, id := range signParts {
		for _, p := range std().partsSay[id] {
			add("part-"+id, p)
		}
	}
	for _, id := range ids {
		for _, p := range std().timingSay[id] {
			addSaid("when-"+id, p, 0)
		}
		for _, p := range std().sensations[id] {
			addSaid("sense-"+id, p, 0)
		}
	}
	// Each phrase once, in the first group (by ID) that has it; a group
	// left with one phrase joins its neighbour.
	names := slices.Sorted(maps.Keys(groups))
	seen := map[string]bool{}
	var out []SignGroup
	for _, id := range names {
		var ps []string
		for _, p := range slices.Sorted(maps.Keys(groups[id])) {
			if !seen[p] {
				seen[p] = true
				ps = append(ps, p)
			}
		}
		switch {
		case len(ps) == 0:
		case len(ps) == 1 && len(out) > 0:
			last := &out[len(out)-1]
			last.Phrases = append(last.Phrases, ps...)
		default:
			out = append(out, SignGroup{ID: id, Phrases: ps})
		}
	}
	if len(out) > 1 && len(out[0].Phrases) == 1 {
		out[1].Phrases = append(out[0].Phrases, out[1].Phrases...)
		out = out[1:]
	}
	return out
}

// fineSaid returns, by the fact it denies, each way fineForms say a
// bodily function is fine, but for those that open with a sign of their
// own (opensWithSign) and "'s" forms the reader keeps whole (keep_s):
// "down there's fine" is not "down there" said fine.
func (r *reader) fineSaid() map[string][]string {
	out := map[string][]string{}
	for fact, ps := range r.fine {
		for _, p := range ps {
			for _, form := range fineForms {
				if ws := strings.Fields(p); strings.Contains(form, "%'s") && r.keepS[ws[len(ws)-1]+"'s"] {
					continue
				}
				if text := strings.ReplaceAll(form, "%", p); !r.opensWithSign(text) {
					out[fact] = append(out[fact], text)
				}
			}
		}
	}
	return out
}

// opensWithSign reports whether a denial's first words are a sign of
// their own, so it denies nothing: "no urine problems" opens with
// retention's "no urine", "not walking funny" with a limp's "not walking".
// A function's own word ("breathing's fine") is no sign.
func (r *reader) opensWithSign(text string) bool {
	toks := r.tokens(text)
	p, _ := r.match(toks, 0)
	if p == nil {
		return false
	}
	negator := false
	if q, _ := r.match(toks[:1], 0); q != nil {
		negator = slices.ContainsFunc(q.means, func(m meaning) bool { return m.kind == kNegator })
	}
	return slices.ContainsFunc(p.means, func(m meaning) bool { return m.kind == kFlag }) || negator && isTerm(p)
}

// nothingDenials are the listed denials also said after "nothing"
// ("nothing numb down below", "nothing swollen").
var nothingDenials = map[string]bool{"saddle_numb": true, "numb": true, "one_leg_swollen": true, "leg_red": true, "leg_warm": true}

// pairedDenials are the one-word signs of a clot people deny in pairs.
var pairedDenials = []string{"swollen", "swelling", "puffy", "red", "redness", "hot", "warm", "heat", "tender"}

// fineForms say a bodily function (%) is fine, as WarningSign values.
var fineForms = []string{
	"no % problem", "no % problems", "no % issue", "no % issues",
	"% is fine", "%'s fine", "% fine", "% are fine", "% is normal", "%'s normal", "% normal",
	"% are normal", "% is ok", "% okay", "% normally", "% as normal", "normal %",
	"% all good", "%'s all good", "% is all good", "% is good", "%'s good",
	"no problem %", "no problem with %", "no problem in %", "no problems with %",
	"no trouble %", "no trouble with %", "no trouble in %", "no issues with %",
	"no % problems", "no % issues", "no % trouble",
}

// signParts are the body parts whose words the WarningSign values carry:
// with eight sign slots there is room for the leg's own parts beside the
// signs, and a sign needs its part ("puff up" is swelling only with one).
var signParts = []string{"groin", "toes", "back", "calf", "foot", "thigh", "hamstring", "leg", "ankle", "knee", "hip", "buttock"}

// agesNumbers stand for "#" in the ages of the WarningSign values. Each
// number is there in words and in digits: a recogniser may write either
// ("my 6 year old"), and a device keeps only what a value spells.
var agesNumbers = withDigits("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

// pregnancyWeeks stand for "#" in the WarningSign values that say a
// pregnancy ("i'm # weeks"): the weeks its warning signs come in.
var pregnancyWeeks = withDigits("twenty", "twenty one", "twenty two", "twenty three", "twenty four", "twenty five", "twenty six",
	"twenty seven", "twenty eight", "twenty nine", "thirty", "thirty one", "thirty two", "thirty three", "thirty four", "thirty five",
	"thirty six", "thirty seven", "thirty eight", "thirty nine", "forty")

// signNumbers stand for "#" in the WarningSign values.
var signNumbers = withDigits("two", "three", "four", "five", "six", "eight", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "twenty", "twenty five", "thirty", "forty five")

// withDigits returns numbers said in words followed by the same numbers
// in digits ("twenty eight", then "28").
func withDigits(words ...string) []string {
	out := slices.Clone(words)
	for _, w := range words {
		out = append(out, strconv.Itoa(numberOf(w)))
	}
	return out
}

// numberOf is the value of a number said in words ("twenty eight").
func numberOf(said string) int {
	n := 0
	for _, w := range strings.Fields(said) {
		n += std().numbers[w]
	}
	return n
}

// spokenForms returns a WarningSign phrase and the other ways a
// recogniser writes it: "cannot stand" and "my mom" (the vocabulary's heard), "not able
// to stand" (the vocabulary's phrasings), "heart's
// pounding" for "heart is pounding" where the reader reads it so (it takes
// most "'s" for a possessive), and "me leg" for "my leg" (UK and
// Australian speech, read as "my" before a part).
func spokenForms(p string) []string {
	out := []string{p}
	for said, as := range std().heard {
		if q, ok := withWord(p, as, said); ok {
			out = append(out, spokenForms(q)...)
		}
	}
	for _, ph := range std().phrasings {
		if len(ph.as) != 1 {
			continue
		}
		if q, ok := withWord(p, ph.as[0], strings.Join(ph.said, " ")); ok {
			out = append(out, q)
		}
	}
	if ws := strings.Fields(p); len(ws) > 2 && ws[1] == "is" {
		said := ws[0] + "'s " + strings.Join(ws[2:], " ")
		if rd := Read(said); len(rd.Facts)+len(rd.Negated)+len(rd.Sensations)+len(rd.Timing) > 0 {
			out = append(out, spokenForms(said)...)
		}
	}
	ws, me := strings.Fields(p), false
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == "my" && std().partWords[ws[i+1]] {
			ws[i], me = "me", true
		}
	}
	if me {
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

// withWord returns p with every whole word w said as instead, and whether
// p had w at all.
func withWord(p, w, instead string) (string, bool) {
	ws := strings.Fields(p)
	if !slices.Contains(ws, w) {
		return p, false
	}
	for i := range ws {
		if ws[i] == w {
			ws[i] = instead
		}
	}
	return strings.Join(ws, " "), true
}

// signWildWords stand for a "*" in the WarningSign values.
var signWildWords = []string{"my", "his", "her", "their", "the", "a", "me"}

// signContext names the timings and sensations whose words the WarningSign
// values carry besides the signs.
var signContext = []string{"daily", "gradual", "sudden", "both", "knock", "exertion", "cast", "fallen", "weeks", "began", "long", "weeks_said"}

// signDenials are the words that deny a one-word sign in the model's
// WarningSign values ("no swelling", "not red").
var signDenials = []string{"no", "not", "nothing", "without"}

// listedDenials are the signs people deny in a list ("no numbness down
// below, no trouble peeing, no temperature"): their phrases of two or three
// words are WarningSign values with "no" before them too.
var listedDenials = map[string]bool{
	"saddle_numb": true, "bladder_change": true, "bowel_change": true, "breathless": true,
	"chest_pain": true, "coughing_blood": true, "leg_red": true, "leg_warm": true, "fever": true,
	"limp": true, "headache_severe": true, "vision_blur": true, "one_leg_swollen": true, "numb": true,
}

// deniesItself reports whether a phrase already starts with a denial.
func deniesItself(p string) bool {
	first, _, _ := strings.Cut(p, " ")
	return slices.Contains(signDenials, first) || strings.HasSuffix(first, "n't")
}

// saysNot reports whether a phrase carries its own negation ("not
// easing", "won't let go").
func saysNot(toks []string) bool {
	return slices.ContainsFunc(toks, func(t string) bool {
		return t == "not" || t == "cannot" || t == "never" || t == "nothing" || t == "nothing's" || strings.HasSuffix(t, "n't")
	})
}
