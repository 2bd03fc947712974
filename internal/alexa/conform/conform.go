// Package conform checks a skill's responses against the rules Amazon
// publishes for custom skills, offline: the Request and Response JSON
// Reference (envelope, output speech, reprompt, cards, directives and
// shouldEndSession), the SSML reference (tags Alexa speaks, breaks,
// length) and the APL interface (a document only to a device that lists
// APL, at a version it runs, and only from a skill that declares the
// interface in its manifest).
//
// The transcripts run every response through Response, so a response
// Alexa would refuse ("There was a problem with the requested skill's
// response") fails a test instead of a listener's night.
package conform

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nightlegs/nightlegs/internal/alexa"
)

// Limits of the response format.
const (
	// MaxResponseBytes is the largest response Alexa takes (24 KB).
	MaxResponseBytes = 24 * 1024
	// MaxSpeechChars is the longest output speech, SSML tags included.
	MaxSpeechChars = 8000
	// MaxCardChars bounds a card's title and text together.
	MaxCardChars = 8000
	// maxBreak is the longest <break> Alexa honours.
	maxBreak = 10 * time.Second
)

// ssmlTags are the SSML elements Alexa supports.
var ssmlTags = []string{
	"speak", "p", "s", "break", "say-as", "prosody", "emphasis", "sub",
	"phoneme", "w", "audio", "lang", "voice", "amazon:effect",
	"amazon:domain", "amazon:emotion",
}

// directiveInterfaces maps directive types, by prefix, to the manifest
// interface (apis.custom.interfaces[].type) a skill must declare to send
// them; "" needs none.
var directiveInterfaces = map[string]string{
	"Alexa.Presentation.APL.":  alexa.ManifestInterfaceAPL,
	"Alexa.Presentation.APLT.": "ALEXA_PRESENTATION_APLT",
	"Alexa.Presentation.HTML.": "ALEXA_PRESENTATION_HTML",
	"AudioPlayer.":             "AUDIO_PLAYER",
	"VideoApp.":                "VIDEO_APP",
	"Dialog.":                  "",
	"Connections.":             "",
}

// directiveTypes are the directive types a custom skill may send.
var directiveTypes = []string{
	alexa.DirectiveRenderDocument,
	"Alexa.Presentation.APL.ExecuteCommands",
	"Alexa.Presentation.APL.SendIndexListData",
	"Alexa.Presentation.APL.SendTokenListData",
	"Alexa.Presentation.APL.UpdateIndexListData",
	"Alexa.Presentation.APLT.RenderDocument",
	"Alexa.Presentation.APLT.ExecuteCommands",
	"Alexa.Presentation.HTML.Start",
	"Alexa.Presentation.HTML.HandleMessage",
	"AudioPlayer.Play", "AudioPlayer.Stop", "AudioPlayer.ClearQueue",
	"VideoApp.Launch",
	"Dialog.Delegate", "Dialog.ElicitSlot", "Dialog.ConfirmSlot",
	"Dialog.ConfirmIntent", "Dialog.UpdateDynamicEntities",
	"Connections.SendRequest", "Connections.StartConnection",
}

// deviceInterfaces is the supportedInterfaces key a device lists for a
// directive's interface, where one must be listed before it is sent.
var deviceInterfaces = map[string]string{
	alexa.ManifestInterfaceAPL: alexa.InterfaceAPL,
	"ALEXA_PRESENTATION_APLT":  "Alexa.Presentation.APLT",
	"ALEXA_PRESENTATION_HTML":  "Alexa.Presentation.HTML",
	"AUDIO_PLAYER":             "AudioPlayer",
	"VIDEO_APP":                "VideoApp",
}

