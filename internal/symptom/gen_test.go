package symptom

import (
	"testing"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/golit/golittest"
)

// decodeVocabulary decodes data/vocabulary.yaml and the topic folders'
// entries as go generate does.
func decodeVocabulary(t testing.TB) *vocabulary {
	t.Helper()
	v, err := loadTree()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestGenerated fails when data_gen.go is not what data/vocabulary.yaml
// and the topic folders' topic.yaml say: run `go generate ./...` after editing the YAML.
func TestGenerated(t *testing.T) {
	r, err := compile(decodeVocabulary(t))
	if err != nil {
		t.Fatal(err)
	}
	golittest.Check(t, "data_gen.go", golit.Var{Name: "std", Value: r, Lazy: true})
}
