package intents

import (
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Restless legs: the urge to move, crawling or tingling that eases with
// movement. It says what helps tonight at once, then tells restless legs
// from a cramp or nerve pain with two questions (refs §2: movement relieves
// restless legs; a cramp is a hard, painful knot), and whether it comes most
// nights, which decides what to raise with a doctor.
const (
	TopicRestless  = "restless"
	IntentRestless = "RestlessLegsIntent"
)

func (s *set) registerRestless(r *router.Router) {
	r.IntentFunc(IntentRestless, s.restless)
	s.answers[TopicRestless] = s.restlessAnswer
}

func (s *set) restless(t *router.Turn) (router.Reply, error) {
	begin(t, TopicRestless)
	t.State.Step = "relief"
	return s.ask(t, []string{"restless.relief"}, "restless.ask.moving", s.restlessNext)
}

func (s *set) restlessAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	return s.restlessNext(t, nil, q, a)
}

func (s *set) restlessNext(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	switch q {
	case "restless.ask.moving":
		t.State.Step = "tell"
		if a == session.No {
			return s.ask(t, said, "restless.ask.nerve", s.restlessNext)
		}
		// Not sure whether moving helps: the opening advice was to move,
		// so the knot question tells more than asking again.
		return s.ask(t, said, "restless.ask.knot", s.restlessNext)
	case "restless.ask.knot":
		if a == session.Yes {
			return s.handOver(t, with(said, "restless.cramp"), s.cramp)
		}
		t.State.Step = "frequent"
		return s.ask(t, with(said, "restless.likely", "restless.tonight"), screenFrequent, s.restlessNext)
	case "restless.ask.nerve":
		if a == session.Yes {
			return s.handOver(t, with(said, "restless.nerve"), s.nerve)
		}
		t.State.Step = "frequent"
		return s.ask(t, with(said, "restless.unclear"), screenFrequent, s.restlessNext)
	case screenFrequent:
		if a == session.Yes {
			// Triage adds its own "book a doctor" for a yes, after these,
			// which say what to raise there; an offer of a stretch would
			// be heard after the doctor advice, so none is made.
			return s.conclude(t, TopicRestless, outcomeSeeDoctor, with(said, "restless.doctor.raise", "restless.doctor.medicines")...), nil
		}
		return s.concludeOffering(t, TopicRestless, outcomeAdvised, "calf-lying", with(said, "restless.prevent", "restless.watch", "restless.offer.stretch")...), nil
	}
	return s.fallback(t)
}
