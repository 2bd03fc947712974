package triage

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/symptom"
)

// toldKey is the session.Context answer that records the highest level
// whose answer the listener has heard, so each is said once while the
// level itself stays.
const toldKey = "triage.told"

// SaidKey is the context answer that keeps the content IDs of the last
// emergency or urgent answer, comma-separated, never its words: "say that
// again" after it, in the session that follows, says it again, not the
// self-care said before it.
const SaidKey = "triage.said"

// freeTextSlot is the catch-all intent's slot; the pipeline has already
// put its value in Turn.Text.
const freeTextSlot = alexa.SlotText

// Subject values of session.Context.Subject that triage reads.
const (
	subjectChild = "child"
	subjectSelf  = "self"
)

// Guard is the triage check on every turn (it implements skill.Triage). It
// gathers facts from what the turn says, records answers to screening
// questions, raises the session's level, and answers in the level's own
// words when the level calls for it.
type Guard struct {
	lib *content.Library
}

// NewGuard returns a Guard that speaks texts from lib. It fails if a text
// the rules need is missing.
func NewGuard(lib *content.Library) (*Guard, error) {
	g := &Guard{lib: lib}
	need := []string{"triage.emergency.call", "triage.emergency.repeat", "triage.urgent.care", "triage.soon.doctor", "triage.screen.say", "triage.why.general"}
	for _, r := range loaded.rules {
		need = append(need, r.Why)
		if r.Meanwhile != "" {
			need = append(need, r.Meanwhile, r.Worse)
		}
	}
	for _, id := range need {
		if !lib.Has(id) {
			return nil, fmt.Errorf("triage: content text %q is missing", id)
		}
	}
	return g, nil
}

// Text returns a content text's spoken lines joined, filled for a locale.
func (g *Guard) Text(id, locale string) string {
	return Fill(strings.Join(g.lib.Get(id).Say, " "), locale)
}

// Before gathers what the turn tells and preempts the conversation when
// the level calls for it.
func (g *Guard) Before(t *router.Turn) (*router.Reply, error) {
	c := t.State
	var rd *symptom.Reading
	if t.Text != "" {
		// Read in the light of the conversation's topic: "more than ten
		// minutes" said about a cramp is a cramp that won't ease.
		r := symptom.ReadAbout(t.Text, string(c.Topic))
		rd = &r
	}
	if q, ok := Lookup(c.Pending); ok && c.Pending == q.ID {
		if a := g.answerTo(q, t, rd); a != "" {
			Record(c, q.ID, a)
		}
	}
	if rd != nil {
		addReading(c, *rd)
	}
	var slots symptom.Reading
	// saidMore: words were kept that need not be the sign (words read as
	// no sign, or a question's asking words, asked_heard).
	saidMore := false
	// lone: one complaint kept in the sign slots and no question's words
	// (asking words, a cause): what was said beside the sample's own
	// words for the sign (withheld).
	lone := false
	// asked: a question's asking words or a cause asked about were kept.
	asked := false
	if t.Request != nil && t.Request.Request.Intent != nil {
		// The slots' words, read together and in the light of what the
		// intent already says: a device routes "my calf has been cramping
		// for half an hour" to the cramp intent and keeps only its slots.
		var said, signs []string
		for name, s := range t.Request.Request.Intent.Slots {
			// Asking words kept ("how come", "I reckon") say more was
			// heard than the intent's own sample (asked_heard).
			saidMore = saidMore || loaded.askHeard[t.Intent] && loaded.asking[name] && s.Value != ""
			asked = asked || (loaded.asking[name] || loaded.causes[name]) && s.Value != ""
			if name == freeTextSlot || s.Value == "" || loaded.unread[name] {
				continue
			}
			if slices.Contains(loaded.own[t.Intent], strings.ToLower(strings.TrimSpace(s.Value))) {
				// "I'm confused", kept with the rephrase intent, asks
				// for other words.
				continue
			}
			said = append(said, s.Value)
			if loaded.signSlots[name] {
				signs = append(signs, s.Value)
				saidMore = saidMore || symptom.NoSign(s.Value)
			}
		}
		about := string(c.Topic)
		for _, name := range loaded.context {
			if _, id := t.Request.Request.Intent.Slots[name].Resolved(); about == "" && id != "" {
				about = id
			}
		}
		read := func(said []string) symptom.Reading {
			sort.Strings(said)
			if w := loaded.topics[t.Intent]; w != "" {
				said = append([]string{w}, said...)
			}
			return symptom.ReadKept(said, about)
		}
		if len(said) > 0 {
			addReading(c, read(said))
		}
		if len(signs) > 0 {
			slots = read(signs)
		}
		// The one value must read as a complaint with a conversation of
		// its own (a cramp, restless legs, aching): a lone word a device
		// kept for other speech ("paining", from "it's paining when I
		// bend it", or "it's gone", both sent to the breathing intent,
		// sets tn and ru) names none, and would be 911 (review).
		lone = !asked && len(signs) == 1 && slots.Topic != ""
	}
	if !withheld(t.Intent, slots, saidMore, lone, asked) {
		c.AddFacts(loaded.intents[t.Intent]...)
	}
	g.carry(t, rd)
	p := g.decide(t, nil)
	if p != nil && rd != nil && rd.Subject != "" && (c.Subject == "" || c.Subject == subjectSelf) {
		// No conversation runs after a warning's answer to note whom the
		// words were about ("my son's calf is swollen and hot"): noted
		// here, a later session's first words in the first person are
		// not added to his (carry).
		c.Subject = rd.Subject
	}
	return p, nil
}

