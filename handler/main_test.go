package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/skill"
)

// testConfig parses flags with the environment cleared, so a developer's
// TABLE_NAME or SKILL_ID cannot change what the tests run against.
func testConfig(t *testing.T, args ...string) config {
	t.Helper()
	for _, k := range []string{"SKILL_ID", "TABLE_NAME", "DYNAMODB_ENDPOINT", "LOG_LEVEL", "USER_KEY_SECRET", "AWS_LAMBDA_RUNTIME_API"} {
		t.Setenv(k, "")
	}
	cfg, err := parseFlags(args)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// console runs the console on input and returns standard output and error.
func console(t *testing.T, input string, args ...string) (stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	if err := run(context.Background(), testConfig(t, args...), strings.NewReader(input), &out, &errw); err != nil {
		t.Fatalf("run %q: %v\nstderr: %s", args, err, errw.String())
	}
	return out.String(), errw.String()
}

func TestConsoleReadable(t *testing.T) {
	out, errw := console(t, "my calf is cramping\nyes\nno thanks\nyes\n", "-memory")
	for _, want := range []string{
		"> my calf is cramping\nNight Legs: For a calf cramp, straighten your leg",
		"  asks: Is it easing?\n  (session open, triage: self_care)\n",
		"> no thanks\nNight Legs: Okay. Goodnight, rest easy.\n  (session ended",
		// The skill ended the session: "yes" starts a new one, with no
		// question pending.
		"> yes\nNight Legs: Sorry, I didn't catch that.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<") && strings.Contains(out, "speak>") {
		t.Errorf("SSML tags on stdout:\n%s", out)
	}
	if strings.Contains(out, "Night Legs console") || !strings.Contains(errw, "Night Legs console") {
		t.Errorf("banner belongs on stderr only;\nstdout: %s\nstderr: %s", out, errw)
	}
}

func TestConsoleJSON(t *testing.T) {
	input := "my calf is cramping\nstop\nyes\n\nopen night legs\nhelp\n"
	out, errw := console(t, input, "-memory", "-json", "-log-level", "debug")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines on stdout for 6 turns:\n%s", len(lines), out)
	}
	var said []string
	for i, l := range lines {
		var r alexa.ResponseEnvelope
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("line %d is not a response envelope: %v\n%s", i+1, err, l)
		}
		if r.Version != "1.0" || r.Response.OutputSpeech == nil || r.Response.ShouldEndSession == nil {
			t.Errorf("line %d is not a complete response: %s", i+1, l)
		}
		said = append(said, device.Spoken(r.Response.OutputSpeech))
	}
	if !strings.Contains(said[0], "pull your toes up") || !strings.Contains(said[1], "rest easy") {
		t.Errorf("cramp then stop: %q", said[:2])
	}
	// After stop ended the session, "yes" is a new session's first line.
	if !strings.Contains(said[2], "didn't catch that") {
		t.Errorf("yes after the session ended = %q, want the new-session answer", said[2])
	}
	if !strings.Contains(said[3], "Night Legs here") || !strings.Contains(said[4], "Night Legs here") {
		t.Errorf("empty line and open night legs = %q, want the welcome", said[3:5])
	}
	// Debug logs were asked for: they must all be on stderr.
	if !strings.Contains(errw, `"msg":"handled"`) {
		t.Errorf("no logs on stderr at debug level:\n%s", errw)
	}
}

// TestConsoleStore: -store keeps a file that the next run can open again
// (the first run let go of it); -memory writes nothing.
func TestConsoleStore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "nl.db")
	console(t, "my calf is cramping\n", "-store", path)
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 {
		t.Fatalf("store file after a run: %v, %v", fi, err)
	}
	out, _ := console(t, "open night legs\n", "-store", path, "-json")
	if strings.Count(out, "\n") != 1 {
		t.Errorf("second run on the same file:\n%s", out)
	}

	mem := t.TempDir()
	console(t, "my calf is cramping\n", "-memory", "-store", filepath.Join(mem, "x.db"))
	if entries, _ := os.ReadDir(mem); len(entries) != 0 {
		t.Errorf("-memory wrote %v", entries)
	}
}

