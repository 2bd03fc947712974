package intents

import (
	_ "embed"
	"testing"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/golit/golittest"
)

// The YAML the data is generated from, for the tests.
var (
	//go:embed memory.yaml
	memoryYAML []byte
	//go:embed people.yaml
	peopleYAML []byte
	//go:embed screens.yaml
	screensYAML []byte
	//go:embed talk.yaml
	talkYAML []byte
)

// TestGenerated fails when data_gen.go is not what the YAML and the topic
// folders' topic.yaml say: run
// `go generate ./...` after editing it.
func TestGenerated(t *testing.T) {
	m, r, s, err := loadTree()
	if err != nil {
		t.Fatal(err)
	}
	p, err := loadPeople(peopleYAML, golit.Decode)
	if err != nil {
		t.Fatal(err)
	}
	words := typeWords(topicType, routineType, askType)
	golittest.Check(t, "data_gen.go",
		golit.Var{Name: "memory", Value: m},
		golit.Var{Name: "people", Value: p},
		golit.Var{Name: "routes", Value: r},
		golit.Var{Name: "screens", Value: s},
		golit.Var{Name: "talk", Value: mustTalk(talkYAML)},
		golit.Var{Name: "topicWords", Value: words[topicType]},
		golit.Var{Name: "routineWords", Value: words[routineType]},
		golit.Var{Name: "askWords", Value: words[askType]})
}
