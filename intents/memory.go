package intents

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// Memory: picking up a recent conversation, asking once whether nights may
// be kept, noticing patterns in kept nights worth telling a doctor,
// "what do you remember about me?" and "forget me" (issue 5).
//
// What a recurrence is. Nights are kept only after a yes, so before that
// the skill has no history to tell that a topic keeps coming back. It goes
// by what it may hold without consent: the conversation context, which the
// store keeps for a few hours anyway so a conversation can be resumed. A
// topic recurs when a conversation about it begins while an earlier
// conversation about the same topic is known: one finished earlier in this
// session, or the recent one the session picked up (or could have). The
// listener saying it happens most nights (a pattern's triage fact) counts
// too. Only then, and only once ever, is the listener asked.
const (
	IntentForget         = "ForgetMeIntent"
	IntentRecall         = "RecallMemoryIntent"
	IntentRememberNights = "RememberNightsIntent"
)

// Questions memory asks in the middle of any conversation; their answers
// come back to memory whatever the topic (set.questions).
const (
	questionConsent = "memory.consent"
	questionForget  = "memory.forget"
)

// What memory notes in Context.Answers, the one part of the context every
// conversation keeps when a topic begins and that travels with a resumed
// conversation. Keys ending in "." take a topic.
const (
	// answerSeen: a conversation about the topic began in this
	// conversation, or in the earlier one picked up.
	answerSeen = "memory.seen."
	// answerRecurs: the topic's current conversation came after an
	// earlier one.
	answerRecurs = "memory.recurs."
	// answerNight is "<topic> <outcome>" of a night not kept for want of
	// consent, kept aside until the listener is asked.
	answerNight = "memory.night"
	// answerPattern: a pattern in the topic's nights has been said.
	answerPattern = "memory.pattern."
	// answerWas is the question that was waiting when "forget me" was
	// said, asked again if the listener keeps everything.
	answerWas = "memory.was"
)

// memoryData is memory.yaml.
type memoryData struct {
	Resume struct {
		Greet   map[session.Topic]string `yaml:"greet"`
		Default string                   `yaml:"default"`
		Again   map[string]string        `yaml:"again"`
	} `yaml:"resume"`
	Patterns []pattern                `yaml:"patterns"`
	Ordinals []string                 `yaml:"ordinals"`
	Topics   map[session.Topic]string `yaml:"topics"`
}

// pattern is a pattern in kept nights worth telling a doctor.
type pattern struct {
	ID      string                   `yaml:"id"`
	Nights  int                      `yaml:"nights"`
	Days    int                      `yaml:"days"`
	Span    string                   `yaml:"span"`
	Fact    string                   `yaml:"fact"`
	Say     map[session.Topic]string `yaml:"say"`
	Default string                   `yaml:"default"`
	Except  []session.Topic          `yaml:"except"`
	Sources []string                 `yaml:"sources"`
}

// text returns the content text that tells the pattern for topic.
func (p pattern) text(topic session.Topic) string {
	if id, ok := p.Say[topic]; ok {
		return id
	}
	return p.Default
}

const topicDefault session.Topic = "default"

// loadMemory reads and checks memory.yaml: go generate and the tests run
// it. Content IDs are checked by the tests, which have the library.
func loadMemory(b []byte, decode decoder) (*memoryData, error) {
	var m memoryData
	if err := decode(b, &m); err != nil {
		return nil, fmt.Errorf("memory.yaml: %w", err)
	}
	if m.Resume.Default == "" {
		return nil, fmt.Errorf("memory.yaml: resume has no default greeting")
	}
	if m.Topics[topicDefault] == "" {
		return nil, fmt.Errorf("memory.yaml: topics has no default")
	}
	for _, p := range m.Patterns {
		switch {
		case p.ID == "":
			return nil, fmt.Errorf("memory.yaml: a pattern has no id")
		case p.Nights < 2 || p.Days < p.Nights:
			return nil, fmt.Errorf("memory.yaml: pattern %s: %d nights in %d days is no pattern", p.ID, p.Nights, p.Days)
		case len(m.Ordinals) < p.Days:
			return nil, fmt.Errorf("memory.yaml: pattern %s counts up to %d nights, ordinals stop at %d", p.ID, p.Days, len(m.Ordinals))
		case p.Span == "" || p.Default == "":
			return nil, fmt.Errorf("memory.yaml: pattern %s needs span and default", p.ID)
		case !triage.Known(p.Fact):
			return nil, fmt.Errorf("memory.yaml: pattern %s adds %q, which is not a triage fact", p.ID, p.Fact)
		case len(p.Sources) == 0:
			return nil, fmt.Errorf("memory.yaml: pattern %s cites no source", p.ID)
		}
	}
	return &m, nil
}

