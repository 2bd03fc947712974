package intents

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/nightlegs/nightlegs/internal/sources"
)

// coverage is testdata/coverage.yaml.
type coverage struct {
	Causes map[string]covered `yaml:"causes"`
	Relief map[string]covered `yaml:"relief"`
}

type covered struct {
	Phrase string   `yaml:"phrase"`
	Refs   bool     `yaml:"refs"`
	Texts  []string `yaml:"texts"`
}

// The causes and relief steps the seed articles name, which some
// conversation must say (issue 4: every cause and relief step in the seed
// articles is covered). coverage.yaml maps each to the texts that say it.
var (
	seedCauses = []string{
		"restless_legs", "cramps", "hip_gtps", "sciatica_piriformis",
		"nerve_compression_back", "neuropathy_diabetes", "pad",
		"varicose_veins", "dvt", "arthritis", "rheumatoid_arthritis",
		"inflammation_tendons", "dehydration_electrolytes",
		"caffeine_alcohol", "fatigue_overuse", "prolonged_sitting_standing",
		"shoes", "mattress_position", "stomach_sleeping", "stress",
		"hormones_age", "nutrient_deficiency", "night_amplification",
		"injury", "growing_pains", "cellulitis",
	}
	seedRelief = []string{
		"stretching", "toes_toward_shin", "massage", "heat", "cold",
		"warm_bath", "hydration", "pillow_between_knees", "spine_alignment",
		"mattress_topper", "elevation", "hanging_leg_down", "walking_moving",
		"press_feet_floor", "move_in_the_day", "otc_pain_relief",
		"slow_breathing",
	}
)

// topicAnswer is a text the night questions say for a conversation under
// way (see answerWith).
var topicAnswer = regexp.MustCompile(`^([a-z]+)\.(why|prevent|doctor)$`)

// TestCoverage fails on any cause or relief step of the seed articles that
// no conversation says.
func TestCoverage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "coverage.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cov coverage
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&cov); err != nil {
		t.Fatalf("coverage.yaml: %v", err)
	}
	lib := library(t)
	refs := references(t)
	spoken := map[string]bool{} // namespaces of texts the conversations say
	for id := range refs {
		spoken[strings.SplitN(id, ".", 2)[0]] = true
	}
	said := func(id string) bool {
		if _, ok := refs[id]; ok {
			return true
		}
		if strings.HasPrefix(id, triagePrefix) {
			return true // said by triage's answers; triage checks they exist
		}
		for _, u := range screens.Unsure {
			if u == id {
				return true // said to "I don't know" (screens.yaml)
			}
		}
		m := topicAnswer.FindStringSubmatch(id)
		return m != nil && spoken[m[1]]
	}
	src, err := sources.Load()
	if err != nil {
		t.Fatal(err)
	}
	check := func(kind string, required []string, entries map[string]covered) {
		for _, name := range required {
			if _, ok := entries[name]; !ok {
				t.Errorf("%s %q from the seeds is missing from coverage.yaml", kind, name)
			}
		}
		for name, e := range entries {
			if len(e.Texts) == 0 {
				t.Errorf("%s %q: no conversation covers it (no texts)", kind, name)
			}
			for _, id := range e.Texts {
				switch {
				case !lib.Has(id):
					t.Errorf("%s %q: text %q does not exist", kind, name, id)
				case !said(id):
					t.Errorf("%s %q: text %q is said by no conversation", kind, name, id)
				}
			}
			says, where := src.SeedSays, "a seed article's quotes"
			if e.Refs {
				says, where = src.PhraseSays, "the reference phrases"
			}
			if e.Phrase == "" {
				t.Errorf("%s %q: no phrase", kind, name)
			} else if !says(e.Phrase) {
				t.Errorf("%s %q: %q is not in %s (internal/sources/sources.md)", kind, name, e.Phrase, where)
			}
		}
	}
	check("cause", seedCauses, cov.Causes)
	check("relief step", seedRelief, cov.Relief)
}
