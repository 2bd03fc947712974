package joint

import (
	"testing"

	"github.com/nightlegs/nightlegs/internal/triage"
)

// TestUsesTriage checks that the screening questions the conversation
// names in Go are triage's.
func TestUsesTriage(t *testing.T) {
	for _, q := range []string{screenStiffness} {
		if _, ok := triage.Lookup(q); !ok {
			t.Errorf("%s is not a triage screening question", q)
		}
	}
}
