package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/nightlegs/nightlegs/internal/session"
	"github.com/nightlegs/nightlegs/internal/store"
)

// spyStore is the real memory store, counting every call, so a test can
// tell that a refused request touched nothing.
type spyStore struct {
	*store.Memory
	mu    sync.Mutex
	calls int
}

func (s *spyStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

func (s *spyStore) touch() {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
}

func (s *spyStore) Load(ctx context.Context, user string) (session.Snapshot, error) {
	s.touch()
	return s.Memory.Load(ctx, user)
}

func (s *spyStore) Save(ctx context.Context, user string, base session.Snapshot, ch session.Change) (session.Snapshot, error) {
	s.touch()
	return s.Memory.Save(ctx, user, base, ch)
}

func (s *spyStore) Forget(ctx context.Context, user string) error {
	s.touch()
	return s.Memory.Forget(ctx, user)
}

// send posts body to url with the given headers (Host is set on the
// request itself) and returns the status and the answer.
func send(t *testing.T, url string, header map[string]string, body []byte) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// TestServeLocalOnly: under -insecure-local, a web page cannot reach the
// skill through the listener's browser. A cross-site form or fetch can post
// text/plain without a CORS preflight, and DNS rebinding makes a foreign
// name resolve to 127.0.0.1; either could make the skill forget a listener.
func TestServeLocalOnly(t *testing.T) {
	disabled, err := os.ReadFile(filepath.Join("..", "events", "skill-disabled.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		header map[string]string
		code   int
	}{
		{"cross-site text/plain", map[string]string{"Content-Type": "text/plain", "Origin": "https://evil.example"}, http.StatusUnsupportedMediaType},
		{"form post", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"no content type", map[string]string{}, http.StatusUnsupportedMediaType},
		{"JSON-looking type", map[string]string{"Content-Type": "text/json"}, http.StatusUnsupportedMediaType},
		{"rebound name", map[string]string{"Content-Type": "application/json", "Host": "evil.example:8080"}, http.StatusForbidden},
		{"rebound name, no port", map[string]string{"Content-Type": "application/json", "Host": "evil.example"}, http.StatusForbidden},
		{"public address", map[string]string{"Content-Type": "application/json", "Host": "192.0.2.1:8080"}, http.StatusForbidden},
		{"localhost suffix", map[string]string{"Content-Type": "application/json", "Host": "localhost.evil.example"}, http.StatusForbidden},
		// What local tools send (device-route: 127.0.0.1:PORT, JSON).
		{"loopback JSON", map[string]string{"Content-Type": "application/json"}, http.StatusOK},
		{"charset", map[string]string{"Content-Type": "application/json; charset=utf-8"}, http.StatusOK},
		{"localhost", map[string]string{"Content-Type": "application/json", "Host": "localhost:8080"}, http.StatusOK},
		{"ipv6 loopback", map[string]string{"Content-Type": "application/json", "Host": "[::1]:8080"}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &spyStore{Memory: store.NewMemory()}
			sk := testSkill(t, "")
			sk.Store = st
			srv := httptest.NewServer(&endpoint{skill: sk, log: slog.New(slog.NewTextHandler(io.Discard, nil))})
			defer srv.Close()
			code, body := send(t, srv.URL+"/", tt.header, disabled)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, body)
			}
			touched := st.count() > 0
			if touched != (tt.code == http.StatusOK) {
				t.Errorf("status %d and the store was touched: %v", code, touched)
			}
			if code != http.StatusOK && !strings.Contains(string(body), `"status":`) {
				t.Errorf("refusal without the JSON error body: %s", body)
			}
		})
	}
}
