package intents

import (
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/intents/aches"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/triage"
)

func newListener(t *testing.T) *listener {
	return &listener{t: t, user: "amzn1.ask.account.test", skill: newSkill(t, Options{Store: store.NewMemory()})}
}

const (
	whispered = `<amazon:effect name="whispered">`
	soft      = `volume="soft"`
)

func voiceOf(t *testing.T, r *alexa.ResponseEnvelope) session.Voice {
	t.Helper()
	ssml := r.Response.OutputSpeech.SSML
	switch {
	case strings.Contains(ssml, whispered):
		return session.VoiceWhisper
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
		intent string
		want   session.Voice
	}{
		{IntentVoiceWhisper, session.VoiceWhisper},
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
			if got := voiceOf(t, l.say(aches.Intent)); got != tt.want {
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
	first := l.say(aches.Intent)
	q := triage.Question("triage.emergency")
	q = fill(q, forms(subjectSelf, "", ""))
	if !strings.Contains(first.Response.OutputSpeech.SSML, alexa.Escape(q)) {
		t.Fatalf("aches did not ask %q: %s", q, first.Response.OutputSpeech.SSML)
	}
	r := l.say(IntentVoiceLouder)
	if ssml := r.Response.OutputSpeech.SSML; !strings.Contains(ssml, alexa.Escape(q)) {
		t.Errorf("after speak up, question not asked again: %s", ssml)
	}
	r = l.say(IntentNo)
	want := fill(triage.Question("triage.swelling"), forms(subjectSelf, "", ""))
	if ssml := r.Response.OutputSpeech.SSML; !strings.Contains(ssml, alexa.Escape(want)) {
		t.Errorf("the no did not reach the conversation; want %q in %s", want, ssml)
	}
}
