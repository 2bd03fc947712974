// Package skill runs one Alexa request through Night Legs: it checks the
// skill ID, loads the listener's context (from the session, or from the
// store at the start of a session), screens the turn for warning signs,
// routes it to a conversation handler, applies triage to the reply, builds
// the Alexa response and saves what changed.
//
// It never returns a handler's failure to Alexa as an error: Alexa would say
// "There was a problem with the requested skill's response", which helps no
// one at 3 a.m. The listener hears a calm apology instead, and it is logged.
package skill

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/router"
	"github.com/nightlegs/nightlegs/internal/session"
)

// Store keeps listeners' contexts between sessions. Load is called once at
// the start of a session; Save at most once a turn, and not at all when the
// turn changed nothing durable.
type Store interface {
	// Load returns everything kept for the user; a user with nothing kept
	// gets a zero Snapshot and no error.
	Load(ctx context.Context, user string) (session.Snapshot, error)
	// Save writes ch, conditional on the versions in base. On a conflict it
	// re-reads and re-applies ch itself; it returns what is now stored.
	Save(ctx context.Context, user string, base session.Snapshot, ch session.Change) (session.Snapshot, error)
	// Forget deletes everything kept for the user.
	Forget(ctx context.Context, user string) error
}

// Triage is the safety check that runs on every turn.
type Triage interface {
	// Before reads what the turn reveals (slots, free text) into the
	// turn's facts. If they call for care the conversation must not talk
	// over, it returns the reply to give instead of the handler's.
	Before(t *router.Turn) (*router.Reply, error)
	// After checks the handler's reply against facts the handler added
	// (answers to screening questions) and returns the reply to give.
	After(t *router.Turn, r router.Reply) (router.Reply, error)
}

// Session attribute keys. AttrTriage is a contract with tools and tests.
const (
	AttrContext = "ctx"
	AttrPrefs   = "prefs"
	AttrNights  = "nights"
	AttrTriage  = "triage"
)

// ErrWrongSkill is returned for a request sent for another skill ID.
var ErrWrongSkill = errors.New("request is for another skill")

// Skill answers Alexa requests. Set the fields before the first request and
// do not change them after.
type Skill struct {
	Router *router.Router
	Store  Store  // nil keeps nothing between sessions
	Triage Triage // nil skips triage
	// SkillID, when set, is the only application ID accepted.
	SkillID string
	// UserKeySecret keys the hash that turns Alexa user IDs into store
	// keys, so raw user IDs are never stored.
	UserKeySecret []byte
	// StoreTimeout bounds all store calls of one turn together.
	StoreTimeout time.Duration
	// Digits are numbers read digit by digit wherever they are said: the
	// emergency and advice lines ("nine nine nine", never "nine hundred
	// and ninety-nine").
	Digits []string
	// ResumeWithin is how recent an earlier conversation must be for a new
	// session to offer to resume it.
	ResumeWithin time.Duration
	Log          *slog.Logger
	Now          func() time.Time
}

const (
	defaultStoreTimeout = time.Second
	// safetySaveTimeout bounds what writing an emergency turn may add to
	// the time before the listener hears it.
	safetySaveTimeout   = 250 * time.Millisecond
	defaultResumeWithin = 3 * time.Hour
	maxNightsInSession  = 30
)

// HandleJSON decodes a request envelope, handles it and encodes the
// response. Only a request that cannot be decoded or is for another skill
// returns an error.
func (s *Skill) HandleJSON(ctx context.Context, body []byte) ([]byte, error) {
	var env alexa.RequestEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, fmt.Errorf("decode request: %w", err)
	}
	resp, err := s.Handle(ctx, &env)
	if err != nil {
		return nil, err
	}
	out, err := json.Marshal(resp)
	if err != nil {
		return nil, fmt.Errorf("encode response: %w", err)
	}
	return out, nil
}

// Handle answers one request. It returns an error only for a request for
// another skill; every other failure becomes a spoken apology.
func (s *Skill) Handle(ctx context.Context, env *alexa.RequestEnvelope) (*alexa.ResponseEnvelope, error) {
	log := s.logger().With("requestId", env.Request.RequestID, "type", env.Request.Type)
	if s.SkillID != "" && env.ApplicationID() != s.SkillID {
		log.Warn("refused request for another skill", "applicationId", env.ApplicationID())
		return nil, ErrWrongSkill
	}
	start := s.now()
	resp := s.handle(ctx, env, log)
	log.Info("handled", "intent", env.IntentName(), "ms", time.Since(start).Milliseconds())
	return resp, nil
}

