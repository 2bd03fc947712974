package content

import (
	"fmt"
	"io/fs"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/topicdir"
)

// loadTree loads the texts from the source tree as go generate does: the
// shared texts in data/*.yaml and each topic folder's texts.yaml
// (intents/<topic>/texts.yaml), in that order.
func loadTree() (*Library, error) {
	fsys, topics, err := topicdir.Glob("texts.yaml")
	if err != nil {
		return nil, err
	}
	shared, err := fs.Glob(fsys, "internal/content/data/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("content: %w", err)
	}
	return load(append(shared, topics...), func(name string, v any) error { return golit.DecodeFile(fsys, name, v) })
}