// Response returns what Alexa would refuse or mishandle in raw, the
// response JSON to req, from a skill whose manifest declares the given
// interfaces (apis.custom.interfaces[].type). It returns nil for a
// conforming response.
func Response(req *alexa.RequestEnvelope, raw []byte, declared []string) []string {
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	if len(raw) > MaxResponseBytes {
		report("response is %d bytes; Alexa takes at most %d", len(raw), MaxResponseBytes)
	}
	var env struct {
		Version           string                     `json:"version"`
		SessionAttributes map[string]json.RawMessage `json:"sessionAttributes"`
		Response          map[string]json.RawMessage `json:"response"`
	}
	if err := strictDecode(raw, &env, "version", "sessionAttributes", "userAgent", "response"); err != nil {
		return []string{"response envelope: " + err.Error()}
	}
	if env.Version != "1.0" {
		report("version %q, want 1.0", env.Version)
	}
	if env.Response == nil {
		report("no response object")
		return problems
	}
	for k := range env.Response {
		if !slices.Contains([]string{"outputSpeech", "card", "reprompt", "directives", "shouldEndSession", "apiResponse", "canFulfillIntent"}, k) {
			report("response has unknown field %q", k)
		}
	}
	var resp alexa.Response
	body, _ := json.Marshal(env.Response)
	if err := json.Unmarshal(body, &resp); err != nil {
		report("response: %v", err)
		return problems
	}

	// Requests nobody hears the answer to: the session is over or there
	// is none. Alexa takes no speech, card or directive for them.
	typ := req.Request.Type
	if typ == alexa.TypeSessionEnded || typ == alexa.TypeExceptionEncountered || strings.HasPrefix(typ, alexa.TypeSkillEventPrefix) {
		if resp.OutputSpeech != nil || resp.Reprompt != nil || resp.Card != nil || len(resp.Directives) > 0 {
			report("a response to %s may not speak, show a card or send directives", typ)
		}
		return problems
	}

	if resp.OutputSpeech != nil {
		for _, p := range speech(resp.OutputSpeech) {
			report("outputSpeech: %s", p)
		}
	}
	if resp.Reprompt != nil {
		for _, p := range speech(&resp.Reprompt.OutputSpeech) {
			report("reprompt: %s", p)
		}
		if resp.ShouldEndSession == nil || *resp.ShouldEndSession {
			report("a reprompt with shouldEndSession %s is never said: only an open session (false) listens", endString(resp.ShouldEndSession))
		}
	}
	if resp.Card != nil {
		for _, p := range card(resp.Card) {
			report("card: %s", p)
		}
	}
	if resp.OutputSpeech == nil && resp.ShouldEndSession != nil && !*resp.ShouldEndSession && resp.Reprompt == nil {
		report("the session stays open to listen, but nothing is said or reprompted")
	}

	var rawDirectives []json.RawMessage
	if d, ok := env.Response["directives"]; ok {
		if err := json.Unmarshal(d, &rawDirectives); err != nil {
			report("directives: %v", err)
		}
	}
	for i, d := range rawDirectives {
		for _, p := range directive(req, d, declared) {
			report("directive %d: %s", i, p)
		}
	}
	return problems
}

func endString(b *bool) string {
	if b == nil {
		return "absent"
	}
	return fmt.Sprint(*b)
}

// strictDecode decodes raw into v after checking that its keys are among
// known.
func strictDecode(raw []byte, v any, known ...string) error {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return err
	}
	for k := range keys {
		if !slices.Contains(known, k) {
			return fmt.Errorf("unknown field %q", k)
		}
	}
	return json.Unmarshal(raw, v)
}

// speech checks an outputSpeech object.
func speech(o *alexa.OutputSpeech) []string {
	var problems []string
	switch o.PlayBehavior {
	case "", "ENQUEUE", "REPLACE_ALL", "REPLACE_ENQUEUED":
	default:
		problems = append(problems, fmt.Sprintf("playBehavior %q", o.PlayBehavior))
	}
	switch o.Type {
	case alexa.SpeechPlainText:
		if strings.TrimSpace(o.Text) == "" || o.SSML != "" {
			problems = append(problems, "PlainText needs text and no ssml")
		}
		if n := utf8.RuneCountInString(o.Text); n > MaxSpeechChars {
			problems = append(problems, fmt.Sprintf("%d characters; at most %d", n, MaxSpeechChars))
		}
	case alexa.SpeechSSML:
		if o.Text != "" {
			problems = append(problems, "SSML speech has text as well")
		}
		if n := utf8.RuneCountInString(o.SSML); n > MaxSpeechChars {
			problems = append(problems, fmt.Sprintf("%d characters; at most %d", n, MaxSpeechChars))
		}
		if err := SSML(o.SSML); err != nil {
			problems = append(problems, err.Error())
		}
	default:
		problems = append(problems, fmt.Sprintf("type %q, want PlainText or SSML", o.Type))
	}
	return problems
}

