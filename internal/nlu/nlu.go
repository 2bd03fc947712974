// Package nlu understands typed text the way an Alexa device understands
// speech, from the skill's own interaction model: it picks the intent whose
// sample utterance fits the words, fills its slots, and resolves slot values
// to the slot type's canonical values as Alexa's entity resolution does.
//
// The console and the transcript tests use it, so what they exercise is the
// real interaction model, not a list of phrases kept beside it. It is not
// Alexa's recogniser: it matches words exactly after normalising them
// (case, punctuation, contractions), so a phrase that works here is one the
// model lists, which is what a reviewer of the model wants to see.
package nlu

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/alexa"
)

// Built-in intents the matcher itself falls back to.
const (
	FallbackIntent = alexa.IntentFallback
	numberType     = alexa.SlotTypeNumber
)

// Matcher matches text to the intents of one interaction model. It is safe
// for concurrent use; build it once, it compiles every sample utterance.
type Matcher struct {
	lang       *language
	invocation []string
	patterns   []*pattern // most specific first
	// catchAll is the intent whose only sample is one free-form slot: what
	// a device sends when nothing more specific fits. Nil if the model has
	// none.
	catchAll *intentSpec
	// catchAllSlot is that sample's slot, catchAllType its type.
	catchAllSlot string
	catchAllType *slotType
	skillID      string
}

// Options configure a Matcher.
type Options struct {
	// Locale picks the language data (default en-US).
	Locale string
	// SkillID names the entity-resolution authority of custom slot types,
	// as Alexa does: amzn1.er-authority.echo-sdk.<SkillID>.<Type>.
	SkillID string
}

type intentSpec struct {
	name  string
	slots []infra.Slot
}

// slotKind is how a slot's words are checked and its value filled.
type slotKind int

const (
	// custom: one of the type's values or synonyms, resolved to it.
	custom slotKind = iota
	// extended: a built-in type the model adds values to: any words,
	// resolved when they are one of the added values.
	extended
	// number: AMAZON.NUMBER, digits or number words, valued in digits.
	number
	// free: any other built-in type, such as AMAZON.SearchQuery: any words.
	free
)

type slotType struct {
	name string
	kind slotKind
	// values maps a normalised value or synonym to what it resolves to
	// (several values when they share a synonym).
	values map[string][]alexa.ResolvedValue
	maxLen int // most words of any value
}

type element struct {
	literal string
	slot    string    // slot name, when the element is a slot
	typ     *slotType // slot type, when the element is a slot
}

type pattern struct {
	intent   *intentSpec
	sample   string
	elems    []element
	literals []string // distinct literal words, to reject quickly
	nLit     int
	nTyped   int // custom, extended and number slots
	nFree    int
	minLen   int
	maxLen   int // -1 when a free slot makes it unbounded
	implicit bool
	order    int
}

