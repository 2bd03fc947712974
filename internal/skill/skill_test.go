package skill

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

const testSkillID = "amzn1.ask.skill.1a2b3c4d-0000-4000-8000-000000000001"

// recordingStore is a pipeline test double: it records calls and can fail
// or stall. Tests of real stores live in package store.
type recordingStore struct {
	mu            sync.Mutex
	snap          session.Snapshot
	loads         int
	saves         []session.Change
	bases         []session.Snapshot
	saveDeadlines []time.Duration // time left on each save's context
	forgets       []string
	err           error // every call fails with it
	loadErr       error
	saveErr       error
	forgetErr     error
	delay         time.Duration // every call waits so long, or for its deadline
	loadDelay     time.Duration
}

func (s *recordingStore) wait(ctx context.Context, delay time.Duration, err error) error {
	if err == nil {
		err = s.err
	}
	if delay == 0 {
		delay = s.delay
	}
	if delay == 0 {
		return err
	}
	select {
	case <-time.After(delay):
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *recordingStore) Load(ctx context.Context, user string) (session.Snapshot, error) {
	s.mu.Lock()
	s.loads++
	s.mu.Unlock()
	if err := s.wait(ctx, s.loadDelay, s.loadErr); err != nil {
		return session.Snapshot{}, err
	}
	return s.snap, nil
}

func (s *recordingStore) Save(ctx context.Context, user string, base session.Snapshot, ch session.Change) (session.Snapshot, error) {
	s.mu.Lock()
	s.saves = append(s.saves, ch)
	s.bases = append(s.bases, base)
	if dl, ok := ctx.Deadline(); ok {
		s.saveDeadlines = append(s.saveDeadlines, time.Until(dl))
	}
	s.mu.Unlock()
	if err := s.wait(ctx, 0, s.saveErr); err != nil {
		return session.Snapshot{}, err
	}
	return base, nil
}

func (s *recordingStore) Forget(ctx context.Context, user string) error {
	s.mu.Lock()
	s.forgets = append(s.forgets, user)
	s.mu.Unlock()
	return s.wait(ctx, 0, s.forgetErr)
}

func testRouter() *router.Router {
	r := router.New(router.HandlerFunc(func(t *router.Turn) (router.Reply, error) {
		return router.Ask("Where does it hurt?", "Sorry, I didn't catch that."), nil
	}))
	r.Request(alexa.TypeLaunch, router.HandlerFunc(func(t *router.Turn) (router.Reply, error) {
		return router.Ask("What are your legs doing?", "Night Legs here."), nil
	}))
	r.Request(alexa.TypeSessionEnded, router.HandlerFunc(func(t *router.Turn) (router.Reply, error) {
		return router.Reply{End: true}, nil
	}))
	r.IntentFunc("CrampIntent", func(t *router.Turn) (router.Reply, error) {
		t.State.Topic = "cramp"
		t.State.Pending = "cramp.relief"
		return router.Ask("Is it easing?", "Pull your toes toward your shin."), nil
	})
	r.IntentFunc("PanicIntent", func(t *router.Turn) (router.Reply, error) { panic("boom") })
	r.IntentFunc("ErrorIntent", func(t *router.Turn) (router.Reply, error) { return router.Reply{}, errors.New("broken") })
	r.IntentFunc("AMAZON.StopIntent", func(t *router.Turn) (router.Reply, error) {
		r := router.Say("Rest easy.")
		r.End = true
		return r, nil
	})
	return r
}

func newTestSkill(st Store) *Skill {
	s := &Skill{
		Router:        testRouter(),
		SkillID:       testSkillID,
		UserKeySecret: []byte("test-secret"),
		Log:           slog.New(slog.NewJSONHandler(io.Discard, nil)),
		Now:           func() time.Time { return time.Date(2026, 11, 23, 3, 4, 5, 0, time.UTC) },
	}
	if st != nil {
		s.Store = st
	}
	return s
}

func request(t *testing.T, file string, edit func(*alexa.RequestEnvelope)) *alexa.RequestEnvelope {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	var env alexa.RequestEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&env)
	}
	return &env
}

func intent(name string) func(*alexa.RequestEnvelope) {
	return func(e *alexa.RequestEnvelope) { e.Request.Intent = &alexa.Intent{Name: name} }
}

