package router

import (
	"testing"

	"github.com/nightlegs/nightlegs/internal/alexa"
)

func named(name string) Handler {
	return HandlerFunc(func(*Turn) (Reply, error) { return Reply{Question: name}, nil })
}

func TestRoute(t *testing.T) {
	r := New(named("fallback"))
	r.Request(alexa.TypeLaunch, named("launch"))
	r.Intent("CrampIntent", named("cramp"))
	tests := []struct{ typ, intent, want string }{
		{alexa.TypeLaunch, "", "launch"},
		{alexa.TypeIntent, "CrampIntent", "cramp"},
		{alexa.TypeIntent, "NoSuchIntent", "fallback"},
		{alexa.TypeIntent, "", "fallback"},
		{"Alexa.Presentation.APL.UserEvent", "", "fallback"},
		// An intent name on a non-intent request is not looked up.
		{alexa.TypeLaunch, "CrampIntent", "launch"},
	}
	for _, tt := range tests {
		got, _ := r.Route(tt.typ, tt.intent).Handle(&Turn{})
		if got.Question != tt.want {
			t.Errorf("Route(%q, %q) = %s, want %s", tt.typ, tt.intent, got.Question, tt.want)
		}
	}
	if !r.Handles("CrampIntent") || r.Handles("NoSuchIntent") {
		t.Error("Handles is wrong")
	}
	if got := r.Intents(); len(got) != 1 || got[0] != "CrampIntent" {
		t.Errorf("Intents() = %v", got)
	}
}

func TestTurnSlot(t *testing.T) {
	env := &alexa.RequestEnvelope{Request: alexa.Request{Type: alexa.TypeIntent, Intent: &alexa.Intent{Slots: map[string]alexa.Slot{
		"bodyPart": {Name: "bodyPart", Value: "Calves", Resolutions: &alexa.Resolutions{ResolutionsPerAuthority: []alexa.Resolution{
			{Status: alexa.ResolutionStatus{Code: alexa.ResolutionMatch}, Values: []alexa.ResolutionValue{{Value: alexa.ResolvedValue{Name: "Calf", ID: "calf"}}}},
		}}},
		"side":  {Name: "side", Value: "  Left "},
		"empty": {Name: "empty"},
	}}}}
	turn := &Turn{Request: env}
	tests := []struct{ slot, value, id string }{
		{"bodyPart", "calf", "calf"},
		{"side", "left", ""},
		{"empty", "", ""},
		{"absent", "", ""},
	}
	for _, tt := range tests {
		if v, id := turn.SlotID(tt.slot); v != tt.value || id != tt.id {
			t.Errorf("SlotID(%q) = %q, %q; want %q, %q", tt.slot, v, id, tt.value, tt.id)
		}
	}
	if (&Turn{}).Slot("bodyPart") != "" {
		t.Error("a turn without a request has slots")
	}
}
