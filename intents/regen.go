//go:build nightlegs_regen

package intents

import (
	"embed"

	"github.com/nightlegs/nightlegs/internal/golit"
)

//go:embed people.yaml talk.yaml
var files embed.FS

// The data is read from the YAML (and the topic folders' topic.yaml) at
// start-up while data_gen.go is regenerated, which builds without it
// (golit.Tag).
var (
	memory, routes, screens = mustLoadTree()
	people                  = mustLoad(loadPeople, "people.yaml")
	talk                    = mustTalk(mustRead("talk.yaml"))
	modelWords              = typeWords(topicType, routineType, askType)
	topicWords              = modelWords[topicType]
	routineWords            = modelWords[routineType]
	askWords                = modelWords[askType]
)

func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return b
}

func mustLoadTree() (*memoryData, *routing, *screening) {
	m, r, s, err := loadTree()
	if err != nil {
		panic(err)
	}
	return m, r, s
}

func mustLoad[T any](load func([]byte, decoder) (T, error), name string) T {
	v, err := load(mustRead(name), golit.Decode)
	if err != nil {
		panic(err)
	}
	return v
}
