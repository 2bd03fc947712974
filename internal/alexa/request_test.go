package alexa

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func decodeFile(t *testing.T, name string) *RequestEnvelope {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var env RequestEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	return &env
}

func TestDecodeRequestTypes(t *testing.T) {
	const skillID = "amzn1.ask.skill.1a2b3c4d-0000-4000-8000-000000000001"
	tests := []struct {
		file       string
		typ        string
		intent     string
		locale     string
		hasSession bool
		check      func(t *testing.T, env *RequestEnvelope)
	}{
		{file: "launch.json", typ: TypeLaunch, locale: "en-US", hasSession: true},
		{file: "launch-screen.json", typ: TypeLaunch, locale: "en-AU", hasSession: true, check: func(t *testing.T, env *RequestEnvelope) {
			if !env.Context.System.Device.Supports("Alexa.Presentation.APL") {
				t.Error("screen device does not report APL")
			}
			if env.Context.System.Person == nil || env.Context.System.Person.PersonID == "" {
				t.Error("person not decoded")
			}
			if len(env.Context.Viewport) == 0 {
				t.Error("viewport not kept")
			}
		}},
		{file: "intent-cramp.json", typ: TypeIntent, intent: "CrampIntent", locale: "en-US", hasSession: true, check: func(t *testing.T, env *RequestEnvelope) {
			r := env.Request
			if r.DialogState != DialogStarted || r.Intent.ConfirmationStatus != ConfirmationNone {
				t.Errorf("dialogState %q, confirmation %q", r.DialogState, r.Intent.ConfirmationStatus)
			}
			slot := r.Intent.Slots["bodyPart"]
			if slot.Value != "calves" || slot.Source != "USER" || len(slot.SlotValue) == 0 {
				t.Errorf("slot = %+v", slot)
			}
			if name, id := slot.Resolved(); name != "calf" || id != "calf" {
				t.Errorf("Resolved() = %q, %q; want calf, calf", name, id)
			}
			if env.Context.System.Device.Supports("Alexa.Presentation.APL") {
				t.Error("voice-only device reports APL")
			}
		}},
		{file: "intent-no-match.json", typ: TypeIntent, intent: "CrampIntent", locale: "en-GB", hasSession: true, check: func(t *testing.T, env *RequestEnvelope) {
			if env.Session.New {
				t.Error("continuing session decoded as new")
			}
			if env.Session.Attributes["triage"] != "self_care" {
				t.Errorf("attributes = %v", env.Session.Attributes)
			}
			if name, id := env.Request.Intent.Slots["bodyPart"].Resolved(); name != "elbow" || id != "" {
				t.Errorf("unmatched slot Resolved() = %q, %q; want the raw value", name, id)
			}
			if name, _ := env.Request.Intent.Slots["side"].Resolved(); name != "" {
				t.Errorf("empty slot Resolved() = %q", name)
			}
		}},
		{file: "session-ended.json", typ: TypeSessionEnded, locale: "en-US", hasSession: true, check: func(t *testing.T, env *RequestEnvelope) {
			if env.Request.Reason != ReasonError || env.Request.Error == nil || env.Request.Error.Type != "INVALID_RESPONSE" {
				t.Errorf("reason %q error %+v", env.Request.Reason, env.Request.Error)
			}
		}},
		{file: "exception.json", typ: TypeExceptionEncountered, locale: "en-US", check: func(t *testing.T, env *RequestEnvelope) {
			if env.Request.Cause == nil || env.Request.Cause.RequestID != "amzn1.echo-api.request.cramp" {
				t.Errorf("cause = %+v", env.Request.Cause)
			}
		}},
		{file: "event-SkillEnabled.json", typ: TypeSkillEnabled},
		{file: "event-SkillDisabled.json", typ: TypeSkillDisabled, check: func(t *testing.T, env *RequestEnvelope) {
			var body struct {
				Status string `json:"userInformationPersistenceStatus"`
			}
			if err := json.Unmarshal(env.Request.Body, &body); err != nil || body.Status != "NOT_PERSISTED" {
				t.Errorf("body %s: %v", env.Request.Body, err)
			}
			if env.Request.EventCreationTime == "" || env.Request.EventPublishingTime == "" {
				t.Error("event times not decoded")
			}
		}},
		{file: "event-SkillPermissionAccepted.json", typ: TypePermissionAccepted},
		{file: "event-SkillPermissionChanged.json", typ: TypePermissionChanged},
		{file: "event-SkillAccountLinked.json", typ: TypeAccountLinked},
		{file: "unknown-type.json", typ: "Alexa.Presentation.APL.UserEvent", locale: "en-US", hasSession: true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			env := decodeFile(t, tt.file)
			if env.Version != "1.0" {
				t.Errorf("version %q", env.Version)
			}
			if env.Request.Type != tt.typ {
				t.Errorf("type %q, want %q", env.Request.Type, tt.typ)
			}
			if got := env.IntentName(); got != tt.intent {
				t.Errorf("IntentName() = %q, want %q", got, tt.intent)
			}
			if env.Request.Locale != tt.locale {
				t.Errorf("locale %q, want %q", env.Request.Locale, tt.locale)
			}
			if (env.Session != nil) != tt.hasSession {
				t.Errorf("session present = %v, want %v", env.Session != nil, tt.hasSession)
			}
			if env.ApplicationID() != skillID {
				t.Errorf("ApplicationID() = %q", env.ApplicationID())
			}
			if env.UserID() != "amzn1.ask.account.AEXAMPLEUSER" {
				t.Errorf("UserID() = %q", env.UserID())
			}
			if env.Request.RequestID == "" || env.Request.Timestamp == "" {
				t.Error("requestId or timestamp missing")
			}
			if env.Context.System.APIEndpoint == "" || env.Context.System.Device.DeviceID == "" {
				t.Error("context.System not decoded")
			}
			if tt.check != nil {
				tt.check(t, env)
			}
		})
	}
}

func TestSlotResolvedFirstSuccessfulAuthority(t *testing.T) {
	s := Slot{Value: "charley horse", Resolutions: &Resolutions{ResolutionsPerAuthority: []Resolution{
		{Authority: "a", Status: ResolutionStatus{Code: ResolutionNoMatch}},
		{Authority: "b", Status: ResolutionStatus{Code: ResolutionMatch}, Values: []ResolutionValue{{Value: ResolvedValue{Name: "cramp", ID: "CRAMP"}}}},
		{Authority: "c", Status: ResolutionStatus{Code: ResolutionMatch}, Values: []ResolutionValue{{Value: ResolvedValue{Name: "other", ID: "OTHER"}}}},
	}}}
	if name, id := s.Resolved(); name != "cramp" || id != "CRAMP" {
		t.Errorf("Resolved() = %q, %q; want cramp, CRAMP", name, id)
	}
}

func TestIsSkillEvent(t *testing.T) {
	for typ, want := range map[string]bool{
		TypeSkillEnabled:         true,
		TypeSkillDisabled:        true,
		TypePermissionChanged:    true,
		TypeAccountLinked:        true,
		TypeLaunch:               false,
		TypeIntent:               false,
		"AlexaSkillEventual":     false,
		"alexaskillevent.x":      false,
		TypeExceptionEncountered: false,
	} {
		if got := (Request{Type: typ}).IsSkillEvent(); got != want {
			t.Errorf("IsSkillEvent(%q) = %v, want %v", typ, got, want)
		}
	}
}
