package intents

import (
	"flag"
	"maps"
	"slices"
	"testing"

	"github.com/nightlegs/nightlegs/infra"
	"github.com/nightlegs/nightlegs/infra/infratest"
)

var updateRuledOut = flag.Bool("update-ruledout", false, "rewrite infra/model/ruledout.json from talk.yaml's ruled_out_heard")

const ruledOutModel = "../infra/model/ruledout.json"

// TestRuledOutTypeUpToDate: the RuledOut slot type is talk.yaml's
// ruled_out_heard, one value a topic, so a reviewer reads the words in
// one place. After a change: go test ./intents -run
// TestRuledOutTypeUpToDate -update-ruledout, then go test ./infra -update.
func TestRuledOutTypeUpToDate(t *testing.T) {
	st := infra.SlotType{Name: ruledOutType}
	topics := slices.Sorted(maps.Keys(talk.RuledOutHeard.Heads))
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
		st.Values = append(st.Values, infra.NewTypeValue(id, ps[0], ps[1:]))
	}
	infratest.CheckTypes(t, ruledOutModel, *updateRuledOut, st)
}
