package intents

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/nightlegs/nightlegs/intents/aches"
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// Someone else's night leg pain: "my son's legs hurt at night", "my mum has
// cramps". The conversation is the same, spoken about them; a child's goes
// to TopicChild first, because a child's night leg pain has its own warning
// signs.
const TopicChild session.Topic = "child"

const (
	// IntentSomeone is someone else's night leg pain.
	IntentSomeone = "SomeoneIntent"
	// factChild is triage's fact that the person is a child.
	factChild = "child"
	// answerPerson keeps which person ("son", "wife") the conversation is
	// about, so later turns speak of them the same way.
	answerPerson = "subject.person"
	// answerPartSaid keeps the part a conversation began with, as
	// partNamed's ID ("shin.many"), so its answers can name it (content's
	// {part}).
	answerPartSaid = "subject.part"
	// answerPronoun keeps "he" or "she" heard for a person the skill
	// would call "they" ("my flatmate ... her sciatica").
	answerPronoun = "subject.pronoun"
)

// Subjects, as kept in session.Context.Subject.
const (
	subjectSelf    = "self"
	subjectChild   = "child"
	subjectPartner = "partner"
	subjectParent  = "parent"
	subjectOther   = "other"
)

// person is how to speak about one person.
type person struct {
	Subject string `yaml:"subject"`
	Pronoun string `yaml:"pronoun"`
	Who     string `yaml:"who"`
}

// peopleData is people.yaml.
type peopleData struct {
	Pronouns map[string]map[string]string `yaml:"pronouns"`
	// Agree, Verbs, Auxiliaries and Adverbs make a plain verb after {you}
	// agree with he or she.
	Agree       []string          `yaml:"agree"`
	Verbs       map[string]string `yaml:"verbs"`
	Auxiliaries []string          `yaml:"auxiliaries"`
	Adverbs     []string          `yaml:"adverbs"`
	People      map[string]person `yaml:"people"`
	Subjects    map[string]person `yaml:"subjects"`
	Complaints  map[string]string `yaml:"complaints"`
}

// loadPeople reads and checks people.yaml: go generate and the tests run
// it.
func loadPeople(b []byte, decode decoder) (*peopleData, error) {
	var p peopleData
	if err := decode(b, &p); err != nil {
		return nil, fmt.Errorf("people.yaml: %w", err)
	}
	you, ok := p.Pronouns["you"]
	if !ok {
		return nil, fmt.Errorf("people.yaml: no pronouns for you")
	}
	for name, forms := range p.Pronouns {
		for k := range you {
			if forms[k] == "" {
				return nil, fmt.Errorf("people.yaml: pronouns %s lack %q", name, k)
			}
		}
		if len(forms) != len(you) {
			return nil, fmt.Errorf("people.yaml: pronouns %s differ from you's", name)
		}
	}
	check := func(kind, id string, pp person) error {
		if _, ok := p.Pronouns[pp.Pronoun]; !ok {
			return fmt.Errorf("people.yaml: %s %s has unknown pronoun %q", kind, id, pp.Pronoun)
		}
		if pp.Who == "" {
			return fmt.Errorf("people.yaml: %s %s has no who", kind, id)
		}
		return nil
	}
	for id, pp := range p.People {
		switch pp.Subject {
		case subjectChild, subjectPartner, subjectParent, subjectOther:
		default:
			return nil, fmt.Errorf("people.yaml: person %s has unknown subject %q", id, pp.Subject)
		}
		if err := check("person", id, pp); err != nil {
			return nil, err
		}
	}
	for _, name := range p.Agree {
		if _, ok := p.Pronouns[name]; !ok {
			return nil, fmt.Errorf("people.yaml: agree names unknown pronouns %q", name)
		}
	}
	for _, sub := range []string{subjectChild, subjectPartner, subjectParent, subjectOther} {
		pp, ok := p.Subjects[sub]
		if !ok {
			return nil, fmt.Errorf("people.yaml: no wording for subject %s", sub)
		}
		if err := check("subject", sub, pp); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

// placeholder matches {word} in content text. It is compiled when first
// needed: most texts have no placeholder, and start-up compiles nothing.
var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([A-Za-z]+)\}`) })

// forms returns the words that fill placeholders when speaking about
// whoever the conversation is about: heard, "he" or "she" said of them,
// stands for a person the skill would call "they".
func forms(subject, personID, heard string) map[string]string {
	pronoun, who := "you", "you"
	if subject != "" && subject != subjectSelf {
		pp, ok := people.People[personID]
		if !ok || pp.Subject != subject {
			pp = people.Subjects[subject]
		}
		if pp.Who != "" {
			pronoun, who = pp.Pronoun, pp.Who
		}
		if _, ok := people.Pronouns[heard]; ok && pronoun == "they" && heard != "you" {
			pronoun = heard
		}
	}
	f := make(map[string]string, len(people.Pronouns[pronoun])+2)
	for k, v := range people.Pronouns[pronoun] {
		f[k] = v
	}
	f["who"] = who
	f["part"] = f["your"] + " legs"
	f["joints"] = f["your"] + " joints"
	if slices.Contains(people.Agree, pronoun) {
		f[agreeKey] = "yes"
	}
	return f
}

// agreeKey marks forms whose plain verbs take the -s form. It has a space,
// so no placeholder can name it.
const agreeKey = "agree s"

// plainVerb matches {you} and the two words after it, with the word before
// {you} if any. It is compiled when first needed, as placeholder is.
var plainVerb = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:(\S+)\s+)?\{[Yy]ou\}(\s+)([a-z]+)(?:(\s+)([a-z]+))?`)
})