// carry adds to a new session what the listener told in the one just
// before it, when the two together are a warning sign neither was alone.
// "Get medical care today" ends a session, and the next words ("it came
// on suddenly", "and now it's hot and red") are often said to a new one:
// a warning sign told across two sessions of the same night is still
// one. A new session's first turn loads what is kept before its answer,
// where the load used to come after it in the same request (skill's
// keep), so the conversation sees what is kept as an intent's turn does.
// An emergency of its own is answered without waiting on the store; a
// sign for care today glances back (Turn.Glance, a short wait), since
// "my dad fell", then "his leg won't hold him" in a new session, is an
// emergency neither session heard whole. A session opened
// with no words ("open Night Legs") had its load at the launch, which
// kept what was told in Context.Earlier: its first words look back
// whatever they tell, with no load to wait on. A turn that names someone else
// (rd, its words read), or speaks in the first person after a
// conversation about someone else, adds nothing to it.
func (g *Guard) carry(t *router.Turn, rd *symptom.Reading) {
	c := t.State
	// A session opened with no words looks back once, at its first words
	// (Context.Earlier, kept by the launch).
	p := c.Earlier
	if !t.NewSession {
		c.Earlier = nil
	}
	if !t.NewSession && p == nil || t.NewSession && t.Remember == nil || len(c.Facts) == 0 {
		return
	}
	now := Evaluate(c.Facts).Level
	if t.NewSession {
		switch {
		case now.AtLeast(Emergency):
			// Nothing told before could raise it: answered without
			// waiting on the store.
			return
		case now.AtLeast(Urgent):
			// Care today may be an emergency with what was told just
			// before: looked back at, with a short wait (Glance).
			if t.Glance == nil {
				return
			}
			t.Glance()
		default:
			t.Remember()
		}
		p = t.Resumed
	}
	if p == nil || len(p.Facts) == 0 {
		return
	}
	var named string
	self := false
	if rd != nil {
		named, self = rd.Subject, rd.Self
	}
	if named != "" && named != p.Subject || named == "" && p.Subject != "" && self {
		return
	}
	before := Higher(p.Level, Evaluate(p.Facts).Level)
	both := &session.Context{Facts: slices.Clone(p.Facts)}
	both.AddFacts(c.Facts...)
	// Only a higher level than either alone: a fact that keeps a rule
	// from firing ("unless") never lowers what this turn told.
	res := Evaluate(both.Facts)
	if Higher(now, before).AtLeast(res.Level) || res.Rule == nil {
		return
	}
	// Only what the rule needs from before: an earlier "every night for
	// weeks" must not keep a later sign in this session from firing.
	for _, clause := range res.Rule.When {
		for _, f := range clause {
			if slices.Contains(p.Facts, f) {
				c.AddFacts(f)
			}
		}
	}
	if c.Subject == "" {
		c.Subject = p.Subject
	}
}

// After adds what the conversation learned (facts, whom it is about) and
// returns the reply to give: the conversation's, with the level's words
// when they are due.
func (g *Guard) After(t *router.Turn, r router.Reply) (router.Reply, error) {
	if p := g.decide(t, &r); p != nil {
		return *p, nil
	}
	return r, nil
}

// Stands reports whether a red-flag intent stands for its sign given the
// words a device kept in its warning-sign slots: not when they deny the
// sign, place it elsewhere or lack what it needs (withheld). With no words
// kept, the intent's own sample is all there is, and it stands.
func Stands(intent string, signs []string) bool {
	signs = slices.Clone(signs)
	sort.Strings(signs)
	return !withheld(intent, symptom.ReadKept(signs), slices.ContainsFunc(signs, symptom.NoSign), false, false)
}

