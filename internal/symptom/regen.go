//go:build nightlegs_regen

package symptom

import (
	_ "embed"
	"sync"

	"github.com/nightlegs/nightlegs/internal/golit"
)

//go:embed data/vocabulary.yaml
var vocabularyYAML []byte

// std compiles the YAML while data_gen.go is regenerated, which builds
// without it (golit.Tag).
var std = sync.OnceValue(func() *reader {
	var v vocabulary
	if err := golit.Decode(vocabularyYAML, &v); err != nil {
		panic(err)
	}
	r, err := compile(&v)
	if err != nil {
		panic(err)
	}
	return r
})
