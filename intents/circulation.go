package intents

import (
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Circulation: heavy, aching, throbbing legs, varicose veins (raising the
// legs helps) versus pain in the feet at rest that eases when the leg hangs
// down (poor arterial flow: raising makes it worse, and it needs care
// today). The conversation opens with ankle movement, which suits both, and
// ASKS triage's hanging question before it advises raising the legs; "not
// sure" gets level legs, never raised ones (refs §2 PAD; refs §3 row 9).
const (
	TopicCirculation  = "circulation"
	IntentCirculation = "CirculationIntent"
	IntentRestPain    = "RestPainIntent"
)

// factEasesHanging is triage's fact for pain eased by hanging the leg down;
// screenHanging is the question that asks it.
const (
	factEasesHanging = "eases_hanging"
	screenHanging    = triagePrefix + "hanging"
)

func (s *set) registerCirculation(r *router.Router) {
	r.IntentFunc(IntentCirculation, s.circulation)
	r.IntentFunc(IntentRestPain, s.restPain)
	s.answers[TopicCirculation] = s.circulationAnswer
}

func (s *set) circulation(t *router.Turn) (router.Reply, error) {
	begin(t, TopicCirculation)
	t.State.Step = "screen"
	return s.screen(t, TopicCirculation, []string{"circulation.relief"}, s.circulationCare)
}

// restPain is foot pain lying down that eases with the leg hanging down,
// said outright: triage's rule for it calls for care today.
func (s *set) restPain(t *router.Turn) (router.Reply, error) {
	begin(t, TopicCirculation)
	t.State.AddFacts(factEasesHanging)
	return s.conclude(t, TopicCirculation, outcomeSeeToday, "circulation.arterial", "circulation.hang"), nil
}

func (s *set) circulationAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	return s.circulationNext(t, nil, q, a)
}

// circulationCare advises by the answer to the hanging question: raise the
// legs only when hanging them down does not ease it.
func (s *set) circulationCare(t *router.Turn, said []string) (router.Reply, error) {
	switch screened(t.State, screenHanging) {
	case session.Yes:
		// Triage answers a yes first; this is what stands if it did not.
		return s.conclude(t, TopicCirculation, outcomeSeeToday, with(said, "circulation.arterial", "circulation.hang")...), nil
	case session.No:
		said = with(said, "circulation.raise", "circulation.venous")
	default:
		said = with(said, "circulation.level")
	}
	t.State.Step = "walk"
	return s.ask(t, said, "circulation.ask.walk", s.circulationNext)
}

func (s *set) circulationNext(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if said, ok := screenAnswer(TopicCirculation, said, q, a); ok {
		return s.screen(t, TopicCirculation, said, s.circulationCare)
	}
	if q != "circulation.ask.walk" {
		return s.fallback(t)
	}
	if a == session.Yes {
		return s.concludeOffering(t, TopicCirculation, outcomeSeeDoctor, "ankle-pumps", with(said, "circulation.walk", "circulation.watch", "circulation.offer.pumps")...), nil
	}
	if screened(t.State, screenHanging) == session.No {
		// Daytime care includes feet up, safe only when hanging the leg
		// down does not ease it.
		said = with(said, "circulation.day")
	}
	return s.concludeOffering(t, TopicCirculation, outcomeAdvised, "ankle-pumps", with(said, "circulation.watch", "circulation.offer.pumps")...), nil
}
