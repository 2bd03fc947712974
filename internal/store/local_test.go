package store_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/skill"
	"github.com/nightlegs/nightlegs/internal/store"
	"github.com/nightlegs/nightlegs/internal/store/storetest"
)

var (
	_ skill.Store = (*store.Memory)(nil)
	_ skill.Store = (*store.Bolt)(nil)
	_ skill.Store = store.Store(nil)
)

// quietLog keeps the expected warnings about bad items out of test output.
func quietLog(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, nil))
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

func TestMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) storetest.Target {
		m := store.NewMemory()
		m.Now, m.Log = now, quietLog(t)
		return storetest.Target{Store: m, Corrupt: m.Corrupt}
	})
}

func TestBolt(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) storetest.Target {
		b := openBolt(t, filepath.Join(t.TempDir(), "night-legs.db"))
		b.Now, b.Log = now, quietLog(t)
		return storetest.Target{Store: b, Corrupt: b.Corrupt}
	})
}

func openBolt(t *testing.T, path string) *store.Bolt {
	t.Helper()
	b, err := store.OpenBolt(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// The console remembers across runs.
func TestBoltKeepsAcrossOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "dir", "night-legs.db")
	b := openBolt(t, path)
	ctx := context.Background()
	if _, err := b.Save(ctx, "u", session.Snapshot{}, session.Change{Context: &session.Context{Topic: "cramp"}}); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	b = openBolt(t, path)
	snap, err := b.Load(ctx, "u")
	if err != nil {
		t.Fatal(err)
	}
	if snap.Context.Topic != "cramp" || snap.Context.Version != 1 {
		t.Errorf("after reopening: %+v", snap.Context)
	}
}

// A second console on the same file gets a clear error, not a hang.
func TestBoltSecondOpenFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "night-legs.db")
	openBolt(t, path)
	start := time.Now()
	_, err := store.OpenBolt(path)
	if err == nil {
		t.Fatal("second OpenBolt succeeded")
	}
	if !strings.Contains(err.Error(), "another Night Legs") {
		t.Errorf("error %q does not say what is wrong", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v", d)
	}
}

// Stores never log what a listener said next to their key: bad items are
// logged by key and cause only.
func TestBadItemLogNamesNoContent(t *testing.T) {
	var buf bytes.Buffer
	m := store.NewMemory()
	m.Log = slog.New(slog.NewJSONHandler(&buf, nil))
	ctx := context.Background()
	if _, err := m.Save(ctx, "u", session.Snapshot{}, session.Change{Context: &session.Context{Topic: "cramp", Facts: []string{"leg_warm"}}}); err != nil {
		t.Fatal(err)
	}
	m.Corrupt(t, "u", "CONTEXT")
	if _, err := m.Load(ctx, "u"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "does not decode") || !strings.Contains(buf.String(), "CONTEXT") {
		t.Errorf("bad item not logged: %s", buf.String())
	}
}

func TestOpenChooses(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	tests := []struct {
		cfg  store.Config
		want string
	}{
		{store.Config{Memory: true, Path: path}, "*store.Memory"},
		{store.Config{Path: path}, "*store.Bolt"},
		{store.Config{Endpoint: endpoint(t), Path: path, Memory: true}, "*store.Dynamo"},
	}
	for _, tt := range tests {
		st, err := store.Open(ctx, tt.cfg)
		if err != nil {
			t.Fatalf("Open(%+v): %v", tt.cfg, err)
		}
		if got := fmt.Sprintf("%T", st); got != tt.want {
			t.Errorf("Open(%+v) = %s, want %s", tt.cfg, got, tt.want)
		}
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	}
	if _, err := store.Open(ctx, store.Config{}); err == nil {
		t.Error("Open with nothing configured succeeded")
	}
}
