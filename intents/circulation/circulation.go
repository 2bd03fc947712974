// Package circulation is the conversation about heavy, aching, throbbing
// legs and varicose veins (raising the legs helps) versus pain in the feet
// at rest that eases when the leg hangs down (poor arterial flow: raising
// makes it worse, and it needs care today). It opens with ankle movement,
// which suits both, and ASKS triage's hanging question before it advises
// raising the legs; "not sure" gets level legs, never raised ones (refs §2
// PAD; refs §3 row 9).
package circulation

import (
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Topic is the conversation's name; Intent opens it; IntentRestPain is
// pain at rest eased by hanging the leg down, said outright.
const (
	Topic          session.Topic = "circulation"
	Intent         string        = "CirculationIntent"
	IntentRestPain string        = "RestPainIntent"
)

// factEasesHanging is triage's fact for pain eased by hanging the leg down;
// screenHanging is the question that asks it.
const (
	factEasesHanging = "eases_hanging"
	screenHanging    = dialog.TriagePrefix + "hanging"
)

// Conversation is the circulation conversation, written with the dialog toolkit.
type Conversation struct{ dialog.Conv }

// New returns the circulation conversation, speaking through k.
func New(k dialog.Kit) *Conversation { return &Conversation{dialog.Conv{Kit: k}} }

// Register adds the circulation conversation to r: its intents, and the answers
// to its questions.
func Register(k dialog.Kit, r *router.Router) {
	c := New(k)
	r.IntentFunc(Intent, c.Open)
	r.IntentFunc(IntentRestPain, c.restPain)
	k.Answers(Topic, c.answer)
}

// Open starts the circulation conversation: its relief steps, then triage's
// screening questions, then its own.
func (c *Conversation) Open(t *router.Turn) (router.Reply, error) {
	c.Begin(t, Topic)
	t.State.Step = "screen"
	return c.Screen(t, Topic, []string{"circulation.relief"}, c.care)
}

// restPain is foot pain lying down that eases with the leg hanging down,
// said outright: triage's rule for it calls for care today. Triage tells
// the fact from the intent (internal/triage/data/intents.yaml); when a
// device's kept words say something else ("socks leave lines on both
// ankles by evening"), it withholds it, and the conversation asks instead.
func (c *Conversation) restPain(t *router.Turn) (router.Reply, error) {
	if !t.State.HasFact(factEasesHanging) {
		return c.Open(t)
	}
	c.Begin(t, Topic)
	return c.Conclude(t, Topic, dialog.OutcomeSeeToday, "circulation.arterial", "circulation.hang"), nil
}

func (c *Conversation) answer(t *router.Turn, q, a string) (router.Reply, error) {
	return c.next(t, nil, q, a)
}

// care advises by the answer to the hanging question: raise the
// legs only when hanging them down does not ease it.
func (c *Conversation) care(t *router.Turn, said []string) (router.Reply, error) {
	switch dialog.Screened(t.State, screenHanging) {
	case session.Yes:
		// Triage answers a yes first; this is what stands if it did not.
		return c.Conclude(t, Topic, dialog.OutcomeSeeToday, dialog.With(said, "circulation.arterial", "circulation.hang")...), nil
	case session.No:
		said = dialog.With(said, "circulation.raise", "circulation.venous")
	default:
		said = dialog.With(said, "circulation.level")
	}
	t.State.Step = "walk"
	return c.Ask(t, said, "circulation.ask.walk", c.next)
}

func (c *Conversation) next(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if said, ok := c.ScreenAnswer(Topic, said, q, a); ok {
		return c.Screen(t, Topic, said, c.care)
	}
	if q != "circulation.ask.walk" {
		return c.Fallback(t)
	}
	if a == session.Yes {
		return c.ConcludeOffering(t, Topic, dialog.OutcomeSeeDoctor, "ankle-pumps", dialog.With(said, "circulation.walk", "circulation.watch", "circulation.offer.pumps")...), nil
	}
	if dialog.Screened(t.State, screenHanging) == session.No {
		// Daytime care includes feet up, safe only when hanging the leg
		// down does not ease it.
		said = dialog.With(said, "circulation.day")
	}
	return c.ConcludeOffering(t, Topic, dialog.OutcomeAdvised, "ankle-pumps", dialog.With(said, "circulation.watch", "circulation.offer.pumps")...), nil
}
