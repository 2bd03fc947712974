package nlu

import (
	"testing"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/alexa"
)

// An intent whose only sample is one slot is the catch-all whatever the
// slot's type: a lone AMAZON.SearchQuery does not build on Alexa, so the
// model gives the slot a custom type of sample phrases, and a device still
// fills it with words that are not among them.
func TestCatchAllWithCustomType(t *testing.T) {
	m := &infra.LanguageModel{
		InvocationName: "night legs",
		Intents: []infra.Intent{
			{Name: "CrampIntent", Samples: []string{"my calf is cramping"}},
			{Name: "DescribeSymptomIntent", Slots: []infra.Slot{{Name: "text", Type: "FreeText"}}, Samples: []string{"{text}"}},
		},
		Types: []infra.SlotType{freeTextType("it feels strange", "hard to describe")},
	}
	mt, err := New(m, Options{SkillID: "skill"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, intent, value, status string
	}{
		{"my calf is cramping", "CrampIntent", "", ""},
		{"my knee has been clicking all evening", "DescribeSymptomIntent", "my knee has been clicking all evening", alexa.ResolutionNoMatch},
		{"It feels strange.", "DescribeSymptomIntent", "It feels strange.", alexa.ResolutionMatch},
	}
	for _, tt := range tests {
		got := mt.Match(tt.text)
		if got.Name != tt.intent {
			t.Errorf("%q: intent %s, want %s", tt.text, got.Name, tt.intent)
			continue
		}
		if tt.value == "" {
			continue
		}
		s := got.Slots["text"]
		if s.Value != tt.value {
			t.Errorf("%q: slot value %q, want %q", tt.text, s.Value, tt.value)
		}
		if s.Resolutions == nil || s.Resolutions.ResolutionsPerAuthority[0].Status.Code != tt.status {
			t.Errorf("%q: resolutions %+v, want status %s", tt.text, s.Resolutions, tt.status)
		}
	}
}

func freeTextType(values ...string) infra.SlotType {
	st := infra.SlotType{Name: "FreeText"}
	for _, v := range values {
		var tv infra.TypeValue
		tv.Name.Value = v
		tv.ID = v
		st.Values = append(st.Values, tv)
	}
	return st
}
