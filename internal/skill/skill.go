// Package skill runs one Alexa request through Night Legs: it checks the
// skill ID, takes the listener's context from the session, screens the
// turn for warning signs (answering one at once, before anything else),
// loads what is kept at the start of a session, routes the turn to a
// conversation handler, applies triage to the reply, builds the Alexa
// response and saves what changed.
//
// Each store call has a deadline of its own, inside the invocation's: a
// slow load leaves the save its full time, and the answer always goes
// out. A write that is lost changes nothing the listener hears; it is
// logged as a warning with its reason.
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
	// AttrForgotten marks a session whose listener's data was deleted
	// under it (a "forget me" from another device): it keeps nothing more.
	AttrForgotten = "forgotten"
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
	// keys, so raw user IDs are never stored (and request IDs into the
	// keys that make a retried turn count once).
	UserKeySecret []byte
	// StoreTimeout bounds each store call on its own: the load, the save.
	// A deletion gets twice as long; a save after a warning sign
	// safetySaveTimeout. All end answerMargin before the invocation's
	// deadline, if it has one (Lambda's).
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
	safetySaveTimeout = 250 * time.Millisecond
	// answerMargin is kept free before the invocation's deadline to send
	// the answer.
	answerMargin        = 300 * time.Millisecond
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
	stored := s.Store != nil && user != ""

	switch typ := env.Request.Type; {
	case typ == alexa.TypeSkillDisabled:
		// The user ID will never be sent again: delete what it keyed.
		if stored {
			if err := s.forget(ctx, user); err != nil {
				log.Error("could not delete on skill disabled", "reason", err)
			}
		}
		return &alexa.ResponseEnvelope{Version: "1.0"}
	case typ == alexa.TypeExceptionEncountered:
		if env.Request.Error != nil {
			log.Error("alexa reported an error", "errType", env.Request.Error.Type, "message", env.Request.Error.Message)
		}
		return &alexa.ResponseEnvelope{Version: "1.0"}
	case strings.HasPrefix(typ, alexa.TypeSkillEventPrefix):
		// Events arrive with nobody listening: nothing to say or keep.
		return &alexa.ResponseEnvelope{Version: "1.0"}
	}

	t, base := s.turn(ctx, env, log)
	k := keeping{user: user, request: s.requestKey(env.Request.RequestID), base: base, known: true, startPrefs: *t.Prefs}
	// A new session loads what is kept once triage has had its say: a
	// warning sign is answered without waiting on the store.
	k.pending = stored && t.NewSession
	k.warning = true // until the screen lets the turn go on
	remember := func(within time.Duration) {
		if k.pending {
			k.pending = false
			k.base, k.known = s.load(ctx, user, t, within, log)
			k.startPrefs = *t.Prefs
		}
	}
	t.Remember = func() { remember(s.storeTimeout()) }
	t.Glance = func() { remember(min(s.storeTimeout(), safetySaveTimeout)) }
	reply, err := s.run(t, func() {
		k.warning = false
		if !s.safetyFirst(t) {
			t.Remember()
		}
	})
	if err != nil {
		log.Error("turn failed", "err", err)
		reply = apology()
	}
	if stored {
		k.forgotten = env.Session != nil && env.Session.Attributes[AttrForgotten] == true
		reply = s.keep(ctx, t, &k, reply, log)
	}
	resp := s.respond(t, reply)
	if k.forgotten && resp.SessionAttributes != nil {
		resp.SessionAttributes[AttrForgotten] = true
	}
	return resp
}

// keeping is what a turn knows of the store.
type keeping struct {
	user, request string
	// base is what the turn started from: the session's copy, or what
	// the load returned.
	base session.Snapshot
	// known is false when base may not be what is stored: the load failed
	// or did not happen.
	known bool
	// pending is a new session's load not done yet.
	pending bool
	// startPrefs are the preferences the handler began with, so that only
	// the fields it changed are written.
	startPrefs session.Prefs
	// forgotten is a session whose listener's data was deleted under it.
	forgotten bool
	// warning is a reply triage gave before any conversation: a warning
	// sign, answered without waiting on the store.
	warning bool
}

