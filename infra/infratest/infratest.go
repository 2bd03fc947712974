// Package infratest checks the interaction model fragments other packages
// write from their own data, from those packages' tests; it keeps the
// testing package out of infra, which the console's build links.
package infratest

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/nightlegs/nightlegs/infra"
)

// CheckTypes fails t unless file, a model fragment under infra/model, holds
// exactly the slot types given, as the packages whose data they are made
// from write them (the symptom vocabulary's WarningSign, talk.yaml's
// RuledOut); with update it writes the file instead. Run `go test ./infra
// -update` after, to assemble the models.
func CheckTypes(t testing.TB, file string, update bool, types ...infra.SlotType) {
	t.Helper()
	b, err := json.MarshalIndent(struct {
		Types []infra.SlotType `json:"types"`
	}{types}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if update {
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, b) {
		t.Errorf("%s is out of date: run the test with -update (see its comment), then go test ./infra -update", file)
	}
}