func (s *Skill) handle(ctx context.Context, env *alexa.RequestEnvelope, log *slog.Logger) *alexa.ResponseEnvelope {
	user := s.userKey(env.UserID())
	storeCtx, cancel := context.WithTimeout(ctx, s.storeTimeout())
	defer cancel()

	switch typ := env.Request.Type; {
	case typ == alexa.TypeSkillDisabled:
		// The user ID will never be sent again: delete what it keyed.
		if s.Store != nil && user != "" {
			if err := s.Store.Forget(storeCtx, user); err != nil {
				log.Error("forget on skill disabled", "err", err)
			}
		}
		return &alexa.ResponseEnvelope{Version: "1.0"}
	case typ == alexa.TypeExceptionEncountered:
		if env.Request.Error != nil {
			log.Error("alexa reported an error", "errType", env.Request.Error.Type, "message", env.Request.Error.Message)
		}
		return &alexa.ResponseEnvelope{Version: "1.0"}
	case strings.HasPrefix(typ, "AlexaSkillEvent."):
		// Events arrive with nobody listening: nothing to say or keep.
		return &alexa.ResponseEnvelope{Version: "1.0"}
	}

	t, base, deferred := s.turn(ctx, storeCtx, env, log)
	// What the turn began with, so that only what the handler changed is
	// written, onto whatever the store holds.
	startPrefs := *t.Prefs
	reply, err := s.run(t, log)
	if err != nil {
		log.Error("turn failed", "err", err)
		reply = apology()
	}

	switch {
	case s.Store == nil || user == "":
	case reply.Forget:
		if err := s.Store.Forget(storeCtx, user); err != nil {
			log.Error("forget", "err", err)
		}
	case reply.Plain:
		// A safety answer is already built and never depends on the
		// store. What it changed (the level reached, a routine stopped)
		// is still written, under a short deadline of its own, so a
		// later session does not offer to carry on stretching.
		saveCtx, cancel := context.WithTimeout(storeCtx, safetySaveTimeout)
		defer cancel()
		s.save(saveCtx, user, base, startPrefs, t, reply, log)
	case deferred:
		snap, err := s.Store.Load(storeCtx, user)
		if err != nil {
			// Without knowing what is stored, writing could only
			// overwrite it.
			log.Error("load context", "err", err)
			break
		}
		t.Nights = snap.Nights
		s.save(storeCtx, user, snap, startPrefs, t, reply, log)
	default:
		s.save(storeCtx, user, base, startPrefs, t, reply, log)
	}
	return s.respond(t, reply)
}

// turn builds the Turn: context from session attributes, or from the store
// when the session is new. It reports deferred when a new session's load was
// put off until the reply is known (see safetyFirst).
func (s *Skill) turn(ctx, storeCtx context.Context, env *alexa.RequestEnvelope, log *slog.Logger) (t *router.Turn, base session.Snapshot, deferred bool) {
	t = &router.Turn{
		Ctx:        ctx,
		Request:    env,
		Type:       env.Request.Type,
		Intent:     env.IntentName(),
		Locale:     env.Request.Locale,
		NewSession: env.Session == nil || env.Session.New,
		State:      &session.Context{},
		Prefs:      &session.Prefs{},
		Now:        s.now(),
	}
	if t.Locale == "" {
		t.Locale = "en-US"
	}
	if env.Request.Intent != nil {
		if slot, ok := env.Request.Intent.Slots[FreeTextSlot]; ok {
			t.Text = slot.Value
		}
	}
	switch {
	case !t.NewSession && env.Session != nil:
		base = fromAttributes(env.Session.Attributes, log)
	case s.Store == nil || env.UserID() == "":
	case s.safetyFirst(t):
		deferred = true
	default:
		snap, err := s.Store.Load(storeCtx, s.userKey(env.UserID()))
		if err != nil {
			// The conversation goes on without memory; the listener
			// still hears guidance.
			log.Error("load context", "err", err)
		} else {
			base = snap
		}
	}
	*t.Prefs = base.Prefs
	t.Nights = base.Nights
	if base.Context != nil {
		if t.NewSession {
			if !base.Context.Empty() && t.Now.Sub(base.Context.Updated) < s.resumeWithin() {
				t.Resumed = base.Context.Clone()
			}
			// A new session starts a new conversation, but keeps the
			// saved item's version for the conditional write.
			t.State = &session.Context{Version: base.Context.Version}
		} else {
			t.State = base.Context.Clone()
		}
	}
	return t, base, deferred
}

