//go:build nightlegs_regen

package nlu

import (
	"embed"
	"io/fs"

	"github.com/nightlegs/nightlegs/internal/golit"
)

//go:embed data/*.yaml
var files embed.FS

// builtIn is read from data/ at start-up while data_gen.go is regenerated,
// which builds without it (golit.Tag).
var builtIn = func() languageSet {
	names, err := fs.Glob(files, "data/*.yaml")
	if err != nil {
		panic(err)
	}
	set, err := loadLanguages(names, func(name string, v any) error { return golit.DecodeFile(files, name, v) })
	if err != nil {
		panic(err)
	}
	return set
}()
