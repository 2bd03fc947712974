// Package infra holds the Alexa side of Night Legs: the skill package that
// the ASK CLI deploys (skill.json and one interaction model per locale) and
// the sources those models are assembled from.
//
// Each conversation keeps its intents, sample utterances and slot types in
// its own fragment: a topic in its folder (intents/<topic>/model.json), the
// others under model/. `go test ./infra -update` assembles the fragments into
// skill-package/interactionModels/custom/<locale>.json, and the same test
// without -update fails when the committed models are out of date.
package infra

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"

	"github.com/nightlegs/nightlegs/internal/topicdir"
)

//go:embed skill-package model
var files embed.FS

// SkillPackage is the skill package directory, as the ASK CLI reads it.
func SkillPackage() fs.FS {
	sub, err := fs.Sub(files, "skill-package")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}

// ModelPath is the path of a locale's interaction model inside the skill
// package. Tools outside the project rely on it.
func ModelPath(locale string) string {
	return path.Join("interactionModels", "custom", locale+".json")
}

// InteractionModel is the file the ASK CLI deploys for one locale.
type InteractionModel struct {
	InteractionModel struct {
		LanguageModel LanguageModel `json:"languageModel"`
	} `json:"interactionModel"`
}

// LanguageModel is the interaction model proper.
type LanguageModel struct {
	InvocationName string     `json:"invocationName"`
	Intents        []Intent   `json:"intents"`
	Types          []SlotType `json:"types,omitempty"`
}

// Intent is an intent with its slots and sample utterances.
type Intent struct {
	Name    string   `json:"name"`
	Slots   []Slot   `json:"slots,omitempty"`
	Samples []string `json:"samples"`
}

// Slot is a slot of an intent.
type Slot struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Samples []string `json:"samples,omitempty"`
}

// SlotType is a custom slot type.
type SlotType struct {
	Name   string      `json:"name"`
	Values []TypeValue `json:"values"`
}

// TypeValue is one value of a slot type.
type TypeValue struct {
	ID   string `json:"id,omitempty"`
	Name struct {
		Value    string   `json:"value"`
		Synonyms []string `json:"synonyms,omitempty"`
	} `json:"name"`
}

// Model reads a locale's deployed interaction model from the skill package.
func Model(locale string) (*LanguageModel, error) {
	b, err := fs.ReadFile(SkillPackage(), ModelPath(locale))
	if err != nil {
		return nil, fmt.Errorf("read interaction model: %w", err)
	}
	var m InteractionModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("decode interaction model %s: %w", locale, err)
	}
	return &m.InteractionModel.LanguageModel, nil
}

// Locales lists the locales the skill package has interaction models for.
func Locales() ([]string, error) {
	entries, err := fs.ReadDir(SkillPackage(), path.Join("interactionModels", "custom"))
	if err != nil {
		return nil, fmt.Errorf("list interaction models: %w", err)
	}
	var locales []string
	for _, e := range entries {
		if name := e.Name(); path.Ext(name) == ".json" {
			locales = append(locales, name[:len(name)-len(".json")])
		}
	}
	return locales, nil
}

// fragment is one model/*.json file: part of every locale's model, with
// extra samples and synonyms for some locales.
type fragment struct {
	Intents []Intent             `json:"intents"`
	Types   []SlotType           `json:"types"`
	Locales map[string]localeAdd `json:"locales,omitempty"`
}

// localeAdd is what a fragment adds for one locale only.
type localeAdd struct {
	// Samples are extra sample utterances by intent name.
	Samples map[string][]string `json:"samples,omitempty"`
	// Synonyms are extra synonyms by slot type name, then by value ID.
	Synonyms map[string]map[string][]string `json:"synonyms,omitempty"`
}

// settings is model/locales.json: the locales and their invocation names.
type settings struct {
	Locales map[string]struct {
		InvocationName string `json:"invocationName"`
	} `json:"locales"`
}

// Assemble builds every locale's interaction model from the fragments:
// model/*.json and the topic folders' model.json, which it reads from the
// source tree (package topicdir), so it runs where the source is, in the
// tests.
func Assemble() (map[string]*InteractionModel, error) {
	var set settings
	b, err := fs.ReadFile(files, "model/locales.json")
	if err != nil {
		return nil, fmt.Errorf("read locales: %w", err)
	}
	if err := json.Unmarshal(b, &set); err != nil {
		return nil, fmt.Errorf("decode locales: %w", err)
	}
	names, err := fs.Glob(files, "model/*.json")
	if err != nil {
		return nil, err
	}
	tree, topics, err := topicdir.Glob("model.json")
	if err != nil {
		return nil, err
	}
	var frags []fragment
	read := func(fsys fs.FS, name string) error {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		var f fragment
		if err := json.Unmarshal(b, &f); err != nil {
			return fmt.Errorf("decode %s: %w", name, err)
		}
		frags = append(frags, f)
		return nil
	}
	for _, name := range names {
		if name == "model/locales.json" {
			continue
		}
		if err := read(files, name); err != nil {
			return nil, err
		}
	}
	for _, name := range topics {
		if err := read(tree, name); err != nil {
			return nil, err
		}
	}
	out := map[string]*InteractionModel{}
	for locale, ls := range set.Locales {
		m := &InteractionModel{}
		lm := &m.InteractionModel.LanguageModel
		lm.InvocationName = ls.InvocationName
		for _, f := range frags {
			add := f.Locales[locale]
			for _, in := range f.Intents {
				in.Samples = append(slices.Clone(in.Samples), add.Samples[in.Name]...)
				if in.Samples == nil {
					in.Samples = []string{}
				}
				lm.Intents = append(lm.Intents, in)
			}
			for _, st := range f.Types {
				st.Values = slices.Clone(st.Values)
				for i, v := range st.Values {
					if extra := add.Synonyms[st.Name][v.ID]; len(extra) > 0 {
						v.Name.Synonyms = append(slices.Clone(v.Name.Synonyms), extra...)
						st.Values[i] = v
					}
				}
				lm.Types = append(lm.Types, st)
			}
		}
		sort.Slice(lm.Intents, func(i, j int) bool { return lm.Intents[i].Name < lm.Intents[j].Name })
		sort.Slice(lm.Types, func(i, j int) bool { return lm.Types[i].Name < lm.Types[j].Name })
		out[locale] = m
	}
	return out, nil
}

// Interfaces lists the interfaces skill.json declares for the custom skill
// (apis.custom.interfaces[].type, such as ALEXA_PRESENTATION_APL): the
// directives the skill may send, and what devices tell it about.
func Interfaces() ([]string, error) {
	b, err := fs.ReadFile(SkillPackage(), "skill.json")
	if err != nil {
		return nil, fmt.Errorf("read skill manifest: %w", err)
	}
	var m struct {
		Manifest struct {
			APIs struct {
				Custom struct {
					Interfaces []struct {
						Type string `json:"type"`
					} `json:"interfaces"`
				} `json:"custom"`
			} `json:"apis"`
		} `json:"manifest"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("decode skill manifest: %w", err)
	}
	var out []string
	for _, i := range m.Manifest.APIs.Custom.Interfaces {
		out = append(out, i.Type)
	}
	return out, nil
}
