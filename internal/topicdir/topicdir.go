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
	"os"
	"path"
	"path/filepath"
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
