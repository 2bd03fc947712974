package golit

import (
	"bytes"
	"flag"
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

// generate is golittest's flag, here because golittest imports golit: go
// generate runs TestGenerated with it to write sample_gen_test.go.
var generate = flag.Bool("generate", false, "write sample_gen_test.go instead of checking it")

func TestGenerated(t *testing.T) {
	vars := []Var{{Name: "generated", Value: newSample()}, {Name: "plainLevel", Value: level("soon")},
		{Name: "lazySample", Value: newSample(), Lazy: true}}
	sync := Verify
	if *generate {
		sync = Generate
	}
	if err := sync("sample_gen_test.go", vars...); err != nil {
		t.Fatal(err)
	}
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

// TestVerifyStale: a generated file that no longer matches its data, or
// is missing, is an error saying what to run; Generate writes it.
func TestVerifyStale(t *testing.T) {
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
		if err := Verify(file, v); err == nil || !strings.Contains(err.Error(), "go generate ./...") {
			t.Errorf("%s: Verify = %v, want it to say to run go generate", name, err)
		}
	}
	if err := Generate(file, v); err != nil {
		t.Fatal(err)
	}
	if err := Verify(file, v); err != nil {
		t.Errorf("generated: %v", err)
	}
}
