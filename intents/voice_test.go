package intents

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// memStore keeps one listener's snapshot, as a store would between
// sessions.
type memStore struct{ snap session.Snapshot }

func (m *memStore) Load(ctx context.Context, user string) (session.Snapshot, error) {
	return m.snap, nil
}

func (m *memStore) Save(ctx context.Context, user string, base session.Snapshot, ch session.Change) (session.Snapshot, error) {
	if ch.Context != nil {
		m.snap.Context = ch.Context.Clone()
	}
	if ch.Prefs != nil {
		m.snap.Prefs = *ch.Prefs
	}
	return m.snap, nil
}

func (m *memStore) Forget(ctx context.Context, user string) error {
	m.snap = session.Snapshot{}
	return nil
}

// listener drives the pipeline the way a device does: session attributes
// carried between turns of a session, a store between sessions.
type listener struct {
	t     *testing.T
	skill *skill.Skill
	attrs map[string]any
	open  bool
}

func newListener(t *testing.T) *listener {
	return &listener{t: t, skill: &skill.Skill{
		Router: New(library(t)),
		Store:  &memStore{},
		Log:    slog.New(slog.NewTextHandler(io.Discard, nil)),
	}}
}

// say sends an intent (or a LaunchRequest for "") and returns the response.
func (l *listener) say(intent string) *alexa.ResponseEnvelope {
	l.t.Helper()
	env := &alexa.RequestEnvelope{Session: &alexa.Session{
		New:        !l.open,
		SessionID:  "s",
		Attributes: l.attrs,
		User:       alexa.User{UserID: "amzn1.ask.account.test"},
	}}
	env.Request.Locale = "en-US"
	env.Request.Type = alexa.TypeLaunch
	if intent != "" {
		env.Request.Type = alexa.TypeIntent
		env.Request.Intent = &alexa.Intent{Name: intent}
	}
	if !l.open {
		env.Session.Attributes = nil
	}
	resp, err := l.skill.Handle(context.Background(), env)
	if err != nil {
		l.t.Fatal(err)
	}
	l.attrs = resp.SessionAttributes
	l.open = resp.Response.ShouldEndSession == nil || !*resp.Response.ShouldEndSession
	return resp
}

// close ends the session, as when the device times out.
func (l *listener) close() { l.open, l.attrs = false, nil }

const (
	whispered = `<amazon:effect name="whispered">`
	soft      = `volume="soft"`
)

func voiceOf(t *testing.T, r *alexa.ResponseEnvelope) string {
	t.Helper()
	ssml := r.Response.OutputSpeech.SSML
	switch {
	case strings.Contains(ssml, whispered):
		return skill.VoiceWhisper
	case strings.Contains(ssml, soft):
		return session.VoiceSoft
	case strings.Contains(ssml, "<prosody"):
		return session.VoiceNormal
	}
	t.Fatalf("no voice in %s", ssml)
	return ""
}

// TestVoiceChangesAndIsRemembered: a voice change is heard at once, holds
// for the rest of the session, and holds in the next session.
func TestVoiceChangesAndIsRemembered(t *testing.T) {
	tests := []struct {
		intent, want string
	}{
		{IntentVoiceWhisper, skill.VoiceWhisper},
		{IntentVoiceLouder, session.VoiceNormal},
		{IntentVoiceSoft, session.VoiceSoft},
	}
	for _, tt := range tests {
		t.Run(tt.intent, func(t *testing.T) {
			l := newListener(t)
			if got := voiceOf(t, l.say("")); got != session.VoiceSoft {
				t.Fatalf("first voice %s, want soft by default", got)
			}
			// Start from another voice so the change shows.
			before := IntentVoiceWhisper
			if tt.intent == IntentVoiceWhisper {
				before = IntentVoiceLouder
			}
			if got := voiceOf(t, l.say(before)); got == tt.want {
				t.Fatalf("%s left the voice %s", before, got)
			}
			if got := voiceOf(t, l.say(tt.intent)); got != tt.want {
				t.Errorf("reply to %s in %s voice, want %s", tt.intent, got, tt.want)
			}
			if got := voiceOf(t, l.say(IntentAches)); got != tt.want {
				t.Errorf("later turn in %s voice, want %s", got, tt.want)
			}
			l.close()
			if got := voiceOf(t, l.say("")); got != tt.want {
				t.Errorf("next session in %s voice, want %s remembered", got, tt.want)
			}
		})
	}
}

// TestVoiceChangeKeepsTheQuestion: changing the voice mid-conversation asks
// the waiting question again, and its answer still reaches the
// conversation.
func TestVoiceChangeKeepsTheQuestion(t *testing.T) {
	l := newListener(t)
	first := l.say(IntentAches)
	q := triage.Question("triage.emergency")
	q = fill(q, forms(subjectSelf, ""))
	if !strings.Contains(first.Response.OutputSpeech.SSML, alexa.Escape(q)) {
		t.Fatalf("aches did not ask %q: %s", q, first.Response.OutputSpeech.SSML)
	}
	r := l.say(IntentVoiceLouder)
	if ssml := r.Response.OutputSpeech.SSML; !strings.Contains(ssml, alexa.Escape(q)) {
		t.Errorf("after speak up, question not asked again: %s", ssml)
	}
	r = l.say(IntentNo)
	want := fill(triage.Question("triage.swelling"), forms(subjectSelf, ""))
	if ssml := r.Response.OutputSpeech.SSML; !strings.Contains(ssml, alexa.Escape(want)) {
		t.Errorf("the no did not reach the conversation; want %q in %s", want, ssml)
	}
}
