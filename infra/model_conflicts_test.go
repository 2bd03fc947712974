package infra_test

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/infra"
)

// maxExpandedValues bounds the expansion below: a slot type with more
// values and synonyms than this (WarningSign, some 5,700 ways of saying a
// sign) is not expanded, and the samples that use it are left to the
// literal duplicate check of TestModelRules.
const maxExpandedValues = 500

// TestSampleConflicts expands every sample of every locale through its slot
// types' values and synonyms and fails when two intents say the same
// words: Alexa's build reports the conflict, and on a device the sentence
// goes to either intent. (NervePainIntent's "tingling in my {bodyPart}"
// with the BodyPart synonym "feet" once equalled BurningFeetIntent's
// "tingling in my feet".) The catch-all's lone-slot sample is skipped: it
// is meant to take any words.
func TestSampleConflicts(t *testing.T) {
	for _, locale := range skillLocales {
		m, err := infra.Model(locale)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range sampleConflicts(m) {
			t.Errorf("%s: %s", locale, p)
		}
	}
}

// TestSampleConflictsCatch makes sure the expansion finds a conflict
// through a synonym, and is quiet without one.
func TestSampleConflictsCatch(t *testing.T) {
	model := func(literal string) *infra.LanguageModel {
		st := infra.SlotType{Name: "BodyPart"}
		v := infra.TypeValue{ID: "foot"}
		v.Name.Value = "foot"
		v.Name.Synonyms = []string{"feet"}
		st.Values = append(st.Values, v)
		return &infra.LanguageModel{
			Intents: []infra.Intent{
				{Name: "NervePainIntent", Slots: []infra.Slot{{Name: "bodyPart", Type: "BodyPart"}}, Samples: []string{"tingling in my {bodyPart}"}},
				{Name: "BurningFeetIntent", Samples: []string{literal}},
			},
			Types: []infra.SlotType{st},
		}
	}
	if p := sampleConflicts(model("my feet are burning")); len(p) > 0 {
		t.Errorf("no conflict, got %q", p)
	}
	p := sampleConflicts(model("Tingling in my  feet"))
	if !slices.ContainsFunc(p, func(s string) bool {
		return strings.Contains(s, "tingling in my feet") && strings.Contains(s, "BurningFeetIntent") && strings.Contains(s, "NervePainIntent")
	}) {
		t.Errorf("want the conflict on %q, got %q", "tingling in my feet", p)
	}
}

// sampleConflicts returns each sentence that samples of two intents expand
// to, with the samples it comes from.
func sampleConflicts(m *infra.LanguageModel) []string {
	words := map[string][]string{} // slot type -> every value and synonym
	for _, st := range m.Types {
		var all []string
		for _, v := range st.Values {
			all = append(all, normalise(v.Name.Value))
			for _, syn := range v.Name.Synonyms {
				all = append(all, normalise(syn))
			}
		}
		words[st.Name] = all
	}
	type origin struct{ intent, sample string }
	// Sentences are kept by a 64-bit hash: half a million of them a locale
	// would otherwise be the test's whole time. Two different sentences
	// sharing a hash (odds about 1 in 10^8) would show as a conflict
	// between different words, plain to see in the message.
	seed := maphash.MakeSeed()
	seen := make(map[uint64]origin, 1<<19)
	var problems []string
	for _, in := range m.Intents {
		types := map[string]string{}
		for _, s := range in.Slots {
			types[s.Name] = s.Type
		}
		for _, sample := range in.Samples {
			spaced := strings.Join(strings.Fields(sample), " ")
			refs := slotRef.FindAllStringSubmatchIndex(spaced, -1)
			lower := strings.ToLower(spaced) // the same length: samples are letters, spaces and apostrophes
			if len(refs) == 1 && refs[0][0] == 0 && refs[0][1] == len(lower) {
				continue // the catch-all: any words
			}
			// Each slot's fillers: a custom type's values and synonyms,
			// or a built-in type's name as a placeholder.
			var fillers [][]string
			skip := false
			for _, r := range refs {
				typ := types[spaced[r[2]:r[3]]]
				w, custom := words[typ]
				switch {
				case !custom:
					fillers = append(fillers, []string{"<" + typ + ">"})
				case len(w) > maxExpandedValues:
					skip = true
				default:
					fillers = append(fillers, w)
				}
			}
			if skip {
				continue
			}
			expand(lower, refs, fillers, func(text []byte) {
				h := maphash.Bytes(seed, text)
				o, dup := seen[h]
				switch {
				case !dup:
					seen[h] = origin{in.Name, sample}
				case o.intent != in.Name:
					key := string(text)
					problems = append(problems, fmt.Sprintf("%q is both %s (%q) and %s (%q)", key, o.intent, o.sample, in.Name, sample))
				}
			})
		}
	}
	slices.Sort(problems)
	return slices.Compact(problems)
}

// expand calls f with sample once for each combination of fillers, the
// i-th slot reference (refs[i], as FindAllStringSubmatchIndex gives it)
// replaced by one of fillers[i]. The bytes f gets are reused.
func expand(sample string, refs [][]int, fillers [][]string, f func([]byte)) {
	buf := make([]byte, 0, 256)
	var walk func(i, from int)
	walk = func(i, from int) {
		if i == len(refs) {
			f(append(buf, sample[from:]...))
			return
		}
		buf = append(buf, sample[from:refs[i][0]]...)
		inner := len(buf)
		for _, w := range fillers[i] {
			buf = append(buf[:inner], w...)
			walk(i+1, refs[i][1])
		}
		buf = buf[:inner-(refs[i][0]-from)]
	}
	walk(0, 0)
}