func (s *set) registerMemory(r *router.Router) {
	r.IntentFunc(IntentForget, s.forget)
	r.IntentFunc(IntentRecall, s.recall)
	r.IntentFunc(IntentRememberNights, s.rememberNights)
	s.questions[questionConsent] = s.consentAnswer
	s.questions[questionForget] = s.forgetAnswer
}

// ---- picking up a recent conversation ----------------------------------

// welcomeBack picks up the recent conversation of an earlier session, when
// it was waiting for an answer: it says what the listener had and asks the
// question again, and the answer goes to the topic's conversation as if
// the session had never ended. It reports false when there is nothing to
// pick up; earlier topics are still noted, so a topic that comes back
// later in this session is known to recur.
func (s *set) welcomeBack(t *router.Turn) (router.Reply, bool) {
	p := t.Resumed
	if p == nil {
		return router.Reply{}, false
	}
	// A routine is picked up by its own conversation; memory's own
	// questions belong to their moment (a forget confirmation hours later
	// would surprise).
	if p.Routine == nil && p.Topic != "" && s.questions[p.Pending] == nil {
		c := p.Clone()
		c.Version = t.State.Version
		fresh := *t.State
		*t.State = *c
		if q := s.askAgain(t, p.Pending); q != "" {
			t.State.SetAnswer(answerSeen+string(p.Topic), session.Yes)
			greet, ok := memory.Resume.Greet[p.Topic]
			if !ok {
				greet = memory.Resume.Default
			}
			return router.Reply{Speech: s.speech(t, greet), Question: q}, true
		}
		*t.State = fresh
	}
	carrySeen(t.State, p)
	if len(p.Facts) > 0 {
		// What was told is kept for the first words (triage's carry).
		t.State.Earlier = &session.Context{Facts: slices.Clone(p.Facts), Level: p.Level, Subject: p.Subject}
	}
	return router.Reply{}, false
}

// askAgain is how question id is asked when a conversation is picked up:
// in the words memory.yaml gives it, or as it was first asked.
func (s *set) askAgain(t *router.Turn, id string) string {
	if again, ok := memory.Resume.Again[id]; ok {
		return words(t, s.lib.Get(again).Ask)
	}
	return s.questionText(t, id)
}

// carrySeen notes in c the topics the earlier conversation p was about.
func carrySeen(c, p *session.Context) {
	if p.Topic != "" {
		c.SetAnswer(answerSeen+string(p.Topic), session.Yes)
	}
	for k, v := range p.Answers {
		if strings.HasPrefix(k, answerSeen) {
			c.SetAnswer(k, v)
		}
	}
}

// noteEpisode is called when a conversation about topic begins: it notes
// whether the topic recurs (see the package comment above) and that it was
// seen.
func noteEpisode(t *router.Turn, topic session.Topic) {
	c := t.State
	earlier := c.Answered(answerSeen + string(topic))
	if p := t.Resumed; p != nil && (p.Topic == topic || p.Answered(answerSeen+string(topic))) {
		earlier = true
	}
	if earlier {
		c.SetAnswer(answerRecurs+string(topic), session.Yes)
	}
	c.SetAnswer(answerSeen+string(topic), session.Yes)
}

// ---- nights: consent and patterns ----------------------------------------

// remember is memory's part in every answered turn. A night the
// conversation records is the listener's own, or not kept; with consent it
// is checked for a pattern; without an answer yet and when the topic
// recurs, it is kept aside and the listener is asked, once, when the
// conversation has no question of its own.
func (s *set) remember(t *router.Turn, r *router.Reply) {
	if n := r.Night; n != nil {
		switch {
		case !ownNight(t, n):
			// A night about someone else would tell a false pattern in
			// the listener's own.
			r.Night = nil
		case t.Prefs.History == session.ConsentGiven:
			s.spotPattern(t, r, n)
		case t.Prefs.History == session.ConsentUnasked && tracked(n.Topic) && recurs(t.State, n.Topic):
			t.State.SetAnswer(answerNight, string(n.Topic)+" "+n.Outcome)
		}
	}
	if !s.mayAskConsent(t, r) {
		return
	}
	txt := s.lib.Get(questionConsent)
	if r.Speech == nil {
		r.Speech = &alexa.SSML{}
	}
	if !r.Speech.Empty() {
		r.Speech.Pause(dialog.TextPause)
	}
	for _, line := range txt.Say {
		r.Speech.Say(words(t, line))
	}
	r.Question = words(t, txt.Ask)
	r.End = false
	t.State.Pending = questionConsent
}

