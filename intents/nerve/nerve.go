// Package nerve is the conversation about nerve pain, two kinds, each its
// own topic:
//
//   - Topic: shooting, burning or tingling pain down the leg from a pressed
//     or irritated nerve (sciatica, piriformis). Positions that ease it
//     first, then triage's questions for the signs that the nerves at the
//     base of the spine are squeezed or a nerve is badly pressed (numbness
//     between the legs, bladder or bowel changes, both legs weak, foot
//     drop), then care, numbness, and a stretch for the buttock.
//   - TopicFeet: burning, tingling feet from damaged nerves (neuropathy),
//     often with diabetes: gentle movement and distraction first, then
//     triage's questions for diabetes and a sore that won't heal, which
//     decide the foot care to give.
//
// When it is not clear which (Intent: "I have nerve pain"), the
// conversation asks whether it is mostly in the feet.
package nerve

import (
	"github.com/nightlegs/nightlegs/intents/dialog"
	"slices"

	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/symptom"
)

// The two topics' names, and the intents that open them: Intent when it is
// not yet clear which.
const (
	Topic             session.Topic = "nerve"
	TopicFeet         session.Topic = "feet"
	Intent            string        = "NervePainIntent"
	IntentSciatica    string        = "SciaticaIntent"
	IntentBurningFeet string        = "BurningFeetIntent"
)

// screenNumb asks about numbness once the urgent nerve signs are ruled out
// (seed 000, 001, 002: numbness is a reason to see a doctor).
const screenNumb = dialog.TriagePrefix + "numb"

// screenFootSore asks about a sore that won't heal, which decides the foot
// care said (refs §3 rows 9 and 11).
const screenFootSore = dialog.TriagePrefix + "foot_sore"

// Conversation is the nerve pain conversation, written with the dialog toolkit.
type Conversation struct{ dialog.Conv }

// New returns the nerve pain conversation, speaking through k.
func New(k dialog.Kit) *Conversation { return &Conversation{dialog.Conv{Kit: k}} }

// Register adds the nerve pain conversation to r: its intents, and the answers
// to its questions.
func Register(k dialog.Kit, r *router.Router) {
	c := New(k)
	r.IntentFunc(Intent, c.Open)
	r.IntentFunc(IntentSciatica, c.Sciatica)
	r.IntentFunc(IntentBurningFeet, c.Feet)
	k.Answers(Topic, c.answer)
	k.Answers(TopicFeet, c.feetAnswer)
}

// Open opens nerve pain whose place is not yet known: the body part slot,
// or the words said, decide; failing both, it asks.
func (c *Conversation) Open(t *router.Turn) (router.Reply, error) {
	switch nervePlace(t) {
	case "feet":
		return c.Feet(t)
	case "leg":
		return c.Sciatica(t)
	}
	c.Begin(t, Topic)
	t.State.Step = "where"
	return c.Ask(t, []string{"nerve.relief.general"}, "nerve.ask.feet", c.next)
}

// nervePlace tells from the turn whether the pain is in the feet ("feet"),
// down the leg ("leg"), or unknown (""): the body part said, else sciatica
// or a shooting pain named, which run down the leg (seed 000, 002); the
// back named anywhere puts it down the leg.
func nervePlace(t *router.Turn) string {
	parts := []string{t.Slot("bodyPart")}
	if t.Text != "" {
		rd := symptom.Read(t.Text)
		parts = append(parts, rd.Parts...)
		for _, s := range rd.Sensations {
			if s == "sciatica" || s == "shooting" {
				parts = append(parts, "leg")
			}
		}
	}
	// "My foot has gone numb and my back hurts": a foot beside the back
	// may be a nerve pressed at the spine, whose screening questions
	// (numbness between the legs, the bladder) come first.
	if slices.Contains(parts, "back") || slices.Contains(parts, "buttock") {
		return "leg"
	}
	for _, p := range parts {
		switch p {
		case "foot", "feet", "toes":
			return "feet"
		case "leg", "calf", "thigh", "hamstring", "buttock", "back", "hip":
			return "leg"
		}
	}
	return ""
}

// Sciatica opens pain down the leg: a position that eases it, then the
// screening questions.
func (c *Conversation) Sciatica(t *router.Turn) (router.Reply, error) {
	c.Begin(t, Topic)
	t.State.Step = "screen"
	return c.Screen(t, Topic, []string{"nerve.relief"}, c.care)
}

// care follows the screening questions with what to do for the pain,
// then asks about numbness.
func (c *Conversation) care(t *router.Turn, said []string) (router.Reply, error) {
	t.State.Step = "care"
	return c.Ask(t, dialog.With(said, "nerve.care"), screenNumb, c.next)
}

func (c *Conversation) answer(t *router.Turn, q, a string) (router.Reply, error) {
	return c.next(t, nil, q, a)
}

func (c *Conversation) next(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if said, ok := c.ScreenAnswer(Topic, said, q, a); ok {
		return c.Screen(t, Topic, said, c.care)
	}
	switch q {
	case "nerve.ask.feet":
		if a == session.Yes {
			c.Begin(t, TopicFeet)
			t.State.Step = "screen"
			return c.Screen(t, TopicFeet, dialog.With(said, "nerve.feet.relief"), c.feetCare)
		}
		// Down the leg, or not sure: the spine's warning signs are asked
		// either way.
		t.State.Step = "screen"
		return c.Screen(t, Topic, said, c.care)
	case screenNumb:
		t.State.Step = "stretch"
		switch a {
		case session.Yes:
			// Triage adds its own "see a doctor" for new numbness.
			said = dialog.With(said, "nerve.numb")
		case session.Unknown:
			said = dialog.With(said, c.Unsure(screenNumb))
		}
		return c.Ask(t, said, "nerve.offer.stretch", c.next)
	case "nerve.offer.stretch":
		if a == session.Yes {
			return c.ConcludeOffering(t, Topic, dialog.OutcomeAdvised, "figure-four", dialog.With(said, "nerve.watch", "nerve.stretch")...), nil
		}
		return c.Conclude(t, Topic, dialog.OutcomeAdvised, dialog.With(said, "nerve.watch")...), nil
	}
	return c.Fallback(t)
}

// Feet opens burning or tingling feet: movement and distraction at once,
// then the screening questions.
func (c *Conversation) Feet(t *router.Turn) (router.Reply, error) {
	c.Begin(t, TopicFeet)
	t.State.Step = "screen"
	return c.Screen(t, TopicFeet, []string{"nerve.feet.relief"}, c.feetCare)
}

func (c *Conversation) feetAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	if said, ok := c.ScreenAnswer(TopicFeet, nil, q, a); ok {
		return c.Screen(t, TopicFeet, said, c.feetCare)
	}
	return c.Fallback(t)
}

// feetCare gives the foot care that fits what the screening told: a sore
// to watch, daily checks with diabetes, or a cause to look for without.
func (c *Conversation) feetCare(t *router.Turn, said []string) (router.Reply, error) {
	ids := slices.Clone(said)
	if dialog.Screened(t.State, screenFootSore) == session.Yes {
		ids = append(ids, "nerve.feet.sore")
	}
	if t.State.HasFact("diabetes") {
		ids = append(ids, "nerve.feet.diabetes")
	} else {
		ids = append(ids, "nerve.feet.cause")
	}
	return c.Conclude(t, TopicFeet, dialog.OutcomeAdvised, append(ids, "nerve.feet.warmth")...), nil
}