// agree gives a plain verb after {you} its -s form ("when {you} walks"),
// for forms that need it: the first word after {you}, or the second after
// a known adverb ("{you} first gets up").
func agree(text string, f map[string]string) string {
	if f[agreeKey] == "" || !strings.Contains(text, "{") {
		return text
	}
	return plainVerb().ReplaceAllStringFunc(text, func(m string) string {
		sub := plainVerb().FindStringSubmatch(m)
		before, sp1, w1, sp2, w2 := sub[1], sub[2], sub[3], sub[4], sub[5]
		if slices.Contains(people.Auxiliaries, strings.ToLower(strings.Trim(before, ",.;:"))) {
			return m
		}
		head := strings.TrimSuffix(m, sp1+w1+sp2+w2)
		switch {
		case people.Verbs[w1] != "":
			w1 = people.Verbs[w1]
		case slices.Contains(people.Adverbs, w1) && people.Verbs[w2] != "":
			w2 = people.Verbs[w2]
		}
		return head + sp1 + w1 + sp2 + w2
	})
}

// fill replaces placeholders in text with the given forms. A capitalised
// placeholder gives a capitalised word. Others are left as they are, for
// whoever fills them ({number}: triage fills in the emergency number).
func fill(text string, f map[string]string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	text = agree(text, f)
	return placeholder().ReplaceAllStringFunc(text, func(m string) string {
		name := m[1 : len(m)-1]
		w, ok := f[strings.ToLower(name)]
		if !ok {
			return m
		}
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsUpper(r) {
			r, n := utf8.DecodeRuneInString(w)
			w = string(unicode.ToUpper(r)) + w[n:]
		}
		return w
	})
}

// isJoint reports whether a part kept by partNamed is a joint.
func isJoint(id string) bool {
	part, _, _ := strings.Cut(id, ".")
	return part == "knee" || part == "hip" || part == "ankle"
}

// words fills a content text's placeholders for this turn's subject and
// locale.
func words(t *router.Turn, text string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	f := forms(t.State.Subject, t.State.Answer(answerPerson), t.State.Answer(answerPronoun))
	// "Night aches in your shins", "warmth soothes your knees": the part
	// the listener began with, where forms has the legs and the joints.
	if part := t.State.Answer(answerPartSaid); part != "" {
		f["part"] = partSaid(part, f["your"])
		if isJoint(part) {
			f["joints"] = f["part"]
		}
	}
	// The locale's emergency number ({number}) and where to get care today
	// ({urgent}) are triage's words.
	return triage.Fill(fill(text, f), t.Locale)
}

func (s *set) registerSomeone(r *router.Router) {
	r.IntentFunc(IntentSomeone, func(t *router.Turn) (router.Reply, error) {
		return s.someone(r, t)
	})
	s.answers[TopicChild] = s.childAnswer
}

