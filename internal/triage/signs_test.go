package triage

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/nightlegs/nightlegs/internal/sources"
	"github.com/nightlegs/nightlegs/internal/symptom"
)

type sign struct {
	Row   string     `yaml:"row"`
	File  string     `yaml:"file"`
	Quote string     `yaml:"quote"`
	Level Level      `yaml:"level"`
	Facts [][]string `yaml:"facts"`
	// Says are sentences in the project's own words that the symptom
	// reader must read to at least Level (exactly self_care for a row
	// that is not a red flag on its own).
	Says []string `yaml:"says"`
}

func loadSigns(t *testing.T) (rows, seeds []sign) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "signs.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Rows  []sign `yaml:"refs_rows"`
		Seeds []sign `yaml:"seed_signs"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		t.Fatal(err)
	}
	return f.Rows, f.Seeds
}

// TestSignsCovered fails when a §3 red flag or a seed warning sign has no
// rule that gives it at least its level.
func TestSignsCovered(t *testing.T) {
	rows, seeds := loadSigns(t)
	for _, s := range append(rows, seeds...) {
		name := s.Row + s.Quote
		if len(s.Facts) == 0 {
			t.Errorf("%q: no facts", name)
		}
		for _, facts := range s.Facts {
			for _, f := range facts {
				if !Known(f) {
					t.Errorf("%q: unknown fact %q", name, f)
				}
			}
			got := Evaluate(facts)
			if s.Level == SelfCare {
				if got.Level != SelfCare {
					t.Errorf("%q %v: level %s, want self_care", name, facts, got.Level)
				}
				continue
			}
			if !AtLeast(got.Level, s.Level) {
				t.Errorf("%q %v: level %s, want at least %s (no rule covers it)", name, facts, got.Level, s.Level)
			}
		}
		for _, say := range s.Says {
			rd := symptom.Read(say)
			got := Evaluate(rd.Facts)
			if s.Level == SelfCare && got.Level != SelfCare || !AtLeast(got.Level, s.Level) {
				t.Errorf("%q: %q reads as %v: level %s, want %s", name, say, rd.Facts, got.Level, s.Level)
			}
		}
	}
}

// TestSignsMatchReferences fails when the triage table of the clinical
// references has a row that signs.yaml does not list (or lists a row the
// table no longer has), or a seed quote is not among its article's quotes,
// so the coverage above cannot drift from the sources. It reads the
// repository's copy of them (internal/sources); that package checks the
// copy against the references themselves when they are at hand.
func TestSignsMatchReferences(t *testing.T) {
	src, err := sources.Load()
	if err != nil {
		t.Fatal(err)
	}
	rows, seeds := loadSigns(t)
	listed := map[string]bool{}
	for _, r := range rows {
		listed[r.Row] = true
		if !slices.Contains(src.Rows, r.Row) {
			t.Errorf("signs.yaml row %q is not a row of the triage table (internal/sources/sources.md)", r.Row)
		}
	}
	for _, row := range src.Rows {
		if !listed[row] {
			t.Errorf("triage table row %q has no entry in testdata/signs.yaml", row)
		}
	}
	for _, s := range seeds {
		quotes, ok := src.Seeds[s.File]
		if !ok {
			t.Errorf("%s is not a seed article of internal/sources/sources.md", s.File)
			continue
		}
		if !slices.ContainsFunc(quotes, func(q string) bool { return strings.Contains(sources.Fold(q), sources.Fold(s.Quote)) }) {
			t.Errorf("%s does not say %q (internal/sources/sources.md)", s.File, s.Quote)
		}
	}
}
