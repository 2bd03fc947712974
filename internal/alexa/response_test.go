package alexa

import (
	"encoding/json"
	"strings"
	"testing"
)

// ShouldEndSession's three meanings must survive encoding: Alexa treats an
// absent field differently from false.
func TestShouldEndSessionThreeStates(t *testing.T) {
	tests := []struct {
		name string
		end  *bool
		want string
	}{
		{"absent", nil, ""},
		{"false", Bool(false), `"shouldEndSession":false`},
		{"true", Bool(true), `"shouldEndSession":true`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(ResponseEnvelope{Version: "1.0", Response: Response{ShouldEndSession: tt.end}})
			if err != nil {
				t.Fatal(err)
			}
			got := string(b)
			if tt.want == "" && strings.Contains(got, "shouldEndSession") {
				t.Errorf("absent encoded as %s", got)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestResponseEncoding(t *testing.T) {
	speech := (&SSML{}).Say("Hold it.")
	env := ResponseEnvelope{
		Version:           "1.0",
		SessionAttributes: map[string]any{"triage": "urgent"},
		Response: Response{
			OutputSpeech: SSMLSpeech(speech),
			Reprompt:     &Reprompt{OutputSpeech: *PlainSpeech("Is it easing?")},
			Card:         &Card{Type: CardStandard, Title: "Night Legs", Text: "Calf stretch done."},
			Directives:   []any{json.RawMessage(`{"type":"Alexa.Presentation.APL.RenderDocument","token":"t"}`)},
		},
	}
	b, err := json.Marshal(env)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	resp := back["response"].(map[string]any)
	os := resp["outputSpeech"].(map[string]any)
	if os["type"] != "SSML" || os["ssml"] != "<speak>Hold it.</speak>" || os["text"] != nil {
		t.Errorf("outputSpeech = %v", os)
	}
	re := resp["reprompt"].(map[string]any)["outputSpeech"].(map[string]any)
	if re["type"] != "PlainText" || re["text"] != "Is it easing?" {
		t.Errorf("reprompt = %v", re)
	}
	card := resp["card"].(map[string]any)
	if card["type"] != "Standard" || card["text"] != "Calf stretch done." || card["content"] != nil {
		t.Errorf("card = %v", card)
	}
	dir := resp["directives"].([]any)[0].(map[string]any)
	if dir["type"] != "Alexa.Presentation.APL.RenderDocument" {
		t.Errorf("raw directive = %v", dir)
	}
	if back["sessionAttributes"].(map[string]any)["triage"] != "urgent" {
		t.Errorf("sessionAttributes = %v", back["sessionAttributes"])
	}
}
