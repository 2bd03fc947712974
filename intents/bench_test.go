package intents

import (
	"context"
	"os"
	"testing"
	"time"
)

// BenchmarkTurn measures whole turns as Lambda runs them, from request
// bytes to response bytes: the real conversations, triage and an in-memory
// store. A new session's cramp opening (one load, one save) and a red flag
// said in free speech (triage first, the store written last).
func BenchmarkTurn(b *testing.B) {
	for _, file := range []string{"intent-cramp.json", "free-text-red-flag.json"} {
		b.Run(file, func(b *testing.B) {
			body, err := os.ReadFile("../internal/skill/testdata/" + file)
			if err != nil {
				b.Fatal(err)
			}
			clock := func() time.Time { return time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC) }
			s := transcriptSkill(b)(clock)
			s.SkillID = ""
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.HandleJSON(ctx, body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
