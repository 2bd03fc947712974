package intents

import (
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/intents/circulation"
	"github.com/nightlegs/nightlegs/intents/dialog"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/topicdir"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// TestTopicsTakeAnswers checks that each topic folder's conversation
// (intents/<topic>/ with a topic.yaml) is in the topics list and takes the
// answers to its questions, and that its route's intent is registered.
func TestTopicsTakeAnswers(t *testing.T) {
	if _, ok := triage.Lookup(dialog.ScreenFrequent); !ok {
		t.Errorf("%s is not a triage screening question", dialog.ScreenFrequent)
	}
	s := newSet(library(t))
	r := router.New(nil)
	for _, register := range topics {
		register(s, r)
	}
	hooks, err := topicdir.Load(golit.DecodeFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(hooks) == 0 {
		t.Fatal("no topic folders found")
	}
	for _, h := range hooks {
		if s.answers[session.Topic(h.Topic)] == nil {
			t.Errorf("topic %s takes no answers: is its Register in intents.New's topics?", h.Topic)
		}
		if h.Route != nil && !r.Handles(h.Route.Intent) {
			t.Errorf("topic %s routes to %s, which no conversation registers", h.Topic, h.Route.Intent)
		}
	}
}

// TestNoRaisingBeforeHanging walks the circulation conversation with each
// answer to the hanging question, and no to the rest, and checks that
// raising the legs is advised only after a no (refs §2 PAD: raising
// worsens poor arterial flow).
func TestNoRaisingBeforeHanging(t *testing.T) {
	lib := library(t)
	s := newSet(lib)
	circulation.Register(s, router.New(nil))
	next := s.answers[circulation.Topic]
	open := circulation.New(s).Open
	const screenHanging = dialog.TriagePrefix + "hanging"
	self := forms(subjectSelf, "", "")
	for _, hanging := range []string{session.Yes, session.No, session.Unknown} {
		turn := &router.Turn{State: &session.Context{}}
		r, err := open(turn)
		if err != nil {
			t.Fatal(err)
		}
		said := r.Speech.String()
		// Its own questions and triage's; the closing offer of a routine
		// is routines.go's.
		for i := 0; turn.State.Pending != "" && turn.State.Pending != questionOffer; i++ {
			if i > 10 {
				t.Fatalf("hanging %s: still asking %s after %d questions", hanging, turn.State.Pending, i)
			}
			q, a := turn.State.Pending, session.No
			if q == screenHanging {
				a = hanging
			}
			if !turn.State.Answered(screenHanging) && strings.Contains(said, "raising") {
				t.Errorf("hanging %s: raising said before the hanging question was answered", hanging)
			}
			turn.State.Pending = ""
			if !triage.Record(turn.State, q, a) {
				turn.State.SetAnswer(q, a)
			}
			if r, err = next(turn, q, a); err != nil {
				t.Fatal(err)
			}
			said += r.Speech.String()
		}
		for _, id := range []string{"circulation.raise", "circulation.day"} {
			line := alexa.Escape(fill(lib.Get(id).Say[0], self))
			if got := strings.Contains(said, line); got != (hanging == session.No) {
				t.Errorf("hanging %s: says %s = %v, want %v", hanging, id, got, !got)
			}
		}
	}
}
