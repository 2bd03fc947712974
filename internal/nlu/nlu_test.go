package nlu

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/alexa"
)

const testSkill = "amzn1.ask.skill.test"

func realMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	m, err := infra.Model("en-US")
	if err != nil {
		tb.Fatal(err)
	}
	mt, err := New(m, Options{Locale: "en-US", SkillID: testSkill})
	if err != nil {
		tb.Fatal(err)
	}
	return mt
}

// slotsOf renders an intent's filled slots as name=value/id for tables.
func slotsOf(in *alexa.Intent) string {
	var parts []string
	for _, name := range sortedKeys(in.Slots) {
		s := in.Slots[name]
		if s.Value == "" {
			continue
		}
		v := name + "=" + s.Value
		if _, id := s.Resolved(); id != "" {
			v += "/" + id
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, " ")
}

func sortedKeys(m map[string]alexa.Slot) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

// TestMatchRealModel runs phrases through the deployed en-US model, so it
// fails when the model loses a phrase the conversations rely on.
func TestMatchRealModel(t *testing.T) {
	mt := realMatcher(t)
	tests := []struct {
		text, intent, slots string
	}{
		{"my calf is cramping", "CrampIntent", "bodyPart=calf/calf"},
		{"My calf is cramping!", "CrampIntent", "bodyPart=calf/calf"},
		{"  my   CALF,  is cramping.  ", "CrampIntent", "bodyPart=calf/calf"},
		{"my calves are cramping", "CrampIntent", "bodyPart=calves/calf"},
		{"I have a cramp in my foot", "CrampIntent", "bodyPart=foot/foot"},
		{"I've got a cramp in my foot", "CrampIntent", "bodyPart=foot/foot"},
		{"I have got a cramp in my foot", "CrampIntent", "bodyPart=foot/foot"},
		{"I’ve got a cramp in my foot", "CrampIntent", "bodyPart=foot/foot"},
		{"ive got a cramp in my foot", "CrampIntent", "bodyPart=foot/foot"},
		{"charley horse in my leg", "CrampIntent", "bodyPart=leg/leg"},
		{"charley-horse in my leg", "CrampIntent", "bodyPart=leg/leg"},
		{"cramp in my back of my lower leg", "CrampIntent", "bodyPart=back of my lower leg/calf"},
		{"I have a charley horse", "CrampIntent", ""},
		{"cramp", "CrampIntent", ""},
		// Yes and No are custom stand-ins for the built-ins (alexa.StandIns),
		// so that a device keeps the warning signs said with them.
		{"yes", "YesIntent", ""},
		{"Yeah.", "YesIntent", ""},
		{"yep", "YesIntent", ""},
		{"sure", "YesIntent", ""},
		{"yes please", "YesIntent", ""},
		{"no", "NoIntent", ""},
		{"nope", "NoIntent", ""},
		{"not yet", "NoIntent", ""},
		{"stop", "AMAZON.StopIntent", ""},
		{"I'm going back to sleep", "GoodnightIntent", ""},
		{"cancel", "AMAZON.CancelIntent", ""},
		{"never mind", "AMAZON.CancelIntent", ""},
		{"help", "AMAZON.HelpIntent", ""},
		{"what can you do", "AMAZON.HelpIntent", ""},
		{"go home", "AMAZON.NavigateHomeIntent", ""},
		{"I don't know", "AnswerUnknownIntent", ""},
		{"i dont know", "AnswerUnknownIntent", ""},
		{"I do not know", "AnswerUnknownIntent", ""},
		{"I can't hear you", "VoiceLouderIntent", ""},
		{"I cannot hear you", "VoiceLouderIntent", ""},
		{"I can not hear you", "VoiceLouderIntent", ""},
		{"my legs ache", "AchesIntent", ""},
		{"my calf is cramping and it is swollen", "DescribeSymptomIntent", "text=my calf is cramping and it is swollen"},
		{"purple elephants", "DescribeSymptomIntent", "text=purple elephants"},
		{"  Purple,   elephants! ", "DescribeSymptomIntent", "text=Purple, elephants!"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			in := mt.Match(tt.text)
			if in.Name != tt.intent || slotsOf(in) != tt.slots {
				t.Errorf("Match(%q) = %s {%s}, want %s {%s}", tt.text, in.Name, slotsOf(in), tt.intent, tt.slots)
			}
		})
	}
}