func TestConsoleSkillID(t *testing.T) {
	// The console's device speaks for the configured skill, so a SKILL_ID
	// check does not lock it out.
	out, _ := console(t, "my calf is cramping\n", "-memory", "-skill-id", "amzn1.ask.skill.real", "-json")
	if !strings.Contains(out, "toes") {
		t.Errorf("with -skill-id: %s", out)
	}
}

func TestConsoleErrors(t *testing.T) {
	var out, errw bytes.Buffer
	err := run(context.Background(), testConfig(t, "-memory", "-locale", "xx-XX"), strings.NewReader("hi\n"), &out, &errw)
	if err == nil || !strings.Contains(err.Error(), "en-US") {
		t.Errorf("unknown locale: %v, want an error naming the locales there are", err)
	}
	err = run(context.Background(), testConfig(t, "-memory", "-log-level", "loud"), strings.NewReader(""), &out, &errw)
	if err == nil {
		t.Errorf("bad log level accepted")
	}
	if out.Len() != 0 {
		t.Errorf("stdout on errors: %q", out.String())
	}
}

func TestConsoleCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	defer pw.Close()
	done := make(chan error, 1)
	var out, errw bytes.Buffer
	cfg := testConfig(t, "-memory")
	go func() { done <- run(ctx, cfg, pr, &out, &errw) }()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run after cancel = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("console did not stop when its context was cancelled")
	}
}

func TestFlags(t *testing.T) {
	var cfg config
	cfg = testConfig(t)
	if cfg.locale != "en-US" || cfg.user == "" || cfg.storePath == "" || cfg.memory || cfg.jsonOut {
		t.Errorf("defaults = %+v", cfg)
	}
	if _, err := parseFlags([]string{"extra"}); err == nil {
		t.Error("stray argument accepted")
	}
	if _, err := parseFlags([]string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h = %v", err)
	}
	t.Setenv("SKILL_ID", "amzn1.ask.skill.env")
	t.Setenv("TABLE_NAME", "nl")
	t.Setenv("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")
	cfg, err := parseFlags(nil)
	if err != nil || cfg.skillID != "amzn1.ask.skill.env" || cfg.tableName != "nl" || !cfg.lambda {
		t.Errorf("environment: %+v, %v", cfg, err)
	}
}

// Under Lambda the program refuses to start without SKILL_ID or with a
// USER_KEY_SECRET shorter than 32 bytes, and says why in its log, before
// opening a store or serving anything.
func TestLambdaRefusesWeakConfiguration(t *testing.T) {
	strong := strings.Repeat("k", 32)
	tests := []struct {
		name, skillID, secret string
		refused               []string // what the log line names
	}{
		{"no skill ID", "", strong, []string{"SKILL_ID"}},
		{"no secret", "amzn1.ask.skill.1", "", []string{"USER_KEY_SECRET is 0 bytes"}},
		{"short secret", "amzn1.ask.skill.1", strings.Repeat("k", 31), []string{"USER_KEY_SECRET is 31 bytes"}},
		{"neither", "", "", []string{"SKILL_ID", "USER_KEY_SECRET"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(t)
			cfg.lambda, cfg.skillID, cfg.userKeySecret = true, tt.skillID, tt.secret
			cfg.storePath = filepath.Join(t.TempDir(), "never", "opened.db")
			var stderr bytes.Buffer
			err := run(context.Background(), cfg, strings.NewReader(""), io.Discard, &stderr)
			if err == nil {
				t.Fatal("started")
			}
			var rec map[string]any
			if json.Unmarshal(stderr.Bytes(), &rec) != nil || rec["level"] != "ERROR" || rec["msg"] != "refusing to start" {
				t.Fatalf("log = %q, want one error line saying it refuses to start", stderr.String())
			}
			for _, want := range tt.refused {
				if !strings.Contains(fmt.Sprint(rec["reason"]), want) {
					t.Errorf("reason %q does not name %q", rec["reason"], want)
				}
			}
			if strings.Contains(stderr.String(), tt.secret) && tt.secret != "" {
				t.Error("the log line shows the secret")
			}
			if _, err := os.Stat(filepath.Dir(cfg.storePath)); err == nil {
				t.Error("a store was opened before refusing")
			}
		})
	}
	cfg := testConfig(t)
	cfg.skillID, cfg.userKeySecret = "amzn1.ask.skill.1", strong
	if err := checkLambda(cfg); err != nil {
		t.Errorf("a good configuration is refused: %v", err)
	}
}

