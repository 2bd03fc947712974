package nlu

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// language is what a device knows about one spoken language beyond the
// skill's own model: data/<language>.yaml.
type language struct {
	Builtins     map[string][]string `yaml:"builtins"`
	Contractions map[string]forms    `yaml:"contractions"`
	Wake         []string            `yaml:"wake"`
	Launch       []string            `yaml:"launch"`
	OneShot      []string            `yaml:"oneshot"`
	Connectors   []string            `yaml:"connectors"`
	Numbers      map[string]int      `yaml:"numbers"`
	Multipliers  map[string]int      `yaml:"multipliers"`

	// contractions with their long forms split into words.
	long map[string][][]string
}

// forms is one long form or several, in a data file.
type forms []string

// UnmarshalYAML takes a single form as well as a list. It has the older
// signature gopkg.in/yaml.v3 still accepts, so that only the generator and
// the tests, not the program, depend on YAML.
func (f *forms) UnmarshalYAML(unmarshal func(any) error) error {
	var one string
	if err := unmarshal(&one); err == nil {
		*f = forms{one}
		return nil
	}
	return unmarshal((*[]string)(f))
}

// languageSet is the data files by language ("en").
type languageSet map[string]*language

// builtIn, every data file, is declared in data_gen.go: loadLanguages'
// result for data/*.yaml, written out as Go by go generate (see
// internal/golit), so that no matcher parses YAML. TestGenerated fails when
// it no longer matches the YAML.
//
//go:generate go test -tags nightlegs_regen -count=1 -run TestGenerated . -args -generate

// maxVariants bounds the readings of one text with ambiguous contractions.
const maxVariants = 8

// loadLanguage returns the data for a locale's language ("en" for
// "en-US").
func loadLanguage(locale string) (*language, error) {
	lang, _, _ := strings.Cut(locale, "-")
	l, ok := builtIn[strings.ToLower(lang)]
	if !ok {
		return nil, fmt.Errorf("no language data for locale %q", locale)
	}
	return l, nil
}

// loadLanguages decodes the data files (data/<language>.yaml) with decode
// and completes them: go generate and the tests run it.
func loadLanguages(names []string, decode func(name string, v any) error) (languageSet, error) {
	set := languageSet{}
	for _, name := range names {
		var l language
		if err := decode(name, &l); err != nil {
			return nil, fmt.Errorf("decode language data %s: %w", name, err)
		}
		l.long = make(map[string][][]string, len(l.Contractions))
		for short, longs := range l.Contractions {
			for _, long := range longs {
				l.long[short] = append(l.long[short], strings.Fields(long))
			}
		}
		lang := strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".yaml")
		set[lang] = &l
	}
	return set, nil
}

// word is one word of the text as typed: lower case, without punctuation
// (apostrophes kept), and where it was in the text.
type word struct {
	text       string
	start, end int // byte offsets in the original text
}

// token is one normalised word. A contraction becomes several tokens of the
// same word.
type token struct {
	text        string
	word        int  // index of the word it came from
	first, last bool // first and last token of that word
}

const apostrophes = "'’‘"

var curly = strings.NewReplacer("’", "'", "‘", "'")

// words splits text into lower-case words. Anything but letters, digits and
// apostrophes inside a word separates words, so "charley-horse" is two.
func words(text string) []word {
	var out []word
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		seg := text[start:end]
		s := start + len(seg) - len(strings.TrimLeft(seg, apostrophes))
		e := end - (len(seg) - len(strings.TrimRight(seg, apostrophes)))
		if s < e {
			w := strings.ToLower(curly.Replace(text[s:e]))
			out = append(out, word{text: w, start: s, end: e})
		}
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '‘' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// tokens normalises words: contractions become their long forms and other
// apostrophes are dropped ("child's" is "childs"), the same for typed text
// and for sample utterances, so either form matches the other. A
// contraction with several long forms gives several readings of the text;
// the first is the one with every first long form.
func (l *language) tokens(ws []word) [][]token {
	out := [][]token{make([]token, 0, len(ws)+2)}
	for i, w := range ws {
		longs, ok := l.long[w.text]
		if !ok {
			t := token{text: strings.ReplaceAll(w.text, "'", ""), word: i, first: true, last: true}
			for k := range out {
				out[k] = append(out[k], t)
			}
			continue
		}
		var next [][]token
		for k, long := range longs {
			if k > 0 && len(out)*(k+1) > maxVariants {
				break
			}
			for _, v := range out {
				if k > 0 {
					v = slices.Clone(v)
				}
				for j, t := range long {
					v = append(v, token{text: t, word: i, first: j == 0, last: j == len(long)-1})
				}
				next = append(next, v)
			}
		}
		out = next
	}
	return out
}

// normalise returns the readings of a phrase as normalised words, for
// phrases from data files and models.
func (l *language) normalise(phrase string) [][]string {
	var out [][]string
	for _, toks := range l.tokens(words(phrase)) {
		v := make([]string, len(toks))
		for i, t := range toks {
			v[i] = t.text
		}
		out = append(out, v)
	}
	return out
}