func TestMatchSomeone(t *testing.T) {
	mt := realMatcher(t)
	in := mt.Match("my son's legs hurt")
	if in.Name != "SomeoneIntent" {
		t.Fatalf("got %s", in.Name)
	}
	s := in.Slots["person"]
	if s.Value != "son's" {
		t.Errorf("value %q, want the words said, son's", s.Value)
	}
	if name, id := s.Resolved(); name != "son" || id != "son" {
		t.Errorf("resolved %q/%q, want son/son", name, id)
	}
	// A declared slot that the sample did not use is still sent, empty.
	if b, ok := in.Slots["bodyPart"]; !ok || b.Value != "" || b.Name != "bodyPart" {
		t.Errorf("bodyPart slot = %+v, %v; want present and empty", b, ok)
	}
}

// TestSlotShape checks a filled custom slot against the JSON Alexa sends.
func TestSlotShape(t *testing.T) {
	mt := realMatcher(t)
	in := mt.Match("my calves is cramping")
	got, err := json.Marshal(in.Slots["bodyPart"])
	if err != nil {
		t.Fatal(err)
	}
	res := `{"resolutionsPerAuthority":[{"authority":"amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.BodyPart","status":{"code":"ER_SUCCESS_MATCH"},"values":[{"value":{"name":"calf","id":"calf"}}]}]}`
	want := `{"name":"bodyPart","value":"calves","confirmationStatus":"NONE","source":"USER","resolutions":` + res +
		`,"slotValue":{"type":"Simple","value":"calves","resolutions":` + res + `}}`
	if string(got) != want {
		t.Errorf("slot JSON\n got %s\nwant %s", got, want)
	}
	if in.ConfirmationStatus != alexa.ConfirmationNone {
		t.Errorf("intent confirmationStatus %q", in.ConfirmationStatus)
	}
}

func TestHear(t *testing.T) {
	mt := realMatcher(t)
	tests := []struct {
		text            string
		launch, invoked bool
		intent, slots   string
	}{
		{"", true, false, "", ""},
		{"   ", true, false, "", ""},
		{"open night legs", true, true, "", ""},
		{"Alexa, open Night Legs.", true, true, "", ""},
		{"start night legs", true, true, "", ""},
		{"alexa", true, false, "", ""},
		{"ask night legs my calf is cramping", false, true, "CrampIntent", "bodyPart=calf/calf"},
		{"Alexa, ask Night Legs: my calf is cramping", false, true, "CrampIntent", "bodyPart=calf/calf"},
		{"tell night legs that I have a cramp in my foot", false, true, "CrampIntent", "bodyPart=foot/foot"},
		{"ask night legs about purple elephants", false, true, "DescribeSymptomIntent", "text=purple elephants"},
		{"ask night legs", true, true, "", ""},
		{"my calf is cramping", false, false, "CrampIntent", "bodyPart=calf/calf"},
		{"open the window", false, false, "DescribeSymptomIntent", "text=open the window"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			h := mt.Hear(tt.text)
			name, slots := "", ""
			if h.Intent != nil {
				name, slots = h.Intent.Name, slotsOf(h.Intent)
			}
			if h.Launch != tt.launch || h.Invoked != tt.invoked || name != tt.intent || slots != tt.slots {
				t.Errorf("Hear(%q) = launch %v invoked %v %s {%s}, want launch %v invoked %v %s {%s}",
					tt.text, h.Launch, h.Invoked, name, slots, tt.launch, tt.invoked, tt.intent, tt.slots)
			}
			if h.Launch && h.Intent != nil {
				t.Errorf("a launch carries no intent")
			}
		})
	}
}

