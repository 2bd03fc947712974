package infra_test

import (
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/internal/nlu"
)

// freeText fills a free-form slot (AMAZON.SearchQuery) in a sample: words
// no other sample uses, so a match can only come from the sample itself.
const freeText = "a strange fluttering feeling behind my knee"

// TestSamplesMatchTheirIntent runs every sample utterance of every locale,
// with each slot filled by one of its values, through the console's
// matcher: each must come back as its own intent with its slots filled. A
// sample that another intent's sample shadows, or that the matcher cannot
// read, fails here rather than in a transcript.
func TestSamplesMatchTheirIntent(t *testing.T) {
	for _, locale := range skillLocales {
		m, err := infra.Model(locale)
		if err != nil {
			t.Fatal(err)
		}
		mt, err := nlu.New(m, nlu.Options{Locale: locale})
		if err != nil {
			t.Fatalf("%s: %v", locale, err)
		}
		types := map[string]*infra.SlotType{}
		for i := range m.Types {
			types[m.Types[i].Name] = &m.Types[i]
		}
		for _, in := range m.Intents {
			for _, sample := range in.Samples {
				text, want, ok := fill(sample, in, types)
				if !ok {
					continue
				}
				got := mt.Match(text)
				if got == nil || got.Name != in.Name {
					name := "nothing"
					if got != nil {
						name = got.Name
					}
					t.Errorf("%s: %q (sample %q of %s) matched %s", locale, text, sample, in.Name, name)
					continue
				}
				for slot, w := range want {
					s, ok := got.Slots[slot]
					if !ok {
						t.Errorf("%s: %q: slot %s not filled", locale, text, slot)
						continue
					}
					if name, id := s.Resolved(); w.id != "" && id != w.id || w.id == "" && !strings.EqualFold(s.Value, w.value) {
						t.Errorf("%s: %q: slot %s = %q (%s, %s), want %q (%s)", locale, text, slot, s.Value, name, id, w.value, w.id)
					}
				}
			}
		}
	}
}

type filled struct{ value, id string }

// fill replaces each {slot} of a sample with a value the slot takes: its
// type's first value, a number word, or free text. It reports false for a
// slot type it has no value for.
func fill(sample string, in infra.Intent, types map[string]*infra.SlotType) (string, map[string]filled, bool) {
	want := map[string]filled{}
	ok := true
	text := slotRef.ReplaceAllStringFunc(sample, func(ref string) string {
		name := ref[1 : len(ref)-1]
		var typ string
		for _, s := range in.Slots {
			if s.Name == name {
				typ = s.Type
			}
		}
		var f filled
		switch st := types[typ]; {
		case st != nil && len(st.Values) > 0:
			f = filled{st.Values[0].Name.Value, st.Values[0].ID}
			if f.id == "" {
				f.id = f.value
			}
		case typ == "AMAZON.NUMBER":
			f = filled{value: "5"}
			want[name] = f
			return "five"
		case typ == "AMAZON.SearchQuery":
			f = filled{value: freeText}
		default:
			ok = false
			return ref
		}
		want[name] = f
		return f.value
	})
	return text, want, ok
}