func speech(r *alexa.ResponseEnvelope) string {
	if r.Response.OutputSpeech == nil {
		return ""
	}
	return r.Response.OutputSpeech.SSML
}

func TestHandle(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		edit     func(*alexa.RequestEnvelope)
		says     string // substring of the SSML; "" means no speech at all
		end      *bool
		reprompt bool
	}{
		{name: "launch", file: "launch.json", says: "Night Legs here. What are your legs doing?", end: alexa.Bool(false), reprompt: true},
		{name: "intent", file: "intent-cramp.json", says: "Is it easing?", end: alexa.Bool(false), reprompt: true},
		{name: "stop ends the session", file: "intent-cramp.json", edit: intent("AMAZON.StopIntent"), says: "Rest easy.", end: alexa.Bool(true)},
		{name: "unknown intent goes to the fallback", file: "intent-cramp.json", edit: intent("NoSuchIntent"), says: "didn&apos;t catch", end: alexa.Bool(false), reprompt: true},
		{name: "unknown request type goes to the fallback", file: "unknown-type.json", says: "didn&apos;t catch", end: alexa.Bool(false), reprompt: true},
		{name: "panic becomes an apology", file: "intent-cramp.json", edit: intent("PanicIntent"), says: "something went wrong", end: alexa.Bool(false), reprompt: true},
		{name: "error becomes an apology", file: "intent-cramp.json", edit: intent("ErrorIntent"), says: "emergency number", end: alexa.Bool(false), reprompt: true},
		{name: "session ended has no speech", file: "session-ended.json"},
		{name: "exception encountered has no speech", file: "exception.json"},
		{name: "skill enabled has no speech", file: "event-SkillEnabled.json"},
		{name: "permission accepted has no speech", file: "event-SkillPermissionAccepted.json"},
		{name: "account linked has no speech", file: "event-SkillAccountLinked.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSkill(nil)
			resp, err := s.Handle(context.Background(), request(t, tt.file, tt.edit))
			if err != nil {
				t.Fatalf("Handle: %v", err)
			}
			got := speech(resp)
			if tt.says == "" && got != "" {
				t.Errorf("speech %q, want none", got)
			}
			if tt.says != "" && !strings.Contains(got, tt.says) {
				t.Errorf("speech %q does not contain %q", got, tt.says)
			}
			if got != "" && !strings.HasPrefix(got, "<speak>") {
				t.Errorf("speech is not SSML: %q", got)
			}
			if (tt.end == nil) != (resp.Response.ShouldEndSession == nil) ||
				(tt.end != nil && *tt.end != *resp.Response.ShouldEndSession) {
				t.Errorf("shouldEndSession = %v, want %v", ptr(resp.Response.ShouldEndSession), ptr(tt.end))
			}
			if tt.reprompt != (resp.Response.Reprompt != nil) {
				t.Errorf("reprompt present = %v, want %v", resp.Response.Reprompt != nil, tt.reprompt)
			}
		})
	}
}

func ptr(b *bool) string {
	if b == nil {
		return "absent"
	}
	if *b {
		return "true"
	}
	return "false"
}

func TestWrongSkillRefusedBeforeAnything(t *testing.T) {
	st := &recordingStore{}
	s := newTestSkill(st)
	_, err := s.Handle(context.Background(), request(t, "intent-cramp.json", func(e *alexa.RequestEnvelope) {
		e.Session.Application.ApplicationID = "amzn1.ask.skill.someone-else"
		e.Context.System.Application.ApplicationID = "amzn1.ask.skill.someone-else"
	}))
	if !errors.Is(err, ErrWrongSkill) {
		t.Fatalf("err = %v, want ErrWrongSkill", err)
	}
	if st.loads != 0 || len(st.saves) != 0 || len(st.forgets) != 0 {
		t.Errorf("store touched: %d loads, %d saves, %d forgets", st.loads, len(st.saves), len(st.forgets))
	}
	// Locally the ID may be unset: then anything goes.
	s.SkillID = ""
	if _, err := s.Handle(context.Background(), request(t, "intent-cramp.json", nil)); err != nil {
		t.Errorf("with no SKILL_ID: %v", err)
	}
}

