package triage

import (
	"fmt"
	"path"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/topicdir"
)

// loadTree loads data/*.yaml from the source tree, with the words each
// topic folder's intents already say (their topic.yaml's says) added to
// intents.yaml's topics, as go generate does.
func loadTree() (*data, error) {
	fsys, err := topicdir.FS()
	if err != nil {
		return nil, err
	}
	d, err := load(func(name string, v any) error {
		return golit.DecodeFile(fsys, path.Join("internal/triage/data", name), v)
	})
	if err != nil {
		return nil, err
	}
	hooks, err := topicdir.Load(golit.DecodeFile)
	if err != nil {
		return nil, err
	}
	for _, h := range hooks {
		for intent, words := range h.Says {
			if _, dup := d.topics[intent]; dup {
				return nil, fmt.Errorf("topic %s: %s's words in intents.yaml and topic.yaml", h.Topic, intent)
			}
			if d.topics == nil {
				d.topics = map[string]string{}
			}
			d.topics[intent] = words
		}
	}
	return d, nil
}
