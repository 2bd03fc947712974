package main

import (
	"context"
	"crypto/tls"
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
	"github.com/nightlegs/nightlegs/internal/alexa/verify"
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

// maxReasonBytes bounds the reason a refusal logs: part of it comes from
// the request's headers.
const maxReasonBytes = 300

// checkServe refuses to serve what cannot be served safely: unverified
// requests anywhere but on loopback, and verified ones without a skill to
// verify them for.
func checkServe(cfg config) error {
	host, _, err := net.SplitHostPort(cfg.serve)
	if err != nil {
		return fmt.Errorf("-serve %q: want host:port, such as :8443 or 127.0.0.1:8080: %w", cfg.serve, err)
	}
	if (cfg.tlsCert == "") != (cfg.tlsKey == "") {
		return errors.New("-tls-cert and -tls-key go together: give both files, or neither to serve plain HTTP behind a TLS proxy")
	}
	if cfg.insecureLocal {
		if host == "localhost" {
			return nil
		}
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
			return nil
		}
		return fmt.Errorf("-insecure-local serves unverified requests, so only on a loopback address (127.0.0.1, ::1 or localhost), not %q", cfg.serve)
	}
	if cfg.skillID == "" {
		return errors.New("-serve verifies that each request comes from Alexa for your skill, so it needs the skill's ID: set SKILL_ID (or -skill-id) to amzn1.ask.skill.... (For local tools only: -insecure-local on a loopback address.)")
	}
	return nil
}

// loadTLS reads -tls-cert and -tls-key, if given, so that a bad file is
// reported before anything is opened.
func loadTLS(cfg config) (*tls.Certificate, error) {
	if cfg.tlsCert == "" {
		return nil, nil
	}
	cert, err := tls.LoadX509KeyPair(cfg.tlsCert, cfg.tlsKey)
	if err != nil {
		return nil, fmt.Errorf("-tls-cert %s, -tls-key %s: %w", cfg.tlsCert, cfg.tlsKey, err)
	}
	return &cert, nil
}

// newEndpoint is -serve's handler: verifying every request, unless
// -insecure-local says not to.
func newEndpoint(cfg config, sk *skill.Skill) *endpoint {
	e := &endpoint{skill: sk, log: sk.Log}
	if !cfg.insecureLocal {
		// The zero Verifier's client, roots and clock are production's;
		// nothing is fetched until the first request.
		e.verifier = &verify.Verifier{SkillID: cfg.skillID}
	}
	return e
}

// serve answers Alexa requests on cfg.serve until ctx is done, then shuts
// down gracefully.
func serve(ctx context.Context, cfg config, cert *tls.Certificate, sk *skill.Skill, stderr io.Writer) error {
	ln, err := net.Listen("tcp", cfg.serve)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return serveOn(ctx, ln, newEndpoint(cfg, sk), cert, stderr)
}

// serveOn serves e on ln, over TLS with cert if it is not nil.
func serveOn(ctx context.Context, ln net.Listener, e *endpoint, cert *tls.Certificate, stderr io.Writer) error {
	srv := &http.Server{
		Handler:           e,
		ReadHeaderTimeout: readTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(e.log.Handler(), slog.LevelWarn),
	}
	scheme := "http"
	if cert != nil {
		scheme = "https"
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{*cert}}
	}
	if e.verifier == nil {
		fmt.Fprintf(stderr, "Night Legs: answering Alexa request JSON posted to %s://%s/\n", scheme, ln.Addr())
		fmt.Fprintln(stderr, "WARNING: -insecure-local: requests are NOT verified as coming from Alexa. Local use only.")
	} else {
		fmt.Fprintf(stderr, "Night Legs: answering Alexa requests at %s://%s/, each verified as coming from Alexa for skill %s\n", scheme, ln.Addr(), e.skill.SkillID)
		if cert == nil {
			fmt.Fprintln(stderr, "Night Legs: plain HTTP: Alexa calls only HTTPS, so put a TLS-terminating proxy in front (or give -tls-cert and -tls-key).")
		}
	}
	done := make(chan error, 1)
	go func() {
		if cert != nil {
			// ServeTLS takes the certificate from TLSConfig and adds HTTP/2.
			done <- srv.ServeTLS(ln, "", "")
			return
		}
		done <- srv.Serve(ln)
	}()
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

// requestVerifier proves that a request comes from Alexa for this skill,
// and decodes it; *verify.Verifier is the one there is.
type requestVerifier interface {
	Verify(ctx context.Context, h http.Header, body []byte) (*alexa.RequestEnvelope, error)
}

// endpoint is the HTTP face of the skill: POST / with the request JSON,
// answered with the response JSON, as Alexa's HTTPS endpoint protocol does.
type endpoint struct {
	skill *skill.Skill
	log   *slog.Logger
	// verifier checks every request before anything else reads it. Nil
	// only under -insecure-local, which instead answers loopback only.
	verifier requestVerifier
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
	if e.verifier == nil {
		e.serveLocal(w, r)
		return
	}
	e.serveVerified(w, r)
}

// serveVerified answers a request only once it is proven to be Alexa's
// for this skill. Every refusal but the skill ID's is the same 400 with
// nothing in it to learn from; the log says why.
func (e *endpoint) serveVerified(w http.ResponseWriter, r *http.Request) {
	refuse := func(reason error) {
		msg := reason.Error()
		if len(msg) > maxReasonBytes {
			msg = msg[:maxReasonBytes] + "..."
		}
		e.log.Warn("refused request", "reason", msg)
		httpError(w, http.StatusBadRequest, "bad request")
	}
	if ct := r.Header.Get("Content-Type"); !isJSON(ct) {
		refuse(fmt.Errorf("content type %.40q is not application/json", ct))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	if err != nil {
		refuse(fmt.Errorf("read body: %w", err))
		return
	}
	env, err := e.verifier.Verify(r.Context(), r.Header, body)
	if errors.Is(err, verify.ErrWrongSkill) {
		e.log.Warn("refused request", "reason", err.Error())
		httpError(w, http.StatusForbidden, "request is for another skill")
		return
	}
	if err != nil {
		refuse(err)
		return
	}
	if env.Request.Type == "" {
		refuse(errors.New("request.type is missing"))
		return
	}
	e.answer(w, r, env)
}

// serveLocal answers -insecure-local: local tools only, whatever they
// post, with errors that say what was wrong.
func (e *endpoint) serveLocal(w http.ResponseWriter, r *http.Request) {
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
	e.answer(w, r, &env)
}

// answer hands a request to the skill and writes its response.
func (e *endpoint) answer(w http.ResponseWriter, r *http.Request, env *alexa.RequestEnvelope) {
	resp, err := e.skill.Handle(r.Context(), env)
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
