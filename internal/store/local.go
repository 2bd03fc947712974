package store

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/internal/session"
)

// record is how Memory and Bolt keep an item: JSON, so both read what the
// other wrote and an item can be looked at by hand.
type record struct {
	Schema  int              `json:"schema"`
	Version int64            `json:"version"`
	Expires int64            `json:"expiresAt,omitempty"` // epoch seconds
	Context *session.Context `json:"context,omitempty"`
	Prefs   *session.Prefs   `json:"prefs,omitempty"`
	Night   *session.Night   `json:"night,omitempty"`
	// Requests are the turns that added to a night.
	Requests []string `json:"requests,omitempty"`
}

func encodeRecord(it item) ([]byte, error) {
	r := record{Schema: session.Schema, Version: it.version, Context: it.context, Prefs: it.prefs, Night: it.night, Requests: it.requests}
	if !it.expires.IsZero() {
		r.Expires = it.expires.Unix()
	}
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", it.key, err)
	}
	return b, nil
}

// decodeRecord decodes the item stored under key. When the payload does not
// decode it still returns the key and, if readable, the version, so a write
// can replace the item.
func decodeRecord(key string, b []byte) (item, error) {
	it := item{key: key, version: recordVersion(b)}
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return it, fmt.Errorf("decode %s: %w", key, err)
	}
	if r.Schema != session.Schema {
		return it, fmt.Errorf("decode %s: schema %d, want %d", key, r.Schema, session.Schema)
	}
	if r.Expires != 0 {
		it.expires = time.Unix(r.Expires, 0)
	}
	switch {
	case key == keyContext && r.Context != nil:
		it.context = r.Context
		it.context.Version = it.version
	case key == keyPrefs && r.Prefs != nil:
		it.prefs = r.Prefs
		it.prefs.Version = it.version
	case strings.HasPrefix(key, keyNightPrefix) && r.Night != nil:
		it.night = r.Night
		it.requests = r.Requests
	default:
		return it, fmt.Errorf("decode %s: no payload for this key", key)
	}
	return it, nil
}

// recordVersion reads only the version, or 0 when even that is unreadable.
func recordVersion(b []byte) int64 {
	var v struct {
		Version int64 `json:"version"`
	}
	if json.Unmarshal(b, &v) != nil {
		return 0
	}
	return v.Version
}

// records is one user's encoded items: a map in Memory, a bucket in Bolt.
type records interface {
	get(key string) []byte
	set(key string, b []byte) error
	each(fn func(key string, b []byte))
}

// readRecords decodes a user's items, logging and skipping what does not
// decode.
func readRecords(rs records, log *slog.Logger) state {
	st := state{}
	rs.each(func(k string, b []byte) {
		it, err := decodeRecord(k, b)
		if err != nil {
			log.Warn("ignored stored item that does not decode", "key", k, "err", err)
		}
		st[k] = it
	})
	return st
}

// writeRecords checks every put's condition, then writes them all.
func writeRecords(rs records, puts []put) error {
	for _, p := range puts {
		var have int64
		if b := rs.get(p.item.key); b != nil {
			have = recordVersion(b)
		}
		if have != p.expect && !p.touch {
			return &conflictError{}
		}
	}
	for _, p := range puts {
		it := p.item
		if p.touch {
			b := rs.get(it.key)
			if b == nil {
				continue
			}
			old, err := decodeRecord(it.key, b)
			if err != nil || old.prefs == nil || old.prefs.Forget || old.expired(it.prefs.Updated) {
				continue
			}
			old.prefs.Updated, old.expires = it.prefs.Updated, it.expires
			it = old
		}
		b, err := encodeRecord(it)
		if err == nil {
			err = rs.set(it.key, b)
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", it.key, err)
		}
	}
	return nil
}

// addRecord adds a's episodes to the night in rs, if the stored
// preferences give consent; see backend.addNight.
func addRecord(rs records, a nightAdd, now time.Time, log *slog.Logger) (bool, error) {
	b := rs.get(keyPrefs)
	if b == nil {
		return false, errNoConsent
	}
	prefs, err := decodeRecord(keyPrefs, b)
	if err != nil || !consents(prefs, now) {
		return false, errNoConsent
	}
	old := item{key: a.key}
	if b := rs.get(a.key); b != nil {
		if old, err = decodeRecord(a.key, b); err != nil {
			// Replaced: what does not decode counts for nothing.
			log.Warn("replacing stored night that does not decode", "key", a.key, "err", err)
			old = item{key: a.key, version: old.version}
		}
	}
	if a.seen(old) {
		return true, nil
	}
	rec, err := encodeRecord(a.apply(old))
	if err == nil {
		err = rs.set(a.key, rec)
	}
	if err != nil {
		return false, fmt.Errorf("write %s: %w", a.key, err)
	}
	return false, nil
}
