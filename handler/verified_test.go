package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/alexa/verify"
	"github.com/nightlegs/nightlegs/internal/alexa/verify/verifytest"
	"github.com/nightlegs/nightlegs/internal/device"
	"github.com/nightlegs/nightlegs/internal/store"
)

// runMainEnv makes the test binary run main instead of the tests, so that a
// test can start the real program in a process of its own, with its own
// environment (SSL_CERT_FILE and HTTPS_PROXY are read once per process).
const runMainEnv = "NIGHTLEGS_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
	code := m.Run()
	if alexaFix != nil {
		alexaFix.s3.Close()
	}
	os.Exit(code)
}

// alexaFixture plays Amazon: a trusted and a rogue authority, Alexa's
// signing key, and the stand-in S3 with chains at known URLs.
type alexaFixture struct {
	ca, rogue *verifytest.Authority
	key       *rsa.PrivateKey
	s3        *verifytest.S3
}

var (
	alexaOnce sync.Once
	alexaFix  *alexaFixture
	alexaErr  error
)

const verifiedSkillID = eventsSkillID

func getAlexa(t *testing.T) *alexaFixture {
	t.Helper()
	alexaOnce.Do(func() {
		f := &alexaFixture{}
		if f.ca, alexaErr = verifytest.NewAuthority("Night Legs Test CA"); alexaErr != nil {
			return
		}
		if f.rogue, alexaErr = verifytest.NewAuthority("Rogue CA"); alexaErr != nil {
			return
		}
		if f.key, alexaErr = rsa.GenerateKey(rand.Reader, 2048); alexaErr != nil {
			return
		}
		if f.s3, alexaErr = verifytest.NewS3(f.ca); alexaErr != nil {
			return
		}
		alexaFix = f
		day := 24 * time.Hour
		for name, c := range map[string]struct {
			ca   *verifytest.Authority
			leaf verifytest.Leaf
		}{
			"good.pem":      {f.ca, verifytest.Leaf{}},
			"process.pem":   {f.ca, verifytest.Leaf{}},
			"untrusted.pem": {f.rogue, verifytest.Leaf{}},
			"expired.pem":   {f.ca, verifytest.Leaf{NotBefore: time.Now().Add(-60 * day), NotAfter: time.Now().Add(-day)}},
			"cn-only.pem":   {f.ca, verifytest.Leaf{DNSNames: []string{}, CommonName: alexa.SigningCertName}},
		} {
			var chain []byte
			if chain, alexaErr = c.ca.Chain(f.key.Public(), c.leaf); alexaErr != nil {
				return
			}
			f.s3.Put("/echo.api/"+name, chain)
		}
	})
	if alexaErr != nil {
		t.Fatal(alexaErr)
	}
	return alexaFix
}

// signed is a request as Alexa sends it: body, and the headers that sign it
// with the chain at the named URL.
func (f *alexaFixture) signed(t *testing.T, chain string, body []byte) http.Header {
	t.Helper()
	h := http.Header{}
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set(alexa.HeaderCertChainURL, "https://s3.amazonaws.com/echo.api/"+chain)
	h.Set(alexa.HeaderSignature256, verifytest.Sign256(f.key, body))
	return h
}

// freshRequest is an events/ request with its timestamp set to ts.
func freshRequest(t *testing.T, event string, ts time.Time) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "events", event))
	if err != nil {
		t.Fatal(err)
	}
	stamp := ts.UTC().Format(time.RFC3339)
	return regexp.MustCompile(`"timestamp": ?"[^"]*"`).ReplaceAll(b, []byte(`"timestamp": "`+stamp+`"`))
}

