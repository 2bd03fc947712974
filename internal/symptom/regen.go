//go:build nightlegs_regen

package symptom

import (
	_ "embed"
	"sync"
)

// std compiles the YAML while data_gen.go is regenerated, which builds
// without it (golit.Tag).
var std = sync.OnceValue(func() *reader {
	v, err := loadTree()
	if err != nil {
		panic(err)
	}
	r, err := compile(v)
	if err != nil {
		panic(err)
	}
	return r
})
