package triage

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/nightlegs/nightlegs/internal/symptom"
)

// domainDir is shared/domain, beside the repository.
var domainDir = filepath.Join("..", "..", "..", "shared", "domain")

type sign struct {
	Row   string     `yaml:"row"`
	File  string     `yaml:"file"`
	Quote string     `yaml:"quote"`
	Level string     `yaml:"level"`
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

// TestSignsMatchReferences fails when clinical-references.md §3 has a row
// that signs.yaml does not list, or a seed quote is not in its article, so
// the coverage above cannot drift from the sources.
func TestSignsMatchReferences(t *testing.T) {
	refs := filepath.Join(domainDir, "clinical-references.md")
	if _, err := os.Stat(refs); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("references not found: %v", err)
		}
		t.Logf("references not beside the repository (%v); checked only the embedded list", err)
		return
	}
	rows, seeds := loadSigns(t)
	listed := map[string]bool{}
	for _, r := range rows {
		listed[r.Row] = true
	}
	table := refsTable(t, refs)
	if len(table) < 10 {
		t.Fatalf("found only %d rows in §3 of %s", len(table), refs)
	}
	for _, row := range table {
		if !listed[row] {
			t.Errorf("§3 row %q has no entry in testdata/signs.yaml", row)
		}
	}
	space := regexp.MustCompile(`\s+`)
	norm := func(s string) string {
		s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
		return strings.ToLower(space.ReplaceAllString(s, " "))
	}
	for _, s := range seeds {
		b, err := os.ReadFile(filepath.Join(domainDir, s.File))
		if err != nil {
			t.Errorf("%s: %v", s.File, err)
			continue
		}
		if !strings.Contains(norm(string(b)), norm(s.Quote)) {
			t.Errorf("%s does not say %q", s.File, s.Quote)
		}
	}
}

// refsTable returns the first cell of each row of §3's table.
func refsTable(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "## 3."):
			in = true
		case strings.HasPrefix(line, "## "):
			in = false
		case in && strings.HasPrefix(line, "|"):
			cells := strings.Split(strings.Trim(line, "|"), "|")
			cell := strings.TrimSpace(cells[0])
			if cell == "Red flag" || cell == "Situation" || strings.HasPrefix(cell, "---") {
				continue
			}
			rows = append(rows, cell)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}
