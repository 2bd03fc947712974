//go:build nightlegs_regen

package triage

import (
	"embed"

	"github.com/nightlegs/nightlegs/internal/golit"
)

//go:embed data/*.yaml
var files embed.FS

// loaded is read from data/ at start-up while data_gen.go is regenerated,
// which builds without it (golit.Tag).
var loaded = func() *data {
	d, err := load(func(name string, v any) error { return golit.DecodeFile(files, "data/"+name, v) })
	if err != nil {
		panic(err)
	}
	return d
}()
