package content

import (
	"testing"

	"github.com/nightlegs/nightlegs/internal/golit"
	"github.com/nightlegs/nightlegs/internal/golit/golittest"
)

// loadData loads data/*.yaml and the topic folders' texts as go generate
// does.
func loadData(t testing.TB) *Library {
	t.Helper()
	lib, err := loadTree()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestGenerated fails when data_gen.go is not what data/*.yaml and the topic
// folders' texts.yaml say: run
// `go generate ./...` after editing the YAML.
func TestGenerated(t *testing.T) {
	golittest.Check(t, "data_gen.go", golit.Var{Name: "builtIn", Value: loadData(t)})
}

// TestLoadRefuses: what load checks, it refuses.
func TestLoadRefuses(t *testing.T) {
	tests := map[string][]string{
		"unknown field":  {"texts:\n  a.b:\n    say: [Hi.]\n    sources: [x]\n    extra: 1\n"},
		"says nothing":   {"texts:\n  a.b:\n    sources: [x]\n"},
		"no source":      {"texts:\n  a.b:\n    say: [Hi.]\n"},
		"too many words": {"texts:\n  a.b:\n    say: [\"" + longSentence(41) + "\"]\n    sources: [x]\n"},
		"defined twice":  {"texts:\n  a.b:\n    say: [Hi.]\n    sources: [x]\n", "texts:\n  a.b:\n    say: [Hello.]\n    sources: [y]\n"},
	}
	for name, docs := range tests {
		var names []string
		for i := range docs {
			names = append(names, string(rune('a'+i)))
		}
		decode := func(name string, v any) error { return golit.Decode([]byte(docs[name[0]-'a']), v) }
		if _, err := load(names, decode); err == nil {
			t.Errorf("%s: load accepted it", name)
		}
	}
}

func longSentence(words int) string {
	s := "word"
	for range words - 1 {
		s += " word"
	}
	return s
}
