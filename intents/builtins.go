package intents

import (
	"strings"

	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Intent names of the built-ins and the catch-all.
const (
	IntentHelp         = alexa.IntentHelp
	IntentStop         = alexa.IntentStop
	IntentCancel       = alexa.IntentCancel
	IntentNavigateHome = alexa.IntentNavigateHome
	IntentFallback     = alexa.IntentFallback
	IntentYes          = alexa.IntentYes
	IntentNo           = alexa.IntentNo
	// IntentUnknown is "I don't know", "not sure": an answer to any
	// yes-or-no question, passed on as session.Unknown.
	IntentUnknown = "AnswerUnknownIntent"
	// IntentAcknowledge is "OK", "alright", "go on": a yes to an offer,
	// but no answer to a safety question, which is asked again for a
	// clear yes or no ("OK" may only mean "I'm listening").
	IntentAcknowledge = "AcknowledgeIntent"
	// IntentDescribe is the catch-all whose only sample is its free-text
	// slot: a device sends it when no specific intent fits.
	IntentDescribe = "DescribeSymptomIntent"
)

func (s *set) registerBuiltins(r *router.Router) {
	r.Request(alexa.TypeLaunch, router.HandlerFunc(s.launch))
	r.Request(alexa.TypeSessionEnded, router.HandlerFunc(s.sessionEnded))
	r.IntentFunc(IntentHelp, func(t *router.Turn) (router.Reply, error) {
		r := s.say(t, "help")
		r.Question = s.lib.Get("reprompt.where").Ask
		return r, nil
	})
	r.IntentFunc(IntentStop, s.stop)
	r.IntentFunc(IntentCancel, s.stop)
	r.IntentFunc(IntentNavigateHome, func(t *router.Turn) (router.Reply, error) {
		if nothingUnderWay(t) {
			// Nowhere to go home from: see noRoutine.
			return s.calmFallback(t)
		}
		t.State.Topic, t.State.Step, t.State.Pending = "", "", ""
		r := s.say(t, "welcome.short")
		r.Question = s.lib.Get("reprompt.where").Ask
		return r, nil
	})
	// AMAZON.FallbackIntent and the catch-all DescribeSymptomIntent: redflags.go.
	r.IntentFunc(IntentYes, s.yesNo(session.Yes))
	r.IntentFunc(IntentNo, s.yesNo(session.No))
	r.IntentFunc(IntentUnknown, s.yesNo(session.Unknown))
	r.IntentFunc(IntentAcknowledge, func(t *router.Turn) (router.Reply, error) {
		if q := t.State.Pending; strings.HasPrefix(q, dialog.TriagePrefix) {
			rep := s.say(t, "talk.clear_answer")
			rep.Question = s.questionText(t, q)
			t.State.Pending = q
			return rep, nil
		}
		// Elsewhere it is a yes, wherever a yes is handled (routines wrap
		// the yes handler, so it is looked up now).
		t.Intent = IntentYes
		return r.Route(alexa.TypeIntent, IntentYes).Handle(t)
	})
}

// launch opens a session. One that starts soon after an earlier
// conversation picks it up, in this order: a routine in progress, then a
// topic's unanswered question (memory.go); only then the plain welcome.
func (s *set) launch(t *router.Turn) (router.Reply, error) {
	if r, ok := s.resumeRoutine(t); ok {
		return r, nil
	}
	if r, ok := s.welcomeBack(t); ok {
		return r, nil
	}
	// Opened again soon after care was called for: that care first,
	// then what is going on now (third review).
	if r, ok := s.careAgain(t, "talk.greet", s.lib.Get("reprompt.where").Ask); ok {
		return r, nil
	}
	r := s.say(t, "welcome")
	r.Question = s.lib.Get("reprompt.where").Ask
	return r, nil
}

func (s *set) sessionEnded(t *router.Turn) (router.Reply, error) {
	return router.Reply{End: true}, nil
}

func (s *set) stop(t *router.Turn) (router.Reply, error) {
	if r, ok := s.stopRoutine(t); ok {
		return r, nil
	}
	id := "goodbye"
	if t.State.Level != "" && t.State.Level != "self_care" {
		id = "goodbye.care"
	}
	r := s.say(t, id)
	r.End = true
	return r, nil
}

func (s *set) fallback(t *router.Turn) (router.Reply, error) {
	if r, ok := s.careAgain(t, "", ""); ok {
		return r, nil
	}
	return s.say(t, "fallback"), nil
}

// careAgain is the reply to words not understood, or a yes or no with
// nothing asked, after care today or an emergency was called for
// tonight: the lead's words, if any ("Sorry, I didn't catch that."; a
// yes or an okay was caught), then that care again; then the question
// ask, or with none the session ends, as the call for care did.
//
// A listener who opens the skill again minutes after "please call 911
// now" and says "okay" must not hear "tell me where it hurts" as if
// nothing had been said (the thirty-fifth session).
func (s *set) careAgain(t *router.Turn, lead, ask string) (router.Reply, bool) {
	id := careText(t, "talk.care.restated.emergency", "talk.care.restated.urgent")
	if id == "" {
		return router.Reply{}, false
	}
	r := router.Reply{Speech: &alexa.SSML{}, Question: ask, End: ask == ""}
	if lead != "" {
		r.Speech = s.speech(t, lead)
	}
	for _, line := range s.lib.Get(id).Say {
		r.Speech.Say(words(t, line))
	}
	return r, true
}

// yesNo passes a yes or no to the conversation that asked; with no question
// pending, it asks what is going on.
func (s *set) yesNo(answer string) func(t *router.Turn) (router.Reply, error) {
	return func(t *router.Turn) (router.Reply, error) {
		r, ok, err := s.answer(t, answer)
		if ok || err != nil {
			return r, err
		}
		return s.fallback(t)
	}
}