// New compiles a language model.
func New(m *infra.LanguageModel, opt Options) (*Matcher, error) {
	if opt.Locale == "" {
		opt.Locale = "en-US"
	}
	lang, err := loadLanguage(opt.Locale)
	if err != nil {
		return nil, err
	}
	mt := &Matcher{lang: lang, invocation: lang.normalise(m.InvocationName)[0], skillID: opt.SkillID}

	types := map[string]*slotType{}
	for _, st := range m.Types {
		t := &slotType{name: st.Name, kind: custom, values: map[string][]alexa.ResolvedValue{}}
		if strings.HasPrefix(st.Name, alexa.BuiltinPrefix) {
			t.kind = extended
		}
		for _, v := range st.Values {
			rv := alexa.ResolvedValue{Name: v.Name.Value, ID: v.ID}
			for _, phrase := range append([]string{v.Name.Value}, v.Name.Synonyms...) {
				for _, toks := range lang.normalise(phrase) {
					if len(toks) == 0 {
						continue
					}
					key := strings.Join(toks, " ")
					if !slices.Contains(t.values[key], rv) {
						t.values[key] = append(t.values[key], rv)
					}
					t.maxLen = max(t.maxLen, len(toks))
				}
			}
		}
		types[st.Name] = t
	}
	typeOf := func(name string) (*slotType, error) {
		if t, ok := types[name]; ok {
			return t, nil
		}
		switch {
		case name == numberType:
			t := &slotType{name: name, kind: number, maxLen: 8}
			types[name] = t
			return t, nil
		case strings.HasPrefix(name, alexa.BuiltinPrefix):
			t := &slotType{name: name, kind: free}
			types[name] = t
			return t, nil
		}
		return nil, fmt.Errorf("slot type %q is not declared", name)
	}

	order := 0
	add := func(in *intentSpec, sample string, implicit bool) error {
		ps, err := mt.compile(in, sample, typeOf)
		if err != nil {
			return fmt.Errorf("intent %s sample %q: %w", in.name, sample, err)
		}
		for _, p := range ps {
			p.implicit, p.order = implicit, order
			order++
			if p.nLit == 0 && p.nTyped == 0 {
				// Only free-form slots: it fits anything, so it is the
				// catch-all, tried when nothing else fits.
				if len(p.elems) == 1 && mt.catchAll == nil {
					mt.catchAll, mt.catchAllSlot = in, p.elems[0].slot
				}
				continue
			}
			mt.patterns = append(mt.patterns, p)
		}
		return nil
	}
	for _, in := range m.Intents {
		spec := &intentSpec{name: in.Name, slots: in.Slots}
		if slot, ok := loneSlot(in); ok {
			// The catch-all: Alexa fills an intent's only slot with
			// whatever was said when nothing more specific fits, even
			// for a custom type (a lone AMAZON.SearchQuery sample does
			// not build, so models give it a custom type of sample
			// phrases).
			if mt.catchAll == nil {
				t, err := typeOf(in.Slots[0].Type)
				if err != nil {
					return nil, fmt.Errorf("intent %s: %w", in.Name, err)
				}
				mt.catchAll, mt.catchAllSlot, mt.catchAllType = spec, slot, t
			}
			continue
		}
		for _, s := range in.Samples {
			if err := add(spec, s, false); err != nil {
				return nil, err
			}
		}
		for _, s := range lang.Builtins[in.Name] {
			if err := add(spec, s, true); err != nil {
				return nil, err
			}
		}
	}
	slices.SortStableFunc(mt.patterns, func(a, b *pattern) int { return a.rank(b) })
	return mt, nil
}

// loneSlot reports whether an intent's only sample utterance is a single
// slot, and names it.
func loneSlot(in infra.Intent) (string, bool) {
	if len(in.Samples) != 1 || len(in.Slots) != 1 {
		return "", false
	}
	if strings.TrimSpace(in.Samples[0]) != "{"+in.Slots[0].Name+"}" {
		return "", false
	}
	return in.Slots[0].Name, true
}

// rank orders patterns most specific first: more literal words, then more
// slots whose words are checked, then fewer free-form slots, then the
// model's own samples before a device's built-in phrases, then model order.
func (p *pattern) rank(q *pattern) int {
	switch {
	case p.nLit != q.nLit:
		return q.nLit - p.nLit
	case p.nTyped != q.nTyped:
		return q.nTyped - p.nTyped
	case p.nFree != q.nFree:
		return p.nFree - q.nFree
	case p.implicit != q.implicit:
		if p.implicit {
			return 1
		}
		return -1
	}
	return p.order - q.order
}

