// Package hip is the conversation about hip pain lying down. It says how to
// lie at once, asks triage's question about a fall or injury (then whether
// the leg takes weight), and then where the pain is: over the outer hip
// bone (the common side-lying pain: cold or heat, a stretch, the bed), down
// from the back (handed to the nerve conversation) or deep in the joint
// (handed to the joint conversation).
package hip

import (
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/intents/joint"
	"github.com/nightlegs/nightlegs/intents/nerve"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Topic is the conversation's name; Intent opens it.
const (
	Topic  session.Topic = "hip"
	Intent string        = "HipPainIntent"
)

// screenBearWeight follows a yes to the injury question: not being able to
// put weight on the leg after a fall needs care today (issue 3; seed 002).
const screenBearWeight = dialog.TriagePrefix + "bear_weight"

// Conversation is the hip pain conversation, written with the dialog toolkit.
type Conversation struct{ dialog.Conv }

// New returns the hip pain conversation, speaking through k.
func New(k dialog.Kit) *Conversation { return &Conversation{dialog.Conv{Kit: k}} }

// Register adds the hip pain conversation to r: its intents, and the answers
// to its questions.
func Register(k dialog.Kit, r *router.Router) {
	c := New(k)
	r.IntentFunc(Intent, c.Open)
	k.Answers(Topic, c.answer)
}

// Open starts the hip pain conversation: its relief steps, then triage's
// screening questions, then its own.
func (c *Conversation) Open(t *router.Turn) (router.Reply, error) {
	c.Begin(t, Topic)
	t.State.Step = "screen"
	return c.Screen(t, Topic, []string{"hip.relief"}, c.where)
}

func (c *Conversation) answer(t *router.Turn, q, a string) (router.Reply, error) {
	return c.next(t, nil, q, a)
}

// where goes on once the screening questions are answered: after an
// injury, whether the leg takes weight; otherwise, where the pain is.
func (c *Conversation) where(t *router.Turn, said []string) (router.Reply, error) {
	if t.State.HasFact("fell") || t.State.HasFact("injury") {
		t.State.Step = "injury"
		return c.Ask(t, said, screenBearWeight, c.next)
	}
	t.State.Step = "where"
	return c.Ask(t, said, "hip.ask.outer", c.next)
}

func (c *Conversation) next(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if said, ok := c.ScreenAnswer(Topic, said, q, a); ok {
		return c.Screen(t, Topic, said, c.where)
	}
	switch q {
	case screenBearWeight:
		// A no calls for care today, which triage says first; either way
		// a hip that hurts after a fall is for a doctor to check.
		return c.Conclude(t, Topic, dialog.OutcomeSeeDoctor, dialog.With(said, "hip.injury")...), nil
	case "hip.ask.outer":
		if a == session.Yes {
			t.State.Step = "outer"
			return c.Ask(t, dialog.With(said, "hip.outer", "hip.coldheat"), "hip.offer.stretch", c.next)
		}
		t.State.Step = "where"
		return c.Ask(t, dialog.With(said, "hip.warmth"), "hip.ask.back", c.next)
	case "hip.offer.stretch":
		if a == session.Yes {
			// When to see someone first: a no to the guided stretch says
			// goodbye.
			return c.ConcludeOffering(t, Topic, dialog.OutcomeAdvised, "knee-to-chest", dialog.With(said, "hip.watch", "hip.stretch")...), nil
		}
		return c.Conclude(t, Topic, dialog.OutcomeAdvised, dialog.With(said, "hip.bed", "hip.watch")...), nil
	case "hip.ask.back":
		if a == session.Yes {
			return c.HandOver(t, dialog.With(said, "hip.nerve"), nerve.New(c.Kit).Sciatica)
		}
		return c.Ask(t, said, "hip.ask.joint", c.next)
	case "hip.ask.joint":
		if a == session.Yes {
			return c.HandOver(t, dialog.With(said, "hip.joint"), joint.New(c.Kit).Open)
		}
		return c.Conclude(t, Topic, dialog.OutcomeAdvised, dialog.With(said, "hip.other", "hip.watch")...), nil
	}
	return c.Fallback(t)
}
