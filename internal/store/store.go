// Package store keeps what Night Legs remembers about a listener (package
// session's Context, Prefs and Nights) behind skill.Store: in memory for
// tests and -memory (Memory), in an embedded file for the console (Bolt),
// and in DynamoDB under Lambda (Dynamo). The Lambda build (-tags lambda)
// has no Bolt, so bbolt is not linked into it.
//
// Every store keeps the same items under the same rules, and those rules
// live in this file only:
//
//   - A user's items are the context (key "CONTEXT"), the preferences
//     ("PREFS") and one item per night ("NIGHT#<date>#<topic>").
//   - The context expires ContextLifetime after its last write, a night
//     NightLifetime after its date, the preferences PrefsLifetime after
//     their last write (a turn that writes anything rewrites preferences
//     older than prefsRefresh, so they last that long after the last use).
//     Load leaves out what has expired, but an expired context still comes
//     back as an empty Context carrying its Version, so the next write can
//     be conditional on it.
//   - The context and the preferences are written whole: every write adds
//     one to the item's version and is conditional on the version the
//     writer started from (none: the item must not exist). On a conflict,
//     Save re-reads (or uses the stored items the failed write returned)
//     and re-applies the turn: this turn's context wins but keeps the
//     higher triage level and every fact either writer gathered; the
//     preference fields this turn changed win. After maxAttempts it gives
//     up with session.ErrConflict.
//   - An item the writer started from that is gone when it writes was
//     deleted by a forget: it is not written back.
//   - A night is never written whole: its episodes are added to what is
//     stored (DynamoDB's ADD), so parallel sessions never lose one, and
//     only when the stored preferences (not the writer's copy) give
//     consent and no deletion is pending. A night remembers the last
//     maxRequests turns that added to it and adds nothing for a turn it
//     has seen, so a retried turn counts once.
//   - Forget stops the keeping of nights first (for a store that deletes in
//     several requests, a "forget" mark on the preferences), then deletes
//     every item, the preferences last.
//   - An item that does not decode (an older schema, a hand edit) is
//     logged and treated as absent; a later write replaces it.
//
// Keys are already keyed hashes of the Alexa user ID (skill.Skill computes
// them); no store ever sees the raw ID.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/internal/session"
)

const (
	// ContextLifetime is how long a conversation is kept after its last
	// turn: long enough to resume it later in the night, short enough that
	// yesterday's cramp is not tonight's.
	ContextLifetime = 6 * time.Hour
	// NightLifetime is how long a night is kept after its date: enough to
	// notice a pattern worth telling a doctor about.
	NightLifetime = 90 * 24 * time.Hour
	// PrefsLifetime is how long preferences (voice, consent) are kept after
	// their last write: about 13 months, so a listener who comes back each
	// winter is still known, and one who left is forgotten.
	PrefsLifetime = 395 * 24 * time.Hour
	// prefsRefresh is how old preferences may get before a turn that
	// writes anything rewrites them, so they expire PrefsLifetime after
	// the last use rather than the last change, at the cost of one more
	// item written about once a month.
	prefsRefresh = 30 * 24 * time.Hour
	// maxAttempts bounds the writes of one Save of the context and
	// preferences: each attempt that conflicts lets another writer
	// through, so several sessions at once settle within it.
	maxAttempts = 8
	// maxRequests bounds the turns a night item remembers; one night has
	// far fewer conversations about one topic.
	maxRequests = 32
)

// Item keys (DynamoDB's sort key sk).
const (
	keyContext     = "CONTEXT"
	keyPrefs       = "PREFS"
	keyNightPrefix = "NIGHT#"
)

// nightKey is the key of the night n is about: one item per date and topic.
func nightKey(n session.Night) string {
	return keyNightPrefix + n.Date + "#" + string(n.Topic)
}

// item is one stored item as every store sees it once decoded. An item
// whose payload did not decode keeps only its key and version, so it can
// be replaced by a conditional write.
type item struct {
	key     string
	version int64
	expires time.Time // zero: never
	context *session.Context
	prefs   *session.Prefs
	night   *session.Night
	// requests are the turns that added to a night (session.Change.Request).
	requests []string
}

func (it item) expired(now time.Time) bool {
	return !it.expires.IsZero() && !now.Before(it.expires)
}

