package triage

import (
	"os"
	"testing"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/golit/golittest"
)

// decodeData decodes a file of data/ as go generate does.
func decodeData(name string, v any) error { return golit.DecodeFile(os.DirFS("data"), name, v) }

// TestGenerated fails when data_gen.go is not what data/ and the topic
// folders' topic.yaml say: run
// `go generate ./...` after editing the YAML.
func TestGenerated(t *testing.T) {
	d, err := loadTree()
	if err != nil {
		t.Fatal(err)
	}
	golittest.Check(t, "data_gen.go", golit.Var{Name: "loaded", Value: d})
}