// someone starts a conversation about another person: who it is decides how
// it is spoken about, and what they have decides which conversation takes
// it over.
func (s *set) someone(r *router.Router, t *router.Turn) (router.Reply, error) {
	value, id := t.SlotID("person")
	named := value != ""
	if !named {
		// A device sends "is my blood pooling in my legs" here too, with
		// no one kept in the person slot; a person a sign slot kept ("my
		// daughter's") is whom it is about, and with none it is the
		// listener's own.
		rd := keptReading(t)
		id, named = rd.Person, rd.Person != "" || rd.Subject != ""
	}
	if pp, ok := people.People[id]; ok {
		t.State.Subject = pp.Subject
		t.State.SetAnswer(answerPerson, id)
	} else if named && (t.State.Subject == "" || t.State.Subject == subjectSelf) || value != "" {
		// Someone this skill has no word for ("my neighbour").
		t.State.Subject = subjectOther
	}
	if t.State.Subject == subjectChild {
		// Triage's rules for children (a limp, fever or one painful leg)
		// hang on this fact.
		t.State.AddFacts(factChild)
		return s.child(t)
	}
	_, complaint := t.SlotID(slotComplaint)
	if complaint == "" && t.Slot("bodyPart") == "" && t.State.Topic != "" && t.State.Pending != "" {
		// "It's my husband" in the middle of a conversation: it goes on,
		// spoken about him.
		r := router.Reply{Speech: s.speech(t, "someone.noted")}
		s.resume(t, &r)
		return r, nil
	}
	if name := people.Complaints[complaint]; name != "" && r.Handles(name) {
		reply, err := r.Route(alexa.TypeIntent, name).Handle(t)
		if err != nil {
			return reply, err
		}
		reply.Speech = s.speech(t, "someone.about").Append(reply.Speech)
		return reply, nil
	}
	return aches.New(s).Open(t)
}

// child opens a child's night leg pain: what it usually is, then triage's
// screening questions for the signs that point elsewhere, one at a time.
func (s *set) child(t *router.Turn) (router.Reply, error) {
	begin(t, TopicChild)
	t.State.Step = "screen"
	return s.childScreen(t, []string{"child.intro"})
}

func (s *set) childAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	return s.childNext(t, nil, q, a)
}

// childScreen asks the next of the child's screening questions not yet
// answered; when all are, it gives the night's guidance.
func (s *set) childScreen(t *router.Turn, said []string) (router.Reply, error) {
	unsure := false
	for _, q := range screens.Screens[TopicChild] {
		switch dialog.Screened(t.State, q) {
		case "":
			return s.conv().Ask(t, said, q, s.childNext)
		case session.Yes:
			return s.childFlag(t, said)
		case session.Unknown:
			unsure = true
		}
	}
	t.State.Step = "relief"
	if unsure {
		// Not sure is not a no: growing pains are not assumed.
		return s.conv().Ask(t, append(said, "child.unsure"), "child.offer.stretch", s.childNext)
	}
	return s.conv().Ask(t, append(said, "child.relief"), "child.offer.stretch", s.childNext)
}

// childFlag answers a sign that points away from growing pains which
// triage did not escalate itself: a doctor should see the child.
func (s *set) childFlag(t *router.Turn, said []string) (router.Reply, error) {
	t.State.Step = "done"
	r := s.reply(t, append(said, "child.flag")...)
	r.End = true
	r.Night = dialog.Night(t, TopicChild, "see-doctor")
	return r, nil
}

func (s *set) childNext(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if q == "child.offer.stretch" {
		t.State.Step = "done"
		ids := append(said, "child.watch")
		if a == session.Yes {
			ids = append(said, "child.stretch", "child.watch")
		}
		r := s.reply(t, ids...)
		r.End = true
		r.Night = dialog.Night(t, TopicChild, "advised")
		return r, nil
	}
	if slices.Contains(screens.Screens[TopicChild], q) {
		return s.childScreen(t, said)
	}
	return s.fallback(t)
}

// pronounHeard is "she" or "he" when the words speak of someone only so,
// or "".
func pronounHeard(text string) string {
	she, he := false, false
	for _, w := range tokens(text) {
		switch w {
		case "she", "her", "hers", "she's", "herself":
			she = true
		case "he", "him", "his", "he's", "himself":
			he = true
		}
	}
	switch {
	case she && !he:
		return "she"
	case he && !she:
		return "he"
	}
	return ""
}