func TestContextTravelsInSessionAttributes(t *testing.T) {
	s := newTestSkill(nil)
	first, err := s.Handle(context.Background(), request(t, "intent-cramp.json", nil))
	if err != nil {
		t.Fatal(err)
	}
	ctx, ok := first.SessionAttributes[AttrContext].(*session.Context)
	if !ok || ctx.Topic != "cramp" || ctx.Pending != "cramp.relief" {
		t.Fatalf("sessionAttributes[ctx] = %#v", first.SessionAttributes[AttrContext])
	}
	// What Alexa echoes back is the JSON of those attributes.
	b, _ := json.Marshal(first.SessionAttributes)
	var attrs map[string]any
	json.Unmarshal(b, &attrs)

	var seen *router.Turn
	s.Router.IntentFunc("AMAZON.YesIntent", func(t *router.Turn) (router.Reply, error) {
		seen = t
		return router.Say("Good."), nil
	})
	_, err = s.Handle(context.Background(), request(t, "intent-cramp.json", func(e *alexa.RequestEnvelope) {
		e.Session.New = false
		e.Session.Attributes = attrs
		e.Request.Intent = &alexa.Intent{Name: "AMAZON.YesIntent"}
	}))
	if err != nil {
		t.Fatal(err)
	}
	if seen == nil || seen.State.Topic != "cramp" || seen.State.Pending != "cramp.relief" || seen.NewSession {
		t.Errorf("second turn saw %+v", seen)
	}
}

func TestTriageLevelInEveryResponse(t *testing.T) {
	s := newTestSkill(nil)
	s.Triage = levelTriage{"urgent"}
	for _, edit := range []func(*alexa.RequestEnvelope){nil, intent("AMAZON.StopIntent")} {
		resp, err := s.Handle(context.Background(), request(t, "intent-cramp.json", edit))
		if err != nil {
			t.Fatal(err)
		}
		if resp.SessionAttributes[AttrTriage] != "urgent" {
			t.Errorf("sessionAttributes = %v", resp.SessionAttributes)
		}
	}
	s.Triage = nil
	resp, _ := s.Handle(context.Background(), request(t, "intent-cramp.json", nil))
	if _, ok := resp.SessionAttributes[AttrTriage]; ok {
		t.Errorf("triage set with no level known: %v", resp.SessionAttributes)
	}
}

// levelTriage sets a fixed level and otherwise lets the conversation speak.
type levelTriage struct{ level session.Level }

func (l levelTriage) Before(t *router.Turn) (*router.Reply, error) {
	t.State.Level = l.level
	return nil, nil
}

func (l levelTriage) After(t *router.Turn, r router.Reply) (router.Reply, error) { return r, nil }

// emergencyTriage answers every turn with a plain emergency reply.
type emergencyTriage struct{}

func (emergencyTriage) Before(t *router.Turn) (*router.Reply, error) {
	t.State.Level = "emergency"
	r := router.Say("Call 911 now.")
	r.End, r.Plain = true, true
	return &r, nil
}

func (emergencyTriage) After(t *router.Turn, r router.Reply) (router.Reply, error) { return r, nil }

func TestEmergencyNeverWaitsOnTheStore(t *testing.T) {
	st := &recordingStore{delay: time.Hour}
	s := newTestSkill(st)
	s.Triage = emergencyTriage{}
	start := time.Now()
	resp, err := s.Handle(context.Background(), request(t, "intent-cramp.json", func(e *alexa.RequestEnvelope) {
		e.Request.Intent.Slots = map[string]alexa.Slot{alexa.SlotText: {Name: alexa.SlotText, Value: "my calf is swollen and I can't breathe"}}
	}))
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > safetySaveTimeout+150*time.Millisecond {
		t.Errorf("emergency answer took %v with a stalled store", d)
	}
	if !strings.Contains(speech(resp), "Call 911 now.") || !*resp.Response.ShouldEndSession {
		t.Errorf("response %+v", resp.Response)
	}
	if strings.Contains(speech(resp), `volume="soft"`) {
		t.Error("emergency answer was softened")
	}
	// Nothing is loaded first; the level reached is written once, so a
	// later session knows.
	if st.loads != 0 || len(st.saves) != 1 {
		t.Fatalf("store used: %d loads, %d saves; want 0, 1", st.loads, len(st.saves))
	}
	if c := st.saves[0].Context; c == nil || c.Level != "emergency" {
		t.Errorf("saved context %+v, want level emergency", c)
	}
}

