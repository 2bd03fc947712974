package intents

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/transcript"
)

// TestTranscripts plays every conversation under testdata/transcripts, and
// under each topic folder's testdata/transcripts, through the simulated
// device, the interaction model and the pipeline.
func TestTranscripts(t *testing.T) {
	dirs, err := filepath.Glob("*/testdata/transcripts")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range append([]string{"testdata/transcripts"}, dirs...) {
		transcript.RunDir(t, dir, transcriptSkill(t))
	}
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
