package store

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/session"
)

// contested is a backend where another writer always wins.
type contested struct {
	reads, writes int
	writeErr      error
}

func (c *contested) read(context.Context, string) (state, error) {
	c.reads++
	return state{keyContext: {key: keyContext, version: int64(100 + c.reads), context: &session.Context{Topic: "other"}}}, nil
}

func (c *contested) write(context.Context, string, []put) error {
	c.writes++
	if c.writeErr != nil {
		return c.writeErr
	}
	return &conflictError{}
}

func (c *contested) addNight(context.Context, string, nightAdd) (bool, error) { return false, nil }

func TestSaveGivesUpWithErrConflict(t *testing.T) {
	b := &contested{}
	ch := session.Change{Context: &session.Context{Topic: "cramp"}}
	_, err := save(context.Background(), b, "u", session.Snapshot{}, ch, time.Now(), slog.New(slog.DiscardHandler))
	if !errors.Is(err, session.ErrConflict) {
		t.Fatalf("err = %v, want ErrConflict", err)
	}
	if b.writes != maxAttempts || b.reads != maxAttempts-1 {
		t.Errorf("%d writes, %d reads; want %d and %d", b.writes, b.reads, maxAttempts, maxAttempts-1)
	}
}

func TestSaveFailureIsNotAConflict(t *testing.T) {
	b := &contested{writeErr: errors.New("throttled")}
	_, err := save(context.Background(), b, "u", session.Snapshot{}, session.Change{Prefs: &session.Prefs{Voice: "normal"}}, time.Now(), slog.New(slog.DiscardHandler))
	if err == nil || errors.Is(err, session.ErrConflict) || b.writes != 1 {
		t.Errorf("err = %v after %d writes; want the store's error after one", err, b.writes)
	}
}

func TestMergeFields(t *testing.T) {
	tests := []struct {
		name                    string
		before, mine, cur, want session.Prefs
	}{
		{"mine changed voice", session.Prefs{}, session.Prefs{Voice: "normal"}, session.Prefs{History: "yes"}, session.Prefs{Voice: "normal", History: "yes"}},
		{"both changed history, mine wins", session.Prefs{History: "yes"}, session.Prefs{History: "no"}, session.Prefs{History: "yes", Voice: "soft"}, session.Prefs{History: "no", Voice: "soft"}},
		{"mine cleared voice", session.Prefs{Voice: "normal"}, session.Prefs{}, session.Prefs{Voice: "normal", History: "yes"}, session.Prefs{History: "yes"}},
		{"unchanged fields keep theirs", session.Prefs{Voice: "soft"}, session.Prefs{Voice: "soft"}, session.Prefs{Voice: "normal"}, session.Prefs{Voice: "normal"}},
		{"versions are not fields", session.Prefs{Version: 1}, session.Prefs{Version: 1}, session.Prefs{Version: 7}, session.Prefs{}},
	}
	for _, tt := range tests {
		if got := mergeFields(tt.before, tt.mine, tt.cur); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
