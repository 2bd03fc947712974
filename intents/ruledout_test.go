package intents

import (
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"slices"
	"sort"
	"testing"
)

var updateRuledOut = flag.Bool("update-ruledout", false, "rewrite infra/model/ruledout.json from talk.yaml's ruled_out_heard")

const ruledOutModel = "../infra/model/ruledout.json"

// TestRuledOutTypeUpToDate: the RuledOut slot type is talk.yaml's
// ruled_out_heard, one value a topic, so a reviewer reads the words in
// one place. After a change: go test ./intents -run
// TestRuledOutTypeUpToDate -update-ruledout, then go test ./infra -update.
func TestRuledOutTypeUpToDate(t *testing.T) {
	type name struct {
		Value    string   `json:"value"`
		Synonyms []string `json:"synonyms"`
	}
	type value struct {
		ID   string `json:"id"`
		Name name   `json:"name"`
	}
	type slotType struct {
		Name   string  `json:"name"`
		Values []value `json:"values"`
	}
	frag := struct {
		Types []slotType `json:"types"`
	}{}
	st := slotType{Name: ruledOutType}
	topics := slices.Collect(maps.Keys(talk.RuledOutHeard.Heads))
	sort.Strings(topics)
	seen := map[string]string{}
	for _, id := range topics {
		if talk.Topics[id].Text == "" {
			t.Errorf("ruled_out_heard: %q is no topic", id)
		}
		ps := talk.RuledOutHeard.phrases(id)
		for _, p := range ps {
			if other, ok := seen[p]; ok {
				t.Errorf("ruled_out_heard: %q rules out both %s and %s", p, other, id)
			}
			seen[p] = id
		}
		st.Values = append(st.Values, value{ID: id, Name: name{Value: ps[0], Synonyms: ps[1:]}})
	}
	frag.Types = append(frag.Types, st)
	want, err := json.MarshalIndent(frag, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	if *updateRuledOut {
		if err := os.WriteFile(ruledOutModel, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(ruledOutModel)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run go test ./intents -run TestRuledOutTypeUpToDate -update-ruledout, then go test ./infra -update", ruledOutModel)
	}
}