// SSML checks that s is one well-formed <speak> element holding only tags
// Alexa speaks, with breaks of at most 10 seconds.
func SSML(s string) error {
	dec := xml.NewDecoder(strings.NewReader(s))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("SSML is not well formed: %w", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			name := el.Name.Local
			if el.Name.Space != "" {
				name = el.Name.Space + ":" + name
			}
			if depth == 0 {
				roots++
				if name != "speak" {
					return fmt.Errorf("SSML root is <%s>, want <speak>", name)
				}
			} else if name == "speak" {
				return errors.New("<speak> inside <speak>")
			}
			if !slices.Contains(ssmlTags, name) {
				return fmt.Errorf("SSML tag <%s> is not one Alexa speaks", name)
			}
			if name == "break" {
				for _, a := range el.Attr {
					if a.Name.Local != "time" {
						continue
					}
					d, err := time.ParseDuration(a.Value)
					if err != nil || d < 0 || d > maxBreak {
						return fmt.Errorf("<break time=%q>: at most %s", a.Value, maxBreak)
					}
				}
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(el)) > 0 {
				return errors.New("text outside <speak>")
			}
		}
	}
	if roots != 1 {
		return fmt.Errorf("SSML has %d <speak> elements, want 1", roots)
	}
	return nil
}

// card checks a card of the Alexa app.
func card(c *alexa.Card) []string {
	var problems []string
	switch c.Type {
	case alexa.CardSimple:
		if c.Text != "" || c.Image != nil {
			problems = append(problems, "a Simple card has title and content only (text and image are a Standard card's)")
		}
		if c.Content == "" && c.Title == "" {
			problems = append(problems, "an empty Simple card")
		}
	case alexa.CardStandard:
		if c.Content != "" {
			problems = append(problems, "a Standard card has title and text (content is a Simple card's)")
		}
		if c.Text == "" && c.Title == "" {
			problems = append(problems, "an empty Standard card")
		}
		if c.Image != nil {
			for _, u := range []string{c.Image.SmallImageURL, c.Image.LargeImageURL} {
				if u != "" && !strings.HasPrefix(u, "https://") {
					problems = append(problems, fmt.Sprintf("image URL %q is not https", u))
				}
			}
		}
	case "LinkAccount", "AskForPermissionsConsent":
	default:
		problems = append(problems, fmt.Sprintf("type %q", c.Type))
	}
	if n := utf8.RuneCountInString(c.Title + c.Content + c.Text); n > MaxCardChars {
		problems = append(problems, fmt.Sprintf("%d characters; at most %d", n, MaxCardChars))
	}
	return problems
}

// directive checks one directive against the request it answers and the
// interfaces the skill declares.
func directive(req *alexa.RequestEnvelope, raw json.RawMessage, declared []string) []string {
	var d struct {
		Type     string          `json:"type"`
		Token    string          `json:"token"`
		Document json.RawMessage `json:"document"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return []string{err.Error()}
	}
	if !slices.Contains(directiveTypes, d.Type) {
		return []string{fmt.Sprintf("unknown directive type %q", d.Type)}
	}
	var problems []string
	for prefix, iface := range directiveInterfaces {
		if !strings.HasPrefix(d.Type, prefix) || iface == "" {
			continue
		}
		if !slices.Contains(declared, iface) {
			problems = append(problems, fmt.Sprintf("%s needs the interface %s declared in skill.json (apis.custom.interfaces)", d.Type, iface))
		}
		if dev := deviceInterfaces[iface]; !req.Context.System.Device.Supports(dev) {
			problems = append(problems, fmt.Sprintf("%s sent to a device that does not list %s", d.Type, dev))
		}
	}
	if d.Type == alexa.DirectiveRenderDocument {
		problems = append(problems, renderDocument(req, d.Token, d.Document)...)
	}
	return problems
}

// renderDocument checks an APL RenderDocument: a token, and an inline APL
// document of a version the device runs (or a link to a saved one).
func renderDocument(req *alexa.RequestEnvelope, token string, raw json.RawMessage) []string {
	var problems []string
	if token == "" {
		problems = append(problems, "RenderDocument without a token")
	}
	var doc struct {
		Type    string `json:"type"`
		Version string `json:"version"`
		Src     string `json:"src"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &doc) != nil {
		return append(problems, "RenderDocument without a document object")
	}
	switch doc.Type {
	case "APL":
		max := req.Context.System.Device.APLMaxVersion()
		if !alexa.APLVersionAtMost(doc.Version, max) {
			problems = append(problems, fmt.Sprintf("APL document version %q is newer than the device's maxVersion %q", doc.Version, max))
		}
	case "Link":
		if doc.Src == "" {
			problems = append(problems, "a Link document without src")
		}
	default:
		problems = append(problems, fmt.Sprintf("document type %q, want APL or Link", doc.Type))
	}
	return problems
}