// mayAskConsent reports whether the consent question fits this reply: a
// night is waiting for it, it was never asked, the reply asks nothing
// itself, no stretch routine is being talked through, and nothing urgent
// is being said.
func (s *set) mayAskConsent(t *router.Turn, r *router.Reply) bool {
	if t.Prefs.History != session.ConsentUnasked || t.State.Answer(answerNight) == "" ||
		t.State.Answered(questionConsent) || r.Question != "" || r.Plain || r.Forget ||
		t.State.Routine != nil {
		return false
	}
	level := triage.Higher(t.State.Level, triage.Evaluate(t.State.Facts).Level)
	return !triage.AtLeast(level, triage.Urgent)
}

// ownNight reports whether a night is the listener's own to keep: about
// them, or a child's night, whose topic says whom it is about.
func ownNight(t *router.Turn, n *session.Night) bool {
	s := t.State.Subject
	return s == "" || s == subjectSelf || n.Topic == TopicChild
}

// tracked reports whether some pattern counts the topic's nights: only
// then is there a reason to ask to keep them.
func tracked(topic session.Topic) bool {
	return slices.ContainsFunc(memory.Patterns, func(p pattern) bool { return !slices.Contains(p.Except, topic) })
}

// recurs reports whether the topic's current conversation came after an
// earlier one, or the listener said it happens often.
func recurs(c *session.Context, topic session.Topic) bool {
	if c.Answered(answerRecurs + string(topic)) {
		return true
	}
	return slices.ContainsFunc(memory.Patterns, func(p pattern) bool { return c.HasFact(p.Fact) })
}

// spotPattern tells the first pattern tonight's night n completes, once a
// session per topic, and adds its triage fact so the level rises.
func (s *set) spotPattern(t *router.Turn, r *router.Reply, n *session.Night) {
	if t.State.Answered(answerPattern + string(n.Topic)) {
		return
	}
	for _, p := range memory.Patterns {
		if slices.Contains(p.Except, n.Topic) {
			continue
		}
		count := nightsWithin(t.Nights, *n, p.Days)
		if count < p.Nights {
			continue
		}
		t.State.SetAnswer(answerPattern+string(n.Topic), p.ID)
		t.State.AddFacts(p.Fact)
		extra := map[string]string{"nth": memory.Ordinals[min(count, len(memory.Ordinals))-1], "span": p.Span}
		if r.Speech == nil {
			r.Speech = &alexa.SSML{}
		}
		if !r.Speech.Empty() {
			r.Speech.Pause(dialog.TextPause)
		}
		for _, line := range s.lib.Get(p.text(n.Topic)).Say {
			r.Speech.Say(wordsWith(t, line, extra))
		}
		return
	}
}

// nightsWithin counts the different nights about n's topic in the days
// up to and including n's, n among them.
func nightsWithin(nights []session.Night, n session.Night, days int) int {
	last, err := time.Parse(time.DateOnly, n.Date)
	if err != nil {
		return 0
	}
	first := last.AddDate(0, 0, 1-days)
	dates := map[string]bool{n.Date: true}
	for _, k := range nights {
		d, err := time.Parse(time.DateOnly, k.Date)
		if err != nil || k.Topic != n.Topic || d.Before(first) || d.After(last) {
			continue
		}
		dates[k.Date] = true
	}
	return len(dates)
}

// consentAnswer keeps the listener's answer. A yes keeps tonight's night
// that was waiting for it; anything else is a no, never asked again.
func (s *set) consentAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	waiting := t.State.Answer(answerNight)
	delete(t.State.Answers, answerNight)
	id := "memory.consent.no"
	if a == session.Yes {
		t.Prefs.History = session.ConsentGiven
		id = "memory.consent.yes"
	} else {
		t.Prefs.History = session.ConsentRefused
	}
	r := s.reply(t, id, farewell(t))
	if topic, outcome, ok := strings.Cut(waiting, " "); ok && a == session.Yes {
		r.Night = dialog.Night(t, session.Topic(topic), outcome)
	}
	r.End = true
	return r, nil
}

