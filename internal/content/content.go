// Package content holds what Night Legs says: guidance, questions and their
// sources, as YAML files under data/ that a clinician can review without
// reading Go. Conversations refer to texts by ID. go generate checks every
// file and writes the texts out as Go (data_gen.go), so a missing or
// malformed text fails the build's tests, never a listener at 3 a.m., and
// start-up parses nothing.
package content

import (
	"fmt"
	"sort"

	"github.com/nightlegs/nightlegs/internal/alexa"
)

// MaxWords is the most a text may say before a question or a pause: at night
// the first sentence must be the useful one, and the whole answer short.
const MaxWords = 40

// Text is one thing the skill can say.
type Text struct {
	// Say is spoken in order, one sentence or short phrase per item.
	Say []string `yaml:"say"`
	// Ask is a follow-up question, answerable with yes or no.
	Ask string `yaml:"ask"`
	// YesFelt are what the symptom reader may find in words that answer
	// Ask yes without the word: "it's eased" to "Is it easing?".
	YesFelt []string `yaml:"yes_felt"`
	// Sources cite where the facts come from (a section of
	// shared/domain/clinical-references.md or a seed article).
	Sources []string `yaml:"sources"`
}

// Words counts the words the text speaks, question included, as a
// listener hears them (alexa.CountWords).
func (t Text) Words() int {
	n := alexa.CountWords(t.Ask)
	for _, s := range t.Say {
		n += alexa.CountWords(s)
	}
	return n
}

// file is one data/*.yaml file.
type file struct {
	Texts map[string]Text `yaml:"texts"`
}

// Library is every text by ID.
type Library struct {
	texts map[string]Text
}

// builtIn, every text, is declared in data_gen.go: load's result for
// data/*.yaml, written out as Go by go generate (see internal/golit).
// TestGenerated fails when it no longer matches the YAML.
//
//go:generate go test -tags nightlegs_regen -count=1 -run TestGenerated . -args -generate

// Default returns the library built into the binary. It never fails: the
// texts were checked when they were generated, and again by the tests.
func Default() (*Library, error) { return builtIn, nil }

// MustDefault is Default for code that needs no error.
func MustDefault() *Library { return builtIn }

// load checks the data files (data/*.yaml, in name order) that decode
// reads and gathers their texts: go generate and the tests run it.
func load(names []string, decode func(name string, v any) error) (*Library, error) {
	lib := &Library{texts: map[string]Text{}}
	for _, name := range names {
		var f file
		if err := decode(name, &f); err != nil {
			return nil, fmt.Errorf("content %s: %w", name, err)
		}
		for id, t := range f.Texts {
			if _, dup := lib.texts[id]; dup {
				return nil, fmt.Errorf("content %s: text %q defined twice", name, id)
			}
			if err := check(id, t); err != nil {
				return nil, fmt.Errorf("content %s: %w", name, err)
			}
			lib.texts[id] = t
		}
	}
	return lib, nil
}

func check(id string, t Text) error {
	if len(t.Say) == 0 && t.Ask == "" {
		return fmt.Errorf("text %q says nothing", id)
	}
	if len(t.Sources) == 0 {
		return fmt.Errorf("text %q cites no source", id)
	}
	if w := t.Words(); w > MaxWords {
		return fmt.Errorf("text %q is %d words; at most %d before a question", id, w, MaxWords)
	}
	return nil
}

// Get returns the text with the given ID. A missing ID is a programming
// error caught by tests (every ID used in Go is checked), so it panics.
func (l *Library) Get(id string) Text {
	t, ok := l.texts[id]
	if !ok {
		panic(fmt.Sprintf("content: no text %q", id))
	}
	return t
}

// Has reports whether a text exists.
func (l *Library) Has(id string) bool {
	_, ok := l.texts[id]
	return ok
}

// IDs lists every text ID, sorted.
func (l *Library) IDs() []string {
	ids := make([]string, 0, len(l.texts))
	for id := range l.texts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
