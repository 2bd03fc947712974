package intents

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/symptom"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// Red flags said out of the blue, free speech, and what nothing else
// matched. Warning signs themselves are triage's: its Guard has already
// read the turn and answered for any level that must be heard first, so a
// handler here only runs when the conversation may go on. What is left is
// to take the words to the conversation they belong to, or, when they are
// vague ("my legs hurt"), to ask the emergency screen first and then
// narrow down.
const (
	// TopicSymptom is the opening that finds out what is going on.
	TopicSymptom session.Topic = "symptom"
	// answerPart keeps the body part said in a vague opening, for the
	// conversation the narrowing questions lead to.
	answerPart = "symptom.part"

	screenEmergency = dialog.TriagePrefix + "emergency"
	screenConfused  = dialog.TriagePrefix + "confused"
	narrowCramp     = "redflags.narrow.cramp"
	narrowRestless  = "redflags.narrow.restless"
	narrowWhere     = "redflags.narrow.where"
)

// route is where a topic goes: an intent, and its slots filled from what
// was said ("part" or "person").
type route struct {
	Intent string            `yaml:"intent"`
	Slots  map[string]string `yaml:"slots"`
}

type routing struct {
	Routes   map[session.Topic]route `yaml:"routes"`
	Fallback session.Topic           `yaml:"fallback_topic"`
}

// loadRoutes reads redflags.yaml: go generate and the tests run it.
func loadRoutes(b []byte, decode decoder) (*routing, error) {
	var r routing
	if err := decode(b, &r); err != nil {
		return nil, fmt.Errorf("redflags.yaml: %w", err)
	}
	return &r, nil
}

func (s *set) registerRedFlags(r *router.Router) {
	describe := func(t *router.Turn) (router.Reply, error) { return s.describe(r, t) }
	r.IntentFunc(IntentDescribe, describe)
	r.IntentFunc(IntentFallback, s.notCaught)
	for _, name := range triage.RedFlagIntents() {
		r.IntentFunc(name, func(t *router.Turn) (router.Reply, error) { return s.opening(t, nil) })
	}
	s.answers[TopicSymptom] = func(t *router.Turn, q, a string) (router.Reply, error) {
		return s.symptomAnswer(r, t, q, a)
	}
}

// feltYes reports whether the reading finds one of yes (a question's
// YesFelt), not denied, and no warning sign or other feeling beside it.
func feltYes(yes []string, rd symptom.Reading) bool {
	if len(yes) == 0 || len(rd.Facts) > 0 || slices.ContainsFunc(rd.Negated, func(f string) bool { return slices.Contains(yes, f) }) {
		return false
	}
	found := false
	for _, f := range rd.Sensations {
		if !slices.Contains(yes, f) {
			return false
		}
		found = true
	}
	return found
}

