//go:build nightlegs_regen

package content

import (
	"embed"
	"io/fs"

	"github.com/nightlegs/nightlegs/internal/golit"
)

//go:embed data/*.yaml
var files embed.FS

// library is read from data/ at start-up while data_gen.go is
// regenerated, which builds without it (golit.Tag).
var builtIn = func() *Library {
	names, err := fs.Glob(files, "data/*.yaml")
	if err != nil {
		panic(err)
	}
	lib, err := load(names, func(name string, v any) error { return golit.DecodeFile(files, name, v) })
	if err != nil {
		panic(err)
	}
	return lib
}()