// TestUsage: -h documents every flag.
func TestUsage(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = w
	_, perr := parseFlags([]string{"-h"})
	os.Stderr = stderr
	w.Close()
	usage, _ := io.ReadAll(r)
	if !errors.Is(perr, flag.ErrHelp) {
		t.Fatal(perr)
	}
	for _, f := range []string{"-serve", "-insecure-local", "-json", "-locale", "-user", "-store", "-memory", "-skill-id", "-log-level", "-tls-cert", "-tls-key", "SKILL_ID", "TABLE_NAME", "LOG_LEVEL", "HTTPS_PROXY", "SSL_CERT_FILE"} {
		if !strings.Contains(string(usage), f) {
			t.Errorf("usage does not mention %s", f)
		}
	}
}

func TestCheckServe(t *testing.T) {
	const id = "amzn1.ask.skill.1a2b3c4d-0000-4000-8000-000000000001"
	tests := []struct {
		addr            string
		insecure        bool
		skillID         string
		tlsCert, tlsKey string
		ok              bool
	}{
		{"127.0.0.1:8080", true, "", "", "", true},
		{"127.0.0.2:8080", true, "", "", "", true},
		{"[::1]:8080", true, "", "", "", true},
		{"localhost:8080", true, "", "", "", true},
		{"127.0.0.1:8080", true, id, "", "", true},
		{"0.0.0.0:8080", true, "", "", "", false},
		{":8080", true, "", "", "", false},
		{"[::]:8080", true, "", "", "", false},
		{"192.168.1.20:8080", true, "", "", "", false},
		{"example.com:8080", true, "", "", "", false},
		{"127.0.0.1", true, "", "", "", false},
		// Verified: any address, but only with a skill ID.
		{"127.0.0.1:8080", false, "", "", "", false},
		{":8443", false, "", "", "", false},
		{":8443", false, id, "", "", true},
		{"0.0.0.0:8080", false, id, "", "", true},
		{"[::]:8443", false, id, "c.pem", "k.pem", true},
		{":8443", false, id, "c.pem", "", false},
		{":8443", false, id, "", "k.pem", false},
		{"8443", false, id, "", "", false},
	}
	for _, tt := range tests {
		cfg := config{serve: tt.addr, insecureLocal: tt.insecure, skillID: tt.skillID, tlsCert: tt.tlsCert, tlsKey: tt.tlsKey}
		err := checkServe(cfg)
		if (err == nil) != tt.ok {
			t.Errorf("checkServe(%+v) = %v, want ok=%v", cfg, err, tt.ok)
		}
	}
}

// TestServeRefuses: run refuses to serve without a skill ID to verify
// requests for, unverified on a public address, or with TLS files it cannot
// use, before opening a store or a port.
func TestServeRefuses(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.pem")
	for _, tt := range []struct {
		args []string
		want string // in the error
	}{
		{[]string{"-serve", "127.0.0.1:0"}, "SKILL_ID"},
		{[]string{"-serve", "0.0.0.0:0", "-insecure-local"}, "loopback"},
		{[]string{"-serve", "127.0.0.1:0", "-skill-id", "amzn1.ask.skill.x", "-tls-cert", missing, "-tls-key", missing}, "missing.pem"},
		{[]string{"-serve", "127.0.0.1:0", "-skill-id", "amzn1.ask.skill.x", "-tls-cert", missing}, "-tls-key"},
		{[]string{"-tls-cert", missing, "-tls-key", missing}, "-serve"},
	} {
		var out, errw bytes.Buffer
		dir := t.TempDir()
		args := append(tt.args, "-store", filepath.Join(dir, "x.db"))
		err := run(context.Background(), testConfig(t, args...), strings.NewReader(""), &out, &errw)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("run %q = %v, want a refusal naming %s", args, err, tt.want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("run %q opened the store before refusing", args)
		}
	}
}