// describe takes free speech: an answer to the question asked, a
// complaint for a conversation, or something vague.
func (s *set) describe(r *router.Router, t *router.Turn) (router.Reply, error) {
	rd := symptom.Read(t.Text)
	if q := t.State.Pending; q != "" {
		// A yes or no said first, or one triage read from the words
		// ("I'm not short of breath"), answers the question asked, unless
		// the words turn to another complaint.
		a := rd.Answer
		if a == "" && s.lib.Has(q) && feltYes(s.lib.Get(q).YesFelt, rd) {
			// "It's eased", "gone now" to "Is it easing?" is a yes
			// in the listener's words, no new pain.
			a = session.Yes
		}
		if rd.Aside && strings.HasPrefix(q, dialog.TriagePrefix) {
			// "Yeah, done that already" is no answer to a safety
			// question: it waits, and the words are read for what else
			// they say.
			a = ""
		}
		if a == "" && strings.HasPrefix(q, dialog.TriagePrefix) {
			a = t.State.Answer(q)
		}
		if a == "" && strings.HasPrefix(q, dialog.TriagePrefix) && partlyAnswered(t.Text) {
			// "Sort of", "a bit", "sometimes" at a safety question may
			// be a yes: answered as not sure, which says to treat it as
			// serious (review).
			a = session.Unknown
		}
		if a == "" && heartAtScreen(t) {
			// "It's my heart", asked about breathlessness and chest
			// pain, is no no: it is answered as not sure, which says
			// to treat it as serious (review).
			a = session.Unknown
		}
		if a != "" && (rd.Topic == "" || session.Topic(rd.Topic) == t.State.Topic) {
			if reply, ok, err := s.answer(t, a); ok {
				return reply, err
			}
		}
	}
	named := false
	if rd.Person != "" && (t.State.Subject == "" || t.State.Subject == subjectSelf) {
		t.State.Subject = rd.Subject
		t.State.SetAnswer(answerPerson, rd.Person)
		if p := pronounHeard(t.Text); p != "" {
			t.State.SetAnswer(answerPronoun, p)
		}
		named = true
	}
	if rd.Topic != "" {
		if reply, ok, err := s.routeTo(r, t, session.Topic(rd.Topic), rd.Part()); ok {
			if named && err == nil && people.Complaints[rd.Topic] != "" && reply.Speech != nil {
				// "My dad's calf is cramping": steps said to the one
				// in pain, for the listener to pass on, as SomeoneIntent
				// says them.
				reply.Speech = s.speech(t, "someone.about").Append(reply.Speech)
			}
			return reply, err
		}
	}
	if was := t.State.Answer(answerReasked); was != "" && was != t.State.Pending {
		// Asked again once each time it is asked.
		delete(t.State.Answers, answerReasked)
	}
	if q := t.State.Pending; strings.HasPrefix(q, dialog.TriagePrefix) && q != screenEmergency && t.State.Answer(answerReasked) != q && len(feltParts(t.Text, rd)) == 0 && !feltBeyondStory(rd) && rd.Person == "" {
		// A conversation's own safety question, met with something else
		// ("I stopped putting a pillow between my knees", set sAI; "I
		// just got back from a long haul flight" at "Is one leg more
		// swollen than the other?", review), is asked again, once: the
		// opening would go on to narrow it down without it. The first
		// question's fallback says the emergency line instead; a new
		// pain, or someone else's, opens its own safety check (review).
		t.State.SetAnswer(answerReasked, q)
		rep := s.say(t, "redflags.reask")
		rep.Question = s.questionText(t, q)
		t.State.Pending = q
		return rep, nil
	}
	if rd.Vague() && len(rd.Parts)+len(rd.Sensations) == 0 && t.State.Pending != "" && !(named && offerPending(t)) {
		// Nothing about legs at all: not caught. An offer waits for no
		// answer, though: someone else's trouble told after it ("my
		// husband has exactly that, what can he do tonight" after
		// restless legs' offer of a stretch) opens theirs.
		delete(t.State.Answers, answerReasked)
		return s.notCaught(t)
	}
	if offerPending(t) {
		t.State.Pending = ""
	}
	return s.opening(t, &rd)
}

// feltParts are the parts words name, but for the back of "got back
// from".
func feltParts(text string, rd symptom.Reading) []string {
	ws := tokens(text)
	return slices.DeleteFunc(slices.Clone(rd.Parts), func(p string) bool { return p == "back" && backIsAdverb(ws) })
}

// heartAtScreen reports whether words said at the first safety question
// (breathlessness, chest pain, a cold leg) tell that it is the heart
// ("it's my heart", "my heart feels funny"): an answer that must not be
// reassured away. A worry about the heart ("I'm worried it's my heart",
// "is it my heart") is reassured, with chest pain named (blind talk
// sets); a heart said to be fine ("no, my heart's fine") is no sign.
func heartAtScreen(t *router.Turn) bool {
	ws := tokens(t.Text)
	return t.State.Pending == screenEmergency && !asksSomething(t.Text) &&
		anyIn(ws, talk.Words.Heart) && !anyIn(ws, talk.Words.Fearing) && !anyIn(ws, talk.Words.HeartFine)
}

// partlyAnswered reports whether words said at a safety question only
// say how much ("sort of", "a bit", "sometimes"): talk.yaml's partly.
func partlyAnswered(text string) bool {
	ws := tokens(text)
	return len(ws) > 0 && len(dropPhrases(ws, partly)) == 0
}

// partly are talk.Words.Partly, split into words.
var partly = phraseWords(talk.Words.Partly)

// routeTo hands the turn to a topic's conversation, as if its intent had
// been matched, with its slots filled from what was said.
func (s *set) routeTo(r *router.Router, t *router.Turn, topic session.Topic, part string) (router.Reply, bool, error) {
	rt, ok := routes.Routes[topic]
	if !ok || !r.Handles(rt.Intent) {
		rt, ok = routes.Routes[routes.Fallback]
		if !ok || !r.Handles(rt.Intent) {
			return router.Reply{}, false, nil
		}
	}
	in := &alexa.Intent{Name: rt.Intent, Slots: map[string]alexa.Slot{}}
	for slot, from := range rt.Slots {
		var v string
		switch from {
		case "part":
			v = part
			if v == "" {
				v = t.State.Answer(answerPart)
			}
		case "person":
			v = t.State.Answer(answerPerson)
		}
		if v != "" {
			in.Slots[slot] = resolvedSlot(slot, v)
		}
	}
	env := alexa.RequestEnvelope{}
	if t.Request != nil {
		env = *t.Request
	}
	env.Request.Type = alexa.TypeIntent
	env.Request.Intent = in
	t.Request, t.Intent, t.Type = &env, rt.Intent, alexa.TypeIntent
	reply, err := r.Route(alexa.TypeIntent, rt.Intent).Handle(t)
	return reply, true, err
}

