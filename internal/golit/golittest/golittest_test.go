package golittest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nightlegs/nightlegs/internal/golit"
)

// level is a named type of this package, as Check's values must be.
type level string

// recorder is a testing.TB that keeps the failure instead of stopping.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper()           {}
func (r *recorder) Fatal(args ...any) { r.failed = fmt.Sprint(args...) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
}

// TestCheck: a stale or missing generated file fails the test, saying what
// to run; an up-to-date one passes.
func TestCheck(t *testing.T) {
	// Checking is what is tested, even in a run given -generate.
	defer func(was bool) { *generate = was }(*generate)
	*generate = false
	file := filepath.Join(t.TempDir(), "data_gen.go")
	v := golit.Var{Name: "soon", Value: level("soon")}
	for name, content := range map[string]string{"stale": "package golittest\n", "missing": ""} {
		os.Remove(file)
		if content != "" {
			if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		r := &recorder{TB: t}
		Check(r, file, v)
		if !strings.Contains(r.failed, "go generate ./...") {
			t.Errorf("%s: Check failed with %q, want it to say to run go generate", name, r.failed)
		}
	}
	if err := golit.Generate(file, v); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	if Check(r, file, v); r.failed != "" {
		t.Errorf("up to date: %s", r.failed)
	}
}
