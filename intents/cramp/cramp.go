// Package cramp is the conversation about a night-time muscle cramp in the
// calf, foot or thigh: relief steps at once, a second technique if it does
// not ease, and a tip to prevent the next one.
package cramp

import (
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Topic is the conversation's name; Intent opens it.
const (
	Topic  session.Topic = "cramp"
	Intent string        = "CrampIntent"
)

// Conversation is the cramp conversation, written with the dialog toolkit.
type Conversation struct{ dialog.Conv }

// New returns the cramp conversation, speaking through k.
func New(k dialog.Kit) *Conversation { return &Conversation{dialog.Conv{Kit: k}} }

// Register adds the cramp conversation to r: its intents, and the answers
// to its questions.
func Register(k dialog.Kit, r *router.Router) {
	c := New(k)
	r.IntentFunc(Intent, c.Open)
	k.Answers(Topic, c.answer)
}

// Open gives relief steps for the cramping muscle at once, then asks
// whether it is easing.
func (c *Conversation) Open(t *router.Turn) (router.Reply, error) {
	c.Begin(t, Topic)
	part, id := t.SlotID("bodyPart")
	if id != "" {
		// Only a value of the skill's own list is kept: never words the
		// listener said that Alexa could not resolve.
		t.State.SetAnswer("cramp.part", id)
	}
	t.State.Step = "relief"
	switch part {
	case "foot", "toes":
		return c.Say(t, "cramp.relief.foot"), nil
	case "thigh", "hamstring":
		return c.Say(t, "cramp.relief.thigh"), nil
	default:
		return c.Say(t, "cramp.relief"), nil
	}
}

func (c *Conversation) answer(t *router.Turn, question, answer string) (router.Reply, error) {
	switch question {
	case "cramp.relief", "cramp.relief.foot", "cramp.relief.thigh":
		if answer == session.Yes {
			t.State.Step = "eased"
			r := c.Say(t, "cramp.eased", "cramp.offer.more")
			r.Night = dialog.Night(t, Topic, "eased")
			return r, nil
		}
		t.State.Step = "second"
		return c.Say(t, "cramp.second"), nil
	case "cramp.second":
		if answer == session.Yes {
			t.State.Step = "eased"
			r := c.Say(t, "cramp.eased", "cramp.offer.more")
			r.Night = dialog.Night(t, Topic, "eased")
			return r, nil
		}
		// Not easing after two techniques: it has been several minutes.
		t.State.Step = "persistent"
		t.State.AddFacts("cramp_not_easing")
		r := c.Say(t, "cramp.persistent")
		r.Night = dialog.Night(t, Topic, "not-eased")
		r.End = true
		return r, nil
	case "cramp.offer.more":
		if answer == session.Yes {
			return c.OfferRoutine(t, "before-bed", "cramp.prevent"), nil
		}
		r := c.Say(t, "goodbye")
		r.End = true
		return r, nil
	}
	return c.Fallback(t)
}
