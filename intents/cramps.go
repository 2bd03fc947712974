package intents

import (
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// TopicCramp is a night-time muscle cramp in the calf, foot or thigh.
const (
	TopicCramp  = "cramp"
	IntentCramp = "CrampIntent"
)

func (s *set) registerCramps(r *router.Router) {
	r.IntentFunc(IntentCramp, s.cramp)
	s.answers[TopicCramp] = s.crampAnswer
}

// cramp gives relief steps for the cramping muscle at once, then asks
// whether it is easing.
func (s *set) cramp(t *router.Turn) (router.Reply, error) {
	begin(t, TopicCramp)
	part, id := t.SlotID("bodyPart")
	if id != "" {
		// Only a value of the skill's own list is kept: never words the
		// listener said that Alexa could not resolve.
		t.State.SetAnswer("cramp.part", id)
	}
	t.State.Step = "relief"
	switch part {
	case "foot", "toes":
		return s.say(t, "cramp.relief.foot"), nil
	case "thigh", "hamstring":
		return s.say(t, "cramp.relief.thigh"), nil
	default:
		return s.say(t, "cramp.relief"), nil
	}
}

func (s *set) crampAnswer(t *router.Turn, question, answer string) (router.Reply, error) {
	switch question {
	case "cramp.relief", "cramp.relief.foot", "cramp.relief.thigh":
		if answer == session.Yes {
			t.State.Step = "eased"
			r := s.say(t, "cramp.eased", "cramp.offer.more")
			r.Night = night(t, TopicCramp, "eased")
			return r, nil
		}
		t.State.Step = "second"
		return s.say(t, "cramp.second"), nil
	case "cramp.second":
		if answer == session.Yes {
			t.State.Step = "eased"
			r := s.say(t, "cramp.eased", "cramp.offer.more")
			r.Night = night(t, TopicCramp, "eased")
			return r, nil
		}
		// Not easing after two techniques: it has been several minutes.
		t.State.Step = "persistent"
		t.State.AddFacts("cramp_not_easing")
		r := s.say(t, "cramp.persistent")
		r.Night = night(t, TopicCramp, "not-eased")
		r.End = true
		return r, nil
	case "cramp.offer.more":
		if answer == session.Yes {
			return s.offerRoutine(t, "before-bed", "cramp.prevent"), nil
		}
		r := s.say(t, "goodbye")
		r.End = true
		return r, nil
	}
	return s.fallback(t)
}