// rememberNights is "remember my nights": consent given without being
// asked, or a change of mind after a no.
func (s *set) rememberNights(t *router.Turn) (router.Reply, error) {
	if t.State.Pending == questionConsent {
		r, _, err := s.answer(t, session.Yes)
		return r, err
	}
	t.Prefs.History = session.ConsentGiven
	return s.andBack(t, router.Reply{Speech: s.speech(t, "memory.consent.yes")}), nil
}

// ---- what is kept ---------------------------------------------------------

// recall says briefly what is kept about the listener.
func (s *set) recall(t *router.Turn) (router.Reply, error) {
	b := &alexa.SSML{}
	switch {
	case t.Prefs.History == session.ConsentRefused:
		b.Append(s.speech(t, "memory.recall.refused"))
	case t.Prefs.History != session.ConsentGiven:
		b.Append(s.speech(t, "memory.recall.none"))
	case len(t.Nights) == 0:
		b.Append(s.speech(t, "memory.recall.empty"))
	default:
		extra := map[string]string{"topics": nightTopics(t.Nights)}
		for _, line := range s.lib.Get("memory.recall.nights").Say {
			b.Say(wordsWith(t, line, extra))
		}
	}
	switch t.Prefs.Voice {
	case session.VoiceNormal:
		b.Append(s.speech(t, "memory.recall.voice.normal"))
	case session.VoiceWhisper:
		b.Append(s.speech(t, "memory.recall.voice.whisper"))
	}
	b.Append(s.speech(t, "memory.recall.forget"))
	return s.andBack(t, router.Reply{Speech: b}), nil
}

// nightTopics says what kept nights were about: "3 with cramps and 1 with
// aching legs", most frequent first.
func nightTopics(nights []session.Night) string {
	count := map[session.Topic]int{}
	for _, n := range nights {
		topic := n.Topic
		if _, ok := memory.Topics[topic]; !ok {
			topic = topicDefault
		}
		count[topic]++
	}
	topics := make([]session.Topic, 0, len(count))
	for k := range count {
		topics = append(topics, k)
	}
	slices.SortFunc(topics, func(a, b session.Topic) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(string(a), string(b))
	})
	parts := make([]string, len(topics))
	for i, k := range topics {
		parts[i] = strconv.Itoa(count[k]) + " " + memory.Topics[k]
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// ---- forgetting -----------------------------------------------------------

// forget asks, before deleting anything, whether to delete everything.
func (s *set) forget(t *router.Turn) (router.Reply, error) {
	if q := t.State.Pending; q != "" && q != questionForget {
		t.State.SetAnswer(answerWas, q)
	}
	return s.reply(t, questionForget), nil
}

// forgetAnswer deletes everything on a yes; anything else keeps it all and
// goes back to what was waiting.
func (s *set) forgetAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	was := t.State.Answer(answerWas)
	delete(t.State.Answers, answerWas)
	if a != session.Yes {
		t.State.Pending = was
		r := router.Reply{Speech: s.speech(t, "memory.forget.kept")}
		if !s.resume(t, &r) && t.State.Topic == "" {
			r.Speech.Append(s.speech(t, farewell(t)))
			r.End = true
		}
		return r, nil
	}
	bye := farewell(t)
	// Nothing of the listener may travel on in session attributes and be
	// written back by a later turn: the session ends with nothing.
	*t.State = session.Context{}
	*t.Prefs = session.Prefs{}
	t.Nights = nil
	// Which is said depends on the store: a deletion is confirmed only
	// once it happened.
	failed := s.reply(t, "memory.forget.failed", bye)
	failed.End = true
	r := s.reply(t, "memory.forget.done", bye)
	r.Forget = true
	r.NotForgotten = &failed
	r.End = true
	return r, nil
}

// ---- shared ---------------------------------------------------------------

// andBack ends a one-breath request ("ask night legs what you remember"),
// or goes back to the question that was waiting.
func (s *set) andBack(t *router.Turn, r router.Reply) router.Reply {
	if !s.resume(t, &r) && t.NewSession && t.State.Topic == "" {
		r.End = true
	}
	return r
}

// farewell is the goodbye for the level reached: one that names the signs
// to act on once a doctor has been advised.
func farewell(t *router.Turn) string {
	if l := t.State.Level; l != "" && l != triage.SelfCare {
		return "goodbye.care"
	}
	return "memory.bye"
}

// wordsWith fills a content line for this turn's subject and memory's own
// placeholders.
func wordsWith(t *router.Turn, text string, extra map[string]string) string {
	f := forms(t.State.Subject, t.State.Answer(answerPerson), t.State.Answer(answerPronoun))
	for k, v := range extra {
		f[k] = v
	}
	return fill(text, f)
}
