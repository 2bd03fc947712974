// Package dialog is the toolkit a topic's conversation is written with:
// say content texts, ask one yes-or-no question at a time, screen with
// triage's questions first, hand over to another topic, and conclude the
// night with its outcome.
//
// A topic lives in its own folder, intents/<topic>/, as a package that
// registers its intents with a Kit; package intents provides the Kit (who
// the conversation is about, memory, routines, the content library) and
// lists the topics in one place, intents.New.
package dialog

import (
	"slices"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// Kit is what the skill lends every topic: what needs the whole skill.
type Kit interface {
	// Say builds a reply from content texts, in order, spoken about whom
	// the conversation is about. The last text's question, if any,
	// becomes the reply's question and the turn's pending question.
	Say(t *router.Turn, ids ...string) router.Reply
	// Reply is Say with a pause between texts, for answers made of
	// several texts; an ID "triage.<id>" asks that screening question.
	Reply(t *router.Turn, ids ...string) router.Reply
	// Speech is what the texts say, with a pause between them; unlike Say
	// it leaves the pending question alone, and asks none.
	Speech(t *router.Turn, ids ...string) *alexa.SSML
	// OfferRoutine says the texts in said, then offers to guide the
	// listener through routine id; with no offer to make (the level
	// reached calls for care) it only says them.
	OfferRoutine(t *router.Turn, id string, said ...string) router.Reply
	// Fallback is the answer to a turn the conversation cannot place.
	Fallback(t *router.Turn) (router.Reply, error)
	// Begin starts topic's conversation, keeping what the session already
	// learned (facts, level, answers, who it is about), and notes the
	// episode for memory.
	Begin(t *router.Turn, topic session.Topic)
	// Answers routes the answers to topic's questions to f, so a bare
	// "yes" reaches the conversation that asked.
	Answers(topic session.Topic, f AnswerFunc)
	// Screens lists triage's screening questions topic asks before its own
	// guidance, in order (its topic.yaml).
	Screens(topic session.Topic) []string
	// Unsure is the text to say when the listener answers screening
	// question q with "I don't know", or "".
	Unsure(q string) string
}

// AnswerFunc continues a topic's conversation when the listener answers the
// question it asked (answer is session.Yes, session.No or session.Unknown).
type AnswerFunc func(t *router.Turn, question, answer string) (router.Reply, error)

// Next is what a conversation does once question q has answer a; said are
// texts to say first.
type Next func(t *router.Turn, said []string, q, a string) (router.Reply, error)

// Then goes on with a conversation once its screening questions are
// answered; said are texts still to be said first.
type Then func(t *router.Turn, said []string) (router.Reply, error)

// Outcomes of a night's conversation, as kept in session.Night.
const (
	OutcomeAdvised   = "advised"
	OutcomeSeeDoctor = "see-doctor"
	OutcomeSeeToday  = "see-doctor-today"
)

// TriagePrefix marks a pending question that is one of the triage data's
// screening questions: "triage.<id>".
const TriagePrefix = triage.QuestionPrefix

// ScreenFrequent asks whether it happens most nights, which decides whether
// a doctor should look for a cause (refs §3 row 13).
const ScreenFrequent = TriagePrefix + "frequent"

// TextPause separates texts said in one answer: each text is at most
// content.MaxWords, and a listener half asleep needs the gap.
const TextPause = 600 * time.Millisecond

// Conv is a conversation's toolkit: the Kit and the steps built on it.
type Conv struct {
	Kit
}

// Ask says the texts in said and asks question q (a content text ID or a
// triage screening question "triage.<id>"), unless q was answered earlier
// in the session: then the conversation goes straight on with that answer,
// as the listener should not be asked twice.
func (c Conv) Ask(t *router.Turn, said []string, q string, then Next) (router.Reply, error) {
	a := t.State.Answer(q)
	if strings.HasPrefix(q, TriagePrefix) {
		a = Screened(t.State, q)
	}
	if a != "" {
		return then(t, said, q, a)
	}
	return c.Reply(t, With(said, q)...), nil
}

// Screen says the texts in said and asks the first of topic's screening
// questions that still needs asking: not answered this session, and not
// already told by what the listener said. With none left it goes on with
// done.
func (c Conv) Screen(t *router.Turn, topic session.Topic, said []string, done Then) (router.Reply, error) {
	for _, q := range c.Screens(topic) {
		if Screened(t.State, q) == "" {
			return c.Reply(t, With(said, q)...), nil
		}
	}
	return done(t, said)
}

// ScreenAnswer reports whether q is one of topic's screening questions. If
// so it returns said with what to say to an "I don't know" added: not sure
// is not a no, so the sign to act on is said plainly. A yes that calls for
// care today or now never reaches here: triage answers it first.
func (c Conv) ScreenAnswer(topic session.Topic, said []string, q, a string) ([]string, bool) {
	if !slices.Contains(c.Screens(topic), q) {
		return said, false
	}
	if u := c.Unsure(q); a == session.Unknown && u != "" {
		said = With(said, u)
	}
	return said, true
}

// Conclude says ids and closes the conversation, recording tonight's
// outcome.
func (c Conv) Conclude(t *router.Turn, topic session.Topic, outcome string, ids ...string) router.Reply {
	t.State.Step = "done"
	r := c.Reply(t, ids...)
	r.End = true
	r.Night = Night(t, topic, outcome)
	return r
}

// ConcludeOffering says ids and records tonight's outcome, then offers to
// guide the listener through routine id, which matches the stretch the
// texts just described; a no to the offer says goodbye. With no offer to
// make (the level reached calls for care), it closes.
func (c Conv) ConcludeOffering(t *router.Turn, topic session.Topic, outcome, id string, ids ...string) router.Reply {
	t.State.Step = "done"
	r := c.OfferRoutine(t, id, ids...)
	r.Night = Night(t, topic, outcome)
	r.End = r.Question == ""
	return r
}

// HandOver passes the conversation to another topic's opening, saying said
// first: "that sounds more like a cramp" and then the cramp's relief steps.
func (c Conv) HandOver(t *router.Turn, said []string, open router.HandlerFunc) (router.Reply, error) {
	r, err := open(t)
	if err != nil || len(said) == 0 {
		return r, err
	}
	first := c.Speech(t, said...)
	if r.Speech != nil {
		first.Pause(TextPause).Append(r.Speech)
	}
	r.Speech = first
	return r, nil
}

// With returns said followed by ids, without touching said's array, which
// may be shared by the caller.
func With(said []string, ids ...string) []string {
	return append(said[:len(said):len(said)], ids...)
}

// Night returns tonight's record for a topic. Nights run noon to noon, so a
// cramp at 3 a.m. belongs to the evening before.
func Night(t *router.Turn, topic session.Topic, outcome string) *session.Night {
	d := t.Now.Add(-12 * time.Hour).Format("2006-01-02")
	return &session.Night{Date: d, Topic: topic, Level: t.State.Level, Outcome: outcome, Count: 1}
}

// Screened returns the answer already known to screening question id: the
// listener's answer this session, or what the facts gathered so far tell
// (a sign they named is a yes, one they ruled out a no). It returns "" when
// the question still needs asking.
func Screened(c *session.Context, id string) string {
	if a := c.Answer(id); a != "" {
		return a
	}
	if triage.NeedsAsking(c, id) {
		return ""
	}
	q, ok := triage.Lookup(id)
	if !ok {
		return ""
	}
	for _, f := range q.Yes.Sets {
		if c.HasFact(f) {
			return session.Yes
		}
	}
	for _, f := range q.No.Sets {
		if c.HasFact(f) {
			return session.No
		}
	}
	return session.No
}
