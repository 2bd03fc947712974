// Package triage decides how soon the person Night Legs is talking about
// needs care, from the facts gathered so far in a session, and makes sure
// the listener hears it whatever the conversation was doing.
//
// Levels, highest first, are Emergency ("emergency": call the emergency
// number now), Urgent ("urgent": medical care today), Soon ("soon": a doctor
// in the next few days) and SelfCare ("self_care"). These strings are the
// contract of sessionAttributes["triage"]. A session's level only rises.
//
// Everything clinical is data under data/, for a clinician to review:
//
//   - data/facts.yaml: the fact vocabulary. Fact IDs (one_leg_swollen,
//     leg_warm, breathless, fever, pregnant, diabetes, foot_wound, child,
//     cramp_not_easing, ...) are what conversations, the symptom reader and
//     the screening questions add to session.Context.Facts. A fact ruled
//     out is kept as "not:<id>" (see NotFact); it never lowers a level.
//   - data/questions.yaml: the screening questions, by ID ("triage.swelling",
//     "triage.emergency", ...): spoken text and which facts a yes, a no or
//     an "I don't know" sets or rules out.
//   - data/rules.yaml: one rule per red flag, each with its level, the facts
//     that fire it and its source.
//
// A conversation asks a screening question with Ask (or by setting
// Context.Pending to its ID and saying Question(id)); Guard records the
// answer before the conversation sees it. Both IDs and facts are stable
// names: other packages' data refer to them.
package triage

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/nightlegs/nightlegs/internal/session"
)

// Levels, as kept in session.Context.Level and sessionAttributes["triage"].
const (
	Emergency = session.Emergency
	Urgent    = session.Urgent
	Soon      = session.Soon
	SelfCare  = session.SelfCare
)

// Level is a triage level (session.Level).
type Level = session.Level

// Higher returns the higher of two levels.
func Higher(a, b Level) Level { return a.Higher(b) }

// AtLeast reports whether level is at least min.
func AtLeast(level, min Level) bool { return level.AtLeast(min) }

// QuestionPrefix starts every screening question's ID, so a pending
// question can be told to be triage's.
const QuestionPrefix = "triage."

// notPrefix marks a ruled-out fact in session.Context.Facts.
const notPrefix = "not:"

// NotFact is how a ruled-out fact is kept in session.Context.Facts.
func NotFact(fact string) string { return notPrefix + fact }

// Answers a screening question can get (session.Yes, No, Unknown).
type Answer struct {
	Sets     []string `yaml:"sets"`
	RulesOut []string `yaml:"rules_out"`
}

// ScreeningQuestion is one of data/questions.yaml.
type ScreeningQuestion struct {
	ID      string `yaml:"-"`
	Ask     string `yaml:"ask"`
	Yes     Answer `yaml:"yes"`
	No      Answer `yaml:"no"`
	Unknown Answer `yaml:"unknown"`
	// OneSide is whether naming one leg ("the left one", "just my
	// right") answers yes: the question asks whether it is one leg.
	OneSide bool     `yaml:"one_side"`
	Sources []string `yaml:"sources"`
}

// answer returns what a given answer tells.
func (q *ScreeningQuestion) answer(a string) Answer {
	switch a {
	case session.Yes:
		return q.Yes
	case session.No:
		return q.No
	}
	return q.Unknown
}

type factsFile struct {
	Facts map[string]string `yaml:"facts"`
}

type questionsFile struct {
	Questions map[string]*ScreeningQuestion `yaml:"questions"`
	Answers   map[string]string             `yaml:"answers"`
}

// data is everything under data/, checked.
type data struct {
	facts     map[string]string
	questions map[string]*ScreeningQuestion
	answers   map[string]string // intent name → session.Yes/No/Unknown
	rules     []*Rule
	locales   map[string]Locale
	deflt     Locale
	intents   map[string][]string // red-flag intent → facts it tells
	unread    map[string]bool     // slot names whose values are not symptoms
	asking    map[string]bool     // slot names whose values are words that ask
	askHeard  map[string]bool     // red-flag intents for which asking words kept were heard
	causes    map[string]bool     // slot names whose values name a cause asked about
	context   []string            // slot names whose resolved ID is what the signs are about
	topics    map[string]string   // intent → the words it already says ("my cramp")
	require   map[string][]string // red-flag intent → what its slots must say for its facts
	reqAsked  map[string][]string // the same, narrower, when asking words or a cause were kept
	signSlots map[string]bool     // the WarningSign slots
	withhold  map[string][]string // red-flag intent → what in its slots withholds its facts
	own       map[string][]string // intent → slot values that are its own meaning, not signs
	numbers   []string            // every phone number the locales say, sorted
}