func testSkill(t *testing.T, skillID string) *skill.Skill {
	t.Helper()
	cfg := testConfig(t)
	cfg.skillID = skillID
	sk, err := newSkill(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return sk
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func post(t *testing.T, url, method string, body []byte) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

func TestServeAnswers(t *testing.T) {
	srv := httptest.NewServer(&endpoint{skill: testSkill(t, ""), log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	defer srv.Close()
	tests := []struct{ file, want string }{
		{"launch.json", "Night Legs here"},
		{"intent-cramp.json", "pull your toes up"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, h, body := post(t, srv.URL+"/", http.MethodPost, readFile(t, tt.file))
			if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
				t.Fatalf("status %d, %s: %s", code, h.Get("Content-Type"), body)
			}
			var r alexa.ResponseEnvelope
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatal(err)
			}
			if got := device.Spoken(r.Response.OutputSpeech); !strings.Contains(got, tt.want) {
				t.Errorf("said %q, want %q in it", got, tt.want)
			}
			if r.Response.ShouldEndSession == nil || *r.Response.ShouldEndSession {
				t.Errorf("session not kept open for the answer")
			}
		})
	}
}

func TestServeErrors(t *testing.T) {
	srv := httptest.NewServer(&endpoint{skill: testSkill(t, "amzn1.ask.skill.1a2b3c4d-0000-4000-8000-000000000001"), log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	defer srv.Close()
	launch := readFile(t, "launch.json")
	other := bytes.ReplaceAll(launch, []byte("1a2b3c4d-0000-4000-8000-000000000001"), []byte("00000000-0000-4000-8000-000000000000"))
	big := append([]byte(`{"version":"1.0","pad":"`), bytes.Repeat([]byte("x"), 300<<10)...)
	big = append(big, `"}`...)
	tests := []struct {
		name, method, path string
		body               []byte
		code               int
	}{
		{"the right skill", http.MethodPost, "/", launch, http.StatusOK},
		{"wrong method", http.MethodGet, "/", nil, http.StatusMethodNotAllowed},
		{"wrong path", http.MethodPost, "/other", launch, http.StatusNotFound},
		{"too large", http.MethodPost, "/", big, http.StatusRequestEntityTooLarge},
		{"malformed JSON", http.MethodPost, "/", []byte(`{"version": "1.0",`), http.StatusBadRequest},
		{"not JSON", http.MethodPost, "/", []byte(`hello`), http.StatusBadRequest},
		{"empty", http.MethodPost, "/", nil, http.StatusBadRequest},
		{"no request type", http.MethodPost, "/", []byte(`{"version":"1.0"}`), http.StatusBadRequest},
		{"wrong skill", http.MethodPost, "/", other, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, h, body := post(t, srv.URL+tt.path, tt.method, tt.body)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, body)
			}
			if code == http.StatusOK {
				return
			}
			var e struct {
				Error struct {
					Status  int    `json:"status"`
					Message string `json:"message"`
				} `json:"error"`
			}
			if err := json.Unmarshal(body, &e); err != nil || e.Error.Status != code || e.Error.Message == "" {
				t.Errorf("error body %q (%v), want JSON naming the status and the problem", body, err)
			}
			if h.Get("Content-Type") != "application/json" {
				t.Errorf("error Content-Type %q", h.Get("Content-Type"))
			}
			if code == http.StatusMethodNotAllowed && h.Get("Allow") != http.MethodPost {
				t.Errorf("405 without Allow: POST")
			}
		})
	}
}

// TestServeShutdown serves on a real port, answers, and stops cleanly when
// the context ends, as on SIGINT or SIGTERM.
func TestServeShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var errw bytes.Buffer
	done := make(chan error, 1)
	sk := testSkill(t, "")
	go func() { done <- serveOn(ctx, ln, &endpoint{skill: sk, log: sk.Log}, nil, &errw) }()
	code, _, body := post(t, "http://"+ln.Addr().String()+"/", http.MethodPost, readFile(t, "launch.json"))
	if code != http.StatusOK {
		t.Errorf("status %d: %s", code, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve = %v after shutdown", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errw.String(), "NOT verified") {
		t.Errorf("start-up does not warn that requests are not verified:\n%s", errw.String())
	}
}