// resolvedSlot is a slot as entity resolution fills it, value and ID alike.
func resolvedSlot(name, id string) alexa.Slot {
	return alexa.Slot{
		Name:  name,
		Value: id,
		Resolutions: &alexa.Resolutions{ResolutionsPerAuthority: []alexa.Resolution{{
			Status: alexa.ResolutionStatus{Code: alexa.ResolutionMatch},
			Values: []alexa.ResolutionValue{{Value: alexa.ResolvedValue{Name: id, ID: id}}},
		}}},
	}
}

// opening finds out what is going on when the words name no conversation:
// the emergency screen first, then narrowing questions.
func (s *set) opening(t *router.Turn, rd *symptom.Reading) (router.Reply, error) {
	begin(t, TopicSymptom)
	if rd != nil && rd.Part() != "" {
		t.State.SetAnswer(answerPart, rd.Part())
	}
	intro := "redflags.opening"
	if partNamed(t) != "" {
		// "Sorry about your calves": the part said was heard, and begin
		// has kept it for {part}. A part kept from earlier in the night
		// may be the one corrected ("hamstrings, not calves"), so only
		// this turn's counts.
		intro = "redflags.opening.part"
	}
	if t.State.HasFact("fever") {
		// Fever with confusion or faintness is an emergency (refs §3 row
		// 4): ask that before anything else.
		intro = "redflags.fever"
		if dialog.Screened(t.State, screenConfused) == "" {
			t.State.Step = "screen"
			return s.reply(t, intro, screenConfused), nil
		}
	}
	if dialog.Screened(t.State, screenEmergency) == "" {
		t.State.Step = "screen"
		return s.reply(t, intro, screenEmergency), nil
	}
	t.State.Step = "narrow"
	return s.narrow(t, nil)
}

// narrow asks, one at a time, the questions that tell the common night
// complaints apart; what it cannot tell goes to the general aches
// conversation.
func (s *set) narrow(t *router.Turn, said []string) (router.Reply, error) {
	switch {
	case !t.State.Answered(narrowCramp):
		return s.reply(t, append(said, narrowCramp)...), nil
	case !t.State.Answered(narrowRestless):
		return s.reply(t, append(said, narrowRestless)...), nil
	}
	return s.reply(t, append(said, narrowWhere)...), nil
}

// symptomAnswer continues the opening with the answer to its question.
func (s *set) symptomAnswer(r *router.Router, t *router.Turn, q, a string) (router.Reply, error) {
	switch q {
	case screenConfused:
		// A yes never arrives here with a fever: triage has answered.
		return s.opening(t, nil)
	case screenEmergency:
		t.State.Step = "narrow"
		switch a {
		case session.Yes:
			// Triage escalated already; this is only reached if it could
			// not, so take the safe way.
			return s.opening(t, nil)
		case session.Unknown:
			return s.narrowFilled(t, "redflags.unsure")
		}
		return s.narrow(t, []string{"redflags.clear"})
	case narrowCramp:
		if a == session.Yes {
			if reply, ok, err := s.routeTo(r, t, "cramp", ""); ok {
				return reply, err
			}
		}
		return s.narrow(t, nil)
	case narrowRestless:
		if a == session.Yes {
			if reply, ok, err := s.routeTo(r, t, "restless", ""); ok {
				return reply, err
			}
		}
		if reply, ok, err := s.routeTo(r, t, routes.Fallback, ""); ok {
			return reply, err
		}
		return s.narrow(t, nil)
	}
	// A yes or no to "tell me where it hurts": ask again.
	return s.reply(t, narrowWhere), nil
}

// narrowFilled says a text with {number} filled for the locale, then goes
// on narrowing.
func (s *set) narrowFilled(t *router.Turn, id string) (router.Reply, error) {
	r, err := s.narrow(t, nil)
	if err != nil {
		return r, err
	}
	pre := &alexa.SSML{}
	for _, line := range s.lib.Get(id).Say {
		pre.Say(words(t, triage.Fill(line, t.Locale)))
	}
	r.Speech = pre.Append(r.Speech)
	return r, nil
}

// notCaught answers what could not be understood: talk.go's calm
// fallback (issue 11), which says the emergency line when the words sound
// like a warning sign.
func (s *set) notCaught(t *router.Turn) (router.Reply, error) {
	return s.calmFallback(t)
}
