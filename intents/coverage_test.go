package intents

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/intents/dialog"
	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/sources"
)

// coverage is testdata/coverage.yaml.
type coverage struct {
	Asked  map[string][]string `yaml:"asked"`
	Causes map[string]covered  `yaml:"causes"`
	Relief map[string]covered  `yaml:"relief"`
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
	cov := readCoverage(t)
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
		if strings.HasPrefix(id, dialog.TriagePrefix) {
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

func readCoverage(t *testing.T) coverage {
	t.Helper()
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
	return cov
}

// askedFloor is how many blind wordings of each cause must reach its
// answer (issue 16.4).
const askedFloor = 3

// TestCausesAsked plays every blind wording of the causes sets on the
// console path (and, with -blind.device, on the device path) and fails
// when fewer than askedFloor of a cause's wordings reach one of its
// answers (coverage.yaml, asked): the answer says the text's first line,
// and the blind judge finds nothing wrong with it (no safety check, at
// most 40 words). With -v it lists the wordings that reach it on each
// path.
func TestCausesAsked(t *testing.T) {
	cov := readCoverage(t)
	lib := library(t)
	for cause, ids := range cov.Asked {
		if _, ok := causeWords[cause]; !ok {
			t.Errorf("asked: %q is no cause of the blind sets (causeWords)", cause)
		}
		for _, id := range ids {
			if !lib.Has(id) || len(lib.Get(id).Say) == 0 {
				t.Errorf("asked: %s: text %q does not exist or says nothing", cause, id)
			}
		}
	}
	for cause := range causeWords {
		if len(cov.Asked[cause]) == 0 {
			t.Errorf("asked: cause %q has no answer texts", cause)
		}
	}
	files, err := filepath.Glob(filepath.Join(talkBlindDir, "causes-*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no causes sets in %s (%v)", talkBlindDir, err)
	}
	newSkill := transcriptSkill(t)
	screens := screeningFragments()
	model, err := infra.Model("en-US")
	if err != nil {
		t.Fatal(err)
	}
	// reached reports whether an answer says one of the cause's texts.
	reached := func(cause, said string) bool {
		low := strings.ToLower(strings.Join(strings.Fields(said), " "))
		for _, id := range cov.Asked[cause] {
			first := strings.ToLower(fill(lib.Get(id).Say[0], forms(subjectSelf, "", "")))
			if strings.Contains(low, first) {
				return true
			}
		}
		return false
	}
	paths := []string{"console"}
	if *talkDeviceDir != "" {
		paths = append(paths, "device")
	}
	for _, path := range paths {
		got := map[string][]string{}
		total := map[string]int{}
		for _, file := range files {
			set := filepath.Base(file)
			var routes map[string]routed
			if path == "device" {
				routes = readRouted(t, filepath.Join(*talkDeviceDir, strings.TrimSuffix(set, ".tsv")+".jsonl"))
			}
			for _, c := range readTalkSet(t, file) {
				cause := strings.TrimPrefix(c.Category, "cause:")
				total[cause]++
				var via *alexa.Intent
				if path == "device" {
					r, ok := routes[c.ID]
					if !ok {
						t.Fatalf("%s: %s has no device route", set, c.ID)
					}
					via = routedIntent(model, r)
				}
				v := playTalk(t, newSkill, c, via, screens)
				if reached(cause, v.Said) && len(v.Fails) == 0 {
					got[cause] = append(got[cause], c.ID)
				} else {
					t.Logf("%s: %s %s %q does not reach its answer: %q %s", path, cause, c.ID, c.Text, v.Said, strings.Join(v.Fails, "; "))
				}
			}
		}
		causes := make([]string, 0, len(total))
		for c := range total {
			causes = append(causes, c)
		}
		slices.Sort(causes)
		for _, cause := range causes {
			t.Logf("%s: %s %d/%d: %s", path, cause, len(got[cause]), total[cause], strings.Join(got[cause], " "))
			if path == "console" && len(got[cause]) < askedFloor {
				t.Errorf("%s: only %d of %d blind wordings of %s reach its answer; at least %d must", path, len(got[cause]), total[cause], cause, askedFloor)
			}
		}
		for cause := range causeWords {
			if total[cause] < askedFloor {
				t.Errorf("the causes sets have %d wordings of %s; at least %d are needed", total[cause], cause, askedFloor)
			}
		}
	}
}