func TestStoreDownStillAnswers(t *testing.T) {
	for name, st := range map[string]*recordingStore{
		"failing": {err: errors.New("connection refused")},
		"slow":    {delay: time.Hour},
	} {
		t.Run(name, func(t *testing.T) {
			s := newTestSkill(st)
			s.StoreTimeout = 50 * time.Millisecond
			start := time.Now()
			resp, err := s.Handle(context.Background(), request(t, "intent-cramp.json", nil))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(speech(resp), "Pull your toes") {
				t.Errorf("speech %q", speech(resp))
			}
			if resp.SessionAttributes[AttrContext] == nil {
				t.Error("the conversation cannot continue from sessionAttributes")
			}
			// A load and a save, each cut off by its own deadline: the
			// store would take an hour. The bound is loose on purpose, so
			// a busy machine does not fail it; how long a turn takes is
			// measured in benchmarks.
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v with a %v store deadline", d, s.StoreTimeout)
			}
		})
	}
}

func TestOneLoadPerSessionAndNoWriteWithoutChange(t *testing.T) {
	st := &recordingStore{}
	s := newTestSkill(st)
	first, _ := s.Handle(context.Background(), request(t, "intent-cramp.json", nil))
	if st.loads != 1 || len(st.saves) != 1 {
		t.Fatalf("first turn: %d loads, %d saves; want 1, 1", st.loads, len(st.saves))
	}
	b, _ := json.Marshal(first.SessionAttributes)
	var attrs map[string]any
	json.Unmarshal(b, &attrs)
	// A turn that changes nothing durable: the fallback leaves the context
	// as it was.
	s.Handle(context.Background(), request(t, "intent-cramp.json", func(e *alexa.RequestEnvelope) {
		e.Session.New = false
		e.Session.Attributes = attrs
		e.Request.Intent = &alexa.Intent{Name: "NoSuchIntent"}
	}))
	if st.loads != 1 || len(st.saves) != 1 {
		t.Errorf("after an idle turn: %d loads, %d saves; want 1, 1", st.loads, len(st.saves))
	}
}

