package circulation

import (
	"testing"

	"github.com/nightlegs/nightlegs/internal/triage"
)

// TestUsesTriage checks that the screening questions and facts the
// conversation names in Go are triage's.
func TestUsesTriage(t *testing.T) {
	for _, q := range []string{screenHanging} {
		if _, ok := triage.Lookup(q); !ok {
			t.Errorf("%s is not a triage screening question", q)
		}
	}
	for _, f := range []string{factEasesHanging} {
		if !triage.Known(f) {
			t.Errorf("%s is not a triage fact", f)
		}
	}
}
