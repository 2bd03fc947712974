package intents

import (
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/nightlegs/nightlegs/internal/content"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/triage"
)

// Options configure the skill NewSkill builds. Zero values take defaults.
type Options struct {
	// Content is what is said; default content.Default().
	Content *content.Library
	// Store keeps listeners' contexts between sessions; nil keeps nothing.
	Store skill.Store
	// SkillID, when set, is the only application ID answered.
	SkillID string
	// UserKeySecret keys the hash of user IDs into store keys.
	UserKeySecret []byte
	// StoreTimeout bounds each store call; default skill's (1 s).
	StoreTimeout time.Duration
	// Log receives the JSON log lines; default none.
	Log *slog.Logger
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// NewSkill builds Night Legs: these conversations, triage on every turn,
// numbers read digit by digit, with the store and settings of o. The
// handler's main, the tests and the transcripts all build it here, so
// what they test is what runs.
func NewSkill(o Options) (*skill.Skill, error) {
	lib := o.Content
	if lib == nil {
		var err error
		if lib, err = content.Default(); err != nil {
			return nil, fmt.Errorf("load content: %w", err)
		}
	}
	guard, err := triage.NewGuard(lib)
	if err != nil {
		return nil, fmt.Errorf("load triage: %w", err)
	}
	log := o.Log
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	r, s := build(lib)
	return &skill.Skill{
		Router:        r,
		Store:         o.Store,
		Triage:        controlsFirst{Triage: guard, fit: s.fit},
		Digits:        triage.Numbers(),
		SkillID:       o.SkillID,
		UserKeySecret: o.UserKeySecret,
		StoreTimeout:  o.StoreTimeout,
		Log:           log,
		Now:           o.Now,
	}, nil
}
