package device

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
)

// fakeSkill records the requests it gets and answers each with the next
// scripted shouldEndSession: "open", "end", "absent" or "error".
type fakeSkill struct {
	got    []alexa.RequestEnvelope
	raw    []string
	script []string
}

func (f *fakeSkill) HandleJSON(ctx context.Context, body []byte) ([]byte, error) {
	var env alexa.RequestEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, err
	}
	f.got = append(f.got, env)
	f.raw = append(f.raw, string(body))
	next := "open"
	if env.Request.Type == alexa.TypeSessionEnded {
		next = "none"
	} else if len(f.script) > 0 {
		next, f.script = f.script[0], f.script[1:]
	}
	resp := alexa.ResponseEnvelope{Version: "1.0"}
	switch next {
	case "error":
		return nil, errors.New("wrong skill")
	case "open":
		resp.Response.ShouldEndSession = alexa.Bool(false)
		resp.SessionAttributes = map[string]any{"turn": len(f.got)}
	case "end":
		resp.Response.ShouldEndSession = alexa.Bool(true)
	}
	return json.Marshal(resp)
}

func newTestDevice(t *testing.T, f *fakeSkill, screen bool) *Device {
	t.Helper()
	n := 0
	d, err := New(f, Config{
		Screen: screen,
		Now:    func() time.Time { return time.Date(2026, 1, 15, 3, 4, 5, 999, time.FixedZone("x", 3600)) },
		NewID:  func() string { n++; return fmt.Sprint(n) },
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func say(t *testing.T, d *Device, text string) *Exchange {
	t.Helper()
	x, err := d.Say(context.Background(), text)
	if err != nil {
		t.Fatalf("Say(%q): %v", text, err)
	}
	return x
}

func TestOneShotThenSession(t *testing.T) {
	f := &fakeSkill{script: []string{"open", "end", "open"}}
	d := newTestDevice(t, f, false)

	x := say(t, d, "my calf is cramping")
	if !x.Open || !d.Open() {
		t.Fatalf("session closed after an open response")
	}
	say(t, d, "no")
	if d.Open() {
		t.Fatalf("session open after shouldEndSession true")
	}
	say(t, d, "yes")

	r := f.got
	if len(r) != 3 {
		t.Fatalf("%d requests, want 3", len(r))
	}
	// First line: a one-shot IntentRequest in a new session.
	if r[0].Request.Type != alexa.TypeIntent || r[0].Request.Intent.Name != "CrampIntent" || !r[0].Session.New {
		t.Errorf("first request = %s %v new=%v", r[0].Request.Type, r[0].Request.Intent, r[0].Session.New)
	}
	if r[0].Session.Attributes != nil {
		t.Errorf("new session carries attributes %v", r[0].Session.Attributes)
	}
	// Second: same session, attributes from the last response.
	if r[1].Session.New || r[1].Session.SessionID != r[0].Session.SessionID {
		t.Errorf("second request not in the first session: %+v", r[1].Session)
	}
	if r[1].Session.Attributes["turn"] != float64(1) {
		t.Errorf("attributes = %v, want the last response's", r[1].Session.Attributes)
	}
	if r[1].Request.Intent.Name != "NoIntent" { // the model's stand-in for AMAZON.NoIntent
		t.Errorf("second intent %s", r[1].Request.Intent.Name)
	}
	// Third: the skill ended the session, so a new one starts.
	if !r[2].Session.New || r[2].Session.SessionID == r[0].Session.SessionID || r[2].Session.Attributes != nil {
		t.Errorf("third request not in a new session: %+v", r[2].Session)
	}
}

func TestLaunch(t *testing.T) {
	for _, text := range []string{"", "open night legs", "Alexa, start Night Legs"} {
		t.Run(text, func(t *testing.T) {
			f := &fakeSkill{}
			d := newTestDevice(t, f, false)
			say(t, d, text)
			if got := f.got[0].Request; got.Type != alexa.TypeLaunch || got.Intent != nil {
				t.Errorf("request = %s %v, want LaunchRequest", got.Type, got.Intent)
			}
		})
	}
}

// TestLaunchInSession: naming the skill again starts over, and the open
// session is ended first, as the listener left it.
func TestLaunchInSession(t *testing.T) {
	f := &fakeSkill{}
	d := newTestDevice(t, f, false)
	say(t, d, "my calf is cramping")
	say(t, d, "open night legs")
	r := f.got
	if len(r) != 3 {
		t.Fatalf("%d requests, want 3", len(r))
	}
	if r[1].Request.Type != alexa.TypeSessionEnded || r[1].Request.Reason != alexa.ReasonUserInitiated ||
		r[1].Session.SessionID != r[0].Session.SessionID {
		t.Errorf("second request = %s %s, want SessionEndedRequest USER_INITIATED in the first session", r[1].Request.Type, r[1].Request.Reason)
	}
	if r[2].Request.Type != alexa.TypeLaunch || !r[2].Session.New || r[2].Session.SessionID == r[0].Session.SessionID {
		t.Errorf("third request = %s new=%v", r[2].Request.Type, r[2].Session.New)
	}
}

func TestClose(t *testing.T) {
	f := &fakeSkill{}
	d := newTestDevice(t, f, false)
	if x, err := d.Close(context.Background()); x != nil || err != nil {
		t.Errorf("Close with no session = %v, %v", x, err)
	}
	say(t, d, "my calf is cramping")
	x, err := d.Close(context.Background())
	if err != nil || x == nil {
		t.Fatalf("Close = %v, %v", x, err)
	}
	got := f.got[1]
	if got.Request.Type != alexa.TypeSessionEnded || got.Request.Reason != alexa.ReasonExceededMaxReprompts {
		t.Errorf("Close sent %s %s", got.Request.Type, got.Request.Reason)
	}
	if got.Session.New || got.Session.Attributes["turn"] != float64(1) {
		t.Errorf("SessionEndedRequest session = %+v, want the open session with its attributes", got.Session)
	}
	if d.Open() || x.Open {
		t.Errorf("session still open after Close")
	}
	say(t, d, "yes")
	if !f.got[2].Session.New {
		t.Errorf("line after Close is not in a new session")
	}
}

// TestEnvelopeShape checks the request JSON field by field against the shape
// Alexa sends.
func TestEnvelopeShape(t *testing.T) {
	f := &fakeSkill{}
	d := newTestDevice(t, f, false)
	say(t, d, "my calf is cramping")
	var got map[string]any
	if err := json.Unmarshal([]byte(f.raw[0]), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"version": "1.0",
		"session": map[string]any{
			"new":         true,
			"sessionId":   "amzn1.echo-api.session.1",
			"application": map[string]any{"applicationId": LocalSkillID},
			"user":        map[string]any{"userId": LocalUserID},
		},
		"context": map[string]any{"System": map[string]any{
			"application": map[string]any{"applicationId": LocalSkillID},
			"user":        map[string]any{"userId": LocalUserID},
			"device":      map[string]any{"deviceId": LocalDeviceID},
			"apiEndpoint": "https://api.amazonalexa.com",
		}},
	}
	for _, k := range []string{"version", "session", "context"} {
		a, _ := json.Marshal(got[k])
		b, _ := json.Marshal(want[k])
		if string(a) != string(b) {
			t.Errorf("%s\n got %s\nwant %s", k, a, b)
		}
	}
	req := got["request"].(map[string]any)
	for k, v := range map[string]any{
		"type":      "IntentRequest",
		"requestId": "amzn1.echo-api.request.2",
		"timestamp": "2026-01-15T02:04:05Z",
		"locale":    "en-US",
	} {
		if req[k] != v {
			t.Errorf("request.%s = %v, want %v", k, req[k], v)
		}
	}
	intent := req["intent"].(map[string]any)
	if intent["name"] != "CrampIntent" || intent["confirmationStatus"] != "NONE" {
		t.Errorf("intent = %v", intent)
	}
	slot := intent["slots"].(map[string]any)["bodyPart"].(map[string]any)
	if slot["value"] != "calf" || slot["resolutions"] == nil {
		t.Errorf("bodyPart slot = %v", slot)
	}
}

func TestScreen(t *testing.T) {
	for _, screen := range []bool{false, true} {
		f := &fakeSkill{script: []string{"absent"}}
		d := newTestDevice(t, f, screen)
		x := say(t, d, "my calf is cramping")
		if got := f.got[0].Context.System.Device.Supports(alexa.InterfaceAPL); got != screen {
			t.Errorf("screen %v: APL listed = %v", screen, got)
		}
		// Without shouldEndSession, only a device with a screen keeps the
		// session.
		if x.Open != screen || d.Open() != screen {
			t.Errorf("screen %v: open after absent shouldEndSession = %v", screen, x.Open)
		}
	}
}

func TestSkillError(t *testing.T) {
	f := &fakeSkill{script: []string{"open", "error"}}
	d := newTestDevice(t, f, false)
	say(t, d, "my calf is cramping")
	if _, err := d.Say(context.Background(), "yes"); err == nil {
		t.Fatal("no error from a failing skill")
	}
	if d.Open() {
		t.Error("session open after the skill failed")
	}
}

func TestDefaults(t *testing.T) {
	f := &fakeSkill{}
	d, err := New(f, Config{Locale: "en-US"})
	if err != nil {
		t.Fatal(err)
	}
	say(t, d, "yes")
	say(t, d, "no")
	a, b := f.got[0].Request.RequestID, f.got[1].Request.RequestID
	if a == b || len(a) != len("amzn1.echo-api.request.")+36 {
		t.Errorf("request IDs %q, %q: want distinct UUID-shaped IDs", a, b)
	}
	if _, err := New(f, Config{Locale: "xx-XX"}); err == nil {
		t.Error("New accepted a locale without a model")
	}
}

func TestSpoken(t *testing.T) {
	tests := []struct {
		in   *alexa.OutputSpeech
		want string
	}{
		{nil, ""},
		{alexa.PlainSpeech("  Hold   it. "), "Hold it."},
		{&alexa.OutputSpeech{Type: alexa.SpeechSSML, SSML: `<speak><prosody volume="soft">Rest &amp; breathe.<break time="1s"/>Is it  easing?</prosody></speak>`}, "Rest & breathe. Is it easing?"},
	}
	for _, tt := range tests {
		if got := Spoken(tt.in); got != tt.want {
			t.Errorf("Spoken(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAPIEndpoint(t *testing.T) {
	for locale, want := range map[string]string{
		"en-US": "https://api.amazonalexa.com",
		"en-CA": "https://api.amazonalexa.com",
		"en-GB": "https://api.eu.amazonalexa.com",
		"en-IN": "https://api.eu.amazonalexa.com",
		"de-DE": "https://api.eu.amazonalexa.com",
		"en-AU": "https://api.fe.amazonalexa.com",
		"ja-JP": "https://api.fe.amazonalexa.com",
	} {
		if got := apiEndpoint(locale); got != want {
			t.Errorf("apiEndpoint(%s) = %s, want %s", locale, got, want)
		}
	}
}
