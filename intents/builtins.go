package intents

import (
	"slices"
	"strings"

	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/symptom"
	"github.com/nightlegs/nightlegs/internal/triage"
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
	// Kept now for a complaint later in the session (careFirst).
	careMeanwhile(t)
	r := router.Reply{Speech: &alexa.SSML{}, Question: ask, End: ask == ""}
	if lead != "" {
		r.Speech = s.speech(t, lead)
	}
	for _, line := range s.lib.Get(id).Say {
		r.Speech.Say(words(t, line))
	}
	return r, true
}

// careFirst wraps every handler so that a new complaint, begun after
// care today or an emergency was called for tonight (in a session picked
// up within hours, or this one opened again), hears that care again:
// "my calf is cramping", minutes after "this can mean a clot; don't rub
// or stretch the leg", must not be answered with a stretch, nor "my leg
// still hurts" with a safety check as if nothing had been said. After an
// emergency, the call again is the answer. After care today, a complaint
// whose conversation asks a safety question keeps it, the care said
// first: the new complaint may be an emergency of its own ("my back
// hurts and my leg is numb"). Otherwise the care, with what to do
// meanwhile and what would make it an emergency (the earlier rule's
// own), is the answer, and the session ends as the call did; a safety
// question still waiting is asked again instead of ending it. So too
// when the safety question is answered and the conversation turns to a
// complaint of its own (a cramp, with its stretch).
//
// Not for a complaint about someone other than whom the care was for
// ("my wife's calf is cramping" after one's own call for 911); words
// that name no one ("his calf"), or a device's intent with no words,
// hear the care. The care lasts hours from the call (careLevel), and
// is said even to a listener who says they were seen since: words
// that seem to clear it ("the paramedics said", "it's not a clot") are
// as often worry, questions or someone else's visit (review).
// A question about a cause begins no complaint, and its answer says the
// care first itself (talk.care.*).
func (s *set) careFirst(r *router.Router) {
	for _, name := range r.Intents() {
		h := r.Route(alexa.TypeIntent, name)
		r.IntentFunc(name, func(t *router.Turn) (router.Reply, error) {
			before, waiting := t.State.Topic, t.State.Pending
			reply, err := h.Handle(t)
			if t.NewSession && t.Resumed != nil {
				// A resumed conversation is read on a session's first
				// turn only: the care it called for is kept now, whatever
				// this turn asked ("help", then "my calf is cramping").
				careLevel(t)
				careMeanwhile(t)
			}
			if err != nil || t.State.Topic == "" || t.State.Topic == before || triage.AtLeast(triage.Level(t.State.Answer(triageTold)), triage.Urgent) {
				return reply, err
			}
			if t.NewSession && t.Resumed == nil {
				// A new session's free speech is answered before the
				// store is read; a complaint looks back, with the short
				// wait a sign for care today has (Turn.Glance).
				switch {
				case t.Glance != nil:
					t.Glance()
				case t.Remember != nil:
					t.Remember()
				}
			}
			id := careText(t, "talk.care.restated.emergency", "talk.care.restated.urgent")
			if whom, care := toldAbout(t), t.State.Answer(answerCareFor); whom != "" && care != "" && whom != care {
				// Someone else's complaint ("my wife's calf is cramping"
				// after one's own call for 911).
				return reply, err
			}
			if id == "" || reply.Speech != nil && slices.ContainsFunc(s.refsOf(t, reply.Speech), saysCare) {
				// Handing on to another intent comes through here
				// again: the inner answer has it already.
				return reply, err
			}
			meanwhile, worse := careMeanwhile(t)
			if soonDue(t) {
				// Care today says more than "see a doctor in the next few
				// days": triage need not add that to this answer.
				t.State.SetAnswer(triageTold, string(triage.Soon))
			}
			urgent := id == "talk.care.restated.urgent"
			if urgent && strings.HasPrefix(t.State.Pending, dialog.TriagePrefix) && reply.Speech != nil {
				// Its safety question stays, the care said first, once a
				// session, in place of the opening's words.
				if t.State.Answered(answerCareSaid) {
					return reply, err
				}
				t.State.SetAnswer(answerCareSaid, session.Yes)
				reply.Speech = s.speech(t, "talk.care.restated.brief")
				reply.Plain = true
				return reply, err
			}
			if urgent && strings.HasPrefix(waiting, dialog.TriagePrefix) {
				// A safety question was waiting: asked again, the care
				// said first; the session stays open for its answer.
				t.State.SetAnswer(answerCareSaid, session.Yes)
				t.State.Pending, t.State.Routine = waiting, nil
				return router.Reply{Speech: s.speech(t, "talk.care.restated.brief"), Question: s.questionText(t, waiting), Plain: true}, nil
			}
			// Nothing waits: the session ends, as the call for care did.
			t.State.Pending, t.State.Routine = "", nil
			return router.Reply{Speech: s.careCall(t, id, meanwhile, worse), End: true, Plain: true}, nil
		})
	}
}

