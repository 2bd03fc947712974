package intents

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/transcript"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// TestTranscripts plays every conversation under testdata/transcripts
// through the simulated device, the interaction model and the pipeline.
func TestTranscripts(t *testing.T) {
	transcript.RunDir(t, "testdata/transcripts", transcriptSkill(t))
}

// transcriptSkill builds the skill as the handler's main does, with a fresh
// memory store per transcript. Add a component here when main gains one.
func transcriptSkill(t testing.TB) transcript.NewSkill {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	guard, err := triage.NewGuard(lib)
	if err != nil {
		t.Fatal(err)
	}
	return func(clock func() time.Time) *skill.Skill {
		mem := store.NewMemory()
		mem.Now = clock
		return &skill.Skill{
			Router: New(lib),
			Store:  mem,
			Triage: guard,
			Digits: triage.Numbers(),
			Now:    clock,
			Log:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		}
	}
}