// lockedBuffer is a log the server writes while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeVerified: without -insecure-local, a request signed by Alexa is
// answered; each broken rule gets the same bare 400 (403 for another
// skill) with the reason in the log, and neither the skill's conversations
// nor its store see it.
func TestServeVerified(t *testing.T) {
	f := getAlexa(t)
	now := time.Now()
	launch := freshRequest(t, "launch.json", now)
	bareRefusal := `{"error":{"message":"bad request","status":400}}` + "\n"

	type request struct {
		header http.Header
		body   []byte
		query  string
	}
	valid := func() request { return request{header: f.signed(t, "good.pem", launch), body: launch} }
	tests := []struct {
		name   string
		req    func() request
		code   int
		reason string // in the log line of a refusal
	}{
		{"valid", valid, http.StatusOK, ""},
		{"valid, behind a proxy under another name", func() request {
			r := valid()
			r.header.Set("Host", "nightlegs.example.com")
			return r
		}, http.StatusOK, ""},
		{"skill disabled event", func() request {
			b := freshRequest(t, "skill-disabled.json", now.Add(-30*time.Minute))
			return request{header: f.signed(t, "good.pem", b), body: b}
		}, http.StatusOK, ""},
		{"unsigned, with a query that some libraries skip checks for", func() request {
			return request{header: http.Header{"Content-Type": {"application/json"}}, body: launch, query: "?_dev=true&skipVerification=true&insecure=1"}
		}, http.StatusBadRequest, "missing"},
		{"signed, with a query", func() request {
			r := valid()
			r.query = "?_dev=true"
			return r
		}, http.StatusOK, ""},
		{"SHA-1 header only", func() request {
			r := valid()
			r.header.Del(alexa.HeaderSignature256)
			r.header.Set(alexa.HeaderSignatureSHA1, verifytest.SignSHA1(f.key, launch))
			return r
		}, http.StatusBadRequest, "Signature-256"},
		{"no certificate URL", func() request {
			r := valid()
			r.header.Del(alexa.HeaderCertChainURL)
			return r
		}, http.StatusBadRequest, "SignatureCertChainUrl"},
		{"certificate URL elsewhere", func() request {
			r := valid()
			r.header.Set(alexa.HeaderCertChainURL, "https://evil.example/echo.api/good.pem")
			return r
		}, http.StatusBadRequest, "not Amazon's"},
		{"untrusted root", func() request { return request{header: f.signed(t, "untrusted.pem", launch), body: launch} }, http.StatusBadRequest, "trusted root"},
		{"expired leaf", func() request { return request{header: f.signed(t, "expired.pem", launch), body: launch} }, http.StatusBadRequest, "not valid now"},
		{"CN-only match", func() request { return request{header: f.signed(t, "cn-only.pem", launch), body: launch} }, http.StatusBadRequest, "not for echo-api"},
		{"tampered body", func() request {
			r := valid()
			r.body = bytes.Replace(launch, []byte("LaunchRequest"), []byte("SessionEndedRequest"), 1)
			return r
		}, http.StatusBadRequest, "signature"},
		{"old", func() request {
			b := freshRequest(t, "launch.json", now.Add(-10*time.Minute))
			return request{header: f.signed(t, "good.pem", b), body: b}
		}, http.StatusBadRequest, "timestamp"},
		{"future", func() request {
			b := freshRequest(t, "launch.json", now.Add(10*time.Minute))
			return request{header: f.signed(t, "good.pem", b), body: b}
		}, http.StatusBadRequest, "timestamp"},
		{"wrong skill", func() request {
			b := bytes.ReplaceAll(launch, []byte(verifiedSkillID), []byte("amzn1.ask.skill.someone-else"))
			return request{header: f.signed(t, "good.pem", b), body: b}
		}, http.StatusForbidden, "another skill"},
		{"oversized body", func() request {
			b := append(bytes.TrimSuffix(bytes.TrimSpace(launch), []byte("}")), `, "pad": "`...)
			b = append(b, bytes.Repeat([]byte("x"), maxRequestBytes)...)
			b = append(b, `"}`...)
			return request{header: f.signed(t, "good.pem", b), body: b}
		}, http.StatusBadRequest, "too large"},
		{"text/plain", func() request {
			r := valid()
			r.header.Set("Content-Type", "text/plain")
			return r
		}, http.StatusBadRequest, "content type"},
		{"signed, not a request", func() request {
			b := []byte(`{"version":"1.0"}`)
			return request{header: f.signed(t, "good.pem", b), body: b}
		}, http.StatusBadRequest, "timestamp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &spyStore{Memory: store.NewMemory()}
			sk := testSkill(t, verifiedSkillID)
			sk.Store = st
			var logs lockedBuffer
			log := slog.New(slog.NewJSONHandler(&logs, nil))
			sk.Log = log
			e := &endpoint{skill: sk, log: log, verifier: &verify.Verifier{
				SkillID: verifiedSkillID,
				Client:  f.s3.Client(f.ca),
				Roots:   func() (*x509.CertPool, error) { return f.ca.Pool(), nil },
			}}
			srv := httptest.NewServer(e)
			defer srv.Close()
			r := tt.req()
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/"+r.query, bytes.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header = r.header
			if h := r.header.Get("Host"); h != "" {
				req.Host = h
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.code {
				t.Fatalf("status %d, want %d: %s\nlog: %s", resp.StatusCode, tt.code, body, logs.String())
			}
			if tt.code == http.StatusOK {
				if !strings.Contains(logs.String(), `"msg":"handled"`) {
					t.Errorf("answered without the skill handling it: %s", logs.String())
				}
				return
			}
			if tt.code == http.StatusBadRequest && string(body) != bareRefusal {
				t.Errorf("refusal body %q, want only %q", body, bareRefusal)
			}
			if n := st.count(); n != 0 {
				t.Errorf("refused, but the store was called %d times", n)
			}
			if strings.Contains(logs.String(), `"msg":"handled"`) {
				t.Errorf("refused, but the skill handled it: %s", logs.String())
			}
			if !strings.Contains(logs.String(), `"msg":"refused request"`) || !strings.Contains(logs.String(), tt.reason) {
				t.Errorf("log does not say why (%q): %s", tt.reason, logs.String())
			}
		})
	}
}