// compile parses a sample utterance into literal words and slots: one
// pattern per reading of its contractions.
func (mt *Matcher) compile(in *intentSpec, sample string, typeOf func(string) (*slotType, error)) ([]*pattern, error) {
	readings := [][]element{nil}
	rest := sample
	for rest != "" {
		open := strings.IndexByte(rest, '{')
		lits := rest
		if open >= 0 {
			lits = rest[:open]
		}
		if vs := mt.lang.normalise(lits); len(vs[0]) > 0 {
			var next [][]element
			for _, v := range vs {
				for _, r := range readings {
					r = slices.Clone(r)
					for _, w := range v {
						r = append(r, element{literal: w})
					}
					next = append(next, r)
				}
			}
			readings = next
		}
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			return nil, fmt.Errorf("unclosed {")
		}
		name := rest[open+1 : open+end]
		rest = rest[open+end+1:]
		var slot *infra.Slot
		for i := range in.slots {
			if in.slots[i].Name == name {
				slot = &in.slots[i]
			}
		}
		if slot == nil {
			return nil, fmt.Errorf("slot {%s} is not declared", name)
		}
		t, err := typeOf(slot.Type)
		if err != nil {
			return nil, err
		}
		for i := range readings {
			readings[i] = append(readings[i], element{slot: name, typ: t})
		}
	}
	if len(readings[0]) == 0 {
		return nil, fmt.Errorf("empty sample")
	}
	ps := make([]*pattern, 0, len(readings))
	for _, elems := range readings {
		p := &pattern{intent: in, sample: sample, elems: elems, minLen: len(elems)}
		seen := map[string]bool{}
		for _, e := range elems {
			switch {
			case e.typ == nil:
				p.nLit++
				if p.maxLen >= 0 {
					p.maxLen++
				}
				if !seen[e.literal] {
					seen[e.literal] = true
					p.literals = append(p.literals, e.literal)
				}
			case e.typ.kind == free:
				p.nFree++
				p.maxLen = -1
			case e.typ.kind == extended:
				// Checked against its values, but takes any words.
				p.nTyped++
				p.maxLen = -1
			default:
				p.nTyped++
				if p.maxLen >= 0 {
					p.maxLen += e.typ.maxLen
				}
			}
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// Heard is what a device made of a line: a launch, or an intent, and
// whether the line named the skill (which starts a new session).
type Heard struct {
	// Launch is "open night legs" or nothing at all.
	Launch bool
	// Invoked is true when the line named the skill, as in "ask night
	// legs, my calf is cramping".
	Invoked bool
	// Intent is the intent for a line that is not a launch.
	Intent *alexa.Intent
}

// Hear reads a line the way a device does: a wake word is ignored; "open
// night legs" (or an empty line) launches the skill; "ask night legs ..."
// sends the rest as a one-shot request; anything else is matched as said
// inside a session.
func (mt *Matcher) Hear(text string) Heard {
	ws := words(text)
	readings := mt.lang.tokens(ws)
	toks := readings[0]
	skip := 0
	for skip < len(toks) && slices.Contains(mt.lang.Wake, toks[skip].text) {
		skip++
	}
	if skip == len(toks) {
		return Heard{Launch: true}
	}
	for _, verbs := range [][]string{mt.lang.Launch, mt.lang.OneShot} {
		n, ok := mt.invoked(toks[skip:], verbs)
		if !ok {
			continue
		}
		if n == len(toks)-skip {
			return Heard{Launch: true, Invoked: true}
		}
		skip += n
		original := strings.TrimSpace(text[ws[toks[skip].word].start:])
		return Heard{Invoked: true, Intent: mt.match(trim(readings, toks[skip].word), ws, original)}
	}
	original := text
	if skip > 0 {
		original = text[ws[toks[skip].word].start:]
	}
	return Heard{Intent: mt.match(trim(readings, toks[skip].word), ws, strings.TrimSpace(original))}
}

// trim drops the tokens of the words before word w from every reading.
func trim(readings [][]token, w int) [][]token {
	out := make([][]token, len(readings))
	for i, r := range readings {
		j := 0
		for j < len(r) && r[j].word < w {
			j++
		}
		out[i] = r[j:]
	}
	return out
}

// invoked reports whether toks start with one of verbs and the invocation
// name, and how many tokens those and any connecting words take.
func (mt *Matcher) invoked(toks []token, verbs []string) (int, bool) {
	for _, v := range verbs {
		vt := mt.lang.normalise(v)[0]
		if !hasPrefix(toks, vt) || !hasPrefix(toks[len(vt):], mt.invocation) {
			continue
		}
		n := len(vt) + len(mt.invocation)
		for n < len(toks) && (slices.Contains(mt.lang.Connectors, toks[n].text) || toks[n].text == "and") {
			n++
		}
		// Words of one contraction stay together.
		for n < len(toks) && !toks[n].first {
			n++
		}
		return n, true
	}
	return 0, false
}

func hasPrefix(toks []token, words []string) bool {
	if len(words) == 0 || len(toks) < len(words) {
		return false
	}
	for i, w := range words {
		if toks[i].text != w {
			return false
		}
	}
	return true
}

// Match returns the intent for text said inside a session. Text that fits
// no sample goes to the catch-all intent with the whole text in its slot, or
// to AMAZON.FallbackIntent when the model has no catch-all.
func (mt *Matcher) Match(text string) *alexa.Intent {
	ws := words(text)
	return mt.match(mt.lang.tokens(ws), ws, strings.TrimSpace(text))
}

// match tries the patterns, most specific first, against every reading of
// the text.
func (mt *Matcher) match(readings [][]token, ws []word, original string) *alexa.Intent {
	if len(readings[0]) > 0 {
		present := make(map[string]struct{}, len(readings[0]))
		for _, r := range readings {
			for _, t := range r {
				present[t.text] = struct{}{}
			}
		}
		buf := make([][2]int, 0, 4)
	next:
		for _, p := range mt.patterns {
			for _, l := range p.literals {
				if _, ok := present[l]; !ok {
					continue next
				}
			}
			for _, toks := range readings {
				if len(toks) < p.minLen || (p.maxLen >= 0 && len(toks) > p.maxLen) {
					continue
				}
				if spans, ok := mt.fit(p.elems, toks, 0, buf[:0]); ok {
					return mt.intent(p, toks, ws, spans)
				}
			}
		}
	}
	if mt.catchAll != nil && len(readings[0]) > 0 {
		in := newIntent(mt.catchAll)
		var res *alexa.Resolutions
		if mt.catchAllType != nil && mt.catchAllType.kind == custom {
			// As on a device: entity resolution runs on a custom
			// type's slot, and mostly finds no match.
			res = mt.resolve(mt.catchAllType, readings[0])
		}
		in.Slots[mt.catchAllSlot] = filled(mt.catchAllSlot, strings.Join(strings.Fields(original), " "), res)
		return in
	}
	return &alexa.Intent{Name: FallbackIntent, ConfirmationStatus: alexa.ConfirmationNone}
}

// fit matches elems against all of toks, slots taking the longest fit
// first, and returns the span of each slot element.
func (mt *Matcher) fit(elems []element, toks []token, at int, spans [][2]int) ([][2]int, bool) {
	if len(elems) == 0 {
		return spans, at == len(toks)
	}
	e := elems[0]
	if e.typ == nil {
		if at < len(toks) && toks[at].text == e.literal {
			return mt.fit(elems[1:], toks, at+1, spans)
		}
		return spans, false
	}
	// Leave at least one token for each element still to come.
	longest := len(toks) - at - (len(elems) - 1)
	if (e.typ.kind == custom || e.typ.kind == number) && e.typ.maxLen < longest {
		longest = e.typ.maxLen
	}
	for n := longest; n >= 1; n-- {
		if !mt.accepts(e.typ, toks[at:at+n]) {
			continue
		}
		if out, ok := mt.fit(elems[1:], toks, at+n, append(spans, [2]int{at, at + n})); ok {
			return out, true
		}
	}
	return spans, false
}

func (mt *Matcher) accepts(t *slotType, toks []token) bool {
	switch t.kind {
	case custom:
		_, ok := t.values[joinTokens(toks)]
		return ok
	case number:
		_, ok := mt.lang.number(toks)
		return ok
	}
	return true
}

func joinTokens(toks []token) string {
	if len(toks) == 1 {
		return toks[0].text
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// intent builds the matched intent with every declared slot, filled or not,
// as Alexa sends it.
func (mt *Matcher) intent(p *pattern, toks []token, ws []word, spans [][2]int) *alexa.Intent {
	in := newIntent(p.intent)
	i := 0
	for _, e := range p.elems {
		if e.typ == nil {
			continue
		}
		sp := toks[spans[i][0]:spans[i][1]]
		i++
		value := spoken(sp, ws)
		var res *alexa.Resolutions
		switch e.typ.kind {
		case number:
			value, _ = mt.lang.number(sp)
		case custom, extended:
			res = mt.resolve(e.typ, sp)
		}
		in.Slots[e.slot] = filled(e.slot, value, res)
	}
	return in
}

// spoken is a slot's value as Alexa gives it: the words said, in lower
// case, without punctuation. A slot that starts or ends inside a contraction
// gets the long form.
func spoken(sp []token, ws []word) string {
	if sp[0].first && sp[len(sp)-1].last {
		parts := make([]string, 0, len(sp))
		for w := sp[0].word; w <= sp[len(sp)-1].word; w++ {
			parts = append(parts, ws[w].text)
		}
		return strings.Join(parts, " ")
	}
	return joinTokens(sp)
}

// resolve is entity resolution for a slot of a type with values: the
// values the words are, or no match.
func (mt *Matcher) resolve(t *slotType, sp []token) *alexa.Resolutions {
	r := alexa.Resolution{
		Authority: "amzn1.er-authority.echo-sdk." + mt.skillID + "." + t.name,
		Status:    alexa.ResolutionStatus{Code: alexa.ResolutionNoMatch},
	}
	if vs := t.values[joinTokens(sp)]; len(vs) > 0 {
		r.Status.Code = alexa.ResolutionMatch
		for _, v := range vs {
			r.Values = append(r.Values, alexa.ResolutionValue{Value: v})
		}
	}
	return &alexa.Resolutions{ResolutionsPerAuthority: []alexa.Resolution{r}}
}

func newIntent(spec *intentSpec) *alexa.Intent {
	in := &alexa.Intent{Name: spec.name, ConfirmationStatus: alexa.ConfirmationNone, Slots: map[string]alexa.Slot{}}
	for _, s := range spec.slots {
		in.Slots[s.Name] = alexa.Slot{Name: s.Name, ConfirmationStatus: alexa.ConfirmationNone}
	}
	return in
}

// filled returns a slot with a value, in both the classic form (value,
// resolutions) and the newer slotValue form.
func filled(name, value string, res *alexa.Resolutions) alexa.Slot {
	sv := struct {
		Type        string             `json:"type"`
		Value       string             `json:"value"`
		Resolutions *alexa.Resolutions `json:"resolutions,omitempty"`
	}{"Simple", value, res}
	raw, err := json.Marshal(sv)
	if err != nil {
		panic(err) // strings and plain structs always encode
	}
	return alexa.Slot{
		Name:               name,
		Value:              value,
		ConfirmationStatus: alexa.ConfirmationNone,
		Source:             "USER",
		Resolutions:        res,
		SlotValue:          raw,
	}
}

// Conflicts lists sample utterances that two intents share, after
// normalising, with slots compared by type. A device could send either
// intent for them; Alexa's model build warns about the same thing.
func (mt *Matcher) Conflicts() []string {
	first := map[string]*pattern{}
	var out []string
	for _, p := range mt.patterns {
		var b strings.Builder
		for _, e := range p.elems {
			if e.typ != nil {
				b.WriteString("{" + e.typ.name + "} ")
			} else {
				b.WriteString(e.literal + " ")
			}
		}
		key := b.String()
		q, ok := first[key]
		switch {
		case !ok:
			first[key] = p
		case q.intent != p.intent:
			out = append(out, fmt.Sprintf("%q: %s %q and %s %q", strings.TrimSpace(key), q.intent.name, q.sample, p.intent.name, p.sample))
		}
	}
	return out
}
