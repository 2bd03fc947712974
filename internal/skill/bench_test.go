package skill

import (
	"context"
	"os"
	"testing"
)

// BenchmarkHandleJSON measures one turn from request bytes to response
// bytes with no store: the skill's own share of Alexa's 8-second budget.
func BenchmarkHandleJSON(b *testing.B) {
	body, err := os.ReadFile("testdata/intent-cramp.json")
	if err != nil {
		b.Fatal(err)
	}
	s := newTestSkill(nil)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.HandleJSON(ctx, body); err != nil {
			b.Fatal(err)
		}
	}
}
