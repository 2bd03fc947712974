// Package sources holds the reference lines Night Legs' data is checked
// against: the rows of the clinical references' triage table, phrases of
// the references, and quotes of the seed articles, with the list of where
// the facts come from (sources.md, embedded). Tests read it instead of
// files outside the repository, so they run the same in a fresh clone.
package sources

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

// Markdown is sources.md, the file the lines are read from.
//
//go:embed sources.md
var Markdown string

// Sources are the quoted identifiers of sources.md.
type Sources struct {
	// Rows are the first cells of the triage table's rows, in order.
	Rows []string
	// Phrases are words of the clinical references.
	Phrases []string
	// Seeds are quotes of each seed article, by its file ("seeds/....txt").
	Seeds map[string][]string
}

// Section headings of sources.md that hold quoted lines.
const (
	headRows    = "### Triage table rows"
	headPhrases = "### Reference phrases"
	headSeeds   = "### Seed articles"
)

// Load reads the embedded sources.md.
func Load() (*Sources, error) { return Parse(Markdown) }

// Parse reads the quoted identifiers of a sources.md: `- "..."` lines
// under the triage rows, the reference phrases, and each seed article's
// `#### seeds/<file>: <title>` heading. A section missing or empty is an
// error: a test must not pass on nothing.
func Parse(md string) (*Sources, error) {
	s := &Sources{Seeds: map[string][]string{}}
	var section, seed string
	sc := bufio.NewScanner(strings.NewReader(md))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "### "):
			section, seed = line, ""
		case strings.HasPrefix(line, "## "):
			section, seed = "", ""
		case strings.HasPrefix(line, "#### ") && section == headSeeds:
			file, _, ok := strings.Cut(strings.TrimPrefix(line, "#### "), ": ")
			if !ok || !strings.HasPrefix(file, "seeds/") {
				return nil, fmt.Errorf("sources.md:%d: want #### seeds/<file>: <title>", n)
			}
			seed = file
		case strings.HasPrefix(line, "- \""):
			q, ok := quoted(strings.TrimPrefix(line, "- "))
			if !ok {
				return nil, fmt.Errorf("sources.md:%d: a quoted line ends with its closing quote", n)
			}
			switch {
			case section == headRows:
				s.Rows = append(s.Rows, q)
			case section == headPhrases:
				s.Phrases = append(s.Phrases, q)
			case section == headSeeds && seed != "":
				s.Seeds[seed] = append(s.Seeds[seed], q)
			default:
				return nil, fmt.Errorf("sources.md:%d: a quoted line outside the quoted sections", n)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	switch {
	case len(s.Rows) == 0:
		return nil, fmt.Errorf("sources.md: no lines under %q", headRows)
	case len(s.Phrases) == 0:
		return nil, fmt.Errorf("sources.md: no lines under %q", headPhrases)
	case len(s.Seeds) == 0:
		return nil, fmt.Errorf("sources.md: no articles under %q", headSeeds)
	}
	return s, nil
}

func quoted(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	return s[1 : len(s)-1], true
}

// SeedSays reports whether a quote of any seed article contains phrase,
// case, apostrophes and spacing aside.
func (s *Sources) SeedSays(phrase string) bool {
	for _, quotes := range s.Seeds {
		for _, q := range quotes {
			if strings.Contains(Fold(q), Fold(phrase)) {
				return true
			}
		}
	}
	return false
}

// PhraseSays reports whether a phrase of the references contains phrase.
func (s *Sources) PhraseSays(phrase string) bool {
	for _, p := range s.Phrases {
		if strings.Contains(Fold(p), Fold(phrase)) {
			return true
		}
	}
	return false
}

// Fold lower-cases, straightens quotes and apostrophes and folds white
// space, so a quote matches however a text wraps or types it.
func Fold(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}