// testModel exercises what the real model does not use yet.
func testModel() *infra.LanguageModel {
	var sym infra.TypeValue
	sym.ID, sym.Name.Value, sym.Name.Synonyms = "tingling", "tingling", []string{"pins and needles", "buzzing"}
	var both1, both2 infra.TypeValue
	both1.ID, both1.Name.Value, both1.Name.Synonyms = "shin", "shin", []string{"front of my leg"}
	both2.ID, both2.Name.Value, both2.Name.Synonyms = "knee", "knee", []string{"front of my leg"}
	var city infra.TypeValue
	city.ID, city.Name.Value = "ldn", "london"
	return &infra.LanguageModel{
		InvocationName: "night legs",
		Intents: []infra.Intent{
			{Name: "AMAZON.YesIntent", Samples: []string{}},
			{Name: "AMAZON.StopIntent", Samples: []string{}},
			{Name: "AMAZON.FallbackIntent", Samples: []string{}},
			{Name: "HowLongIntent", Slots: []infra.Slot{{Name: "minutes", Type: "AMAZON.NUMBER"}},
				Samples: []string{"it has been {minutes} minutes", "for {minutes} minutes"}},
			{Name: "FeelIntent", Slots: []infra.Slot{{Name: "feeling", Type: "Feeling"}, {Name: "where", Type: "Place"}},
				Samples: []string{"I feel {feeling}", "I feel {feeling} in my {where}", "{feeling}", "{where} hurts"}},
			{Name: "SearchIntent", Slots: []infra.Slot{{Name: "q", Type: "AMAZON.SearchQuery"}},
				Samples: []string{"search for {q}"}},
			{Name: "CityIntent", Slots: []infra.Slot{{Name: "city", Type: "AMAZON.City"}},
				Samples: []string{"I live in {city}"}},
			{Name: "StopTalkingIntent", Samples: []string{"stop talking"}},
		},
		Types: []infra.SlotType{
			{Name: "Feeling", Values: []infra.TypeValue{sym}},
			{Name: "Place", Values: []infra.TypeValue{both1, both2}},
			{Name: "AMAZON.City", Values: []infra.TypeValue{city}},
		},
	}
}

func TestMatchTestModel(t *testing.T) {
	mt, err := New(testModel(), Options{SkillID: testSkill})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, intent, slots string
	}{
		{"it has been 5 minutes", "HowLongIntent", "minutes=5"},
		{"it's been twenty five minutes", "HowLongIntent", "minutes=25"},
		{"for one hundred and five minutes", "HowLongIntent", "minutes=105"},
		{"for two thousand three hundred minutes", "HowLongIntent", "minutes=2300"},
		{"for twelve minutes", "HowLongIntent", "minutes=12"},
		{"for five twenty minutes", "AMAZON.FallbackIntent", ""},
		{"for twenty twenty minutes", "AMAZON.FallbackIntent", ""},
		{"for many minutes", "AMAZON.FallbackIntent", ""},
		{"I feel pins and needles", "FeelIntent", "feeling=pins and needles/tingling"},
		{"I feel buzzing in my front of my leg", "FeelIntent", "feeling=buzzing/tingling where=front of my leg/shin"},
		// A sample that is only a slot of a checked type is an answer, not
		// a catch-all.
		{"tingling", "FeelIntent", "feeling=tingling/tingling"},
		{"search for night cramps", "SearchIntent", "q=night cramps"},
		{"I live in london", "CityIntent", "city=london/ldn"},
		{"I live in leeds", "CityIntent", "city=leeds"},
		{"yeah", "AMAZON.YesIntent", ""},
		{"stop", "AMAZON.StopIntent", ""},
		// More literal words win over the built-in phrase.
		{"stop talking", "StopTalkingIntent", ""},
		// Not declared: "no" is no phrase of this model.
		{"no", "AMAZON.FallbackIntent", ""},
		{"purple elephants", "AMAZON.FallbackIntent", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			in := mt.Match(tt.text)
			if in.Name != tt.intent || slotsOf(in) != tt.slots {
				t.Errorf("Match(%q) = %s {%s}, want %s {%s}", tt.text, in.Name, slotsOf(in), tt.intent, tt.slots)
			}
		})
	}
}

