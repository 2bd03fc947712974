package store

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"sync"
	"time"

	"github.com/nightlegs/nightlegs/internal/session"
)

// Memory keeps everything in the process: for tests, transcripts and the
// console's -memory. It encodes items as Bolt does, so it behaves the same,
// bad data included. Set the fields before first use.
type Memory struct {
	// Now is the store's clock for expiry; nil means the wall clock.
	Now func() time.Time
	Log *slog.Logger

	mu    sync.Mutex
	users map[string]memRecords
}

// NewMemory returns an empty in-process store.
func NewMemory() *Memory { return &Memory{users: map[string]memRecords{}} }

// Load returns what is kept for user.
func (m *Memory) Load(ctx context.Context, user string) (session.Snapshot, error) {
	st, err := m.read(ctx, user)
	if err != nil {
		return session.Snapshot{}, fmt.Errorf("load: %w", err)
	}
	return st.snapshot(clock(m.Now)), nil
}

// Save writes ch conditional on the versions in base; see package doc.
func (m *Memory) Save(ctx context.Context, user string, base session.Snapshot, ch session.Change) (session.Snapshot, error) {
	return save(ctx, m, user, base, ch, clock(m.Now), logger(m.Log))
}

// Forget deletes everything kept for user.
func (m *Memory) Forget(ctx context.Context, user string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("forget: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.users, user)
	return nil
}

func (m *Memory) read(ctx context.Context, user string) (state, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return readRecords(m.users[user], logger(m.Log)), nil
}

func (m *Memory) write(ctx context.Context, user string, puts []put) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.users == nil {
		m.users = map[string]memRecords{}
	}
	rs := m.users[user]
	if rs == nil {
		rs = memRecords{}
	}
	// Write to a copy so a failed write leaves nothing behind.
	next := maps.Clone(rs)
	if err := writeRecords(next, puts); err != nil {
		return err
	}
	m.users[user] = next
	return nil
}

func (m *Memory) addNight(ctx context.Context, user string, a nightAdd) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	rs := m.users[user]
	if rs == nil {
		// Without preferences there is no consent.
		return false, errNoConsent
	}
	return addRecord(rs, a, clock(m.Now), logger(m.Log))
}

// setRaw stores b as the item under key, for tests of bad data.
func (m *Memory) setRaw(user, key string, b []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.users == nil {
		m.users = map[string]memRecords{}
	}
	if m.users[user] == nil {
		m.users[user] = memRecords{}
	}
	m.users[user][key] = b
}

type memRecords map[string][]byte

func (r memRecords) get(key string) []byte { return r[key] }

func (r memRecords) set(key string, b []byte) error {
	r[key] = b
	return nil
}

func (r memRecords) each(fn func(string, []byte)) {
	for k, b := range r {
		fn(k, b)
	}
}
