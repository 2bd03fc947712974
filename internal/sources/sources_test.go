package sources

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sharedDomain is where the references were written, beside the
// repository where the project is developed; absent in a fresh clone.
var sharedDomain = filepath.Join("..", "..", "..", "shared", "domain")

func TestLoad(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rows) < 30 || len(s.Seeds) != 4 || len(s.Phrases) == 0 {
		t.Errorf("%d rows, %d seed articles, %d phrases: sources.md lost its lines", len(s.Rows), len(s.Seeds), len(s.Phrases))
	}
	if !s.SeedSays("NOCTURNAL leg  cramps") || s.SeedSays("quinine cures cramps") {
		t.Errorf("SeedSays does not fold, or says too much")
	}
}

// TestParseCatch makes sure a sources.md without its lines is an error,
// never an empty list a test would pass on.
func TestParseCatch(t *testing.T) {
	good := "### Triage table rows\n- \"a row\"\n### Reference phrases\n- \"a phrase\"\n### Seed articles\n#### seeds/0.txt: Title\n- \"a quote\"\n"
	if s, err := Parse(good); err != nil || s.Rows[0] != "a row" || s.Seeds["seeds/0.txt"][0] != "a quote" {
		t.Fatalf("Parse(good) = %+v, %v", s, err)
	}
	for name, md := range map[string]string{
		"empty":       "",
		"no rows":     strings.Replace(good, "- \"a row\"\n", "", 1),
		"no seeds":    strings.Replace(good, "- \"a quote\"\n", "", 1),
		"bad heading": strings.Replace(good, "#### seeds/0.txt: Title", "#### 0.txt", 1),
		"unclosed":    strings.Replace(good, "\"a row\"", "\"a row", 1),
		"stray quote": "- \"where\"\n" + good,
	} {
		if _, err := Parse(md); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestMatchesShared checks sources.md against the references it was
// copied from, when they sit beside the repository: a row added to or
// changed in the triage table, or a seed quote no longer in its article,
// fails here, to be copied over (and covered). In a fresh clone there is
// nothing to compare, and it says so.
func TestMatchesShared(t *testing.T) {
	refs := filepath.Join(sharedDomain, "clinical-references.md")
	if _, err := os.Stat(refs); err != nil {
		if os.Getenv("CI") != "" {
			// CI has the references beside the repository: a missing
			// copy there is a broken check, not a fresh clone.
			t.Fatalf("no references beside the repository under CI: %v", err)
		}
		t.Skipf("no references beside the repository (%v): sources.md, which the tests use, was not compared with them", err)
	}
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	table := tableRows(t, refs)
	if len(table) < 10 {
		t.Fatalf("found only %d rows in §3 of %s", len(table), refs)
	}
	for _, r := range table {
		if !slices.Contains(s.Rows, r) {
			t.Errorf("§3 row %q of %s is not in sources.md", r, refs)
		}
	}
	for _, r := range s.Rows {
		if !slices.Contains(table, r) {
			t.Errorf("sources.md row %q is no longer in §3 of %s", r, refs)
		}
	}
	b, err := os.ReadFile(refs)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Phrases {
		if !strings.Contains(Fold(string(b)), Fold(p)) {
			t.Errorf("%s does not say %q", refs, p)
		}
	}
	for file, quotes := range s.Seeds {
		b, err := os.ReadFile(filepath.Join(sharedDomain, file))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		for _, q := range quotes {
			if !strings.Contains(Fold(string(b)), Fold(q)) {
				t.Errorf("%s does not say %q", file, q)
			}
		}
	}
}

// tableRows returns the first cell of each row of §3's tables.
func tableRows(t *testing.T, path string) []string {
	t.Helper()
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
			cell := strings.TrimSpace(strings.Split(strings.Trim(line, "|"), "|")[0])
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