// keep does what the reply asks of the store: a deletion, or a save of
// what the turn changed. It returns the reply to give.
func (s *Skill) keep(ctx context.Context, t *router.Turn, k *keeping, reply router.Reply, log *slog.Logger) router.Reply {
	if k.forgotten && !reply.Forget {
		return reply
	}
	if reply.Forget {
		if err := s.forget(ctx, k.user); err != nil {
			log.Warn("could not delete what is kept", "reason", err)
			if reply.NotForgotten != nil {
				reply = *reply.NotForgotten
			}
		}
		return reply
	}
	timeout := s.storeTimeout()
	safety := reply.Plain || k.warning
	if safety {
		// A safety answer is already built and never depends on the
		// store. What it changed (the level reached, a routine stopped)
		// is still written, under a short deadline of its own and
		// without a load first, so a later session does not offer to
		// carry on stretching.
		timeout = safetySaveTimeout
		k.known = k.known && !k.pending
	} else if k.pending {
		// Free speech opened the session and was answered first; the
		// load comes now, to write onto what is kept.
		snap, err := s.loadCall(ctx, k.user, s.storeTimeout())
		if err != nil {
			log.Warn("load failed; writing onto what is kept unseen", "reason", err)
			k.known = false
		} else {
			k.base = snap
			t.Nights = snap.Nights
			if snap.Prefs.Forget {
				t.Prefs.Forget = true
			}
		}
	}
	if t.Prefs.Forget || k.base.Prefs.Forget {
		// A deletion the listener asked for is not finished: nothing new
		// is kept until it is.
		if safety {
			return reply
		}
		if err := s.forget(ctx, k.user); err != nil {
			t.Prefs.Forget = true
			log.Warn("turn's write lost: a deletion is still pending", "reason", err)
			return reply
		}
		log.Info("pending deletion finished")
		k.base, k.known = session.Snapshot{}, true
		t.State.Version = 0
		t.Nights = nil
	}
	saveCtx, cancel := s.callCtx(ctx, timeout)
	defer cancel()
	s.save(saveCtx, k, t, reply, log)
	return reply
}

// load reads what is kept for a new session and fills the turn with it:
// the preferences, the nights, a recent conversation to pick up, and the
// stored context's version, waiting at most within. It reports false
// when the load failed: the conversation goes on without memory.
func (s *Skill) load(ctx context.Context, user string, t *router.Turn, within time.Duration, log *slog.Logger) (session.Snapshot, bool) {
	snap, err := s.loadCall(ctx, user, within)
	if err != nil {
		log.Warn("load failed; the turn goes on without memory", "reason", err)
		return session.Snapshot{}, false
	}
	*t.Prefs = snap.Prefs
	if snap.Prefs.Forget {
		// Being deleted: nothing of it is picked up.
		return snap, true
	}
	t.Nights = snap.Nights
	if c := snap.Context; c != nil {
		if !c.Empty() && t.Now.Sub(c.Updated) < s.resumeWithin() {
			t.Resumed = c.Clone()
		}
		// A new session starts a new conversation, but keeps the saved
		// item's version for the conditional write.
		t.State.Version = c.Version
	}
	return snap, true
}

func (s *Skill) loadCall(ctx context.Context, user string, within time.Duration) (session.Snapshot, error) {
	ctx, cancel := s.callCtx(ctx, within)
	defer cancel()
	return s.Store.Load(ctx, user)
}

// forget deletes everything kept for user, with twice a call's time: it
// takes a few requests.
func (s *Skill) forget(ctx context.Context, user string) error {
	ctx, cancel := s.callCtx(ctx, 2*s.storeTimeout())
	defer cancel()
	return s.Store.Forget(ctx, user)
}