// withheld reports whether the words a device kept in a red-flag intent's
// slots deny its sign or place it elsewhere ("no numbness down below";
// ankles puffy "by the end of the day"), or lack what the sign needs
// (diabetes, for a diabetic foot), so the intent alone does not stand for
// the sign: data/intents.yaml, withhold and require. saidMore is set when
// a slot kept words the vocabulary reads as no sign at all ("bumped my
// miles" sent to the fall intent), or a question's asking words in their
// own slot: words were heard, and they need not be the sign. lone is set
// when one complaint with a conversation of its own was kept in the sign
// slots and no question's words (asking words, a cause): what was said
// beside the sample's own words for the sign ("chest pain and cramp"
// keeps "cramp"), which the require list does not withhold. asked is set
// when a question's asking words or a cause asked about were kept: the
// intent's require_asked list, where it has one, is what the sign needs
// then.
func withheld(intent string, slots symptom.Reading, saidMore, lone, asked bool) bool {
	says := func(w string) bool {
		return slices.Contains(slots.Facts, w) || slices.Contains(slots.Timing, w) || slices.Contains(slots.Sensations, w) || slices.Contains(slots.Parts, w)
	}
	heard := saidMore || len(slots.Facts)+len(slots.Negated)+len(slots.Sensations)+len(slots.Timing) > 0
	need := loaded.require[intent]
	if n, ok := loaded.reqAsked[intent]; ok && asked {
		need = n
	}
	if heard && len(need) > 0 && !slices.ContainsFunc(need, says) && (saidMore || !lone) {
		// Words were kept, and none of them is what the sign needs. With
		// none kept at all, the intent's own sample is all there is; with
		// one complaint kept alone, the sample said the sign and the
		// device dropped its words.
		return true
	}
	for _, w := range loaded.withhold[intent] {
		if f, ok := strings.CutPrefix(w, notPrefix); ok {
			if slices.Contains(slots.Negated, f) {
				return true
			}
			continue
		}
		if says(w) {
			return true
		}
	}
	return false
}

// answerTo returns the answer the turn gives to a pending screening
// question: a yes or no intent, a yes or no said first, or, failing those,
// what the words imply ("I'm not short of breath").
func (g *Guard) answerTo(q *ScreeningQuestion, t *router.Turn, rd *symptom.Reading) string {
	if q.OneSide && symptom.OneSide(heard(t)) && (rd == nil || !slices.ContainsFunc(q.Yes.Sets, func(f string) bool { return slices.Contains(rd.Negated, f) })) {
		// "No, just the left one" to "Is one leg more swollen than the
		// other?" says it is one leg: the safe reading; not "no
		// swelling, just the right one hurts" (review).
		return session.Yes
	}
	if a := AnswerOf(t.Intent); a != "" {
		return a
	}
	if rd == nil {
		return ""
	}
	if rd.Answer != "" && !rd.Aside {
		return rd.Answer
	}
	told := func(list []string) bool {
		return slices.ContainsFunc(list, func(f string) bool { return slices.Contains(rd.Facts, f) })
	}
	denied := func(list []string) bool {
		return slices.ContainsFunc(list, func(f string) bool { return slices.Contains(rd.Negated, f) })
	}
	switch {
	case told(q.Yes.Sets):
		return session.Yes
	case told(q.No.Sets):
		return session.No
	case denied(q.Yes.Sets) || denied(q.No.RulesOut):
		return session.No
	case denied(q.Yes.RulesOut):
		return session.Yes
	}
	return ""
}

// heard is the turn's words with every slot's value, since a device keeps
// no text ("the left one" kept in a sign slot).
func heard(t *router.Turn) string {
	said := []string{t.Text}
	if t.Request != nil && t.Request.Request.Intent != nil {
		for _, s := range t.Request.Request.Intent.Slots {
			said = append(said, s.Value)
		}
	}
	return strings.Join(said, " ")
}

// addReading keeps what a reading tells: facts said, and facts denied
// unless they were said before.
func addReading(c *session.Context, rd symptom.Reading) {
	c.AddFacts(rd.Facts...)
	for _, f := range rd.Negated {
		if !c.HasFact(f) {
			c.AddFacts(NotFact(f))
		}
	}
}

// decide raises the level from the facts and returns the level's answer
// when it must be heard now: an emergency always; urgent once. A soon level
// is added, once, to the conversation's reply (r), which is its "tonight".
func (g *Guard) decide(t *router.Turn, r *router.Reply) *router.Reply {
	c := t.State
	if c.Subject == subjectChild {
		c.AddFacts("child")
	}
	res := Evaluate(c.Facts)
	level := Higher(c.Level, res.Level)
	if level == SelfCare && c.Level == "" && len(c.Facts) == 0 && c.Topic == "" {
		level = "" // nothing known yet: no level to report
	}
	c.Level = level
	if res.Level != level {
		// The level came from earlier in the session; its reason is not
		// in the facts this side of a resume.
		res.Rule = nil
	}
	told := Level(c.Answer(toldKey))
	switch {
	case level == Emergency:
		c.SetAnswer(toldKey, string(Emergency))
		return g.emergency(t, res.Rule)
	case level == Urgent && !told.AtLeast(Urgent):
		c.SetAnswer(toldKey, string(Urgent))
		out := g.urgent(t, res.Rule)
		if r != nil {
			out.Night = r.Night
		}
		return &out
	case level == Soon && !told.AtLeast(Soon) && r != nil:
		if g.soon(t, res.Rule, r) {
			c.SetAnswer(toldKey, string(Soon))
		}
	}
	return nil
}