// safetyFirst reports whether a new session's opening turn should put off
// the store load: it says something free-form, which may be a warning sign,
// and triage answers must not wait on the store. The load is then done after
// the reply is known, unless the reply is an emergency.
func (s *Skill) safetyFirst(t *router.Turn) bool {
	return s.Triage != nil && t.Text != ""
}

// run screens and routes the turn, turning panics into errors.
func (s *Skill) run(t *router.Turn, log *slog.Logger) (reply router.Reply, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	if s.Triage != nil {
		pre, err := s.Triage.Before(t)
		if err != nil {
			return reply, fmt.Errorf("triage before: %w", err)
		}
		if pre != nil {
			return *pre, nil
		}
	}
	h := s.Router.Route(t.Type, t.Intent)
	reply, err = h.Handle(t)
	if err != nil {
		return reply, fmt.Errorf("handle %s %s: %w", t.Type, t.Intent, err)
	}
	if s.Triage != nil {
		reply, err = s.Triage.After(t, reply)
		if err != nil {
			return reply, fmt.Errorf("triage after: %w", err)
		}
	}
	return reply, nil
}

// save writes what the turn changed, at most once. Prefs fields the handler
// changed (against startPrefs) are applied onto base's, so a turn that began
// without the stored prefs never writes its blank ones back.
func (s *Skill) save(ctx context.Context, user string, base session.Snapshot, startPrefs session.Prefs, t *router.Turn, reply router.Reply, log *slog.Logger) {
	var ch session.Change
	if changed(base.Context, t.State) {
		c := t.State.Clone()
		c.Updated = t.Now
		if c.Started.IsZero() {
			c.Started = t.Now
		}
		t.State.Updated, t.State.Started = c.Updated, c.Started
		ch.Context = c
	}
	prefs := base.Prefs
	if t.Prefs.Voice != startPrefs.Voice {
		prefs.Voice = t.Prefs.Voice
	}
	if t.Prefs.History != startPrefs.History {
		prefs.History = t.Prefs.History
	}
	if prefs != base.Prefs {
		ch.Prefs = &prefs
	}
	*t.Prefs = prefs
	if reply.Night != nil && prefs.History == session.ConsentGiven {
		ch.Night = reply.Night
	}
	if ch.Empty() {
		return
	}
	snap, err := s.Store.Save(ctx, user, base, ch)
	if err != nil {
		log.Error("save context", "err", err)
		return
	}
	if snap.Context != nil {
		t.State.Version = snap.Context.Version
	}
	t.Prefs.Version = snap.Prefs.Version
	t.Nights = snap.Nights
}

// changed reports whether the context differs from what was loaded, apart
// from timestamps and version.
func changed(before, after *session.Context) bool {
	if before == nil {
		return !after.Empty()
	}
	a, b := before.Clone(), after.Clone()
	a.Updated, b.Updated = time.Time{}, time.Time{}
	a.Started, b.Started = time.Time{}, time.Time{}
	a.Version, b.Version = 0, 0
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) != string(jb)
}

func (s *Skill) userKey(userID string) string {
	if userID == "" {
		return ""
	}
	m := hmac.New(sha256.New, s.UserKeySecret)
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil))
}

func (s *Skill) logger() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

func (s *Skill) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Skill) storeTimeout() time.Duration {
	if s.StoreTimeout > 0 {
		return s.StoreTimeout
	}
	return defaultStoreTimeout
}

func (s *Skill) resumeWithin() time.Duration {
	if s.ResumeWithin > 0 {
		return s.ResumeWithin
	}
	return defaultResumeWithin
}

// FreeTextSlot is the catch-all intent's only slot, which a device fills
// with what was said when no specific intent fits.
const FreeTextSlot = "text"
