package routine

import (
	"os"
	"testing"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/golit/golittest"
)

// TestGenerated fails when data_gen.go is not what data/ says: run
// `go generate ./...` after editing the YAML or the screen document.
func TestGenerated(t *testing.T) {
	l, err := load(os.DirFS("."), golit.Decode)
	if err != nil {
		t.Fatal(err)
	}
	golittest.Check(t, "data_gen.go", golit.Var{Name: "builtIn", Value: l})
}