func TestResolutions(t *testing.T) {
	mt, err := New(testModel(), Options{SkillID: testSkill})
	if err != nil {
		t.Fatal(err)
	}
	// A synonym two values share resolves to both, in model order.
	in := mt.Match("front of my leg hurts")
	r := in.Slots["where"].Resolutions.ResolutionsPerAuthority
	if len(r) != 1 || r[0].Status.Code != alexa.ResolutionMatch || len(r[0].Values) != 2 ||
		r[0].Values[0].Value.ID != "shin" || r[0].Values[1].Value.ID != "knee" {
		t.Errorf("shared synonym resolutions = %+v", r)
	}
	if r[0].Authority != "amzn1.er-authority.echo-sdk."+testSkill+".Place" {
		t.Errorf("authority %q", r[0].Authority)
	}
	// Words outside an extended built-in type's values: no match.
	in = mt.Match("I live in leeds")
	r = in.Slots["city"].Resolutions.ResolutionsPerAuthority
	if len(r) != 1 || r[0].Status.Code != alexa.ResolutionNoMatch || len(r[0].Values) != 0 {
		t.Errorf("no-match resolutions = %+v", r)
	}
	// Numbers and free-form slots have no resolutions.
	in = mt.Match("for 5 minutes")
	if in.Slots["minutes"].Resolutions != nil {
		t.Errorf("number slot has resolutions")
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name   string
		intent infra.Intent
	}{
		{"undeclared slot", infra.Intent{Name: "X", Samples: []string{"my {leg} hurts"}}},
		{"undeclared type", infra.Intent{Name: "X", Slots: []infra.Slot{{Name: "leg", Type: "Leg"}}, Samples: []string{"my {leg} hurts"}}},
		{"unclosed brace", infra.Intent{Name: "X", Slots: []infra.Slot{{Name: "leg", Type: "AMAZON.SearchQuery"}}, Samples: []string{"my {leg hurts"}}},
		{"empty sample", infra.Intent{Name: "X", Samples: []string{" ?! "}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(&infra.LanguageModel{InvocationName: "night legs", Intents: []infra.Intent{tt.intent}}, Options{})
			if err == nil {
				t.Errorf("New accepted %q", tt.intent.Samples)
			}
		})
	}
	if _, err := New(testModel(), Options{Locale: "xx-XX"}); err == nil {
		t.Errorf("New accepted a locale without language data")
	}
}

// TestDeterministic builds the matcher several times: map order must not
// leak into which intent or slot value wins.
func TestDeterministic(t *testing.T) {
	texts := []string{"my son's calf is sore", "I have a cramp in my leg", "front of my leg hurts"}
	var first []string
	for i := 0; i < 10; i++ {
		mt := realMatcher(t)
		for j, text := range texts {
			b, err := json.Marshal(mt.Match(text))
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = append(first, string(b))
			} else if string(b) != first[j] {
				t.Fatalf("Match(%q) differs between builds:\n%s\n%s", text, first[j], b)
			}
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	mt := realMatcher(b)
	texts := []string{
		"my calf is cramping",
		"I've got a charley horse in my leg",
		"yes",
		"my son's legs hurt at night",
		"my leg is swollen and hot and I feel short of breath",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		mt.Match(texts[i%len(texts)])
	}
}

func BenchmarkNew(b *testing.B) {
	m, err := infra.Model("en-US")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(m, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNoConflicts fails when two intents of the deployed model, or a
// built-in phrase and another intent, claim the same words.
func TestNoConflicts(t *testing.T) {
	locales, err := infra.Locales()
	if err != nil || len(locales) == 0 {
		t.Fatalf("locales %q, %v", locales, err)
	}
	for _, locale := range locales {
		m, err := infra.Model(locale)
		if err != nil {
			t.Fatal(err)
		}
		mt, err := New(m, Options{Locale: locale})
		if err != nil {
			t.Errorf("%s: %v", locale, err)
			continue
		}
		for _, c := range mt.Conflicts() {
			t.Errorf("%s: ambiguous sample: %s", locale, c)
		}
	}
	mt, err := New(&infra.LanguageModel{InvocationName: "x", Intents: []infra.Intent{
		{Name: "A", Samples: []string{"I don't know"}},
		{Name: "B", Samples: []string{"i do not know"}},
	}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c := mt.Conflicts(); len(c) != 1 {
		t.Errorf("Conflicts() = %q, want one", c)
	}
}

// FuzzHear: any text, however odd, gets an answer and never a panic.
func FuzzHear(f *testing.F) {
	for _, s := range []string{"", "my calf is cramping", "Alexa, ask Night Legs: it's", "’'’", "open night legs and", "for one hundred and", "ask night legs about ’s"} {
		f.Add(s)
	}
	mt := realMatcher(f)
	f.Fuzz(func(t *testing.T, text string) {
		h := mt.Hear(text)
		if h.Launch == (h.Intent != nil) {
			t.Fatalf("Hear(%q) = %+v: want a launch or an intent", text, h)
		}
		if in := mt.Match(text); in == nil || in.Name == "" {
			t.Fatalf("Match(%q) = %+v", text, in)
		}
	})
}
