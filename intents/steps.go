package intents

import (
	"slices"

	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Steps shared by the symptom conversations (restless legs, hip, nerve,
// circulation, joints): each opens with what helps at once, asks triage's
// screening questions for its topic (screens.yaml) one at a time, then
// narrows down with its own questions.

// Outcomes of a night's conversation, as kept in session.Night.
const (
	outcomeAdvised   = "advised"
	outcomeSeeDoctor = "see-doctor"
	outcomeSeeToday  = "see-doctor-today"
)

// then goes on with a conversation once its screening questions are
// answered; said are texts still to be said first.
type then func(t *router.Turn, said []string) (router.Reply, error)

// screen says the texts in said and asks the first of topic's screening
// questions that still needs asking: not answered this session, and not
// already told by what the listener said. With none left it goes on with
// done.
func (s *set) screen(t *router.Turn, topic string, said []string, done then) (router.Reply, error) {
	for _, q := range screens.Screens[topic] {
		if screened(t.State, q) == "" {
			return s.reply(t, append(said[:len(said):len(said)], q)...), nil
		}
	}
	return done(t, said)
}

// screenAnswer reports whether q is one of topic's screening questions. If
// so it returns said with what to say to an "I don't know" added: not sure
// is not a no, so the sign to act on is said plainly. A yes that calls for
// care today or now never reaches here: triage answers it first.
func screenAnswer(topic string, said []string, q, a string) ([]string, bool) {
	if !slices.Contains(screens.Screens[topic], q) {
		return said, false
	}
	if u := screens.Unsure[q]; a == session.Unknown && u != "" {
		said = append(said[:len(said):len(said)], u)
	}
	return said, true
}

// with returns said followed by ids, without touching said's array, which
// may be shared by the caller.
func with(said []string, ids ...string) []string {
	return append(said[:len(said):len(said)], ids...)
}

// conclude says ids and closes the conversation, recording tonight's outcome.
func (s *set) conclude(t *router.Turn, topic, outcome string, ids ...string) router.Reply {
	t.State.Step = "done"
	r := s.reply(t, ids...)
	r.End = true
	r.Night = night(t, topic, outcome)
	return r
}

// concludeOffering says ids and records tonight's outcome, then offers to
// guide the listener through routine id, which matches the stretch the
// texts just described; a no to the offer says goodbye (routines.go). With
// no offer to make (the level reached calls for care), it closes.
func (s *set) concludeOffering(t *router.Turn, topic, outcome, id string, ids ...string) router.Reply {
	t.State.Step = "done"
	r := s.offerRoutine(t, id, ids...)
	r.Night = night(t, topic, outcome)
	r.End = r.Question == ""
	return r
}

// handOver passes the conversation to another topic's opening, saying said
// first: "that sounds more like a cramp" and then the cramp's relief steps.
func (s *set) handOver(t *router.Turn, said []string, open func(*router.Turn) (router.Reply, error)) (router.Reply, error) {
	r, err := open(t)
	if err != nil || len(said) == 0 {
		return r, err
	}
	first := s.speech(t, said...)
	if r.Speech != nil {
		first.Pause(textPause).Append(r.Speech)
	}
	r.Speech = first
	return r, nil
}
