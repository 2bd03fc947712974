package intents

import (
	"slices"

	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// General aches and soreness at night: tired or overworked muscles, long
// sitting or standing, too little water, stress, age and hormones, the way
// one lies. The conversation gives relief at once, screens for warning
// signs with triage's questions, then narrows down the likely reason one
// yes-or-no question at a time and says what to try.
const (
	TopicAches  = "aches"
	IntentAches = "AchesIntent"
)

func (s *set) registerAches(r *router.Router) {
	r.IntentFunc(IntentAches, s.aches)
	s.answers[TopicAches] = s.achesAnswer
}

// aches opens with what helps tonight, then triage's screening questions.
func (s *set) aches(t *router.Turn) (router.Reply, error) {
	begin(t, TopicAches)
	t.State.Step = "screen"
	return s.achesScreen(t, []string{"aches.intro"})
}

func (s *set) achesAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	return s.achesNext(t, nil, q, a)
}

// achesScreen asks the next screening question still to be asked; when all
// are answered, it goes on to find the likely reason.
func (s *set) achesScreen(t *router.Turn, said []string) (router.Reply, error) {
	for _, q := range screens.Screens[TopicAches] {
		if screened(t.State, q) == "" {
			return s.reply(t, append(said, q)...), nil
		}
	}
	t.State.Step = "cause"
	return s.ask(t, said, "aches.ask.active", s.achesNext)
}

// achesNext goes on from the answer a to question q.
func (s *set) achesNext(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	switch q {
	case "aches.ask.active":
		if a == session.Yes {
			return s.achesCause(t, said, "aches.overuse")
		}
		return s.ask(t, said, "aches.ask.still", s.achesNext)
	case "aches.ask.still":
		if a == session.Yes {
			return s.achesCause(t, said, "aches.still")
		}
		return s.ask(t, said, "aches.ask.water", s.achesNext)
	case "aches.ask.water":
		if a == session.Yes {
			return s.achesCause(t, said, "aches.water")
		}
		return s.achesCause(t, said, "aches.other")
	case screenFrequent:
		t.State.Step = "position"
		switch a {
		case session.Yes:
			said = append(said, "aches.frequent")
		case session.Unknown:
			// Not sure is not a no: say when a doctor should look.
			said = append(said, "aches.close")
		}
		return s.ask(t, said, "aches.offer.position", s.achesNext)
	case "aches.offer.position":
		t.State.Step = "done"
		ids := said
		if a == session.Yes {
			ids = append(ids, "aches.position")
		}
		switch {
		case screened(t.State, screenFrequent) == session.No:
			// Not yet told when a doctor should look for a cause.
			ids = append(ids, "aches.close")
		case a != session.Yes:
			ids = append(ids, "goodbye")
		}
		r := s.reply(t, ids...)
		r.End = true
		r.Night = night(t, TopicAches, "advised")
		return r, nil
	}
	if slices.Contains(screens.Screens[TopicAches], q) {
		// A yes that calls for care is answered by triage before this
		// runs. Not sure is not a no: what to act on is said plainly.
		if u := screens.Unsure[q]; a == session.Unknown && u != "" {
			said = append(said, u)
		}
		return s.achesScreen(t, said)
	}
	return s.fallback(t)
}

// achesCause says the likely reason and what to try, then asks whether it
// happens most nights, which decides whether a doctor should look for a
// cause.
func (s *set) achesCause(t *router.Turn, said []string, cause string) (router.Reply, error) {
	t.State.Step = "frequent"
	return s.ask(t, append(said, cause), screenFrequent, s.achesNext)
}
