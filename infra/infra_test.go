package infra

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the interaction models from model/")

// TestModelsUpToDate fails when a fragment under model/ changed and the
// assembled models were not rewritten with -update.
func TestModelsUpToDate(t *testing.T) {
	models, err := Assemble()
	if err != nil {
		t.Fatal(err)
	}
	for locale, m := range models {
		want, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, '\n')
		file := filepath.Join("skill-package", ModelPath(locale))
		if *update {
			if err := os.WriteFile(file, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date: run go test ./infra -update", file)
		}
	}
}