// state is one user's items by key.
type state map[string]item

// snapshot is what Load returns for the items: nothing expired, nights
// oldest first.
func (st state) snapshot(now time.Time) session.Snapshot {
	var s session.Snapshot
	for k, it := range st {
		switch {
		case k == keyContext:
			c := &session.Context{}
			if it.context != nil && !it.expired(now) {
				c = it.context.Clone()
			}
			c.Version = it.version
			s.Context = c
		case k == keyPrefs:
			if it.prefs != nil && !it.expired(now) {
				s.Prefs = *it.prefs
			}
			s.Prefs.Version = it.version
		case strings.HasPrefix(k, keyNightPrefix):
			if it.night != nil && !it.expired(now) {
				s.Nights = append(s.Nights, *it.night)
			}
		}
	}
	slices.SortFunc(s.Nights, func(a, b session.Night) int {
		return strings.Compare(a.Date+"#"+string(a.Topic), b.Date+"#"+string(b.Topic))
	})
	return s
}

// fromSnapshot is the state a writer believes is stored when it holds s.
func fromSnapshot(s session.Snapshot) state {
	st := state{}
	if s.Context != nil {
		st[keyContext] = item{key: keyContext, version: s.Context.Version, context: s.Context.Clone()}
	}
	if s.Prefs != (session.Prefs{}) {
		p := s.Prefs
		st[keyPrefs] = item{key: keyPrefs, version: p.Version, prefs: &p}
	}
	for _, n := range s.Nights {
		st[nightKey(n)] = item{key: nightKey(n), night: &n}
	}
	return st
}

// put is one write of a whole item, conditional on the version the stored
// item must have for it to go ahead (expect; 0: there must be no item, or
// none with a readable version). A touch instead only extends the stored
// preferences' life to item.expires, if they are there, not expired and not
// marked "forget": it writes no content, so it needs no version.
type put struct {
	item   item
	expect int64
	touch  bool
}

// plan turns a change of the context and preferences into the writes that
// apply it to st, and the state after them.
func plan(st state, ch session.Change, now time.Time) ([]put, state) {
	next := make(state, len(st)+2)
	for k, it := range st {
		next[k] = it
	}
	var puts []put
	add := func(it item) {
		puts = append(puts, put{item: it, expect: st[it.key].version})
		next[it.key] = it
	}
	if ch.Context != nil {
		c := ch.Context.Clone()
		c.Version = st[keyContext].version + 1
		add(item{key: keyContext, version: c.Version, expires: now.Add(ContextLifetime), context: c})
	}
	if ch.Prefs != nil {
		p := *ch.Prefs
		p.Version = st[keyPrefs].version + 1
		p.Updated = now
		add(item{key: keyPrefs, version: p.Version, expires: now.Add(PrefsLifetime), prefs: &p})
	} else if old := st[keyPrefs]; ch.Context != nil && old.prefs != nil && !old.prefs.Forget && !old.expired(now) && now.Sub(old.prefs.Updated) >= prefsRefresh {
		// Still in use: keep the preferences another PrefsLifetime.
		p := *old.prefs
		p.Updated = now
		it := item{key: keyPrefs, version: old.version, expires: now.Add(PrefsLifetime), prefs: &p}
		puts = append(puts, put{item: it, touch: true})
		next[keyPrefs] = it
	}
	return puts, next
}

// nightExpiry is NightLifetime after the night's date, or after now when
// the date does not parse.
func nightExpiry(n session.Night, now time.Time) time.Time {
	d, err := time.Parse(time.DateOnly, n.Date)
	if err != nil {
		d = now
	}
	return d.Add(NightLifetime)
}

