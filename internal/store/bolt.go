//go:build !lambda

package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/nightlegs/nightlegs/internal/session"
)

// usersBucket holds one nested bucket per user key, whose keys are the item
// keys and whose values are JSON records (see record).
var usersBucket = []byte("users")

// lockTimeout is how long OpenBolt waits for another process to let go of
// the file: long enough to ride over a console that is closing.
const lockTimeout = time.Second

// Bolt keeps everything in one local file (go.etcd.io/bbolt): the console's
// and -serve's memory across runs. One process at a time may open the file.
// Set the fields before first use.
type Bolt struct {
	// Now is the store's clock for expiry; nil means the wall clock.
	Now func() time.Time
	Log *slog.Logger

	db *bolt.DB
}

// openFile is Open's file store. The Lambda build (-tags lambda), whose
// file system is not kept, has none and leaves bbolt out (nofile.go).
func openFile(path string) (Store, error) {
	b, err := OpenBolt(path)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// OpenBolt opens (creating it and its directory if needed) the store file at
// path.
func OpenBolt(path string) (*Bolt, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("open store %s: another Night Legs (console or -serve) is using it; close it or pick another file with -store: %w", path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(usersBucket)
		return err
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Bolt{db: db}, nil
}

// Close closes the file.
func (s *Bolt) Close() error { return s.db.Close() }

// Load returns what is kept for user.
func (s *Bolt) Load(ctx context.Context, user string) (session.Snapshot, error) {
	st, err := s.read(ctx, user)
	if err != nil {
		return session.Snapshot{}, fmt.Errorf("load: %w", err)
	}
	return st.snapshot(clock(s.Now)), nil
}

// Save writes ch conditional on the versions in base; see package doc.
func (s *Bolt) Save(ctx context.Context, user string, base session.Snapshot, ch session.Change) (session.Snapshot, error) {
	return save(ctx, s, user, base, ch, clock(s.Now), logger(s.Log))
}

// Forget deletes everything kept for user.
func (s *Bolt) Forget(ctx context.Context, user string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		err := tx.Bucket(usersBucket).DeleteBucket([]byte(user))
		if errors.Is(err, bolterrors.ErrBucketNotFound) {
			return nil
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("forget: %w", err)
	}
	return nil
}

func (s *Bolt) read(ctx context.Context, user string) (state, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var st state
	err := s.db.View(func(tx *bolt.Tx) error {
		st = readRecords(boltRecords{tx.Bucket(usersBucket).Bucket([]byte(user))}, logger(s.Log))
		return nil
	})
	return st, err
}

func (s *Bolt) write(ctx context.Context, user string, puts []put) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.Bucket(usersBucket).CreateBucketIfNotExists([]byte(user))
		if err != nil {
			return err
		}
		// A failed check returns an error, which rolls the transaction back.
		return writeRecords(boltRecords{b}, puts)
	})
}

func (s *Bolt) addNight(ctx context.Context, user string, a nightAdd) (dup bool, err error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(usersBucket).Bucket([]byte(user))
		if b == nil {
			// Without preferences there is no consent.
			return errNoConsent
		}
		dup, err = addRecord(boltRecords{b}, a, clock(s.Now), logger(s.Log))
		return err
	})
	return dup, err
}

// setRaw stores b as the item under key, for tests of bad data.
func (s *Bolt) setRaw(user, key string, b []byte) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		bk, err := tx.Bucket(usersBucket).CreateBucketIfNotExists([]byte(user))
		if err != nil {
			return err
		}
		return bk.Put([]byte(key), b)
	})
}

// boltRecords is a user's bucket; nil when the user has none.
type boltRecords struct{ b *bolt.Bucket }

func (r boltRecords) get(key string) []byte {
	if r.b == nil {
		return nil
	}
	return r.b.Get([]byte(key))
}

func (r boltRecords) set(key string, v []byte) error { return r.b.Put([]byte(key), v) }

func (r boltRecords) each(fn func(string, []byte)) {
	if r.b == nil {
		return
	}
	_ = r.b.ForEach(func(k, v []byte) error {
		fn(string(k), v)
		return nil
	})
}