// server is a handler process started by a test.
type server struct {
	cmd    *exec.Cmd
	url    string
	stderr *lockedBuffer
	// read is closed when all of stderr has been read: Wait closes the
	// pipe, so it must not be called before (os/exec, StderrPipe).
	read chan struct{}
}

var addrLine = regexp.MustCompile(`https?://127\.0\.0\.1:[0-9]+/`)

// startHandler runs the program with args in a process of its own, with
// the environment cleared of what could change it and then env added, and
// waits for it to print where it listens.
func startHandler(t *testing.T, env []string, args ...string) *server {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(k) {
		case "SKILL_ID", "TABLE_NAME", "DYNAMODB_ENDPOINT", "AWS_LAMBDA_RUNTIME_API", "USER_KEY_SECRET", "LOG_LEVEL",
			"HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "ALL_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUEST_METHOD":
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = append(cmd.Env, runMainEnv+"=1")
	cmd.Env = append(cmd.Env, env...)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, stderr: &lockedBuffer{}, read: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		defer close(s.read)
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			fmt.Fprintln(s.stderr, sc.Text())
			if m := addrLine.FindString(sc.Text()); m != "" {
				select {
				case found <- m:
				default:
				}
			}
		}
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill() // only if stop was never reached
			cmd.Wait()
		}
	})
	select {
	case s.url = <-found:
	case <-time.After(20 * time.Second):
		t.Fatalf("handler %q did not start:\n%s", args, s.stderr.String())
	}
	return s
}

// stop ends the process as a container platform does, with SIGTERM, and
// checks that it stopped cleanly.
func (s *server) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		// The last lines ("Night Legs: stopped.") are read before Wait
		// closes the pipe; a read cut short made the check below flaky.
		<-s.read
		done <- s.cmd.Wait()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("handler exited with %v:\n%s", err, s.stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("handler did not stop on SIGTERM:\n%s", s.stderr.String())
	}
	if !strings.Contains(s.stderr.String(), "Night Legs: stopped.") {
		t.Errorf("no clean stop:\n%s", s.stderr.String())
	}
}

