package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/intents"
	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
)

// warmClock is 3:10 a.m., for every warm turn alike.
func warmClock() time.Time { return time.Date(2026, 11, 23, 3, 10, 0, 0, time.UTC) }

// newSkill assembles the skill as the handler does, on st, logging as under
// Lambda (JSON at info) to nowhere.
func newSkill(tb testing.TB, st skill.Store, now func() time.Time) *skill.Skill {
	tb.Helper()
	sk, err := intents.NewSkill(intents.Options{
		Store:         st,
		SkillID:       benchSkillID,
		UserKeySecret: []byte("bench-secret-0123456789abcdef0123456789"),
		StoreTimeout:  time.Second,
		Log:           slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo})),
		Now:           now,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return sk
}

// recorder keeps the request bodies a device sends.
type recorder struct {
	next   device.Endpoint
	bodies [][]byte
}

func (r *recorder) HandleJSON(ctx context.Context, body []byte) ([]byte, error) {
	r.bodies = append(r.bodies, bytes.Clone(body))
	return r.next.HandleJSON(ctx, body)
}

// conversation records the request bodies of lines said in turn, by user.
func conversation(tb testing.TB, sk *skill.Skill, user string, lines []string) [][]byte {
	tb.Helper()
	rec := &recorder{next: sk}
	n := 0
	dev, err := device.New(rec, device.Config{SkillID: benchSkillID, UserID: user, Now: warmClock,
		NewID: func() string { n++; return fmt.Sprintf("bench-%04d", n) }})
	if err != nil {
		tb.Fatal(err)
	}
	for _, line := range lines {
		if _, err := dev.Say(context.Background(), line); err != nil {
			tb.Fatalf("%q: %v", line, err)
		}
	}
	return rec.bodies
}

// warmUser is the n-th listener of a warm benchmark; every ID has the same
// length, so requests differ only in it.
func warmUser(n int) string { return fmt.Sprintf("amzn1.ask.account.BENCH-WARM-%08d", n) }

// BenchmarkWarmTurn measures warm turns as Lambda runs them, request bytes
// to response bytes, on the memory store: the real conversations, triage
// and store rules. Each iteration is a listener of its own, in exactly the
// state the turn needs (the turns before it are replayed first, untimed),
// so that no iteration sees what an earlier one wrote.
func BenchmarkWarmTurn(b *testing.B) {
	turns := []struct {
		name  string
		setup []string
		say   string
	}{
		{"launch", nil, "open night legs"},
		{"cramp", nil, "my calf is cramping"},
		{"follow-up", []string{"my calf is cramping"}, "no"},
		{"red-flag", nil, "my calf is swollen and hot and I can't catch my breath"},
		{"routine-step", []string{"guide me through the calf stretch"}, "next"},
	}
	for _, tt := range turns {
		b.Run(tt.name, func(b *testing.B) {
			mem := store.NewMemory()
			mem.Now = warmClock
			sk := newSkill(b, mem, warmClock)
			// What the turns send, from a listener of their own.
			bodies := conversation(b, newSkill(b, store.NewMemory(), warmClock), warmUser(0), append(tt.setup, tt.say))
			ctx := context.Background()
			measured := make([][]byte, b.N)
			for i := range b.N {
				u := []byte(warmUser(i + 1))
				for _, body := range bodies[:len(bodies)-1] {
					if _, err := sk.HandleJSON(ctx, bytes.ReplaceAll(body, []byte(warmUser(0)), u)); err != nil {
						b.Fatal(err)
					}
				}
				measured[i] = bytes.ReplaceAll(bodies[len(bodies)-1], []byte(warmUser(0)), u)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				if _, err := sk.HandleJSON(ctx, measured[i]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
