// Package exercise is the conversation about legs sore after exercise: both
// calves or thighs aching a day or two after a long walk, a run or a new
// workout (delayed muscle soreness, refs §3: self-care). It says what eases
// it at once, asks triage's question for one swollen leg, then whether the
// pain comes back every time the listener walks a certain distance, which
// would be claudication, for a doctor within days (refs §2 PAD), and closes
// with the signs that need help at once.
package exercise

import (
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Topic is the conversation's name; Intent opens it.
const (
	Topic  session.Topic = "exercise"
	Intent string        = "SoreAfterExerciseIntent"
)

// Triage's facts for walking pain that rest eases: together they are its
// claudication rule (a doctor within days).
var claudication = []string{"claudication", "walking_pain"}

// Conversation is the sore-after-exercise conversation, written with the
// dialog toolkit.
type Conversation struct{ dialog.Conv }

// New returns the sore-after-exercise conversation, speaking through k.
func New(k dialog.Kit) *Conversation { return &Conversation{dialog.Conv{Kit: k}} }

// Register adds the sore-after-exercise conversation to r: its intent, and
// the answers to its questions.
func Register(k dialog.Kit, r *router.Router) {
	c := New(k)
	r.IntentFunc(Intent, c.Open)
	k.Answers(Topic, c.answer)
}

// Open says what eases the soreness, then asks the screening questions.
func (c *Conversation) Open(t *router.Turn) (router.Reply, error) {
	c.Begin(t, Topic)
	t.State.Step = "screen"
	return c.Screen(t, Topic, []string{"exercise.relief"}, c.walking)
}

// walking asks whether the pain comes with every walk of a certain length.
func (c *Conversation) walking(t *router.Turn, said []string) (router.Reply, error) {
	t.State.Step = "walking"
	return c.Ask(t, said, "exercise.ask.walking", c.next)
}

func (c *Conversation) answer(t *router.Turn, q, a string) (router.Reply, error) {
	return c.next(t, nil, q, a)
}

func (c *Conversation) next(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if said, ok := c.ScreenAnswer(Topic, said, q, a); ok {
		return c.Screen(t, Topic, said, c.walking)
	}
	if q != "exercise.ask.walking" {
		return c.Fallback(t)
	}
	switch a {
	case session.Yes:
		// Triage adds its own "see a doctor in the next few days".
		t.State.AddFacts(claudication...)
		return c.Conclude(t, Topic, dialog.OutcomeSeeDoctor, dialog.With(said, "exercise.walking", "exercise.watch")...), nil
	case session.Unknown:
		// Not sure is not a no: say when it is worth a doctor's look.
		return c.Conclude(t, Topic, dialog.OutcomeAdvised, dialog.With(said, "exercise.settle", "exercise.walking", "exercise.watch")...), nil
	}
	return c.Conclude(t, Topic, dialog.OutcomeAdvised, dialog.With(said, "exercise.settle", "exercise.watch")...), nil
}
