package triage

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

func guard(t testing.TB) *Guard {
	t.Helper()
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGuard(lib)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// turn is one request: an intent, with free text if any.
func turn(c *session.Context, locale, intent, text string) *router.Turn {
	env := &alexa.RequestEnvelope{}
	env.Request.Type = alexa.TypeIntent
	env.Request.Intent = &alexa.Intent{Name: intent, Slots: map[string]alexa.Slot{}}
	if text != "" {
		env.Request.Intent.Slots["text"] = alexa.Slot{Name: "text", Value: text}
	}
	return &router.Turn{Request: env, Type: alexa.TypeIntent, Intent: intent, Locale: locale, Text: text, State: c, Prefs: &session.Prefs{}}
}

var tag = regexp.MustCompile(`<[^>]*>`)

func said(r *router.Reply) string {
	if r == nil || r.Speech == nil {
		return ""
	}
	return strings.ToLower(html.UnescapeString(strings.Join(strings.Fields(tag.ReplaceAllString(r.Speech.String(), " ")), " ")))
}

func TestGuardEmergency(t *testing.T) {
	for locale, number := range map[string]string{"en-US": "911", "en-CA": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112", "fr-FR": "emergency services"} {
		c := &session.Context{Topic: "cramp", Pending: "cramp.relief", Routine: &session.Routine{ID: "calf"}}
		pre, err := guard(t).Before(turn(c, locale, "DescribeSymptomIntent", "my calf is swollen and I can't catch my breath"))
		if err != nil {
			t.Fatal(err)
		}
		if pre == nil {
			t.Fatalf("%s: no emergency answer", locale)
		}
		s := said(pre)
		if strings.Count(s, "call "+number+" now") != 2 || !strings.HasPrefix(s, "please call "+number) {
			t.Errorf("%s: %q: want the number first and again", locale, s)
		}
		if !pre.End || !pre.Plain || pre.Question != "" {
			t.Errorf("%s: end %v plain %v question %q: want end, plain, no question", locale, pre.End, pre.Plain, pre.Question)
		}
		if c.Level != Emergency || c.Pending != "" || c.Routine != nil {
			t.Errorf("%s: level %q pending %q routine %v: the conversation must stop", locale, c.Level, c.Pending, c.Routine)
		}
	}
}

func TestGuardUrgentOnceAndNeverLower(t *testing.T) {
	g := guard(t)
	c := &session.Context{}
	pre, _ := g.Before(turn(c, "en-GB", "SwollenLegIntent", ""))
	s := said(pre)
	for _, want := range []string{"medical care today", "call 111, or go to a&e", "meanwhile", "call 999"} {
		if !strings.Contains(s, want) {
			t.Errorf("urgent answer %q lacks %q", s, want)
		}
	}
	if c.Level != Urgent || !pre.End {
		t.Fatalf("level %q end %v", c.Level, pre.End)
	}
	// Said once: a later turn in the same session goes on.
	if pre, _ := g.Before(turn(c, "en-GB", "CrampIntent", "")); pre != nil {
		t.Errorf("urgent said again: %q", said(pre))
	}
	// Nothing lowers the level, not even denials.
	g.Before(turn(c, "en-GB", "DescribeSymptomIntent", "no swelling now, it's fine"))
	if c.Level != Urgent {
		t.Errorf("level went to %q", c.Level)
	}
}

func TestGuardAnswersScreeningQuestion(t *testing.T) {
	g := guard(t)
	c := &session.Context{Topic: "aches"}
	Ask(c, "triage.swelling")
	if pre, _ := g.Before(turn(c, "en-US", "AMAZON.NoIntent", "")); pre != nil {
		t.Fatalf("a no preempted: %q", said(pre))
	}
	if c.Answer("triage.swelling") != session.No || !c.HasFact(NotFact("one_leg_swollen")) || c.Pending != "triage.swelling" {
		t.Errorf("after no: answers %v facts %v pending %q (the topic's handler clears it)", c.Answers, c.Facts, c.Pending)
	}
	// Free text that implies the answer.
	c = &session.Context{Topic: "aches"}
	Ask(c, "triage.breathing")
	g.Before(turn(c, "en-US", "DescribeSymptomIntent", "I'm not short of breath"))
	if c.Answer("triage.breathing") != session.No {
		t.Errorf("implied no: answers %v", c.Answers)
	}
	// A yes that is an emergency.
	c = &session.Context{Topic: "aches"}
	Ask(c, "triage.emergency")
	if pre, _ := g.Before(turn(c, "en-US", "AMAZON.YesIntent", "")); pre == nil || !pre.End {
		t.Errorf("yes to the emergency screen: %v", pre)
	}
}

func TestGuardAfter(t *testing.T) {
	g := guard(t)
	// The cramp conversation adds cramp_not_easing: urgent replaces its
	// reply, keeping its record of the night.
	c := &session.Context{Topic: "cramp"}
	tr := turn(c, "en-US", "AMAZON.NoIntent", "")
	g.Before(tr)
	c.AddFacts("cramp_not_easing")
	night := &session.Night{Topic: "cramp"}
	r, _ := g.After(tr, router.Reply{Speech: (&alexa.SSML{}).Say("Keep moving it."), Night: night})
	if c.Level != Urgent || !strings.Contains(said(&r), "urgent care") || r.Night != night {
		t.Errorf("after cramp_not_easing: level %q reply %q night %v", c.Level, said(&r), r.Night)
	}
	// Soon is added to the conversation's own guidance, once.
	c = &session.Context{}
	tr = turn(c, "en-US", "DescribeSymptomIntent", "I get cramps every night")
	if pre, _ := g.Before(tr); pre != nil {
		t.Fatalf("soon preempted: %q", said(pre))
	}
	c.Topic = "cramp"
	r, _ = g.After(tr, router.Ask("Is it easing?", "Pull your toes up."))
	s := said(&r)
	if !strings.HasPrefix(s, "pull your toes up") || !strings.Contains(s, "next few days") || r.Question != "Is it easing?" {
		t.Errorf("soon: %q question %q", s, r.Question)
	}
	r, _ = g.After(turn(c, "en-US", "AMAZON.YesIntent", ""), router.Say("Good."))
	if strings.Contains(said(&r), "next few days") {
		t.Errorf("soon said twice: %q", said(&r))
	}
	// Self-care once a conversation is on; no level before.
	c = &session.Context{}
	g.Before(turn(c, "en-US", "", ""))
	if c.Level != "" {
		t.Errorf("launch: level %q, want none", c.Level)
	}
	c.Topic = "cramp"
	g.After(turn(c, "en-US", "CrampIntent", ""), router.Say("Pull your toes up."))
	if c.Level != SelfCare {
		t.Errorf("cramp: level %q, want self_care", c.Level)
	}
}

func TestGuardChildSubject(t *testing.T) {
	c := &session.Context{Subject: "child"}
	pre, _ := guard(t).Before(turn(c, "en-US", "FeverIntent", ""))
	if c.Level != Urgent || pre == nil || !strings.Contains(said(pre), "growing pains") {
		t.Errorf("a child with a fever: level %q answer %q", c.Level, said(pre))
	}
}

func BenchmarkGuardTurn(b *testing.B) {
	g := guard(b)
	b.ReportAllocs()
	for b.Loop() {
		c := &session.Context{Topic: "cramp", Pending: "cramp.relief"}
		tr := turn(c, "en-US", "DescribeSymptomIntent", "no, and now it's swollen and hot")
		g.Before(tr)
	}
}

// TestAnswersFit checks that every emergency and urgent answer, in every
// locale, is at most content.MaxWords spoken words (issue 11): said to
// someone frightened at night, it must be short enough to take in whole.
func TestAnswersFit(t *testing.T) {
	g := guard(t)
	locales := []string{""}
	for l := range loaded.locales {
		locales = append(locales, l)
	}
	rules := append([]*Rule{nil}, Rules()...)
	for _, rule := range rules {
		for _, loc := range locales {
			var r router.Reply
			switch {
			case rule != nil && rule.Level == Emergency:
				r = *g.emergency(turn(&session.Context{}, loc, "DescribeSymptomIntent", ""), rule)
			case rule == nil || rule.Level == Urgent:
				r = g.urgent(turn(&session.Context{}, loc, "DescribeSymptomIntent", ""), rule)
			default:
				continue
			}
			if n := r.Speech.Words(); n > content.MaxWords {
				id := "general"
				if rule != nil {
					id = rule.ID
				}
				t.Errorf("%s (%s): %d words: %s", id, loc, n, said(&r))
			}
		}
	}
}

// TestIntentWithheldBySlots: what a device kept in a red-flag intent's
// sign slots can withhold the intent's own fact (data/intents.yaml):
// ankles puffy by evening routed to the rest-pain intent, both ankles to
// the swollen-leg intent, a knock still walked on to the can't-bear-weight
// intent. With the sign's own words kept, or none, the fact stands.
func TestIntentWithheldBySlots(t *testing.T) {
	tests := []struct {
		intent string
		slots  map[string]string
		fact   string
		want   bool
	}{
		{"RestPainIntent", map[string]string{"sign": "by the end of the day", "moreSign": "socks", "otherSign": "both", "alsoSign": "ankles"}, "eases_hanging", false},
		{"RestPainIntent", map[string]string{"sign": "ninth month", "moreSign": "both", "otherSign": "feet", "alsoSign": "slowly"}, "eases_hanging", false},
		// Burning feet "when I get into bed": being in bed is not rest pain.
		{"RestPainIntent", map[string]string{"sign": "burn", "moreSign": "feet", "otherSign": "in bed"}, "eases_hanging", false},
		{"RestPainIntent", map[string]string{"sign": "over the side of the bed"}, "eases_hanging", true},
		{"RestPainIntent", nil, "eases_hanging", true},
		{"SwollenLegIntent", map[string]string{"sign": "for days", "moreSign": "ankles", "otherSign": "swollen"}, "one_leg_swollen", false},
		{"SwollenLegIntent", map[string]string{"sign": "left calf"}, "one_leg_swollen", true},
		{"CantBearWeightIntent", map[string]string{"sign": "rolled my ankle", "moreSign": "can limp on it"}, "cant_bear_weight", false},
		{"CantBearWeightIntent", map[string]string{"sign": "rolled my ankle"}, "cant_bear_weight", true},
		// A knee swollen and sore after a trip is no clot sign, and it is
		// the fall-or-knock row however the swelling was kept (set n,
		// tx223, device path).
		{"SwollenLegIntent", map[string]string{"sign": "swollen and sore", "moreSign": "trip", "otherSign": "hobbling", "alsoSign": "knee's"}, "one_leg_swollen", false},
		{"SwollenLegIntent", map[string]string{"sign": "swollen and sore", "moreSign": "trip", "otherSign": "hobbling", "alsoSign": "knee's"}, "injury", true},
		{"SwollenLegIntent", map[string]string{"sign": "knee's swollen", "moreSign": "tripped"}, "injury", true},
		// Cramping legs sent to the weakness intent are no weak leg (set
		// ry); a weak leg kept, or nothing kept, is.
		{"SuddenWeaknessIntent", map[string]string{"sign": "legs", "moreSign": "cramping"}, "leg_weak_sudden", false},
		{"SuddenWeaknessIntent", map[string]string{"sign": "leg", "moreSign": "gone weak"}, "leg_weak_sudden", true},
		{"SuddenWeaknessIntent", nil, "leg_weak_sudden", true},
		// One complaint kept alone was said beside the sample's own
		// words for the sign ("restless legs and I can't pee", "chest
		// pain and a cramp", "my left leg is swollen and stiff"): the
		// sample stands. With asking words or a cause kept, it may be a
		// question sent here, and the require list holds.
		{"SaddleNumbnessIntent", map[string]string{"sign": "restless legs"}, "saddle_or_bladder", true},
		{"BreathingIntent", map[string]string{"sign": "cramp"}, "chest_symptoms", true},
		{"SwollenLegIntent", map[string]string{"sign": "stiff"}, "one_leg_swollen", true},
		{"FallIntent", map[string]string{"sign": "aching"}, "fall_cant_stand", true},
		// A lone word naming no complaint of its own, kept for other
		// speech: "it's paining when I bend it" and "it's gone three and
		// I'm lying here" sent to the breathing intent (review, sets tn
		// and ru) get the safety question, not 911.
		{"BreathingIntent", map[string]string{"sign": "paining"}, "chest_symptoms", false},
		{"BreathingIntent", map[string]string{"sign": "it's gone"}, "chest_symptoms", false},
		{"SaddleNumbnessIntent", map[string]string{"sign": "restless legs", "ask": "could it be"}, "saddle_or_bladder", false},
		{"SaddleNumbnessIntent", map[string]string{"sign": "aching", "cause": "my mattress"}, "saddle_or_bladder", false},
		// A cause ruled out is a cause named: "the mattress is fine"
		// beside an ache shows a question, as "my mattress" does.
		{"SaddleNumbnessIntent", map[string]string{"sign": "aching", "ruledOut": "my mattress is fine"}, "saddle_or_bladder", false},
		// Words kept that the vocabulary reads as no sign at all were
		// heard: more miles run, sent to the fall intent, is no fall (set
		// rr, rr051); with the fall's own words kept too, it is.
		{"FallIntent", map[string]string{"sign": "bumped my miles", "moreSign": "shins"}, "fall_cant_stand", false},
		{"FallIntent", map[string]string{"sign": "bumped my miles", "moreSign": "fell"}, "fall_cant_stand", true},
		{"FallIntent", nil, "fall_cant_stand", true},
		// A foot named in a question is no foot sign (require_asked); a
		// foot named alone with its sample, or a sore on it asked about,
		// is.
		{"DiabeticFootIntent", map[string]string{"sign": "diabetic", "alsoSign": "feet", "cause": "my doctor"}, "foot_problem", false},
		{"DiabeticFootIntent", map[string]string{"sign": "foot", "ask": "am i"}, "foot_problem", false},
		{"DiabeticFootIntent", map[string]string{"sign": "diabetic", "moreSign": "feet"}, "foot_problem", true},
		{"DiabeticFootIntent", map[string]string{"sign": "sore on my foot", "ask": "could it be"}, "foot_problem", true},
		{"DiabeticFootIntent", map[string]string{"sign": "toe", "moreSign": "gone dark", "cause": "my shoes"}, "foot_problem", true},
	}
	for _, tt := range tests {
		c := keptBefore(t, tt.intent, tt.slots)
		if got := c.HasFact(tt.fact); got != tt.want {
			t.Errorf("%s %v: fact %s %v, want %v (facts %v)", tt.intent, tt.slots, tt.fact, got, tt.want, c.Facts)
		}
	}
}

// TestColdLegCantLift: a cold leg with a foot that cannot be lifted is an
// emergency (acute limb ischaemia: coldness and paralysis), also when a
// device kept it in the cramp intent, whose cramp explains away "can't
// move it" (set qj, qj015).
func TestColdLegCantLift(t *testing.T) {
	c := keptBefore(t, "CrampIntent", map[string]string{"sign": "out of nowhere", "moreSign": "foot just hangs", "otherSign": "can't lift it", "bodyPart": "calf", "alsoSign": "cold"})
	if got := Evaluate(c.Facts).Level; got != Emergency {
		t.Errorf("facts %v: level %s, want emergency", c.Facts, got)
	}
}

// TestOwnWordsNotSigns: a slot value that is what a conversational intent
// means by itself (data/intents.yaml, own) is not read as a sign there,
// and still is anywhere else and beside other words.
func TestOwnWordsNotSigns(t *testing.T) {
	tests := []struct {
		intent string
		slots  map[string]string
		urgent bool
	}{
		{"RephraseIntent", map[string]string{"sign": "confused"}, false},
		{"RephraseIntent", map[string]string{"sign": "I'm confused"}, false},
		{"RephraseIntent", map[string]string{"sign": "confused", "moreSign": "my leg is hot and red"}, true},
		{"CrampIntent", map[string]string{"sign": "confused"}, true},
	}
	for _, tt := range tests {
		c := keptBefore(t, tt.intent, tt.slots)
		if got := Evaluate(c.Facts).Level.AtLeast(Urgent); got != tt.urgent {
			t.Errorf("%s %v: urgent %v, want %v (facts %v)", tt.intent, tt.slots, got, tt.urgent, c.Facts)
		}
	}
}

// keptBefore runs the guard over an intent a device sent with the given
// slots kept, in a new conversation, and returns the conversation.
func keptBefore(t *testing.T, intent string, slots map[string]string) *session.Context {
	t.Helper()
	c := &session.Context{}
	tn := turn(c, "en-US", intent, "")
	for name, v := range slots {
		tn.Request.Request.Intent.Slots[name] = alexa.Slot{Name: name, Value: v}
	}
	if _, err := guard(t).Before(tn); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestGuardCarry: a new session's turn adds the conversation just
// before it, when together they are a higher level than either alone; an
// emergency of its own never loads what is kept, a sign for care today
// only glances (a short wait), and a turn about someone else adds
// nothing.
func TestGuardCarry(t *testing.T) {
	weak := &session.Context{Facts: []string{"leg_weak_sudden"}, Level: Urgent}
	fell := &session.Context{Facts: []string{"fell", "injury"}, Level: Urgent, Subject: "parent"}
	tests := []struct {
		name           string
		resumed        *session.Context
		text           string
		want           Level
		loads, glances int
	}{
		{"weak, then sudden", weak, "it came on suddenly", Emergency, 1, 0},
		{"sudden alone", nil, "it came on suddenly", Soon, 1, 0},
		{"weak, then someone else's sudden", weak, "my son's leg, it came on suddenly", Soon, 1, 0},
		{"a swollen calf only glances", &session.Context{Facts: []string{"sudden_onset"}}, "my calf is swollen", Urgent, 0, 1},
		{"a fall, then his leg won't hold him", fell, "his leg won't hold him", Emergency, 0, 1},
		{"a fall, then my own leg won't hold me", fell, "my leg won't hold me", Urgent, 0, 1},
		{"an emergency needs no look back", weak, "I can't breathe", Emergency, 0, 0},
		{"weak, then nothing told", weak, "it still aches", "", 0, 0},
		{"a child's leg, then mine", &session.Context{Facts: []string{"child"}, Subject: "child"}, "my leg hurts only on one side", Soon, 1, 0},
		{"a child's leg, then the same child's", &session.Context{Facts: []string{"child"}, Subject: "child"}, "it's only one leg that hurts", Urgent, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &session.Context{}
			tr := turn(c, "en-US", "DescribeSymptomIntent", tt.text)
			tr.NewSession = true
			loads, glances := 0, 0
			tr.Remember = func() {
				loads++
				tr.Resumed = tt.resumed
			}
			tr.Glance = func() {
				glances++
				tr.Resumed = tt.resumed
			}
			if _, err := guard(t).Before(tr); err != nil {
				t.Fatal(err)
			}
			if c.Level != tt.want && !(tt.want == "" && !c.Level.AtLeast(Soon)) || loads != tt.loads || glances != tt.glances {
				t.Errorf("level %q after %d loads, %d glances; want %q after %d, %d", c.Level, loads, glances, tt.want, tt.loads, tt.glances)
			}
		})
	}
}

// TestStandsBesideLifting: heavy things lifted, kept by a device beside a
// back's or the chest's warning sign, are no reason to doubt the sign
// (review): lifting can bring it on.
func TestStandsBesideLifting(t *testing.T) {
	for _, intent := range []string{"SaddleNumbnessIntent", "LegsGivingWayIntent", "BreathingIntent", "SuddenWeaknessIntent", "StrokeIntent"} {
		for _, kept := range []string{"heavy lifting", "lifting heavy", "heavy boxes"} {
			if !Stands(intent, []string{kept}) {
				t.Errorf("%s with %q kept does not stand", intent, kept)
			}
		}
	}
}