// rebase re-applies a turn's change onto what is stored now (cur), given
// what the turn started from (orig). It reports lost when an item the turn
// started from was deleted by a forget and is not written back.
func rebase(orig, cur state, ch session.Change, now time.Time) (out session.Change, lost bool) {
	if ch.Context != nil {
		c := ch.Context.Clone()
		old, ok := cur[keyContext]
		switch {
		case forgotten(orig, cur, keyContext):
			c, lost = nil, true
		case ok && old.context != nil && !old.expired(now):
			// A warning sign the other writer heard must not be lost.
			c.Level = c.Level.Higher(old.context.Level)
			c.AddFacts(old.context.Facts...)
		}
		out.Context = c
	}
	if ch.Prefs != nil && forgotten(orig, cur, keyPrefs) {
		lost = true
	} else if ch.Prefs != nil {
		var before, stored session.Prefs
		if it := orig[keyPrefs]; it.prefs != nil {
			before = *it.prefs
		}
		if it := cur[keyPrefs]; it.prefs != nil {
			stored = *it.prefs
		}
		p := mergeFields(before, *ch.Prefs, stored)
		p.Version, stored.Version = 0, 0
		if !samePrefs(p, stored) {
			out.Prefs = &p
		}
	}
	return out, lost
}

// forgotten reports whether the item under key, which the writer started
// from, has been deleted since: by a forget, as it was not expired (the
// context) or never expires unused (the preferences).
func forgotten(orig, cur state, key string) bool {
	was, ok := orig[key]
	if !ok || was.version == 0 {
		return false
	}
	if _, still := cur[key]; still {
		return false
	}
	switch key {
	case keyContext:
		return !was.context.Empty()
	case keyPrefs:
		return was.prefs != nil
	}
	return false
}

// samePrefs compares preferences as stored: the time of the last write is
// the store's, not a change.
func samePrefs(a, b session.Prefs) bool {
	a.Updated, b.Updated = time.Time{}, time.Time{}
	return a == b
}

// mergeFields returns cur with the fields that mine changed from before.
// It works on the JSON form so a field added to the type later merges too.
func mergeFields[T any](before, mine, cur T) T {
	fields := func(v T) map[string]any {
		m := map[string]any{}
		b, _ := json.Marshal(v)
		_ = json.Unmarshal(b, &m)
		delete(m, "version")
		return m
	}
	b, m, c := fields(before), fields(mine), fields(cur)
	for k := range b {
		if _, ok := m[k]; !ok {
			delete(c, k) // cleared by this turn
		}
	}
	for k, v := range m {
		if !reflect.DeepEqual(b[k], v) {
			c[k] = v
		}
	}
	var out T
	raw, _ := json.Marshal(c)
	_ = json.Unmarshal(raw, &out)
	return out
}

// nightAdd is a turn's night, to add to what is stored.
type nightAdd struct {
	key     string
	night   session.Night // Count: the episodes to add
	request string        // "" when the turn has no ID
	expires time.Time
}

func newNightAdd(n session.Night, request string, now time.Time) nightAdd {
	n.Count = max(n.Count, 1)
	return nightAdd{key: nightKey(n), night: n, request: request, expires: nightExpiry(n, now)}
}

// apply returns old with a's episodes added, as every store keeps a night:
// counts add up, the higher level stays, a new outcome replaces the old,
// and the turn is remembered among the last maxRequests.
func (a nightAdd) apply(old item) item {
	n := a.night
	it := item{key: a.key, version: old.version + 1, expires: a.expires, night: &n}
	if old.night != nil {
		n.Count += old.night.Count
		n.Level = old.night.Level.Higher(n.Level)
		if n.Outcome == "" {
			n.Outcome = old.night.Outcome
		}
		it.requests = slices.Clone(old.requests)
	}
	if a.request != "" {
		if len(it.requests) >= maxRequests {
			it.requests = nil
		}
		it.requests = append(it.requests, a.request)
	}
	return it
}

// seen reports whether the turn of a already added to the night it.
func (a nightAdd) seen(it item) bool {
	return a.request != "" && slices.Contains(it.requests, a.request)
}

// errNoConsent is a night not kept: the stored preferences give no consent
// to keep nights, or a deletion is pending.
var errNoConsent = errors.New("no stored consent to keep nights")

// consents reports whether stored preferences let nights be kept.
func consents(it item, now time.Time) bool {
	return it.prefs != nil && it.prefs.History == session.ConsentGiven && !it.prefs.Forget && !it.expired(now)
}

// backend is what a store provides to Save.
type backend interface {
	// read returns all of the user's items, expired ones included.
	read(ctx context.Context, user string) (state, error)
	// write applies every put or none. It returns a *conflictError when a
	// condition failed.
	write(ctx context.Context, user string, puts []put) error
	// addNight adds a's episodes to the stored night, atomically with a
	// check of the stored preferences. It reports duplicate when the turn
	// had already added to it, and returns errNoConsent without consent.
	addNight(ctx context.Context, user string, a nightAdd) (duplicate bool, err error)
}

