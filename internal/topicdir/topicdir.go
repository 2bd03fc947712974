// Package topicdir finds the topic folders, intents/<topic>/, in the source
// tree. A topic keeps its texts, model samples and hooks in its own folder;
// the central packages' generators and tests (content, infra, symptom,
// triage, intents) gather them from here and compile them into their own
// generated Go, so the running program reads no folder.
//
// It works only where the source is: go generate and go test, run from
// anywhere inside the module.
package topicdir

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
)

// Dir is the folder holding the topic folders, relative to the module root.
const Dir = "intents"

// Root returns the module's root directory: the nearest directory above
// the working directory that holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("topicdir: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("topicdir: no go.mod above the working directory")
		}
		dir = up
	}
}

// FS returns the module's source tree.
func FS() (fs.FS, error) {
	root, err := Root()
	if err != nil {
		return nil, err
	}
	return os.DirFS(root), nil
}

// Glob returns the module's source tree and the paths in it of every topic
// folder's file called name ("texts.yaml": intents/cramp/texts.yaml, ...),
// sorted.
func Glob(name string) (fs.FS, []string, error) {
	fsys, err := FS()
	if err != nil {
		return nil, nil, err
	}
	names, err := fs.Glob(fsys, path.Join(Dir, "*", name))
	if err != nil {
		return nil, nil, fmt.Errorf("topicdir: %w", err)
	}
	return fsys, names, nil
}

// Topic returns the topic folder's name of a path Glob returned
// ("intents/cramp/texts.yaml": "cramp").
func Topic(name string) string { return path.Base(path.Dir(name)) }

// Hooks is a topic folder's topic.yaml: what the central packages need to
// know of the topic, each part read by the package it names.
type Hooks struct {
	// Topic is the folder's name, set by Load.
	Topic string `yaml:"-"`
	// Route is where the symptom reader's topic goes (package intents,
	// redflags.yaml routes): the intent, and which of its slots to fill
	// from what was said ("part" or "person").
	Route *Route `yaml:"route"`
	// Read is when the symptom reader names the topic (package symptom,
	// vocabulary.yaml topics).
	Read []Read `yaml:"read"`
	// Words are the sensations the topic owns, by ID, with the phrases
	// that say them (package symptom, vocabulary.yaml sensations): the
	// words its Read entries and the rest of the vocabulary name.
	Words map[string][]string `yaml:"words"`
	// Says maps each of the topic's intents to the words it already says,
	// read before the words a device kept in its sign slots (package
	// triage, intents.yaml topics).
	Says map[string]string `yaml:"says"`
	// Screens are triage's screening questions the conversation asks
	// before its own guidance, in order (package intents, screens.yaml).
	Screens []string `yaml:"screens"`
	// Memory is how memory speaks of the topic (package intents,
	// memory.yaml).
	Memory Memory `yaml:"memory"`
	// Also are the hooks of other topics the folder's conversation opens,
	// by topic (the nerve folder's burning feet).
	Also map[string]Hooks `yaml:"also"`
}

// Route is where the symptom reader's topic goes.
type Route struct {
	Intent string            `yaml:"intent"`
	Slots  map[string]string `yaml:"slots"`
}

// Read is one way the symptom reader names the topic: when a text names any
// of the sensations, any of the parts, or the subject. Rank orders the
// topics' entries (lowest first: the first entry that matches wins); it is
// between 1 and 99, the shared vocabulary's entries naming a subject coming
// before every folder's and its others after.
type Read struct {
	Rank       int      `yaml:"rank"`
	Sensations []string `yaml:"sensations"`
	Parts      []string `yaml:"parts"`
	Subjects   []string `yaml:"subjects"`
}

// Memory is how memory speaks of a topic.
type Memory struct {
	// Resume greets a listener whose conversation about the topic is
	// picked up (a content text ID).
	Resume string `yaml:"resume"`
	// Kept is what kept nights were about, said after a count ("3 with
	// cramps").
	Kept string `yaml:"kept"`
	// Again is how a question left unanswered is asked when the
	// conversation is picked up: by the question's ID, the content text
	// whose question asks it now.
	Again map[string]string `yaml:"again"`
	// Patterns are the topic's own text for a pattern, by pattern ID.
	Patterns map[string]string `yaml:"patterns"`
}

// Load reads every topic folder's topic.yaml with decode (which refuses
// fields Hooks has not), in folder order.
func Load(decode func(fsys fs.FS, name string, v any) error) ([]Hooks, error) {
	fsys, names, err := Glob("topic.yaml")
	if err != nil {
		return nil, err
	}
	var all []Hooks
	for _, name := range names {
		var h Hooks
		if err := decode(fsys, name, &h); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		h.Topic = Topic(name)
		also := h.Also
		h.Also = nil
		topics := []Hooks{h}
		for _, t := range slices.Sorted(maps.Keys(also)) {
			o := also[t]
			if len(o.Also) > 0 {
				return nil, fmt.Errorf("%s: also %s has also", name, t)
			}
			o.Topic = t
			topics = append(topics, o)
		}
		for _, h := range topics {
			for _, r := range h.Read {
				if r.Rank < 1 || r.Rank > 99 {
					return nil, fmt.Errorf("%s: %s: read rank %d, want 1 to 99", name, h.Topic, r.Rank)
				}
			}
		}
		all = append(all, topics...)
	}
	return all, nil
}