// TestServeVerifiedProcess runs `handler -serve` as it is run in
// production, in a process of its own: the signing chain is fetched
// through HTTPS_PROXY (the test's CONNECT proxy in front of the stand-in
// S3) by the default client, and trusted through SSL_CERT_FILE alone
// (SSL_CERT_DIR points at an empty directory). Nothing is fetched at start;
// a second request fetches nothing; plain HTTP with -memory and HTTPS
// itself with the embedded file store.
func TestServeVerifiedProcess(t *testing.T) {
	f := getAlexa(t)
	dir := t.TempDir()
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, f.ca.RootPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	emptyDir := filepath.Join(dir, "no-certs")
	if err := os.Mkdir(emptyDir, 0o700); err != nil {
		t.Fatal(err)
	}
	serverCert, err := f.ca.ServerCert("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	keyPEM, err := verifytest.KeyPEM(serverCert.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile := filepath.Join(dir, "tls.pem"), filepath.Join(dir, "tls.key")
	if err := os.WriteFile(certFile, verifytest.PEM(serverCert.Leaf, f.ca.Intermediate), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, keyPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	proxy := f.s3.ProxyURL.String()
	env := []string{
		"SKILL_ID=" + verifiedSkillID,
		"USER_KEY_SECRET=process-test-secret",
		"SSL_CERT_FILE=" + caFile,
		"SSL_CERT_DIR=" + emptyDir,
		"HTTPS_PROXY=" + proxy, "https_proxy=" + proxy,
		"NO_PROXY=", "no_proxy=",
	}
	tlsClient := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: f.ca.Pool()}}}

	for _, tt := range []struct {
		name   string
		args   []string
		client *http.Client
		scheme string
		file   string // the embedded store's file, if any
	}{
		{"plain HTTP, memory", []string{"-serve", "127.0.0.1:0", "-memory"}, http.DefaultClient, "http", ""},
		{"HTTPS, file", []string{"-serve", "127.0.0.1:0", "-tls-cert", certFile, "-tls-key", keyFile, "-store", filepath.Join(dir, "nl.db")}, tlsClient, "https", filepath.Join(dir, "nl.db")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			const chain = "/echo.api/process.pem"
			fetches, connects := f.s3.Fetches(chain), f.s3.Connects()
			s := startHandler(t, env, tt.args...)
			if !strings.HasPrefix(s.url, tt.scheme+"://") {
				t.Fatalf("serving at %s, want %s", s.url, tt.scheme)
			}
			if n := f.s3.Connects() - connects; n != 0 {
				t.Errorf("%d connections at start, want none", n)
			}
			post := func(body []byte, chain string) (int, []byte) {
				req, err := http.NewRequest(http.MethodPost, s.url, bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				req.Header = f.signed(t, chain, body)
				resp, err := tt.client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				return resp.StatusCode, b
			}
			for i := range 2 {
				code, body := post(freshRequest(t, "launch.json", time.Now()), "process.pem")
				if code != http.StatusOK {
					t.Fatalf("request %d: status %d: %s\n%s", i+1, code, body, s.stderr.String())
				}
				var r alexa.ResponseEnvelope
				if err := json.Unmarshal(body, &r); err != nil {
					t.Fatal(err)
				}
				if said := device.Spoken(r.Response.OutputSpeech); !strings.Contains(said, "Night Legs here") {
					t.Errorf("request %d: said %q", i+1, said)
				}
			}
			if n := f.s3.Fetches(chain) - fetches; n != 1 {
				t.Errorf("two requests fetched the chain %d times, want 1 (cached)", n)
			}
			// The rogue authority is a root nowhere but in the system pool
			// of a machine that trusts it; SSL_CERT_FILE leaves it out.
			if code, body := post(freshRequest(t, "launch.json", time.Now()), "untrusted.pem"); code != http.StatusBadRequest {
				t.Errorf("untrusted chain: status %d: %s", code, body)
			}
			other := bytes.ReplaceAll(freshRequest(t, "launch.json", time.Now()), []byte(verifiedSkillID), []byte("amzn1.ask.skill.someone-else"))
			if code, body := post(other, "process.pem"); code != http.StatusForbidden {
				t.Errorf("another skill: status %d: %s", code, body)
			}
			s.stop(t)
			if !strings.Contains(s.stderr.String(), "trusted root") {
				t.Errorf("the refusal's reason is not logged:\n%s", s.stderr.String())
			}
			if tt.file != "" {
				if fi, err := os.Stat(tt.file); err != nil || fi.Size() == 0 {
					t.Errorf("store file: %v", err)
				}
			}
		})
	}
}

// TestServeVerifiedNeedsSkillID: the program itself refuses to serve
// verified requests without SKILL_ID, non-zero and saying why, in a process
// of its own.
func TestServeVerifiedNeedsSkillID(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-serve", "127.0.0.1:0", "-memory")
	cmd.Env = append(os.Environ(), runMainEnv+"=1", "SKILL_ID=", "AWS_LAMBDA_RUNTIME_API=")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("started without SKILL_ID:\n%s", out)
	}
	if !strings.Contains(string(out), "SKILL_ID") {
		t.Errorf("refusal does not name SKILL_ID:\n%s", out)
	}
}
