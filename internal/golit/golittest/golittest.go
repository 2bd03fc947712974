// Package golittest checks a data package's generated file in its tests:
// against the YAML it comes from, or, when go generate runs the tests with
// -generate, by writing it. It is apart from golit so that the program,
// which links golit to decode its data, does not link the testing package.
package golittest

import (
	"flag"
	"testing"

	"github.com/nightlegs/nightlegs/internal/golit"
)

var generate = flag.Bool("generate", false, "golittest: write generated files (go generate passes it) instead of checking them")

// Check fails t unless file, relative to the test's package directory, is
// exactly the source golit.File generates for vars (golit.Verify); with
// -generate it writes the file instead (golit.Generate).
func Check(t testing.TB, file string, vars ...golit.Var) {
	t.Helper()
	if *generate {
		if err := golit.Generate(file, vars...); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err := golit.Verify(file, vars...); err != nil {
		t.Fatal(err)
	}
}
