package nerve

import (
	"testing"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// TestUsesTriage checks that the screening questions the conversation
// names in Go are triage's.
func TestUsesTriage(t *testing.T) {
	for _, q := range []string{screenNumb, screenFootSore} {
		if _, ok := triage.Lookup(q); !ok {
			t.Errorf("%s is not a triage screening question", q)
		}
	}
	if !triage.Known("diabetes") {
		t.Error("diabetes is not a triage fact")
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
		// A numb foot beside the back: the spine's questions first.
		{"", "my foot has gone numb and my back hurts", "leg"},
		{"foot", "my foot tingles and my lower back aches", "leg"},
		{"", "nerve pain", ""},
	}
	for _, tt := range tests {
		env := &alexa.RequestEnvelope{}
		env.Request.Intent = &alexa.Intent{Name: Intent, Slots: map[string]alexa.Slot{}}
		if tt.slot != "" {
			env.Request.Intent.Slots["bodyPart"] = alexa.Slot{Name: "bodyPart", Value: tt.slot}
		}
		turn := &router.Turn{Request: env, Text: tt.text, State: &session.Context{}}
		if got := nervePlace(turn); got != tt.want {
			t.Errorf("nervePlace(slot %q, text %q) = %q, want %q", tt.slot, tt.text, got, tt.want)
		}
	}
}
