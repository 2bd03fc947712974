package intents

import (
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Hip pain lying down. It says how to lie at once, asks triage's question
// about a fall or injury (then whether the leg takes weight), and then where
// the pain is: over the outer hip bone (the common side-lying pain: cold or
// heat, a stretch, the bed), down from the back (handed to the nerve
// conversation) or deep in the joint (handed to the joint conversation).
const (
	TopicHip  = "hip"
	IntentHip = "HipPainIntent"
)

// screenBearWeight follows a yes to the injury question: not being able to
// put weight on the leg after a fall needs care today (issue 3; seed 002).
const screenBearWeight = triagePrefix + "bear_weight"

func (s *set) registerHip(r *router.Router) {
	r.IntentFunc(IntentHip, s.hip)
	s.answers[TopicHip] = s.hipAnswer
}

func (s *set) hip(t *router.Turn) (router.Reply, error) {
	begin(t, TopicHip)
	t.State.Step = "screen"
	return s.screen(t, TopicHip, []string{"hip.relief"}, s.hipWhere)
}

func (s *set) hipAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	return s.hipNext(t, nil, q, a)
}

// hipWhere goes on once the screening questions are answered: after an
// injury, whether the leg takes weight; otherwise, where the pain is.
func (s *set) hipWhere(t *router.Turn, said []string) (router.Reply, error) {
	if t.State.HasFact("fell") || t.State.HasFact("injury") {
		t.State.Step = "injury"
		return s.ask(t, said, screenBearWeight, s.hipNext)
	}
	t.State.Step = "where"
	return s.ask(t, said, "hip.ask.outer", s.hipNext)
}

func (s *set) hipNext(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if said, ok := screenAnswer(TopicHip, said, q, a); ok {
		return s.screen(t, TopicHip, said, s.hipWhere)
	}
	switch q {
	case screenBearWeight:
		// A no calls for care today, which triage says first; either way
		// a hip that hurts after a fall is for a doctor to check.
		return s.conclude(t, TopicHip, outcomeSeeDoctor, with(said, "hip.injury")...), nil
	case "hip.ask.outer":
		if a == session.Yes {
			t.State.Step = "outer"
			return s.ask(t, with(said, "hip.outer", "hip.coldheat"), "hip.offer.stretch", s.hipNext)
		}
		t.State.Step = "where"
		return s.ask(t, with(said, "hip.warmth"), "hip.ask.back", s.hipNext)
	case "hip.offer.stretch":
		if a == session.Yes {
			// When to see someone first: a no to the guided stretch says
			// goodbye.
			return s.concludeOffering(t, TopicHip, outcomeAdvised, "knee-to-chest", with(said, "hip.watch", "hip.stretch")...), nil
		}
		return s.conclude(t, TopicHip, outcomeAdvised, with(said, "hip.bed", "hip.watch")...), nil
	case "hip.ask.back":
		if a == session.Yes {
			return s.handOver(t, with(said, "hip.nerve"), s.sciatica)
		}
		return s.ask(t, said, "hip.ask.joint", s.hipNext)
	case "hip.ask.joint":
		if a == session.Yes {
			return s.handOver(t, with(said, "hip.joint"), s.joint)
		}
		return s.conclude(t, TopicHip, outcomeAdvised, with(said, "hip.other", "hip.watch")...), nil
	}
	return s.fallback(t)
}
