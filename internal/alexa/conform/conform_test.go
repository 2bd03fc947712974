package conform

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/internal/alexa"
)

func request(typ string, screen string) *alexa.RequestEnvelope {
	env := &alexa.RequestEnvelope{Version: "1.0", Request: alexa.Request{Type: typ}}
	if screen != "" {
		env.Context.System.Device.SupportedInterfaces = map[string]json.RawMessage{
			alexa.InterfaceAPL: json.RawMessage(`{"runtime": {"maxVersion": "` + screen + `"}}`),
		}
	}
	return env
}

const (
	speak  = `"outputSpeech": {"type": "SSML", "ssml": "<speak>Straighten your leg.<break time=\"300ms\"/> <amazon:effect name=\"whispered\">Is it easing?</amazon:effect></speak>"}`
	listen = `"reprompt": {"outputSpeech": {"type": "SSML", "ssml": "<speak>Is it easing?</speak>"}}, "shouldEndSession": false`
	doc    = `{"type": "Alexa.Presentation.APL.RenderDocument", "token": "t", "document": {"type": "APL", "version": "1.4", "mainTemplate": {"items": []}}, "datasources": {}}`
)

var apl = []string{alexa.ManifestInterfaceAPL}

func TestResponse(t *testing.T) {
	for _, c := range []struct {
		name     string
		req      *alexa.RequestEnvelope
		resp     string
		declared []string
		want     string // "" for a conforming response
	}{
		{"ask", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {` + speak + `, ` + listen + `}}`, nil, ""},
		{"tell with a card", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {` + speak + `, "card": {"type": "Standard", "title": "Stretch", "text": "Calf"}, "shouldEndSession": true}}`, nil, ""},
		{"screen", request(alexa.TypeIntent, "1.6"), `{"version": "1.0", "response": {` + speak + `, "directives": [` + doc + `], ` + listen + `}}`, apl, ""},
		{"session ended", request(alexa.TypeSessionEnded, ""), `{"version": "1.0", "response": {}}`, nil, ""},

		{"version", request(alexa.TypeIntent, ""), `{"version": "2.0", "response": {` + speak + `}}`, nil, "version"},
		{"unknown field", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {` + speak + `, "endSession": true}}`, nil, `unknown field "endSession"`},
		{"speech type", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {"outputSpeech": {"type": "Text", "text": "hi"}}}`, nil, "want PlainText or SSML"},
		{"no speak", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {"outputSpeech": {"type": "SSML", "ssml": "hi"}}}`, nil, "outside <speak>"},
		{"unclosed", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {"outputSpeech": {"type": "SSML", "ssml": "<speak><p>hi</speak>"}}}`, nil, "not well formed"},
		{"html tag", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {"outputSpeech": {"type": "SSML", "ssml": "<speak><b>hi</b></speak>"}}}`, nil, "<b>"},
		{"long break", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {"outputSpeech": {"type": "SSML", "ssml": "<speak>hold<break time=\"20s\"/></speak>"}}}`, nil, "at most 10s"},
		{"too long", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {"outputSpeech": {"type": "SSML", "ssml": "<speak>` + strings.Repeat("calf ", 1700) + `</speak>"}}}`, nil, "at most 8000"},
		{"reprompt on a goodbye", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {` + speak + `, "reprompt": {"outputSpeech": {"type": "PlainText", "text": "Well?"}}, "shouldEndSession": true}}`, nil, "never said"},
		{"listening in silence", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {"shouldEndSession": false}}`, nil, "nothing is said"},
		{"simple card with text", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {` + speak + `, "card": {"type": "Simple", "title": "x", "text": "y"}}}`, nil, "Simple card"},
		{"standard card with content", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {` + speak + `, "card": {"type": "Standard", "title": "x", "content": "y"}}}`, nil, "Standard card"},
		{"card type", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {` + speak + `, "card": {"type": "Big", "title": "x"}}}`, nil, `type "Big"`},
		{"speech after session end", request(alexa.TypeSessionEnded, ""), `{"version": "1.0", "response": {` + speak + `}}`, nil, "may not speak"},
		{"APL not declared", request(alexa.TypeIntent, "1.6"), `{"version": "1.0", "response": {` + speak + `, "directives": [` + doc + `]}}`, nil, "ALEXA_PRESENTATION_APL declared"},
		{"APL to a speaker", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {` + speak + `, "directives": [` + doc + `]}}`, apl, "does not list Alexa.Presentation.APL"},
		{"APL too new", request(alexa.TypeIntent, "1.3"), `{"version": "1.0", "response": {` + speak + `, "directives": [` + doc + `]}}`, apl, `newer than the device's maxVersion "1.3"`},
		{"no document", request(alexa.TypeIntent, "1.6"), `{"version": "1.0", "response": {` + speak + `, "directives": [{"type": "Alexa.Presentation.APL.RenderDocument", "token": "t"}]}}`, apl, "without a document"},
		{"unknown directive", request(alexa.TypeIntent, ""), `{"version": "1.0", "response": {` + speak + `, "directives": [{"type": "Display.RenderTemplate"}]}}`, apl, "unknown directive type"},
		{"too big", request(alexa.TypeIntent, ""), `{"version": "1.0", "sessionAttributes": {"x": "` + strings.Repeat("x", MaxResponseBytes) + `"}, "response": {` + speak + `}}`, nil, "bytes"},
	} {
		got := Response(c.req, []byte(c.resp), c.declared)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%s: want no problem, got %q", c.name, got)
		case c.want != "" && !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, c.want) }):
			t.Errorf("%s: want a problem with %q, got %q", c.name, c.want, got)
		}
	}
}