func TestSkillDisabledForgetsTheUser(t *testing.T) {
	st := &recordingStore{}
	s := newTestSkill(st)
	resp, err := s.Handle(context.Background(), request(t, "event-SkillDisabled.json", nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(st.forgets) != 1 || st.forgets[0] != s.userKey("amzn1.ask.account.AEXAMPLEUSER") {
		t.Fatalf("forgets = %v", st.forgets)
	}
	if strings.Contains(st.forgets[0], "AEXAMPLEUSER") {
		t.Error("store key contains the raw user ID")
	}
	if resp.Response.OutputSpeech != nil {
		t.Error("speech in answer to an event")
	}
}

func TestHandleJSONRejectsMalformed(t *testing.T) {
	s := newTestSkill(nil)
	for _, body := range []string{"", "{", "[]", `{"request": 5}`} {
		if _, err := s.HandleJSON(context.Background(), []byte(body)); err == nil {
			t.Errorf("HandleJSON(%q): no error", body)
		}
	}
}

// FuzzHandleJSON feeds arbitrary bytes, seeded with every real payload,
// through decoding and routing: nothing may panic, and whatever decodes
// gets a response.
func FuzzHandleJSON(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, name := range files {
		b, _ := os.ReadFile(name)
		f.Add(b)
	}
	f.Add([]byte(`{"request":{"type":"IntentRequest","intent":{"name":"PanicIntent"}}}`))
	f.Add([]byte(`{"session":{"new":false,"attributes":{"ctx":"garbage","prefs":[1],"triage":7}},"request":{"type":"IntentRequest"}}`))
	s := newTestSkill(&recordingStore{})
	s.SkillID = ""
	f.Fuzz(func(t *testing.T, body []byte) {
		out, err := s.HandleJSON(context.Background(), body)
		if err == nil && !json.Valid(out) {
			t.Fatalf("invalid JSON out: %s", out)
		}
	})
}

// A new session that opens with free speech loads the store only after the
// reply; the turn's blank prefs must never be written over the stored ones.
func TestDeferredLoadKeepsStoredPrefs(t *testing.T) {
	stored := session.Prefs{Voice: session.VoiceNormal, History: session.ConsentGiven, Version: 4}
	st := &recordingStore{snap: session.Snapshot{Prefs: stored, Nights: []session.Night{{Date: "2026-11-20", Topic: "cramp"}}}}
	s := newTestSkill(st)
	s.Triage = levelTriage{"self_care"}
	s.Router.IntentFunc("DescribeSymptomIntent", func(t *router.Turn) (router.Reply, error) {
		t.State.Topic = "aches"
		r := router.Say("Warmth may help.")
		r.Night = &session.Night{Date: "2026-11-22", Topic: "aches"}
		return r, nil
	})
	resp, err := s.Handle(context.Background(), request(t, "intent-cramp.json", func(e *alexa.RequestEnvelope) {
		e.Request.Intent = &alexa.Intent{Name: "DescribeSymptomIntent", Slots: map[string]alexa.Slot{
			alexa.SlotText: {Name: alexa.SlotText, Value: "my legs ache and keep me awake"},
		}}
	}))
	if err != nil {
		t.Fatal(err)
	}
	if st.loads != 1 || len(st.saves) != 1 {
		t.Fatalf("%d loads, %d saves; want 1, 1", st.loads, len(st.saves))
	}
	ch := st.saves[0]
	if ch.Prefs != nil {
		t.Errorf("prefs written though the turn did not change them: %+v", *ch.Prefs)
	}
	if ch.Night == nil {
		t.Error("night not kept although the stored consent is yes")
	}
	if p, _ := resp.SessionAttributes[AttrPrefs].(*session.Prefs); p == nil || *p != stored {
		t.Errorf("session carries prefs %+v, want the stored %+v", resp.SessionAttributes[AttrPrefs], stored)
	}
	if resp.SessionAttributes[AttrNights] == nil {
		t.Error("session does not carry the stored nights")
	}

	// A turn that does change a preference writes just that field onto
	// the stored ones.
	st2 := &recordingStore{snap: session.Snapshot{Prefs: stored}}
	s2 := newTestSkill(st2)
	s2.Triage = levelTriage{"self_care"}
	s2.Router.IntentFunc("DescribeSymptomIntent", func(t *router.Turn) (router.Reply, error) {
		t.Prefs.Voice = "whisper"
		return router.Say("Okay."), nil
	})
	s2.Handle(context.Background(), request(t, "intent-cramp.json", func(e *alexa.RequestEnvelope) {
		e.Request.Intent = &alexa.Intent{Name: "DescribeSymptomIntent", Slots: map[string]alexa.Slot{
			alexa.SlotText: {Name: alexa.SlotText, Value: "whisper please"},
		}}
	}))
	if len(st2.saves) != 1 || st2.saves[0].Prefs == nil {
		t.Fatalf("saves = %+v", st2.saves)
	}
	if got := *st2.saves[0].Prefs; got.Voice != "whisper" || got.History != session.ConsentGiven || got.Version != 4 {
		t.Errorf("prefs written %+v; want whisper with the stored consent and version", got)
	}
}

// When the deferred load fails the turn's write still goes out, onto an
// empty base: conditional on there being no stored items, so the store
// merges it with what is there (package store's contract) rather than
// overwriting. Nothing the turn did not change is written.
func TestDeferredLoadFailureStillWrites(t *testing.T) {
	st := &recordingStore{loadErr: errors.New("throttled")}
	s := newTestSkill(st)
	s.Triage = levelTriage{"self_care"}
	resp, _ := s.Handle(context.Background(), request(t, "intent-cramp.json", func(e *alexa.RequestEnvelope) {
		e.Request.Intent = &alexa.Intent{Name: "CrampIntent", Slots: map[string]alexa.Slot{
			alexa.SlotText: {Name: alexa.SlotText, Value: "cramp"},
		}}
	}))
	if !strings.Contains(speech(resp), "Pull your toes") {
		t.Errorf("speech %q", speech(resp))
	}
	if len(st.saves) != 1 {
		t.Fatalf("saves = %+v, want the turn's write", st.saves)
	}
	ch := st.saves[0]
	if ch.Context == nil || ch.Context.Topic != "cramp" || ch.Context.Version != 0 || ch.Prefs != nil {
		t.Errorf("wrote %+v (context %+v), want the new context onto nothing", ch, ch.Context)
	}
	if len(st.bases) != 1 || st.bases[0].Context != nil || st.bases[0].Prefs != (session.Prefs{}) {
		t.Errorf("base %+v, want empty: what is stored is unknown", st.bases)
	}
}

// A night goes to the store whenever the session does not know what is
// stored (the load failed): the store, not the session, decides from the
// stored consent.
func TestNightSentWhenConsentUnknown(t *testing.T) {
	for name, tc := range map[string]struct {
		st   *recordingStore
		want bool
	}{
		"load failed":      {&recordingStore{loadErr: errors.New("slow")}, true},
		"no consent":       {&recordingStore{}, false},
		"consent":          {&recordingStore{snap: session.Snapshot{Prefs: session.Prefs{History: session.ConsentGiven, Version: 1}}}, true},
		"deletion pending": {&recordingStore{snap: session.Snapshot{Prefs: session.Prefs{History: session.ConsentGiven, Forget: true, Version: 2}}, forgetErr: errors.New("throttled")}, false},
	} {
		t.Run(name, func(t *testing.T) {
			s := newTestSkill(tc.st)
			s.Router.IntentFunc("CrampIntent", func(t *router.Turn) (router.Reply, error) {
				t.State.Topic = "cramp"
				r := router.Say("Good.")
				r.Night = &session.Night{Date: "2026-11-22", Topic: "cramp", Count: 1}
				return r, nil
			})
			s.Handle(context.Background(), request(t, "intent-cramp.json", nil))
			sent := false
			for _, ch := range tc.st.saves {
				if ch.Night != nil {
					sent = true
					if ch.Request == "" || strings.Contains(ch.Request, "cramp") {
						t.Errorf("night sent with request key %q: want a keyed hash of the request ID", ch.Request)
					}
				}
			}
			if sent != tc.want {
				t.Errorf("night sent = %v, want %v (saves %+v)", sent, tc.want, tc.st.saves)
			}
		})
	}
}

// redFlagTriage answers an intent it knows as a warning sign before any
// conversation, as triage.Guard does for red-flag intents.
type redFlagTriage struct{}

func (redFlagTriage) Before(t *router.Turn) (*router.Reply, error) {
	switch t.Intent {
	case "LegColdIntent":
		t.State.Level = "emergency"
		r := router.Say("Call 911 now.")
		r.End, r.Plain = true, true
		return &r, nil
	case "HotLegIntent":
		// Urgent care: not an emergency's plain voice, but a warning
		// sign all the same.
		t.State.Level = "urgent"
		r := router.Say("See a doctor today.")
		r.End = true
		return &r, nil
	}
	return nil, nil
}

func (redFlagTriage) After(t *router.Turn, r router.Reply) (router.Reply, error) { return r, nil }

// A red-flag intent opening a session is answered without loading: the
// load waits for triage, and a warning sign needs nothing stored.
func TestRedFlagIntentNeverWaitsOnTheStore(t *testing.T) {
	for name, want := range map[string]string{"LegColdIntent": "Call 911 now.", "HotLegIntent": "See a doctor today."} {
		st := &recordingStore{delay: time.Hour}
		s := newTestSkill(st)
		s.Triage = redFlagTriage{}
		start := time.Now()
		resp, err := s.Handle(context.Background(), request(t, "intent-cramp.json", intent(name)))
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > safetySaveTimeout+150*time.Millisecond {
			t.Errorf("%s: the answer took %v with a stalled store", name, d)
		}
		if !strings.Contains(speech(resp), want) || st.loads != 0 || len(st.saves) != 1 {
			t.Errorf("%s: said %q after %d loads, %d saves; want the warning, no load, one save", name, speech(resp), st.loads, len(st.saves))
		}
	}
	// Any other intent still loads first.
	st2 := &recordingStore{}
	s2 := newTestSkill(st2)
	s2.Triage = redFlagTriage{}
	s2.Handle(context.Background(), request(t, "intent-cramp.json", nil))
	if st2.loads != 1 {
		t.Errorf("%d loads for a cramp opening a session, want 1", st2.loads)
	}
}

// glancingTriage answers a sign for care today after glancing back at
// what is kept, as triage.Guard does in a new session.
type glancingTriage struct{ resumed *session.Context }

func (g *glancingTriage) Before(t *router.Turn) (*router.Reply, error) {
	t.Glance()
	g.resumed = t.Resumed
	t.State.Level = "urgent"
	r := router.Say("See a doctor today.")
	r.End = true
	return &r, nil
}

func (*glancingTriage) After(t *router.Turn, r router.Reply) (router.Reply, error) { return r, nil }

// A glance back is a load with a short wait: a stalled store holds a
// sign for care today no longer than a glance and a safety save, and a
// store that answers gives it the conversation just before.
func TestGlanceWaitsBriefly(t *testing.T) {
	st := &recordingStore{delay: time.Hour}
	s := newTestSkill(st)
	s.Triage = &glancingTriage{}
	start := time.Now()
	resp, err := s.Handle(context.Background(), request(t, "intent-cramp.json", intent("HotLegIntent")))
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*safetySaveTimeout+150*time.Millisecond {
		t.Errorf("the answer took %v with a stalled store", d)
	}
	if !strings.Contains(speech(resp), "See a doctor today.") || st.loads != 1 || len(st.saves) != 1 {
		t.Errorf("said %q after %d loads, %d saves; want the warning, one load, one save", speech(resp), st.loads, len(st.saves))
	}

	fell := &session.Context{Facts: []string{"fell"}, Level: "urgent", Updated: time.Now().Add(-10 * time.Minute)}
	st2 := &recordingStore{snap: session.Snapshot{Context: fell}}
	g := &glancingTriage{}
	s2 := newTestSkill(st2)
	s2.Triage = g
	s2.Now = time.Now
	if _, err := s2.Handle(context.Background(), request(t, "intent-cramp.json", intent("HotLegIntent"))); err != nil {
		t.Fatal(err)
	}
	if g.resumed == nil || !slices.Equal(g.resumed.Facts, fell.Facts) || st2.loads != 1 {
		t.Errorf("glanced at %+v after %d loads, want %+v after 1", g.resumed, st2.loads, fell)
	}
}

// A load that uses up its deadline leaves the save its own: the turn's
// write still goes out, with a full deadline.
func TestSlowLoadLeavesTheSaveItsDeadline(t *testing.T) {
	st := &recordingStore{loadDelay: time.Hour}
	s := newTestSkill(st)
	s.StoreTimeout = 80 * time.Millisecond
	s.Handle(context.Background(), request(t, "intent-cramp.json", nil))
	if st.loads != 1 || len(st.saves) != 1 {
		t.Fatalf("%d loads, %d saves; want 1, 1", st.loads, len(st.saves))
	}
	if left := st.saveDeadlines[0]; left < s.StoreTimeout*3/4 {
		t.Errorf("the save had %v of its %v left when it began", left, s.StoreTimeout)
	}
}

// Store calls end before the invocation's deadline (Lambda's), leaving time
// to answer.
func TestStoreCallsEndBeforeTheInvocationDeadline(t *testing.T) {
	st := &recordingStore{delay: time.Hour}
	s := newTestSkill(st)
	s.StoreTimeout = time.Hour
	ctx, cancel := context.WithTimeout(context.Background(), answerMargin+200*time.Millisecond)
	defer cancel()
	start := time.Now()
	resp, _ := s.Handle(ctx, request(t, "intent-cramp.json", nil))
	if d := time.Since(start); d > 200*time.Millisecond+150*time.Millisecond {
		t.Errorf("took %v; the invocation had %v, of which %v are kept to answer", d, answerMargin+200*time.Millisecond, answerMargin)
	}
	if !strings.Contains(speech(resp), "Pull your toes") || ctx.Err() != nil {
		t.Errorf("said %q, ctx %v: the answer must go out before the deadline", speech(resp), ctx.Err())
	}
}

// A lost write changes nothing the listener hears, and is logged as a
// warning with its reason.
func TestLostWriteIsAWarningWithItsReason(t *testing.T) {
	var buf bytes.Buffer
	st := &recordingStore{saveErr: errors.New("ProvisionedThroughputExceededException")}
	s := newTestSkill(st)
	s.Log = slog.New(slog.NewJSONHandler(&buf, nil))
	resp, _ := s.Handle(context.Background(), request(t, "intent-cramp.json", nil))
	if !strings.Contains(speech(resp), "Pull your toes") {
		t.Errorf("speech %q", speech(resp))
	}
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if rec["msg"] == "turn's write lost" {
			found = true
			if rec["level"] != "WARN" || !strings.Contains(fmt.Sprint(rec["reason"]), "ProvisionedThroughput") {
				t.Errorf("log line %v: want a warning with the reason", rec)
			}
		}
	}
	if !found {
		t.Errorf("no log line says the write was lost:\n%s", buf.String())
	}
}

// "Forget me": only a deletion that happened is confirmed. When it fails
// the listener hears the reply made for that, and nothing is written.
func TestForgetConfirmsOnlyWhatWasDeleted(t *testing.T) {
	for name, forgetErr := range map[string]error{"deleted": nil, "failed": errors.New("throttled")} {
		t.Run(name, func(t *testing.T) {
			st := &recordingStore{forgetErr: forgetErr}
			s := newTestSkill(st)
			s.Router.IntentFunc("ForgetMeIntent", func(t *router.Turn) (router.Reply, error) {
				*t.State, *t.Prefs = session.Context{}, session.Prefs{}
				r := router.Say("Done. I've deleted everything.")
				r.Forget, r.End = true, true
				r.NotForgotten = &router.Reply{Speech: (&alexa.SSML{}).Say("I couldn't delete it just now."), End: true}
				return r, nil
			})
			resp, _ := s.Handle(context.Background(), request(t, "intent-cramp.json", intent("ForgetMeIntent")))
			said := speech(resp)
			if done := strings.Contains(said, "Done."); done != (forgetErr == nil) {
				t.Errorf("said %q with Forget error %v", said, forgetErr)
			}
			if forgetErr != nil && !strings.Contains(said, "couldn&apos;t delete") {
				t.Errorf("said %q; want the plain failure", said)
			}
			if len(st.forgets) != 1 || len(st.saves) != 0 {
				t.Errorf("%d forgets, %d saves; want 1, 0", len(st.forgets), len(st.saves))
			}
		})
	}
}

// A deletion left pending (the store marked it, then failed) is finished on
// the listener's next session before anything is written, and nothing of
// what was being deleted is picked up meanwhile.
func TestPendingDeletionFinishedNextSession(t *testing.T) {
	pending := session.Snapshot{
		Context: &session.Context{Topic: "cramp", Pending: "cramp.relief", Version: 3},
		Prefs:   session.Prefs{Forget: true, Version: 2},
		Nights:  []session.Night{{Date: "2026-11-20", Topic: "cramp", Count: 1}},
	}
	for name, forgetErr := range map[string]error{"finished": nil, "still failing": errors.New("throttled")} {
		t.Run(name, func(t *testing.T) {
			st := &recordingStore{snap: pending, forgetErr: forgetErr}
			s := newTestSkill(st)
			var resumed *session.Context
			s.Router.Request(alexa.TypeLaunch, router.HandlerFunc(func(t *router.Turn) (router.Reply, error) {
				resumed = t.Resumed
				t.State.Topic = "welcome"
				return router.Ask("What are your legs doing?"), nil
			}))
			resp, _ := s.Handle(context.Background(), request(t, "launch.json", nil))
			if resumed != nil {
				t.Errorf("picked up %+v, which is being deleted", resumed)
			}
			if len(st.forgets) != 1 {
				t.Fatalf("%d forgets, want the deletion tried again", len(st.forgets))
			}
			p, _ := resp.SessionAttributes[AttrPrefs].(*session.Prefs)
			if forgetErr != nil {
				if len(st.saves) != 0 || p == nil || !p.Forget {
					t.Errorf("saves %+v, session prefs %+v: want nothing written, and the session to remember the deletion", st.saves, p)
				}
				return
			}
			if len(st.saves) != 1 || st.saves[0].Context == nil || st.saves[0].Context.Version != 0 || st.bases[0].Context != nil {
				t.Errorf("saves %+v: want the new conversation written afresh", st.saves)
			}
			if p == nil || p.Forget {
				t.Errorf("session prefs %+v after the deletion finished", p)
			}
		})
	}
}
