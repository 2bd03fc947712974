package nlu

import (
	"io/fs"
	"os"
	"testing"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/golit/golittest"
)

// TestGenerated fails when data_gen.go is not what data/*.yaml says: run
// `go generate ./...` after editing the YAML.
func TestGenerated(t *testing.T) {
	dir := os.DirFS(".")
	names, err := fs.Glob(dir, "data/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := loadLanguages(names, func(name string, v any) error { return golit.DecodeFile(dir, name, v) })
	if err != nil {
		t.Fatal(err)
	}
	golittest.Check(t, "data_gen.go", golit.Var{Name: "builtIn", Value: set})
}
