package intents

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/intents/cramp"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/symptom"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// TestRoutes fails when the symptom reader can name a topic with no route,
// or a route names an intent no conversation registers.
func TestRoutes(t *testing.T) {
	r := New(library(t))
	for _, topic := range symptom.Topics() {
		if _, ok := routes.Routes[session.Topic(topic)]; !ok {
			t.Errorf("topic %q has no route in redflags.yaml", topic)
		}
	}
	for topic, rt := range routes.Routes {
		if !r.Handles(rt.Intent) {
			t.Errorf("route %s: intent %s is not registered", topic, rt.Intent)
		}
		for slot, from := range rt.Slots {
			if from != "part" && from != "person" {
				t.Errorf("route %s: slot %s from %q, want part or person", topic, slot, from)
			}
		}
	}
	if _, ok := routes.Routes[routes.Fallback]; !ok {
		t.Errorf("fallback topic %q has no route", routes.Fallback)
	}
}

// redFlagModel is infra/model/redflags.json.
func redFlagModel(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile("../infra/model/redflags.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Intents []struct {
			Name    string   `json:"name"`
			Samples []string `json:"samples"`
		} `json:"intents"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, in := range f.Intents {
		out[in.Name] = in.Samples
	}
	return out
}

// TestRedFlagIntents: each red-flag intent triage knows is in the model
// with many samples and has a handler; and each sample, said as free text,
// reaches at least the level the intent itself gives, so a device that
// hands it over as text escalates as surely as one that matched the intent.
func TestRedFlagIntents(t *testing.T) {
	model := redFlagModel(t)
	r := New(library(t))
	slot := regexp.MustCompile(`\{person\}`)
	for _, name := range triage.RedFlagIntents() {
		samples, ok := model[name]
		if !ok {
			t.Errorf("%s: not in infra/model/redflags.json", name)
			continue
		}
		if len(samples) < 15 {
			t.Errorf("%s: %d samples; a red flag needs many ways of being said", name, len(samples))
		}
		if !r.Handles(name) {
			t.Errorf("%s: no handler", name)
		}
		want := triage.Evaluate(intentFacts(t, name)).Level
		for _, s := range samples {
			text := slot.ReplaceAllString(s, "son's")
			got := triage.Evaluate(symptom.Read(text).Facts).Level
			if !triage.AtLeast(got, want) {
				t.Errorf("%s: %q read as free text gives %s, the intent %s", name, text, got, want)
			}
		}
	}
	for name := range model {
		if len(intentFacts(t, name)) == 0 {
			t.Errorf("%s is in redflags.json but tells triage no facts (internal/triage/data/intents.yaml)", name)
		}
	}
}

// intentFacts are the facts a red-flag intent tells, as the Guard adds
// them.
func intentFacts(t *testing.T, name string) []string {
	t.Helper()
	g, err := triage.NewGuard(library(t))
	if err != nil {
		t.Fatal(err)
	}
	env := &alexa.RequestEnvelope{}
	env.Request.Type = alexa.TypeIntent
	env.Request.Intent = &alexa.Intent{Name: name}
	tr := &router.Turn{Request: env, Type: alexa.TypeIntent, Intent: name, Locale: "en-US", State: &session.Context{}, Prefs: &session.Prefs{}}
	if _, err := g.Before(tr); err != nil {
		t.Fatal(err)
	}
	return tr.State.Facts
}

// TestFallbackCarriesScreen: when a device understood nothing (no text at
// all), the answer still says the short emergency screen, with the
// locale's number, before asking where it hurts; mid-conversation it asks
// the pending question again.
func TestFallbackCarriesScreen(t *testing.T) {
	for locale, number := range map[string]string{"en-US": "911", "en-GB": "999", "en-AU": "000", "en-IN": "112", "en-CA": "911"} {
		sk := guardedSkill(t)
		resp := send(t, sk, locale, IntentFallback, nil)
		speech := heardText(resp)
		for _, want := range []string{"call " + number + " now", "trouble breathing", "where"} {
			if !strings.Contains(speech, want) {
				t.Errorf("%s fallback: %q lacks %q", locale, speech, want)
			}
		}
		if strings.Index(speech, "call "+number) > strings.Index(speech, "where") {
			t.Errorf("%s fallback: the screen must come before the question: %q", locale, speech)
		}
		if resp.Response.ShouldEndSession == nil || *resp.Response.ShouldEndSession {
			t.Errorf("%s fallback: the session should stay open", locale)
		}
	}
	sk := guardedSkill(t)
	resp := send(t, sk, "en-US", cramp.Intent, nil)
	resp = send(t, sk, "en-US", IntentFallback, resp.SessionAttributes)
	if s := heardText(resp); !strings.Contains(s, "call 911 now") || !strings.Contains(s, "is it easing?") {
		t.Errorf("fallback mid-cramp: %q, want the screen and the pending question again", s)
	}
}

// TestStandIns: a custom intent declared in place of a built-in answers as
// the built-in does, and the warning sign a device keeps in its slots
// escalates, whatever the built-in would have done with the turn.
func TestStandIns(t *testing.T) {
	sk := guardedSkill(t)
	for standIn, builtin := range alexa.StandIns {
		t.Run(standIn, func(t *testing.T) {
			first := send(t, sk, "en-US", cramp.Intent, nil)
			want := heardText(send(t, sk, "en-US", builtin, first.SessionAttributes))
			if got := heardText(send(t, sk, "en-US", standIn, first.SessionAttributes)); got != want {
				t.Errorf("mid-cramp %s says %q, %s says %q", standIn, got, builtin, want)
			}
			r := sendSlots(t, sk, "en-US", standIn, map[string]string{"sign": "coughing up blood"}, first.SessionAttributes)
			if s := heardText(r); !strings.Contains(s, "call 911 now") {
				t.Errorf("mid-cramp %s with a warning sign in its slot says %q, want the emergency answer", standIn, s)
			}
		})
	}
}

func guardedSkill(t *testing.T) *skill.Skill {
	t.Helper()
	return newSkill(t, Options{})
}

// send sends one intent in a session carrying attrs (nil: a new session).
func send(t *testing.T, sk *skill.Skill, locale, intent string, attrs map[string]any) *alexa.ResponseEnvelope {
	t.Helper()
	return sendSlots(t, sk, locale, intent, nil, attrs)
}

// sendSlots is send with slots, given by name and spoken value.
func sendSlots(t *testing.T, sk *skill.Skill, locale, intent string, slots map[string]string, attrs map[string]any) *alexa.ResponseEnvelope {
	t.Helper()
	env := &alexa.RequestEnvelope{Version: "1.0", Session: &alexa.Session{New: attrs == nil, Attributes: attrs}}
	env.Request.Type = alexa.TypeIntent
	env.Request.Locale = locale
	env.Request.Intent = &alexa.Intent{Name: intent, Slots: map[string]alexa.Slot{}}
	for name, v := range slots {
		env.Request.Intent.Slots[name] = alexa.Slot{Name: name, Value: v}
	}
	resp, err := sk.Handle(context.Background(), env)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

var ssmlTags = regexp.MustCompile(`<[^>]*>`)

func heardText(r *alexa.ResponseEnvelope) string {
	if r.Response.OutputSpeech == nil {
		return ""
	}
	return strings.ToLower(html.UnescapeString(strings.Join(strings.Fields(ssmlTags.ReplaceAllString(r.Response.OutputSpeech.SSML, " ")), " ")))
}

// TestSignBesideASample: every red-flag sample with one sign slot says
// its sign in its own words ("chest pain and {sign}", "{sign} and I can't
// pee"), and a device keeps only what was said beside it. Whatever
// complaint fills the slot, the sentence gets at least the level the
// intent gets alone: "restless legs and I can't pee" had the saddle
// intent withheld and asked the general safety question, which does not
// ask about numbness down below (review, thirteenth session).
func TestSignBesideASample(t *testing.T) {
	model := enModel(t)
	newSkill := transcriptSkill(t)
	replay := replayer(t, newSkill)
	slot := regexp.MustCompile(`\{\w+\}`)
	beside := []string{"restless legs", "cramp", "aching", "stiff"}
	for _, in := range model.Intents {
		if !slices.Contains(triage.RedFlagIntents(), in.Name) {
			continue
		}
		alone := replay(routed{ID: in.Name, Intent: in.Name})
		for _, s := range in.Samples {
			if len(slot.FindAllString(s, -1)) != 1 || !strings.Contains(s, "{sign}") {
				continue
			}
			for _, v := range beside {
				text := strings.Replace(s, "{sign}", v, 1)
				if got, said := firstLevel(t, newSkill, "", text); levelRank(got) < levelRank(alone) {
					t.Errorf("%s: %q: level %q, the intent alone %q: %q", in.Name, text, orNone(got), alone, said)
				}
			}
		}
	}
}

// TestYesFelt: what a question takes as a yes in the listener's own
// words is something the symptom reader finds, so that "it's eased" can
// answer "Is it easing?".
func TestYesFelt(t *testing.T) {
	lib := library(t)
	n := 0
	for _, id := range lib.IDs() {
		txt := lib.Get(id)
		if len(txt.YesFelt) > 0 && txt.Ask == "" {
			t.Errorf("%s: yes_felt without a question", id)
		}
		for _, f := range txt.YesFelt {
			n++
			if rd := symptom.Read(strings.ReplaceAll(f, "_", " ")); !slices.Contains(rd.Sensations, f) {
				t.Errorf("%s: yes_felt %q is nothing the symptom reader finds (%v)", id, f, rd.Sensations)
			}
		}
	}
	if n == 0 {
		t.Error("no question takes a yes in the listener's own words")
	}
}

// TestClaimPutKeepsSign: a warning sign put to the skill for confirming
// ("am I right in thinking ...", set sAU) is the sign told, at its own
// level or higher, however a question about it is read.
func TestClaimPutKeepsSign(t *testing.T) {
	newSkill := transcriptSkill(t)
	signs := []string{
		"my calf has gone hot, red and swollen",
		"one side of my face is drooping",
		"my leg has gone cold and pale",
		"I'm numb between my legs and can't pee",
	}
	claims := []string{"am i right in thinking %s", "correct me if i'm wrong but %s, is that a clot", "i read that %s means see a doctor, does that sound like me"}
	for _, sign := range signs {
		alone, _ := firstLevel(t, newSkill, "", sign)
		if levelRank(alone) <= levelRank("self_care") {
			t.Fatalf("%q: level %q, not a warning sign", sign, orNone(alone))
		}
		for _, c := range claims {
			text := fmt.Sprintf(c, sign)
			if got, said := firstLevel(t, newSkill, "", text); levelRank(got) < levelRank(alone) {
				t.Errorf("%q: level %q, the sign alone %q: %q", text, orNone(got), alone, said)
			}
		}
	}
}
