package intents

import (
	"strings"

	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/symptom"
)

// Questions people ask at night, with short spoken answers. Each may be
// asked at any point: the answer fits the conversation under way when it has
// its own (<topic>.why, <topic>.prevent, <topic>.doctor in the content), and
// the question that was waiting is asked again afterwards.
const (
	IntentWhyNight   = "WhyNightIntent"
	IntentPrevent    = "PreventIntent"
	IntentWhenDoctor = "WhenDoctorIntent"
)

func (s *set) registerQuestions(r *router.Router) {
	r.IntentFunc(IntentWhyNight, s.answerWith("why", "questions.why"))
	r.IntentFunc(IntentPrevent, s.answerWith("prevent", "questions.prevent"))
	s.questions["questions.prevent"] = func(t *router.Turn, q, a string) (router.Reply, error) {
		if a != session.Yes {
			return s.routineBye(t), nil
		}
		r := router.Reply{Speech: s.speech(t, "questions.prevent.bed")}
		r.End = !s.resume(t, &r)
		return r, nil
	}
	s.questions[questionHold] = s.holdAnswer
	r.IntentFunc(IntentWhenDoctor, s.answerWith("doctor", "questions.doctor.now", "questions.doctor.today", "questions.doctor.soon"))
}

// conditionTopics are the conversations whose texts answer for a
// condition named in a question (a TalkTopic ID).
var conditionTopics = map[string]session.Topic{
	"restless_legs": "restless", "cramp": "cramp", "sciatica": "nerve", "nerves": "nerve", "neuropathy": "feet",
	"arthritis": "joint", "bursitis": "hip", "varicose_veins": "circulation", "circulation": "circulation",
}

// answerWith answers a question with the conversation's own text if it has
// one, else with the general texts. A topic's own doctor answer is followed
// by the emergency signs, which hold whatever the topic.
func (s *set) answerWith(kind string, general ...string) func(t *router.Turn) (router.Reply, error) {
	return func(t *router.Turn) (router.Reply, error) {
		ids := general
		// The conversation's own answer, else that of a condition named
		// ("why are my restless legs worse at bedtime"), else that of
		// what the words describe ("how do I stop restless legs", "why
		// do my feet burn at night").
		_, id := t.SlotID(slotTopic)
		candidates := []session.Topic{t.State.Topic, conditionTopics[id]}
		if t.Text != "" {
			candidates = append(candidates, session.Topic(symptom.Read(t.Text).Topic))
		}
		topic := session.Topic("")
		for _, c := range candidates {
			if c != "" && s.lib.Has(string(c)+"."+kind) {
				topic = c
				break
			}
		}
		if own := string(topic) + "." + kind; topic != "" && s.lib.Has(own) {
			ids = []string{own}
			if kind == "doctor" {
				ids = append(ids, "questions.doctor.now")
			}
		}
		if kind == "why" {
			// "Why's that?" after care was called for tonight asks why
			// that care; a device keeps no words to tell it from why
			// the night, so it hears the reason and the care too.
			if id := careText(t, "talk.care.why.emergency", "talk.care.why.urgent"); id != "" {
				ids = []string{id}
			}
		}
		r := router.Reply{Speech: s.speech(t, ids...)}
		if ids[0] == "questions.prevent" && t.State.Pending == "" {
			// The general answer offers the rest ("Want a tip for
			// bed too?").
			r.Question = words(t, s.lib.Get(ids[0]).Ask)
			t.State.Pending = ids[0]
			return r, nil
		}
		if kind == "why" && t.State.Pending == "" {
			// Why the night is a cause asked about, so its answer,
			// general or a conversation's own ("why do my feet burn at
			// night"), makes its offer, as a cause's answer does (issue
			// 16).
			s.addOffer(t, &r, s.topicOffer(t, talk.NightOffer))
			if r.Question != "" {
				return r, nil
			}
		}
		if !s.resume(t, &r) && t.NewSession && t.State.Topic == "" {
			// Asked in one breath ("ask night legs why..."): answered.
			r.End = true
		}
		return r, nil
	}
}

