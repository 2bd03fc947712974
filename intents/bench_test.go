package intents

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/symptom"
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

// BenchmarkReadTalk measures reading free speech for a talk concept, which
// tries every cue of intents/talk.yaml on each turn the model did not
// place: a question about a cause, a pause, and a sentence that is none.
func BenchmarkReadTalk(b *testing.B) {
	for _, say := range []string{
		"I was wondering, could it be my mattress that's doing this to my hips",
		"hang on a sec",
		"my calf has been tight since the afternoon and now it's worse",
	} {
		rd := symptom.Read(say)
		b.Run(strings.Fields(say)[0]+"-"+strings.Fields(say)[1], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				readTalk(say, rd, false)
			}
		})
	}
}