// conflictError is a write that found other versions than expected. When
// the store returned the stored items of the failed conditions (DynamoDB
// does), current holds them and no re-read is needed.
type conflictError struct {
	current state // nil: unknown, re-read
}

func (e *conflictError) Error() string { return "conditional write failed" }

// save is every store's Save: a conditional write of what ch changes of
// the context and preferences in base, re-applied to what is stored on a
// conflict; and the night, added to what is stored. The night goes first,
// unless the turn writes preferences (they may give the consent it needs):
// it is the part that must not be lost, and it never conflicts.
func save(ctx context.Context, b backend, user string, base session.Snapshot, ch session.Change, now time.Time, log *slog.Logger) (session.Snapshot, error) {
	if ch.Empty() {
		return base, nil
	}
	cur := fromSnapshot(base)
	var errs []error
	items := func() {
		var err error
		cur, err = saveItems(ctx, b, user, cur, ch, now)
		errs = append(errs, err)
	}
	if ch.Prefs != nil {
		items()
	}
	if ch.Night != nil {
		a := newNightAdd(*ch.Night, ch.Request, now)
		dup, err := b.addNight(ctx, user, a)
		switch {
		case errors.Is(err, errNoConsent):
			log.Info("night not kept: the stored preferences give no consent")
		case err != nil:
			errs = append(errs, fmt.Errorf("keep night: %w", err))
		case dup:
			log.Info("night already kept for this turn")
		default:
			// As far as this writer knows: another may have added too.
			cur = merged(cur, state{a.key: a.apply(cur[a.key])})
		}
	}
	if ch.Prefs == nil {
		items()
	}
	return cur.snapshot(now), errors.Join(errs...)
}

// saveItems writes the context and preferences of ch, and returns what is
// stored after it as far as this writer knows. After a first conflict it
// writes again at once onto the stored items the failed write returned
// (two writers settle in two writes); after more, several writers are at
// it, and it waits a random moment and reads afresh before each write.
func saveItems(ctx context.Context, b backend, user string, orig state, ch session.Change, now time.Time) (state, error) {
	cur, turn, lost := orig, ch, false
	done := func(st state) (state, error) {
		if lost {
			return st, fmt.Errorf("save: %w", session.ErrForgotten)
		}
		return st, nil
	}
	for attempt := 1; ; attempt++ {
		puts, next := plan(cur, ch, now)
		if len(puts) == 0 {
			return done(cur)
		}
		err := b.write(ctx, user, puts)
		if err == nil {
			return done(next)
		}
		var conflict *conflictError
		if !errors.As(err, &conflict) {
			return cur, fmt.Errorf("save: %w", err)
		}
		if attempt == maxAttempts {
			return cur, fmt.Errorf("save after %d attempts: %w", attempt, session.ErrConflict)
		}
		if attempt == 1 && conflict.current != nil {
			cur = merged(cur, conflict.current)
		} else {
			if attempt > 1 {
				if err := pause(ctx, attempt); err != nil {
					return cur, fmt.Errorf("save: %w", err)
				}
			}
			if cur, err = b.read(ctx, user); err != nil {
				return orig, fmt.Errorf("save: re-read after conflict: %w", err)
			}
		}
		var gone bool
		ch, gone = rebase(orig, cur, turn, now)
		lost = lost || gone
	}
}

// pause waits a moment before writing again after a conflict: a random
// few milliseconds, more each attempt, so writers that met do not meet
// again in lockstep.
func pause(ctx context.Context, attempt int) error {
	d := time.Duration(rand.Int64N(int64(attempt) * int64(5*time.Millisecond)))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// merged is st with the items of newer replacing its own.
func merged(st, newer state) state {
	out := make(state, len(st)+len(newer))
	for k, it := range st {
		out[k] = it
	}
	for k, it := range newer {
		out[k] = it
	}
	return out
}

// clock returns now, or the wall clock when now is nil.
func clock(now func() time.Time) time.Time {
	if now != nil {
		return now()
	}
	return time.Now()
}

func logger(l *slog.Logger) *slog.Logger {
	if l != nil {
		return l
	}
	return slog.Default()
}
