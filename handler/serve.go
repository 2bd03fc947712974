package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/skill"
)

// maxRequestBytes is the largest request -serve reads. Alexa's requests are
// a few kilobytes; anything near this is not from Alexa.
const maxRequestBytes = 256 << 10

// Alexa waits 8 seconds for an answer; the server gives up a little later
// so a slow turn is still logged rather than cut off.
const (
	readTimeout     = 10 * time.Second
	writeTimeout    = 15 * time.Second
	idleTimeout     = 60 * time.Second
	shutdownTimeout = 5 * time.Second
)

// checkServe refuses to serve what cannot be served safely: until request
// signatures are verified, only a loopback address with -insecure-local.
func checkServe(addr string, insecureLocal bool) error {
	if !insecureLocal {
		return errors.New("-serve does not verify that requests come from Alexa yet, so it needs -insecure-local (and a loopback address such as 127.0.0.1:8080)")
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-serve %q: want host:port, such as 127.0.0.1:8080: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-insecure-local serves unverified requests, so only on a loopback address (127.0.0.1, ::1 or localhost), not %q", addr)
}

// serve answers Alexa request JSON on addr until ctx is done, then shuts
// down gracefully.
func serve(ctx context.Context, addr string, sk *skill.Skill, stderr io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return serveOn(ctx, ln, sk, stderr)
}

func serveOn(ctx context.Context, ln net.Listener, sk *skill.Skill, stderr io.Writer) error {
	srv := &http.Server{
		Handler:           &endpoint{skill: sk, log: sk.Log},
		ReadHeaderTimeout: readTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(sk.Log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stderr, "Night Legs: answering Alexa request JSON posted to http://%s/\n", ln.Addr())
	fmt.Fprintln(stderr, "WARNING: -insecure-local: requests are NOT verified as coming from Alexa. Local use only.")
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	<-done
	fmt.Fprintln(stderr, "Night Legs: stopped.")
	return nil
}

// endpoint is the HTTP face of the skill: POST / with the request JSON,
// answered with the response JSON, as Alexa's HTTPS endpoint protocol does.
type endpoint struct {
	skill *skill.Skill
	log   *slog.Logger
}

func (e *endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		httpError(w, http.StatusNotFound, "not found: post Alexa requests to /")
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		httpError(w, http.StatusMethodNotAllowed, "method not allowed: POST the Alexa request JSON")
		return
	}
	// A browser can post text/plain anywhere without asking first, but
	// must ask (a CORS preflight, which this server never grants) before
	// posting JSON: requiring JSON keeps other web pages out.
	if !isJSON(r.Header.Get("Content-Type")) {
		httpError(w, http.StatusUnsupportedMediaType, "unsupported media type: post the request with Content-Type: application/json")
		return
	}
	// A page whose name an attacker re-points at 127.0.0.1 (DNS
	// rebinding) is same-origin to the browser, but its requests still
	// carry the attacker's name in Host.
	if !loopbackHost(r.Host) {
		httpError(w, http.StatusForbidden, "forbidden: -insecure-local answers only requests addressed to 127.0.0.1, ::1 or localhost")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request too large: at most %d bytes", maxRequestBytes))
			return
		}
		httpError(w, http.StatusBadRequest, "could not read the request body")
		return
	}
	var env alexa.RequestEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		httpError(w, http.StatusBadRequest, "malformed request JSON: "+err.Error())
		return
	}
	if env.Request.Type == "" {
		httpError(w, http.StatusBadRequest, "not an Alexa request: request.type is missing")
		return
	}
	resp, err := e.skill.Handle(r.Context(), &env)
	if errors.Is(err, skill.ErrWrongSkill) {
		httpError(w, http.StatusForbidden, "request is for another skill")
		return
	}
	if err != nil {
		e.log.Error("handle request", "err", err)
		httpError(w, http.StatusInternalServerError, "internal error")
		return
	}
	out, err := json.Marshal(resp)
	if err != nil {
		e.log.Error("encode response", "err", err)
		httpError(w, http.StatusInternalServerError, "internal error")
		return
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	if _, err := w.Write(out); err != nil {
		e.log.Warn("write response", "err", err)
	}
}

// isJSON reports whether a Content-Type header names application/json,
// with or without parameters such as charset.
func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/json"
}

// loopbackHost reports whether a Host header names this machine by a
// loopback address or localhost, with or without a port.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// httpError answers with a status and a JSON body saying what was wrong.
func httpError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	body := map[string]any{"error": map[string]any{"status": status, "message": msg}}
	if err := json.NewEncoder(w).Encode(body); err != nil {
		slog.Warn("write error response", "err", err)
	}
}
