package intents

import (
	"context"
	"testing"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/skill"
)

// listener drives the pipeline by intent name the way a device does:
// session attributes carried between turns of a session, the skill's store
// between sessions. Transcripts (internal/device) do the same from typed
// text; this is for tests that name intents directly.
type listener struct {
	t     testing.TB
	skill *skill.Skill
	user  string
	attrs map[string]any
	open  bool
}

// send hands one request to the skill.
func (l *listener) send(env *alexa.RequestEnvelope) *alexa.ResponseEnvelope {
	l.t.Helper()
	resp, err := l.skill.Handle(context.Background(), env)
	if err != nil {
		l.t.Fatal(err)
	}
	return resp
}

// say sends an intent ("" for a LaunchRequest) in the current session, or
// a new one, and returns the response.
func (l *listener) say(intent string) *alexa.ResponseEnvelope {
	l.t.Helper()
	env := &alexa.RequestEnvelope{Session: &alexa.Session{
		New:       !l.open,
		SessionID: "session-" + l.user,
		User:      alexa.User{UserID: l.user},
	}}
	if l.open {
		env.Session.Attributes = l.attrs
	}
	env.Request.Locale = "en-US"
	env.Request.Type = alexa.TypeLaunch
	if intent != "" {
		env.Request.Type = alexa.TypeIntent
		env.Request.Intent = &alexa.Intent{Name: intent}
	}
	resp := l.send(env)
	l.attrs = resp.SessionAttributes
	l.open = resp.Response.ShouldEndSession == nil || !*resp.Response.ShouldEndSession
	return resp
}

// said is say returning the spoken text.
func (l *listener) said(intent string) string {
	l.t.Helper()
	return device.Spoken(l.say(intent).Response.OutputSpeech)
}

// close ends the session, as silence does.
func (l *listener) close() { l.open, l.attrs = false, nil }
