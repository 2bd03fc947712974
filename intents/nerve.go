package intents

import (
	"slices"

	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/symptom"
)

// Nerve pain, two kinds, each its own topic:
//
//   - TopicNerve: shooting, burning or tingling pain down the leg from a
//     pressed or irritated nerve (sciatica, piriformis). Positions that ease
//     it first, then triage's questions for the signs that the nerves at the
//     base of the spine are squeezed or a nerve is badly pressed (numbness
//     between the legs, bladder or bowel changes, both legs weak, foot
//     drop), then care, numbness, and a stretch for the buttock.
//   - TopicFeet: burning, tingling feet from damaged nerves (neuropathy),
//     often with diabetes: gentle movement and distraction first, then
//     triage's questions for diabetes and a sore that won't heal, which
//     decide the foot care to give.
//
// When it is not clear which (NervePainIntent: "I have nerve pain"), the
// conversation asks whether it is mostly in the feet.
const (
	TopicNerve        = "nerve"
	TopicFeet         = "feet"
	IntentNervePain   = "NervePainIntent"
	IntentSciatica    = "SciaticaIntent"
	IntentBurningFeet = "BurningFeetIntent"
)

// screenNumb asks about numbness once the urgent nerve signs are ruled out
// (seed 000, 001, 002: numbness is a reason to see a doctor).
const screenNumb = triagePrefix + "numb"

// screenFootSore asks about a sore that won't heal, which decides the foot
// care said (refs §3 rows 9 and 11).
const screenFootSore = triagePrefix + "foot_sore"

func (s *set) registerNerve(r *router.Router) {
	r.IntentFunc(IntentNervePain, s.nerve)
	r.IntentFunc(IntentSciatica, s.sciatica)
	r.IntentFunc(IntentBurningFeet, s.feet)
	s.answers[TopicNerve] = s.nerveAnswer
	s.answers[TopicFeet] = s.feetAnswer
}

// nerve opens nerve pain whose place is not yet known: the body part slot,
// or the words said, decide; failing both, it asks.
func (s *set) nerve(t *router.Turn) (router.Reply, error) {
	switch nervePlace(t) {
	case "feet":
		return s.feet(t)
	case "leg":
		return s.sciatica(t)
	}
	begin(t, TopicNerve)
	t.State.Step = "where"
	return s.ask(t, []string{"nerve.relief.general"}, "nerve.ask.feet", s.nerveNext)
}

// nervePlace tells from the turn whether the pain is in the feet ("feet"),
// down the leg ("leg"), or unknown (""): the body part said, else sciatica
// or a shooting pain named, which run down the leg (seed 000, 002).
func nervePlace(t *router.Turn) string {
	parts := []string{t.Slot("bodyPart")}
	if t.Text != "" {
		rd := symptom.Read(t.Text)
		parts = append(parts, rd.Parts...)
		for _, s := range rd.Sensations {
			if s == "sciatica" || s == "shooting" {
				parts = append(parts, "leg")
			}
		}
	}
	for _, p := range parts {
		switch p {
		case "foot", "feet", "toes":
			return "feet"
		case "leg", "calf", "thigh", "hamstring", "buttock", "back", "hip":
			return "leg"
		}
	}
	return ""
}

// sciatica opens pain down the leg: a position that eases it, then the
// screening questions.
func (s *set) sciatica(t *router.Turn) (router.Reply, error) {
	begin(t, TopicNerve)
	t.State.Step = "screen"
	return s.screen(t, TopicNerve, []string{"nerve.relief"}, s.nerveCare)
}

// nerveCare follows the screening questions with what to do for the pain,
// then asks about numbness.
func (s *set) nerveCare(t *router.Turn, said []string) (router.Reply, error) {
	t.State.Step = "care"
	return s.ask(t, with(said, "nerve.care"), screenNumb, s.nerveNext)
}

func (s *set) nerveAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	return s.nerveNext(t, nil, q, a)
}

func (s *set) nerveNext(t *router.Turn, said []string, q, a string) (router.Reply, error) {
	if said, ok := screenAnswer(TopicNerve, said, q, a); ok {
		return s.screen(t, TopicNerve, said, s.nerveCare)
	}
	switch q {
	case "nerve.ask.feet":
		if a == session.Yes {
			begin(t, TopicFeet)
			t.State.Step = "screen"
			return s.screen(t, TopicFeet, with(said, "nerve.feet.relief"), s.feetCare)
		}
		// Down the leg, or not sure: the spine's warning signs are asked
		// either way.
		t.State.Step = "screen"
		return s.screen(t, TopicNerve, said, s.nerveCare)
	case screenNumb:
		t.State.Step = "stretch"
		switch a {
		case session.Yes:
			// Triage adds its own "see a doctor" for new numbness.
			said = with(said, "nerve.numb")
		case session.Unknown:
			said = with(said, screens.Unsure[screenNumb])
		}
		return s.ask(t, said, "nerve.offer.stretch", s.nerveNext)
	case "nerve.offer.stretch":
		if a == session.Yes {
			return s.concludeOffering(t, TopicNerve, outcomeAdvised, "figure-four", with(said, "nerve.watch", "nerve.stretch")...), nil
		}
		return s.conclude(t, TopicNerve, outcomeAdvised, with(said, "nerve.watch")...), nil
	}
	return s.fallback(t)
}

// feet opens burning or tingling feet: movement and distraction at once,
// then the screening questions.
func (s *set) feet(t *router.Turn) (router.Reply, error) {
	begin(t, TopicFeet)
	t.State.Step = "screen"
	return s.screen(t, TopicFeet, []string{"nerve.feet.relief"}, s.feetCare)
}

func (s *set) feetAnswer(t *router.Turn, q, a string) (router.Reply, error) {
	if said, ok := screenAnswer(TopicFeet, nil, q, a); ok {
		return s.screen(t, TopicFeet, said, s.feetCare)
	}
	return s.fallback(t)
}

// feetCare gives the foot care that fits what the screening told: a sore
// to watch, daily checks with diabetes, or a cause to look for without.
func (s *set) feetCare(t *router.Turn, said []string) (router.Reply, error) {
	ids := slices.Clone(said)
	if screened(t.State, screenFootSore) == session.Yes {
		ids = append(ids, "nerve.feet.sore")
	}
	if t.State.HasFact("diabetes") {
		ids = append(ids, "nerve.feet.diabetes")
	} else {
		ids = append(ids, "nerve.feet.cause")
	}
	return s.conclude(t, TopicFeet, outcomeAdvised, append(ids, "nerve.feet.warmth")...), nil
}
