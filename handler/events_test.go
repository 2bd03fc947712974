package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/alexa/conform"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// eventsSkillID is the skill ID in every events/*.json, and the SkillId
// samconfig.toml gives `sam local invoke`.
const eventsSkillID = "amzn1.ask.skill.1a2b3c4d-0000-4000-8000-000000000001"

// Alexa's limits on a response.
const (
	maxResponseBytes = 24 * 1024
	maxSSMLChars     = 8000
)

// eventExpect is what some events must get: the locale and the triage
// level reach what is said and the "triage" session attribute.
var eventExpect = map[string]struct {
	says   string
	triage triage.Level
}{
	"breathing-en-GB.json": {says: "999", triage: triage.Emergency},
	"cramp.json":           {says: "toes", triage: triage.SelfCare},
}

// TestEvents runs every payload in events/ (what `sam local invoke -e`
// sends, which needs Docker) through the skill as the Lambda entry point
// builds it, with aws-lambda-go decoding and encoding as under Lambda, and
// checks each response is one Alexa accepts.
func TestEvents(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "events", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("only %d events in events/", len(files))
	}
	t.Setenv("SKILL_ID", eventsSkillID)
	t.Setenv("USER_KEY_SECRET", "events-test-secret-0123456789abcdef")
	t.Setenv("TABLE_NAME", "")
	cfg, err := parseFlags(nil)
	if err != nil {
		t.Fatal(err)
	}
	sk, err := newSkill(cfg, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	sk.Store = store.NewMemory()
	h := lambda.NewHandler(sk.Handle)
	declared, err := infra.Interfaces()
	if err != nil {
		t.Fatal(err)
	}

	for _, file := range files {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			payload, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var req alexa.RequestEnvelope
			dec := json.NewDecoder(bytes.NewReader(payload))
			if err := dec.Decode(&req); err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got := req.ApplicationID(); got != eventsSkillID {
				t.Errorf("applicationId %q, want %q (samconfig.toml's local SkillId)", got, eventsSkillID)
			}
			checkEventAgainstModel(t, &req)
			// Each event is a request of its own, from a listener with
			// nothing kept: the events share one user, and a store kept
			// across them picks up the one before (the emergency of
			// breathing-en-GB said again to cramp's new complaint).
			sk.Store = store.NewMemory()

			out, err := h.Invoke(context.Background(), payload)
			if err != nil {
				t.Fatalf("the Lambda invocation failed (Alexa would say there was a problem): %v", err)
			}
			if len(out) > maxResponseBytes {
				t.Errorf("response is %d bytes, Alexa accepts %d", len(out), maxResponseBytes)
			}
			for _, p := range conform.Response(&req, out, declared) {
				t.Error(p)
			}
			var resp alexa.ResponseEnvelope
			if err := json.Unmarshal(out, &resp); err != nil {
				t.Fatalf("response does not decode: %v", err)
			}
			if resp.Version != "1.0" {
				t.Errorf("version %q", resp.Version)
			}
			r := resp.Response
			switch typ := req.Request.Type; {
			case typ == alexa.TypeLaunch || typ == alexa.TypeIntent:
				said := checkSpeech(t, "outputSpeech", r.OutputSpeech)
				if want := eventExpect[name]; want.says != "" {
					if !strings.Contains(said, want.says) {
						t.Errorf("speech %q lacks %q", said, want.says)
					}
					if got := resp.SessionAttributes[skill.AttrTriage]; got != string(want.triage) {
						t.Errorf("triage %v, want %s", got, want.triage)
					}
				}
				open := r.ShouldEndSession != nil && !*r.ShouldEndSession
				if open {
					if r.Reprompt == nil {
						t.Errorf("the session stays open without a reprompt")
					} else {
						checkSpeech(t, "reprompt", &r.Reprompt.OutputSpeech)
					}
				}
				if r.Card != nil && (r.Card.Type != alexa.CardSimple && r.Card.Type != alexa.CardStandard || r.Card.Title == "") {
					t.Errorf("card %+v: want a Simple or Standard card with a title", r.Card)
				}
			default:
				// Nobody is listening: Alexa rejects speech here.
				if r.OutputSpeech != nil || r.Reprompt != nil || r.Card != nil || len(r.Directives) > 0 {
					t.Errorf("a %s got a spoken response: %s", typ, out)
				}
			}
		})
	}

	t.Run("another skill", func(t *testing.T) {
		payload, err := os.ReadFile(filepath.Join("..", "events", "launch.json"))
		if err != nil {
			t.Fatal(err)
		}
		payload = bytes.ReplaceAll(payload, []byte(eventsSkillID), []byte("amzn1.ask.skill.00000000-0000-4000-8000-00000000beef"))
		_, err = h.Invoke(context.Background(), payload)
		if err == nil || !strings.Contains(err.Error(), skill.ErrWrongSkill.Error()) {
			t.Errorf("a request for another skill got %v, want %v", err, skill.ErrWrongSkill)
		}
	})
}

