package intents

import (
	"slices"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/symptom"
	"github.com/nightlegs/nightlegs/internal/triage"
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
	r.IntentFunc(IntentVoiceWhisper, s.voice(session.VoiceWhisper, "voice.whisper"))
	r.IntentFunc(IntentVoiceSoft, s.voice(session.VoiceSoft, "voice.soft"))
}

// voice switches to voice v, says so, and goes back to whatever question was
// waiting for an answer, so changing the voice never loses the conversation.
func (s *set) voice(v session.Voice, id string) func(t *router.Turn) (router.Reply, error) {
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

// controlIntents are the controls free words may stand for alone: the
// voice changes, a pause ("hold on, the baby's crying"), and "say that
// again" or "what?", which need the last
// answer, kept in the store when a question asked in one breath ended the
// session before (a device sends them as their intents, with no words).
var controlIntents = []string{IntentVoiceLouder, IntentVoiceWhisper, IntentVoiceSoft, IntentRepeat, IntentRephrase, IntentPause}

// personFacts are the triage facts that words about a person alone give:
// "the baby" is a child under three.
var personFacts = []string{factChild, "under_3"}

// controlOnly is the control free words ask for when they say nothing
// else but who is asleep: "talk quieter, my wife is asleep", "can you
// whisper, the baby's sleeping". Such words are a control, never a
// symptom, so no person in them is taken for the one in pain; "" when the
// words are no control, or say something about legs, pain or a
// warning sign too. In a routine its own cues come first: "ok go" at
// "Ready?" is the first step, not the intro again.
func controlOnly(text string, inRoutine bool) string {
	rd := symptom.Read(text)
	if len(rd.Parts)+len(rd.Sensations) > 0 || (rd.Topic != "" && session.Topic(rd.Topic) != TopicChild) ||
		slices.ContainsFunc(rd.Facts, func(f string) bool { return !slices.Contains(personFacts, f) }) {
		return ""
	}
	intent, _ := readTalk(text, symptom.Reading{}, inRoutine)
	if !slices.Contains(controlIntents, intent) {
		return ""
	}
	return intent
}

// controlsFirst is triage with one step before it: free words that are
// only a control (a voice change, "say that again") go to their intent, as a device's recogniser would
// send them, so triage never reads the sleeping person in them as the one
// in pain.
type controlsFirst struct {
	skill.Triage
	// fit keeps the answer within 40 words, once triage has added its own
	// (fit.go).
	fit func(*router.Turn, router.Reply) router.Reply
}

// After lets triage add to the answer, then fits it to 40 words.
func (c controlsFirst) After(t *router.Turn, r router.Reply) (router.Reply, error) {
	r, err := c.Triage.After(t, r)
	if err != nil || c.fit == nil {
		return r, err
	}
	return c.fit(t, r), nil
}

func (c controlsFirst) Before(t *router.Turn) (*router.Reply, error) {
	if t.Text != "" && t.Intent == IntentDescribe {
		if intent := controlOnly(t.Text, t.State.Routine != nil); intent != "" {
			env := alexa.RequestEnvelope{}
			if t.Request != nil {
				env = *t.Request
			}
			env.Request.Intent = &alexa.Intent{Name: intent, Slots: map[string]alexa.Slot{}}
			t.Request, t.Intent = &env, intent
			if intent != IntentRepeat || !asksForQuestion(t.Text) {
				// "What was the question?" keeps its words: it asks
				// for the question, not the answer (askQuestionAgain).
				t.Text = ""
			}
		}
	}
	askCause(t)
	keptComplaint(t)
	idleControl(t)
	stretchHurt(t)
	personOnly(t)
	return c.Triage.Before(t)
}

// personOnly drops the warning-sign slots of a control a device heard
// with only a person kept ("hold on, the baby's crying": PauseIntent with
// "the baby's"), so triage does not take the baby for the one in pain, as
// controlOnly does for free words.
func personOnly(t *router.Turn) {
	if !slices.Contains(controlIntents, t.Intent) || t.Request == nil || t.Request.Request.Intent == nil {
		return
	}
	rd := keptReading(t)
	if len(rd.Facts) == 0 || len(rd.Parts)+len(rd.Sensations) > 0 || rd.Topic != "" && session.Topic(rd.Topic) != TopicChild ||
		slices.ContainsFunc(rd.Facts, func(f string) bool { return !slices.Contains(personFacts, f) }) {
		return
	}
	in := *t.Request.Request.Intent
	in.Slots = map[string]alexa.Slot{}
	for name, sl := range t.Request.Request.Intent.Slots {
		if !triage.SignSlot(name) {
			in.Slots[name] = sl
		}
	}
	env := *t.Request
	env.Request.Intent = &in
	t.Request = &env
}
