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
//     NightLifetime after its date; preferences never expire. Load leaves
//     out what has expired, but an expired context still comes back as an
//     empty Context carrying its Version, so the next write can be
//     conditional on it.
//   - Every write adds one to an item's version and is conditional on the
//     version the writer started from (none: the item must not exist).
//     Nights carry no version in package session, so a writer expects the
//     Count it saw, which every write raises.
//   - On a conflict, Save re-reads (or uses the stored items the failed
//     write returned) and re-applies the turn: this turn's context wins but
//     keeps the higher triage level and every fact either writer gathered;
//     the preference fields this turn changed win; nights are a union whose
//     counts add up. After maxAttempts it gives up with session.ErrConflict.
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
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/triage"
)

const (
	// ContextLifetime is how long a conversation is kept after its last
	// turn: long enough to resume it later in the night, short enough that
	// yesterday's cramp is not tonight's.
	ContextLifetime = 6 * time.Hour
	// NightLifetime is how long a night is kept after its date: enough to
	// notice a pattern worth telling a doctor about.
	NightLifetime = 90 * 24 * time.Hour
	// maxAttempts bounds the writes of one Save: two writers on the same
	// user (two devices, a retried invocation) settle in two.
	maxAttempts = 3
)

// Item keys (DynamoDB's sort key sk).
const (
	keyContext     = "CONTEXT"
	keyPrefs       = "PREFS"
	keyNightPrefix = "NIGHT#"
)

// nightKey is the key of the night n is about: one item per date and topic.
func nightKey(n session.Night) string {
	return keyNightPrefix + n.Date + "#" + n.Topic
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
			if it.prefs != nil {
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
		return strings.Compare(a.Date+"#"+a.Topic, b.Date+"#"+b.Topic)
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
		st[nightKey(n)] = item{key: nightKey(n), version: int64(n.Count), night: &n}
	}
	return st
}

// put is one conditional write: the item, and the version the stored item
// must have for it to go ahead (0: there must be no item, or none with a
// readable version).
type put struct {
	item   item
	expect int64
}

// plan turns a change into the writes that apply it to st, and the state
// after them.
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
		add(item{key: keyPrefs, version: p.Version, prefs: &p})
	}
	if ch.Night != nil {
		n := *ch.Night
		k := nightKey(n)
		old := st[k]
		episodes := max(n.Count, 1)
		if old.night != nil && !old.expired(now) {
			n.Count = old.night.Count + episodes
			n.Level = triage.Higher(old.night.Level, n.Level)
			if n.Outcome == "" {
				n.Outcome = old.night.Outcome
			}
		} else {
			n.Count = episodes
		}
		add(item{key: k, version: max(old.version+1, int64(n.Count)), expires: nightExpiry(n, now), night: &n})
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
// what the turn started from (orig).
func rebase(orig, cur state, ch session.Change, now time.Time) session.Change {
	out := session.Change{Night: ch.Night}
	if ch.Context != nil {
		c := ch.Context.Clone()
		if old := cur[keyContext]; old.context != nil && !old.expired(now) {
			// A warning sign the other writer heard must not be lost.
			c.Level = triage.Higher(c.Level, old.context.Level)
			c.AddFacts(old.context.Facts...)
		}
		out.Context = c
	}
	if ch.Prefs != nil {
		var before, stored session.Prefs
		if it := orig[keyPrefs]; it.prefs != nil {
			before = *it.prefs
		}
		if it := cur[keyPrefs]; it.prefs != nil {
			stored = *it.prefs
		}
		p := mergeFields(before, *ch.Prefs, stored)
		p.Version, stored.Version = 0, 0
		if p != stored {
			out.Prefs = &p
		}
	}
	return out
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

// backend is what a store provides to Save.
type backend interface {
	// read returns all of the user's items, expired ones included.
	read(ctx context.Context, user string) (state, error)
	// write applies every put or none. It returns a *conflictError when a
	// condition failed.
	write(ctx context.Context, user string, puts []put) error
}

// conflictError is a write that found other versions than expected. When
// the store returned the stored items of the failed conditions (DynamoDB
// does), current holds them and no re-read is needed; absent items are
// zero items with their key.
type conflictError struct {
	current state // nil: unknown, re-read
}

func (e *conflictError) Error() string { return "conditional write failed" }

// save is every store's Save: a conditional write of what ch changes in
// base, and on a conflict the turn re-applied to what is stored now.
func save(ctx context.Context, b backend, user string, base session.Snapshot, ch session.Change, now time.Time) (session.Snapshot, error) {
	if ch.Empty() {
		return base, nil
	}
	orig := fromSnapshot(base)
	cur, turn := orig, ch
	for attempt := 1; ; attempt++ {
		puts, next := plan(cur, ch, now)
		if len(puts) == 0 {
			return cur.snapshot(now), nil
		}
		err := b.write(ctx, user, puts)
		if err == nil {
			return next.snapshot(now), nil
		}
		var conflict *conflictError
		if !errors.As(err, &conflict) {
			return session.Snapshot{}, fmt.Errorf("save: %w", err)
		}
		if attempt == maxAttempts {
			return session.Snapshot{}, fmt.Errorf("save after %d attempts: %w", attempt, session.ErrConflict)
		}
		if conflict.current != nil {
			cur = merged(cur, conflict.current)
		} else if cur, err = b.read(ctx, user); err != nil {
			return session.Snapshot{}, fmt.Errorf("save: re-read after conflict: %w", err)
		}
		ch = rebase(orig, cur, turn, now)
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
