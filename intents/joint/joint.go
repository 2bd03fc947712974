// Package joint is the conversation about joint pain and stiffness:
// arthritis at night and in the morning. Warmth and gentle movement at
// once; then triage's questions for a hot, swollen joint (care today) and
// morning stiffness over half an hour (a doctor within days), which decide
// what is said next; then a tip for bed.
package joint

import (
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Topic is the conversation's name; Intent opens it.
const (
	Topic  session.Topic = "joint"
	Intent string        = "JointPainIntent"
)

// screenStiffness asks how long morning stiffness lasts: over half an hour
// points to inflammatory arthritis (refs §2 OA/RA).
const screenStiffness = dialog.TriagePrefix + "stiffness"

// Conversation is the joint pain conversation, written with the dialog toolkit.
type Conversation struct{ dialog.Conv }

// New returns the joint pain conversation, speaking through k.
func New(k dialog.Kit) *Conversation { return &Conversation{dialog.Conv{Kit: k}} }

// Register adds the joint pain conversation to r: its intents, and the answers
// to its questions.
func Register(k dialog.Kit, r *router.Router) {
	c := New(k)
	r.IntentFunc(Intent, c.Open)
	k.Answers(Topic, c.answer)
}

// Open starts the joint pain conversation: its relief steps, then triage's
// screening questions, then its own.
func (c *Conversation) Open(t *router.Turn) (router.Reply, error) {
	c.Begin(t, Topic)
	t.State.Step = "screen"
	return c.Screen(t, Topic, []string{"joint.relief"}, c.care)
}

func (c *Conversation) answer(t *router.Turn, q, a string) (router.Reply, error) {
	return c.next(t, nil, q, a)
}

// care says what the stiffness answer tells, then offers a tip for bed.
func (c *Conversation) care(t *router.Turn, said []string) (router.Reply, error) {
	switch dialog.Screened(t.State, screenStiffness) {
	case session.Yes:
		// Triage adds its own "see a doctor in the next few days".
		said = dialog.With(said, "joint.inflammatory")
	case session.No:
		said = dialog.With(said, "joint.wear")
	}
	t.State.Step = "bed"
	return c.Ask(t, said, "joint.offer.bed", c.next)
}

func (c *Conversation) next(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if said, ok := c.ScreenAnswer(Topic, said, q, a); ok {
		return c.Screen(t, Topic, said, c.care)
	}
	if q != "joint.offer.bed" {
		return c.Fallback(t)
	}
	if a == session.Yes {
		return c.Conclude(t, Topic, dialog.OutcomeAdvised, dialog.With(said, "joint.bed", "joint.watch")...), nil
	}
	return c.Conclude(t, Topic, dialog.OutcomeAdvised, dialog.With(said, "joint.watch")...), nil
}