// careCall is the care called for earlier, said again in full: its
// first line, then, for care today, the earlier rule's words for what to
// do meanwhile and what would make it an emergency, in place of the
// text's general ones where the rule has them.
func (s *set) careCall(t *router.Turn, id, meanwhile, worse string) *alexa.SSML {
	b := &alexa.SSML{}
	say := func(lines ...string) {
		for _, line := range lines {
			b.Say(words(t, line))
		}
	}
	lines := s.lib.Get(id).Say
	say(lines[0])
	rest := lines[1:]
	if id == "talk.care.restated.urgent" {
		if meanwhile != "" {
			say(s.lib.Get(meanwhile).Say...)
		}
		if worse != "" {
			say(s.lib.Get(worse).Say...)
			rest = nil
		}
	}
	say(rest...)
	return b
}

// toldAbout is whom this turn's words tell of: someone named ("my
// wife's calf"), the listener ("my calf", "I"), or "" when they do not
// say ("his calf is cramping", or a device's intent with no words).
func toldAbout(t *router.Turn) string {
	if t.Text == "" {
		return ""
	}
	switch rd := symptom.Read(t.Text); {
	case rd.Subject != "":
		return rd.Subject
	case rd.Self:
		return subjectSelf
	}
	return ""
}

// subjectOf is whom a conversation is about, the listener as "self".
func subjectOf(subject string) string {
	if subject == "" {
		return subjectSelf
	}
	return subject
}

// careMeanwhile returns, for the care called for earlier tonight, the
// content texts of what to do until seen and what would make it an
// emergency: the rule's own (let a starved leg hang, don't rub a clot;
// "if it turns cold, pale or numb"), or "" with no rule to say them. A
// resumed conversation is read on a session's first turn only, so they
// are kept for the turns after it.
func careMeanwhile(t *router.Turn) (meanwhile, worse string) {
	for _, c := range []*session.Context{t.State, t.Resumed} {
		if c == nil {
			continue
		}
		if m := c.Answer(answerCareMeanwhile); m != "" {
			t.State.SetAnswer(answerCareMeanwhile, m)
			t.State.SetAnswer(answerCareWorse, c.Answer(answerCareWorse))
			return m, c.Answer(answerCareWorse)
		}
		if res := triage.Evaluate(c.Facts); res.Rule != nil && res.Level == triage.Urgent && res.Rule.Meanwhile != "" {
			t.State.SetAnswer(answerCareMeanwhile, res.Rule.Meanwhile)
			t.State.SetAnswer(answerCareWorse, res.Rule.Worse)
			return res.Rule.Meanwhile, res.Rule.Worse
		}
	}
	return "", ""
}

// saysCare reports whether a content line calls for care: said again or
// asked about (talk.care.*), or triage's own.
func saysCare(ref string) bool {
	return strings.HasPrefix(ref, "talk.care.") || strings.HasPrefix(ref, "triage.urgent.") || strings.HasPrefix(ref, "triage.emergency.")
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
