// Package restless is the conversation about restless legs: the urge to
// move, crawling or tingling that eases with movement. It says what helps
// tonight at once, then tells restless legs from a cramp or nerve pain with
// two questions (refs §2: movement relieves restless legs; a cramp is a
// hard, painful knot), and whether it comes most nights, which decides what
// to raise with a doctor.
package restless

import (
	"github.com/nightlegs/nightlegs/intents/cramp"
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/intents/nerve"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Topic is the conversation's name; Intent opens it.
const (
	Topic  session.Topic = "restless"
	Intent string        = "RestlessLegsIntent"
)

// Conversation is the restless legs conversation, written with the dialog toolkit.
type Conversation struct{ dialog.Conv }

// New returns the restless legs conversation, speaking through k.
func New(k dialog.Kit) *Conversation { return &Conversation{dialog.Conv{Kit: k}} }

// Register adds the restless legs conversation to r: its intents, and the answers
// to its questions.
func Register(k dialog.Kit, r *router.Router) {
	c := New(k)
	r.IntentFunc(Intent, c.Open)
	k.Answers(Topic, c.answer)
}

// factPregnant is the triage fact for a pregnancy heard in the words.
const factPregnant = "pregnant"

// Open starts the restless legs conversation: its relief steps, then
// whether moving eases the feeling.
func (c *Conversation) Open(t *router.Turn) (router.Reply, error) {
	c.Begin(t, Topic)
	t.State.Step = "relief"
	said := []string{"restless.relief"}
	if t.State.HasFact(factPregnant) {
		// Common late in pregnancy: the midwife should hear of it.
		said = append(said, "restless.pregnant")
	}
	return c.Ask(t, said, "restless.ask.moving", c.next)
}

func (c *Conversation) answer(t *router.Turn, q, a string) (router.Reply, error) {
	return c.next(t, nil, q, a)
}

func (c *Conversation) next(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	switch q {
	case "restless.ask.moving":
		t.State.Step = "tell"
		if a == session.No {
			return c.Ask(t, said, "restless.ask.nerve", c.next)
		}
		// Not sure whether moving helps: the opening advice was to move,
		// so the knot question tells more than asking again.
		return c.Ask(t, said, "restless.ask.knot", c.next)
	case "restless.ask.knot":
		if a == session.Yes {
			return c.HandOver(t, dialog.With(said, "restless.cramp"), cramp.New(c.Kit).Open)
		}
		t.State.Step = "frequent"
		return c.Ask(t, dialog.With(said, "restless.likely", "restless.tonight"), dialog.ScreenFrequent, c.next)
	case "restless.ask.nerve":
		if a == session.Yes {
			return c.HandOver(t, dialog.With(said, "restless.nerve"), nerve.New(c.Kit).Open)
		}
		t.State.Step = "frequent"
		return c.Ask(t, dialog.With(said, "restless.unclear"), dialog.ScreenFrequent, c.next)
	case dialog.ScreenFrequent:
		if a == session.Yes {
			// Triage adds its own "book a doctor" for a yes, after these,
			// which say what to raise there; an offer of a stretch would
			// be heard after the doctor advice, so none is made.
			return c.Conclude(t, Topic, dialog.OutcomeSeeDoctor, dialog.With(said, "restless.doctor.raise", "restless.doctor.medicines")...), nil
		}
		return c.ConcludeOffering(t, Topic, dialog.OutcomeAdvised, "calf-lying", dialog.With(said, "restless.prevent", "restless.watch", "restless.offer.stretch")...), nil
	}
	return c.Fallback(t)
}