// callCtx is the context of one store call: d long, and over
// answerMargin before the invocation's deadline.
func (s *Skill) callCtx(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if dl, ok := ctx.Deadline(); ok {
		d = max(0, min(d, time.Until(dl)-answerMargin))
	}
	return context.WithTimeout(ctx, d)
}

// turn builds the Turn from the request and, after a session's first
// turn, the context it carries in session attributes.
func (s *Skill) turn(ctx context.Context, env *alexa.RequestEnvelope, log *slog.Logger) (*router.Turn, session.Snapshot) {
	t := &router.Turn{
		Request:    env,
		Type:       env.Request.Type,
		Intent:     alexa.Builtin(env.IntentName()),
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
		if slot, ok := env.Request.Intent.Slots[alexa.SlotText]; ok {
			t.Text = slot.Value
		}
	}
	var base session.Snapshot
	if !t.NewSession && env.Session != nil {
		base = fromAttributes(env.Session.Attributes, log)
		*t.Prefs = base.Prefs
		t.Nights = base.Nights
		t.State = base.Context.Clone()
	}
	return t, base
}

// safetyFirst reports whether a new session's opening turn should put off
// the store load: it says something free-form, which may be a warning sign,
// and triage answers must not wait on the store. The load is then done after
// the reply is known, unless the reply is an emergency.
func (s *Skill) safetyFirst(t *router.Turn) bool {
	return s.Triage != nil && t.Text != ""
}

// run screens and routes the turn, turning panics into errors. loaded is
// called after the screen, when the turn goes on to a conversation.
func (s *Skill) run(t *router.Turn, loaded func()) (reply router.Reply, err error) {
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
	loaded()
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
// changed (against k.startPrefs) are applied onto the base's, so a turn
// that began without the stored prefs never writes its blank ones back.
// A night goes to the store when the session knows of consent, or does
// not know what is stored; the store keeps it only if the stored
// preferences give consent.
func (s *Skill) save(ctx context.Context, k *keeping, t *router.Turn, reply router.Reply, log *slog.Logger) {
	base := k.base
	ch := session.Change{Request: k.request}
	if changed(base.Context, t.State) {
		c := t.State.Clone()
		// What a launch keeps of the conversation before is for this
		// session's first words only: it is not stored again.
		c.Earlier = nil
		c.Updated = t.Now
		if c.Started.IsZero() {
			c.Started = t.Now
		}
		t.State.Updated, t.State.Started = c.Updated, c.Started
		ch.Context = c
	}
	prefs := base.Prefs
	if t.Prefs.Voice != k.startPrefs.Voice {
		prefs.Voice = t.Prefs.Voice
	}
	if t.Prefs.History != k.startPrefs.History {
		prefs.History = t.Prefs.History
	}
	if prefs != base.Prefs {
		ch.Prefs = &prefs
	}
	*t.Prefs = prefs
	if reply.Night != nil && !prefs.Forget && (prefs.History == session.ConsentGiven || !k.known) {
		ch.Night = reply.Night
	}
	if ch.Empty() {
		return
	}
	snap, err := s.Store.Save(ctx, k.user, base, ch)
	if errors.Is(err, session.ErrForgotten) {
		// Another session deleted everything: this one keeps nothing
		// more, lest it write back what the listener asked to forget.
		log.Info("deleted by a forget in another session; this one keeps nothing more")
		k.forgotten = true
		return
	}
	if err != nil {
		log.Warn("turn's write lost", "reason", err)
		return
	}
	if snap.Context != nil {
		t.State.Version = snap.Context.Version
	}
	t.Prefs.Version, t.Prefs.Updated = snap.Prefs.Version, snap.Prefs.Updated
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

// requestKey is the keyed hash of an Alexa request ID that a night keeps to
// count a retried turn once: short, and not the ID itself.
func (s *Skill) requestKey(requestID string) string {
	if requestID == "" {
		return ""
	}
	m := hmac.New(sha256.New, s.UserKeySecret)
	m.Write([]byte("request\x00" + requestID))
	return hex.EncodeToString(m.Sum(nil))[:16]
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