func (g *Guard) why(rule *Rule) string {
	if rule == nil {
		return "triage.why.general"
	}
	return rule.Why
}

// stop ends whatever the conversation was doing: no question waits, no
// routine goes on.
func stop(c *session.Context) {
	c.Pending = ""
	c.Routine = nil
}

// emergency: call now, why in one sentence, the number again. Nothing
// else, no question, and the session ends.
func (g *Guard) emergency(t *router.Turn, rule *Rule) *router.Reply {
	stop(t.State)
	lines := g.said(t, "triage.emergency.call", g.why(rule), "triage.emergency.repeat")
	call, why, again := lines[0], lines[1], lines[2]
	s := &alexa.SSML{}
	s.Say(call).Say(why).Say(again)
	return &router.Reply{
		Speech: s,
		End:    true,
		Plain:  true,
		Card: &alexa.Card{
			Type:    "Simple",
			Title:   call,
			Content: call + " " + why,
		},
	}
}

// urgent: medical care today and where, why, what to do meanwhile and what
// would make it an emergency.
func (g *Guard) urgent(t *router.Turn, rule *Rule) router.Reply {
	stop(t.State)
	meanwhile, worse := "triage.meanwhile.rest", "triage.worse.breathing"
	if rule != nil && rule.Level == Urgent {
		meanwhile, worse = rule.Meanwhile, rule.Worse
	}
	lines := g.said(t, "triage.urgent.care", g.why(rule), meanwhile, worse)
	s := &alexa.SSML{}
	// Where to go, why, what to do meanwhile (let a starved leg hang,
	// don't rub a clot) and what would make it an emergency are all said:
	// each is short, and none is safe to leave for the card alone.
	s.Say(lines[0]).Say(lines[1]).Pause(300 * time.Millisecond).Say(lines[2]).Say(lines[3])
	return router.Reply{
		Speech: s,
		End:    true,
		Card: &alexa.Card{
			Type:    "Simple",
			Title:   "Get medical care today",
			Content: strings.Join(lines, " "),
		},
	}
}

// said keeps the IDs of a warning sign's answer under SaidKey and returns
// their texts, filled for the turn's locale.
func (g *Guard) said(t *router.Turn, ids ...string) []string {
	t.State.SetAnswer(SaidKey, strings.Join(ids, ","))
	lines := make([]string, len(ids))
	for i, id := range ids {
		lines[i] = g.Text(id, t.Locale)
	}
	return lines
}

// soon adds to the conversation's own guidance (what to do tonight) that a
// doctor should be seen in the next few days, and why. It reports whether
// it did: a reply with no room for it leaves it to the next one.
func (g *Guard) soon(t *router.Turn, rule *Rule, r *router.Reply) bool {
	loc := t.Locale
	if r.Speech == nil {
		r.Speech = &alexa.SSML{}
	}
	doctor, why := g.Text("triage.soon.doctor", loc), g.Text(g.why(rule), loc)
	if t.State.Routine != nil && !r.End && r.Speech.Words()+words(doctor, r.Question) > content.MaxWords {
		// A routine's step is no content line the answer's fitting can
		// hold back behind "Want the rest?": the step keeps its forty
		// words, and the doctor comes with the next reply that has room.
		return false
	}
	if !r.Speech.Empty() {
		r.Speech.Pause(300 * time.Millisecond)
	}
	r.Speech.Say(doctor)
	if r.Speech.Words()+words(why, r.Question) <= content.MaxWords {
		r.Speech.Say(why)
	}
	// Why is always on the card, for the morning, even when it was not
	// said to keep the answer short.
	if r.Card == nil {
		r.Card = &alexa.Card{Type: "Simple", Title: "See a doctor in the next few days", Content: doctor + " " + why}
	}
	return true
}

// words counts the words of spoken texts.
func words(texts ...string) int {
	n := 0
	for _, t := range texts {
		n += alexa.CountWords(t)
	}
	return n
}

// SignSlot reports whether a slot is one of the warning-sign slots
// (data/intents.yaml, sign_slots), whose words triage reads as signs.
func SignSlot(name string) bool { return loaded.signSlots[name] }
