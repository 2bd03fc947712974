package golit

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// level and kind are named basic types, as the data packages have.
type (
	level string
	kind  uint8
)

// leafWith holds another package's struct with unexported fields, which
// has no literal.
type leafWith struct{ T time.Time }

// names is a named map type.
type names map[string][]string

type leaf struct {
	Name  string
	Kinds []kind
}

type inner struct {
	leaf
	ID      string `yaml:"id"`
	Weight  float64
	Tags    map[string][]string
	Aliases map[string]string
	Next    *inner
}

// sample has a field of every shape the data packages use.
type sample struct {
	Title    string
	Count    int
	Ok       bool
	Level    level
	Ratio    float32
	Wait     time.Duration
	Doc      []byte
	Empty    []string
	NoMap    map[string]int
	EmptyMap map[string]int
	Byte     [3]int
	Lines    []string
	Numbers  map[int]string
	ByID     map[string]*inner
	Nested   map[string]map[string]string
	Values   map[string]inner
	List     []*inner
	Matrix   [][]string
	Named    names
	Anon     struct {
		Below int      `yaml:"below"`
		Say   []string `yaml:"say"`
	}
	unexported map[string][]leaf
	//lint:ignore U1000 never set: the printer must pass over an unexported zero field
	skipped string
}

func newSample() *sample {
	s := &sample{
		Title:    "night \"legs\"\ttab",
		Count:    -3,
		Ok:       true,
		Level:    "urgent",
		Ratio:    1.5,
		Wait:     3 * time.Second,
		Doc:      []byte("{\n  \"a\": 1\n}\n"),
		Empty:    []string{},
		EmptyMap: map[string]int{},
		Byte:     [3]int{1, 0, 3},
		Lines:    []string{"a", "b", strings.Repeat("long ", 30)},
		Numbers:  map[int]string{10: "ten", 9: "nine", -1: "minus"},
		ByID: map[string]*inner{
			"b": {ID: "b", Weight: 2, Next: &inner{ID: "c"}},
			"a": {leaf: leaf{Name: "A", Kinds: []kind{1, 2}}, ID: "a", Tags: map[string][]string{"x": {"1"}, "y": nil}},
		},
		Nested:     map[string]map[string]string{"you": {"they": "you", "them": "you"}, "he": {}},
		Values:     map[string]inner{"v": {ID: "v", Aliases: map[string]string{"k": "v"}}, "w": {ID: "w"}},
		List:       []*inner{{ID: "1"}, nil, {ID: "3", Weight: 0.25}},
		Matrix:     [][]string{{"a", "b"}, nil, {}},
		Named:      names{"n": {"1"}},
		unexported: map[string][]leaf{"k": {{Name: "n"}}},
	}
	s.Anon.Below = 12
	s.Anon.Say = []string{"# years old"}
	return s
}

func TestGenerated(t *testing.T) {
	Check(t, "sample_gen_test.go", Var{Name: "generated", Value: newSample()}, Var{Name: "plainLevel", Value: level("soon")},
		Var{Name: "lazySample", Value: newSample(), Lazy: true})
}

func TestErrors(t *testing.T) {
	shared := &inner{ID: "x"}
	n := 3
	tests := map[string]Var{
		"shared pointer":  {Name: "v", Value: &sample{List: []*inner{shared, shared}}},
		"pointer to int":  {Name: "v", Value: &struct{ P *int }{&n}},
		"unnamed type":    {Name: "v", Value: map[string]int{}},
		"interface value": {Name: "v", Value: &struct{ A any }{1}},
		"other package":   {Name: "v", Value: &leafWith{T: time.Now()}},
	}
	for name, v := range tests {
		if _, err := File("test", v); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestFirstDiff(t *testing.T) {
	if got := firstDiff([]byte("a\nb\n"), []byte("a\nc\n")); !strings.Contains(got, "line 2") {
		t.Errorf("firstDiff = %q", got)
	}
	if got := firstDiff([]byte("a\n"), []byte("a\nb\n")); !strings.Contains(got, "line 2") {
		t.Errorf("firstDiff of a longer file = %q", got)
	}
}

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

// TestCheckStale: a generated file that no longer matches its data fails,
// saying what to run.
func TestCheckStale(t *testing.T) {
	if *generate {
		t.Skip("writing, not checking")
	}
	file := filepath.Join(t.TempDir(), "data_gen.go")
	v := Var{Name: "generated", Value: newSample()}
	src, err := File(Command, v)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{"stale": bytes.Replace(src, []byte("minus"), []byte("less"), 1), "missing": nil} {
		os.Remove(file)
		if content != nil {
			if err := os.WriteFile(file, content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		r := &recorder{TB: t}
		Check(r, file, v)
		if !strings.Contains(r.failed, "go generate ./...") {
			t.Errorf("%s: Check failed with %q, want it to say to run go generate", name, r.failed)
		}
	}
	os.WriteFile(file, src, 0o644)
	r := &recorder{TB: t}
	if Check(r, file, v); r.failed != "" {
		t.Errorf("up to date: %s", r.failed)
	}
}