// speech builds what the texts say, spoken about whom the conversation is
// about, with a pause between texts. Unlike say it leaves the pending
// question alone, and says no question.
func (s *set) speech(t *router.Turn, ids ...string) *alexa.SSML {
	b := &alexa.SSML{}
	for i, id := range ids {
		if i > 0 {
			b.Pause(dialog.TextPause)
		}
		for _, line := range s.lib.Get(id).Say {
			b.Say(words(t, line))
		}
	}
	return b
}

// resume asks again the question that was waiting for an answer, if any,
// and reports whether there was one.
//
// An answer and its question stay within content.MaxWords: when the
// question would take the answer past it, the listener is asked whether
// to carry on, and a yes asks the question held back (holdAnswer).
func (s *set) resume(t *router.Turn, r *router.Reply) bool {
	q := s.questionText(t, t.State.Pending)
	if q == "" {
		return false
	}
	n := 0
	if r.Speech != nil {
		n = r.Speech.Words()
	}
	if r.Speech != nil && n+alexa.CountWords(q) > s.room(t) {
		t.State.SetAnswer(answerHeld, t.State.Pending)
		t.State.Pending = questionHold
		q = words(t, s.lib.Get(questionHold).Ask)
		if n <= s.room(t) && n+alexa.CountWords(q) > s.room(t) {
			// Not even "Shall we carry on?" fits: the question stays
			// held, unasked, and the session open; "yes" or "carry
			// on" asks it.
			q = ""
		}
	}
	r.Question = q
	return true
}

const (
	// questionHold asks whether to go back to the question held back;
	// answerHeld keeps that question's ID.
	questionHold = "talk.hold"
	answerHeld   = "talk.held"
)

// holdAnswer takes the answer to questionHold: a yes asks the question
// held back; a no leaves it.
func (s *set) holdAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	held := t.State.Answer(answerHeld)
	t.State.SetAnswer(answerHeld, "")
	if a == session.Yes && held != "" {
		t.State.Pending = held
		return router.Reply{Speech: &alexa.SSML{}, Question: s.questionText(t, held)}, nil
	}
	if strings.HasPrefix(held, dialog.TriagePrefix) {
		// A safety question is never let go unanswered: a no to
		// carrying on (which may have meant "no" to it) answers it as
		// not sure, which says what to do if the sign comes (review).
		t.State.Pending = held
		if r, ok, err := s.answer(t, session.Unknown); ok {
			return r, err
		}
	}
	r := router.Reply{Speech: s.speech(t, "talk.hold.no")}
	r.Question = words(t, s.lib.Get("reprompt.where").Ask)
	return r, nil
}

// questionText is the question with the given ID as it is asked: a content
// text's question, or a screening question from the triage data.
func (s *set) questionText(t *router.Turn, id string) string {
	switch {
	case id == "":
		return ""
	case strings.HasPrefix(id, dialog.TriagePrefix):
		return words(t, screeningQuestion(strings.TrimPrefix(id, dialog.TriagePrefix)))
	case s.lib.Has(id):
		return words(t, s.lib.Get(id).Ask)
	}
	return ""
}

// reply is say with a pause between texts: for answers made of several
// texts, each up to content.MaxWords.
func (s *set) reply(t *router.Turn, ids ...string) router.Reply {
	r := router.Reply{Speech: &alexa.SSML{}}
	t.State.Pending = ""
	for i, id := range ids {
		if i > 0 {
			r.Speech.Pause(dialog.TextPause)
		}
		if strings.HasPrefix(id, dialog.TriagePrefix) {
			r.Question = s.questionText(t, id)
			t.State.Pending = id
			continue
		}
		txt := s.lib.Get(id)
		for _, line := range txt.Say {
			r.Speech.Say(words(t, line))
		}
		if txt.Ask != "" {
			r.Question = words(t, txt.Ask)
			t.State.Pending = id
		}
	}
	return r
}
