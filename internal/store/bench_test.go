package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
)

// Figures are in README ("Data stored"): go test -run '^$' -bench . ./internal/store

func benchStores(b *testing.B) map[string]skill.Store {
	bolt, err := store.OpenBolt(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { bolt.Close() })
	return map[string]skill.Store{"Memory": store.NewMemory(), "Bolt": bolt, "Dynamo": newDynamo(b)}
}

// A listener with a conversation, preferences and 30 nights: a full load.
func seed(b *testing.B, st skill.Store, user string) session.Snapshot {
	ctx := context.Background()
	day := time.Now()
	snap, err := st.Save(ctx, user, session.Snapshot{}, session.Change{
		Context: &session.Context{Topic: "cramp", Step: "relief", Facts: []string{"cramp"}, Answers: map[string]string{"cramp.part": "calf"}, Updated: day},
		Prefs:   &session.Prefs{History: session.ConsentGiven},
	})
	for i := range 30 {
		if err != nil {
			b.Fatal(err)
		}
		n := &session.Night{Date: day.AddDate(0, 0, -i).Format(time.DateOnly), Topic: "cramp", Outcome: "eased", Count: 1}
		snap, err = st.Save(ctx, user, snap, session.Change{Night: n})
	}
	if err != nil {
		b.Fatal(err)
	}
	return snap
}

func BenchmarkLoad(b *testing.B) {
	for name, st := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			seed(b, st, "bench")
			ctx := context.Background()
			for b.Loop() {
				if _, err := st.Load(ctx, "bench"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// One turn's write: the context changed.
func BenchmarkSave(b *testing.B) {
	for name, st := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			snap := seed(b, st, "bench")
			ctx := context.Background()
			i := 0
			for b.Loop() {
				c := snap.Context.Clone()
				c.Step = fmt.Sprint("step-", i)
				i++
				var err error
				if snap, err = st.Save(ctx, "bench", snap, session.Change{Context: c}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// One turn's night: added to tonight's, under the stored consent.
func BenchmarkSaveNight(b *testing.B) {
	for name, st := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			snap := seed(b, st, "bench")
			ctx := context.Background()
			n := &session.Night{Date: time.Now().Format(time.DateOnly), Topic: "aches", Outcome: "eased", Count: 1}
			i := 0
			for b.Loop() {
				i++
				if _, err := st.Save(ctx, "bench", snap, session.Change{Night: n, Request: fmt.Sprint("req-", i)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