// checkSpeech checks output speech is SSML Alexa can speak and returns its
// text.
func checkSpeech(t *testing.T, what string, s *alexa.OutputSpeech) string {
	t.Helper()
	if s == nil {
		t.Errorf("no %s", what)
		return ""
	}
	switch s.Type {
	case alexa.SpeechPlainText:
		if strings.TrimSpace(s.Text) == "" {
			t.Errorf("%s: empty text", what)
		}
		return s.Text
	case alexa.SpeechSSML:
	default:
		t.Errorf("%s: type %q", what, s.Type)
		return ""
	}
	if n := len([]rune(s.SSML)); n > maxSSMLChars {
		t.Errorf("%s: %d characters of SSML, Alexa speaks at most %d", what, n, maxSSMLChars)
	}
	if !strings.HasPrefix(s.SSML, "<speak>") || !strings.HasSuffix(s.SSML, "</speak>") {
		t.Errorf("%s: SSML must be one <speak> element: %q", what, s.SSML)
	}
	var text strings.Builder
	d := xml.NewDecoder(strings.NewReader(s.SSML))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Errorf("%s: SSML is not well formed: %v: %q", what, err, s.SSML)
			return ""
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
		}
	}
	said := strings.TrimSpace(text.String())
	if said == "" {
		t.Errorf("%s: says nothing", what)
	}
	return said
}

// checkEventAgainstModel checks an intent request names an intent of the
// request locale's model, with only its declared slots, and resolves
// custom slots to values the slot type has: events stay true to the model.
func checkEventAgainstModel(t *testing.T, req *alexa.RequestEnvelope) {
	t.Helper()
	in := req.Request.Intent
	if req.Request.Type != alexa.TypeIntent || in == nil {
		return
	}
	m, err := infra.Model(req.Request.Locale)
	if err != nil {
		t.Fatal(err)
	}
	// events/yes.json and no.json keep the built-in names (a contract):
	// the model declares stand-ins for them (alexa.StandIns), which the
	// skill takes as the built-ins.
	i := slices.IndexFunc(m.Intents, func(x infra.Intent) bool { return x.Name == in.Name || alexa.Builtin(x.Name) == in.Name })
	if i < 0 {
		t.Fatalf("intent %s is not in the %s model", in.Name, req.Request.Locale)
	}
	for name, slot := range in.Slots {
		j := slices.IndexFunc(m.Intents[i].Slots, func(s infra.Slot) bool { return s.Name == name })
		if j < 0 {
			t.Errorf("slot %s is not declared on %s", name, in.Name)
			continue
		}
		typ := m.Intents[i].Slots[j].Type
		rname, id := slot.Resolved()
		if id == "" {
			continue
		}
		k := slices.IndexFunc(m.Types, func(st infra.SlotType) bool { return st.Name == typ })
		if k < 0 || !slices.ContainsFunc(m.Types[k].Values, func(v infra.TypeValue) bool { return v.ID == id && v.Name.Value == rname }) {
			t.Errorf("slot %s resolves to %q (%s), which type %s does not have", name, rname, id, typ)
		}
	}
}
