package intents

import (
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/transcript"
)

// TestTranscripts plays every conversation under testdata/transcripts
// through the simulated device, the interaction model and the pipeline.
func TestTranscripts(t *testing.T) {
	transcript.RunDir(t, "testdata/transcripts", transcriptSkill(t))
}

// transcriptSkill builds the skill as the handler's main does (NewSkill),
// with a fresh memory store per transcript.
func transcriptSkill(t testing.TB) transcript.NewSkill {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	return func(clock func() time.Time) *skill.Skill {
		mem := store.NewMemory()
		mem.Now = clock
		sk, err := NewSkill(Options{Content: lib, Store: mem, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		return sk
	}
}