// RedFlagIntents lists the red-flag intents (data/intents.yaml), sorted.
func RedFlagIntents() []string {
	names := make([]string, 0, len(loaded.intents))
	for n := range loaded.intents {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Locale is what the triage answers say in one locale.
type Locale struct {
	// Emergency is the number to call now.
	Emergency string `yaml:"emergency"`
	// Urgent says where to get medical care today.
	Urgent string `yaml:"urgent"`
}

// LocaleOf returns what triage says in a locale ("en-GB"); a locale it
// does not know gets words that name no number.
func LocaleOf(locale string) Locale {
	if l, ok := loaded.locales[locale]; ok {
		return l
	}
	return loaded.deflt
}

// Numbers lists every phone number triage says in any locale (911, 999,
// 111, 000, 112), for the speech to read digit by digit: "nine nine nine",
// never "nine hundred and ninety-nine".
func Numbers() []string { return slices.Clone(loaded.numbers) }

// phoneNumbers finds the numbers the locales say, when the data is loaded
// (go generate), so that no regular expression is compiled at start-up.
func phoneNumbers(d *data) []string {
	phoneNumber := regexp.MustCompile(`\b\d{3,}\b`)
	seen := map[string]bool{}
	var nums []string
	add := func(text string) {
		for _, n := range phoneNumber.FindAllString(text, -1) {
			if !seen[n] {
				seen[n] = true
				nums = append(nums, n)
			}
		}
	}
	for _, l := range d.locales {
		add(l.Emergency)
		add(l.Urgent)
	}
	add(d.deflt.Emergency)
	add(d.deflt.Urgent)
	slices.Sort(nums)
	return nums
}

// Fill puts the locale's words in a text's {number} (the emergency
// number) and {urgent} (where to get care today) placeholders; other
// placeholders are left for the conversation to fill.
func Fill(text, locale string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	l := LocaleOf(locale)
	return strings.NewReplacer("{number}", l.Emergency, "{urgent}", l.Urgent).Replace(text)
}

// loaded, the data, is declared in data_gen.go: load's result, checked and
// written out as Go by go generate (see internal/golit), so that start-up
// parses nothing. TestGenerated fails when it no longer matches data/.
//
//go:generate go test -tags nightlegs_regen -count=1 -run TestGenerated . -args -generate

// decoder decodes a file of data/ ("rules.yaml") into v.
type decoder func(name string, v any) error

// load reads and checks data/*.yaml: go generate and the tests run it.
func load(decode decoder) (*data, error) {
	var ff factsFile
	if err := decode("facts.yaml", &ff); err != nil {
		return nil, err
	}
	var qf questionsFile
	if err := decode("questions.yaml", &qf); err != nil {
		return nil, err
	}
	d := &data{facts: ff.Facts, questions: qf.Questions, answers: qf.Answers}
	for id, q := range d.questions {
		q.ID = id
		if !strings.HasPrefix(id, QuestionPrefix) {
			return nil, fmt.Errorf("question %q: ID must start with %q", id, QuestionPrefix)
		}
		if q.Ask == "" || len(q.Sources) == 0 {
			return nil, fmt.Errorf("question %q: needs ask and sources", id)
		}
		for _, a := range []Answer{q.Yes, q.No, q.Unknown} {
			for _, f := range slices.Concat(a.Sets, a.RulesOut) {
				if _, ok := d.facts[f]; !ok {
					return nil, fmt.Errorf("question %q: unknown fact %q", id, f)
				}
			}
		}
		if len(q.Yes.Sets)+len(q.No.Sets) == 0 {
			return nil, fmt.Errorf("question %q: neither answer tells anything", id)
		}
	}
	rules, err := loadRules(d.facts, decode)
	if err != nil {
		return nil, err
	}
	d.rules = rules
	var lf struct {
		Locales map[string]Locale `yaml:"locales"`
		Default Locale            `yaml:"default"`
	}
	if err := decode("locales.yaml", &lf); err != nil {
		return nil, err
	}
	for name, l := range lf.Locales {
		if l.Emergency == "" || l.Urgent == "" {
			return nil, fmt.Errorf("locales.yaml: %s needs emergency and urgent", name)
		}
	}
	d.locales, d.deflt = lf.Locales, lf.Default
	var inf struct {
		Intents  map[string][]string `yaml:"intents"`
		Unread   []string            `yaml:"unread_slots"`
		Topics   map[string]string   `yaml:"topics"`
		Require  map[string][]string `yaml:"require"`
		ReqAsked map[string][]string `yaml:"require_asked"`
		Signs    []string            `yaml:"sign_slots"`
		Withhold map[string][]string `yaml:"withhold"`
		Own      map[string][]string `yaml:"own"`
		Context  []string            `yaml:"context_slots"`
		Asking   []string            `yaml:"asking_slots"`
		Heard    []string            `yaml:"asked_heard"`
		Causes   []string            `yaml:"cause_slots"`
	}
	if err := decode("intents.yaml", &inf); err != nil {
		return nil, err
	}
	for name, facts := range inf.Intents {
		for _, f := range facts {
			if _, ok := d.facts[f]; !ok {
				return nil, fmt.Errorf("intents.yaml: %s: unknown fact %q", name, f)
			}
		}
	}
	d.intents = inf.Intents
	d.topics = inf.Topics
	d.withhold = inf.Withhold
	d.own = inf.Own
	d.require = inf.Require
	d.signSlots = map[string]bool{}
	for _, n := range inf.Signs {
		d.signSlots[n] = true
	}
	for name := range inf.Require {
		if _, ok := inf.Intents[name]; !ok {
			return nil, fmt.Errorf("intents.yaml: require: %s is not a red-flag intent", name)
		}
	}
	for name := range inf.Withhold {
		if _, ok := inf.Intents[name]; !ok {
			return nil, fmt.Errorf("intents.yaml: withhold: %s is not a red-flag intent", name)
		}
	}
	d.context = inf.Context
	d.unread = map[string]bool{}
	for _, name := range inf.Unread {
		d.unread[name] = true
	}
	d.asking = map[string]bool{}
	for _, name := range inf.Asking {
		d.asking[name] = true
	}
	d.askHeard = map[string]bool{}
	for _, name := range inf.Heard {
		if _, ok := inf.Require[name]; !ok {
			return nil, fmt.Errorf("intents.yaml: asked_heard: %s has no require list", name)
		}
		d.askHeard[name] = true
	}
	for name := range inf.ReqAsked {
		if !d.askHeard[name] {
			return nil, fmt.Errorf("intents.yaml: require_asked: %s is not in asked_heard", name)
		}
	}
	d.reqAsked = inf.ReqAsked
	d.causes = map[string]bool{}
	for _, name := range inf.Causes {
		d.causes[name] = true
	}
	d.numbers = phoneNumbers(d)
	return d, nil
}

// Known reports whether fact is in the vocabulary.
func Known(fact string) bool {
	_, ok := loaded.facts[fact]
	return ok
}

// Facts lists the fact vocabulary, sorted.
func Facts() []string {
	ids := make([]string, 0, len(loaded.facts))
	for id := range loaded.facts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// questionID accepts an ID with or without the "triage." prefix.
func questionID(id string) string {
	if strings.HasPrefix(id, QuestionPrefix) {
		return id
	}
	return QuestionPrefix + id
}

// Lookup returns a screening question by ID ("triage.swelling" or
// "swelling").
func Lookup(id string) (*ScreeningQuestion, bool) {
	q, ok := loaded.questions[questionID(id)]
	return q, ok
}

// Question returns the spoken text of a screening question, with its
// placeholders unfilled, or "" for an unknown ID.
func Question(id string) string {
	if q, ok := Lookup(id); ok {
		return q.Ask
	}
	return ""
}

// Questions lists the screening question IDs, sorted.
func Questions() []string {
	ids := make([]string, 0, len(loaded.questions))
	for id := range loaded.questions {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Ask makes screening question id the pending question and returns its
// text (placeholders unfilled) for the reply's Question.
func Ask(c *session.Context, id string) string {
	q, ok := Lookup(id)
	if !ok {
		panic(fmt.Sprintf("triage: no screening question %q", id)) // caught by tests
	}
	c.Pending = q.ID
	return q.Ask
}

// NeedsAsking reports whether screening question id would tell anything
// new: it was not answered this session, and what a yes would tell is
// neither known nor ruled out already.
func NeedsAsking(c *session.Context, id string) bool {
	q, ok := Lookup(id)
	if !ok || c.Answered(q.ID) {
		return false
	}
	for _, f := range q.Yes.Sets {
		if !c.HasFact(f) && !c.HasFact(NotFact(f)) {
			return true
		}
	}
	for _, f := range q.No.Sets {
		if !c.HasFact(f) && !c.HasFact(NotFact(f)) {
			return true
		}
	}
	return false
}

// AnswerOf returns the answer an intent gives to a pending question
// (session.Yes, No or Unknown), or "" if it is not an answer.
func AnswerOf(intent string) string { return loaded.answers[intent] }

// Record keeps what an answer to screening question id tells. It reports
// false if id is not a screening question.
func Record(c *session.Context, id, answer string) bool {
	q, ok := Lookup(id)
	if !ok {
		return false
	}
	a := q.answer(answer)
	c.AddFacts(a.Sets...)
	for _, f := range a.RulesOut {
		if !c.HasFact(f) {
			c.AddFacts(NotFact(f))
		}
	}
	c.SetAnswer(q.ID, answer)
	return true
}
