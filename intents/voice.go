package intents

import (
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
)

// Voice changes: "speak up", "whisper", "speak softly". The choice holds for
// the rest of the session (Context.Voice) and is remembered for the next
// (Prefs.Voice); the pipeline saves it and speaks this very reply in it.
const (
	IntentVoiceLouder  = "VoiceLouderIntent"
	IntentVoiceWhisper = "VoiceWhisperIntent"
	IntentVoiceSoft    = "VoiceSoftIntent"
)

func (s *set) registerVoice(r *router.Router) {
	r.IntentFunc(IntentVoiceLouder, s.voice(session.VoiceNormal, "voice.louder"))
	r.IntentFunc(IntentVoiceWhisper, s.voice(skill.VoiceWhisper, "voice.whisper"))
	r.IntentFunc(IntentVoiceSoft, s.voice(session.VoiceSoft, "voice.soft"))
}

// voice switches to voice v, says so, and goes back to whatever question was
// waiting for an answer, so changing the voice never loses the conversation.
func (s *set) voice(v, id string) func(t *router.Turn) (router.Reply, error) {
	return func(t *router.Turn) (router.Reply, error) {
		t.State.Voice = v
		t.Prefs.Voice = v
		r := router.Reply{Speech: s.speech(t, id)}
		if !s.resume(t, &r) && t.State.Topic == "" {
			r.Question = s.lib.Get("reprompt.where").Ask
		}
		return r, nil
	}
}
