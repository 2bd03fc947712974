//go:build nightlegs_regen

package routine

import (
	"embed"

	"github.com/nightlegs/nightlegs/internal/golit"
)

//go:embed data/routines.yaml data/apl.json
var files embed.FS

// builtIn is read from data/ at start-up while data_gen.go is regenerated,
// which builds without it (golit.Tag).
var builtIn = func() *Library {
	l, err := load(files, golit.Decode)
	if err != nil {
		panic(err)
	}
	return l
}()
