//go:build nightlegs_regen

package intents

import (
	"embed"

	"github.com/nightlegs/nightlegs/internal/golit"
)

//go:embed memory.yaml people.yaml redflags.yaml screens.yaml
var files embed.FS

// The data is read from the YAML at start-up while data_gen.go is
// regenerated, which builds without it (golit.Tag).
var (
	memory  = mustLoad(loadMemory, "memory.yaml")
	people  = mustLoad(loadPeople, "people.yaml")
	routes  = mustLoad(loadRoutes, "redflags.yaml")
	screens = mustLoad(loadScreens, "screens.yaml")
)

func mustLoad[T any](load func([]byte, decoder) (T, error), name string) T {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	v, err := load(b, golit.Decode)
	if err != nil {
		panic(err)
	}
	return v
}
