package intents

import (
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// TestSymptomConversationsUseTriage checks that the screening questions
// and facts the symptom conversations name in Go are triage's.
func TestSymptomConversationsUseTriage(t *testing.T) {
	for _, q := range []string{screenNumb, screenFootSore, screenBearWeight, screenHanging, screenStiffness, screenFrequent} {
		if _, ok := triage.Lookup(q); !ok {
			t.Errorf("%s is not a triage screening question", q)
		}
	}
	for _, f := range []string{factEasesHanging, "injury", "diabetes"} {
		if !triage.Known(f) {
			t.Errorf("%s is not a triage fact", f)
		}
	}
	s := &set{lib: library(t), answers: map[string]answerFunc{}, questions: map[string]answerFunc{}}
	r := router.New(nil)
	s.registerRestless(r)
	s.registerHip(r)
	s.registerNerve(r)
	s.registerCirculation(r)
	s.registerJoint(r)
	for _, topic := range []string{TopicRestless, TopicHip, TopicNerve, TopicFeet, TopicCirculation, TopicJoint} {
		if s.answers[topic] == nil {
			t.Errorf("topic %s takes no answers", topic)
		}
	}
}

// TestNervePlace checks how nerve pain is placed: in the feet, down the
// leg, or not known (then asked).
func TestNervePlace(t *testing.T) {
	tests := []struct {
		slot, text, want string
	}{
		{"foot", "", "feet"},
		{"toes", "", "feet"},
		{"leg", "", "leg"},
		{"thigh", "", "leg"},
		{"", "", ""},
		{"", "burning in the soles of my feet", "feet"},
		{"", "shooting pain from my lower back", "leg"},
		{"", "my wife has sciatica", "leg"},
		{"", "pins and needles", ""},
		{"", "nerve pain", ""},
	}
	for _, tt := range tests {
		env := &alexa.RequestEnvelope{}
		env.Request.Intent = &alexa.Intent{Name: IntentNervePain, Slots: map[string]alexa.Slot{}}
		if tt.slot != "" {
			env.Request.Intent.Slots["bodyPart"] = alexa.Slot{Name: "bodyPart", Value: tt.slot}
		}
		turn := &router.Turn{Request: env, Text: tt.text, State: &session.Context{}}
		if got := nervePlace(turn); got != tt.want {
			t.Errorf("nervePlace(slot %q, text %q) = %q, want %q", tt.slot, tt.text, got, tt.want)
		}
	}
}

// TestNoRaisingBeforeHanging walks the circulation conversation with each
// answer to the hanging question, and no to the rest, and checks that
// raising the legs is advised only after a no (refs §2 PAD: raising
// worsens poor arterial flow).
func TestNoRaisingBeforeHanging(t *testing.T) {
	lib := library(t)
	s := &set{lib: lib, answers: map[string]answerFunc{}, questions: map[string]answerFunc{}}
	s.registerCirculation(router.New(nil))
	self := forms(subjectSelf, "")
	for _, hanging := range []string{session.Yes, session.No, session.Unknown} {
		turn := &router.Turn{State: &session.Context{}}
		r, err := s.circulation(turn)
		if err != nil {
			t.Fatal(err)
		}
		said := r.Speech.String()
		// Its own questions and triage's; the closing offer of a routine
		// is routines.go's.
		for i := 0; turn.State.Pending != "" && turn.State.Pending != "routine.offer"; i++ {
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
			if r, err = s.circulationNext(turn, nil, q, a); err != nil {
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
