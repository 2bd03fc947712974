package verify

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/alexa/verify/verifytest"
)

const skillID = "amzn1.ask.skill.1a2b3c4d-0000-4000-8000-000000000001"

// The tests trust the test authority through Verifier.Roots and reach the
// stand-in S3 through a client whose proxy is the test's CONNECT proxy:
// x509.SystemCertPool and http.ProxyFromEnvironment read the environment
// once per process, so SSL_CERT_FILE and HTTPS_PROXY themselves are tested
// in a process of their own (handler's TestServeVerifiedProcess).

// fixture is what every test shares: two authorities (one trusted), the
// signing keys, the stand-in S3 with every chain on it, and the time the
// certificates are made around.
type fixture struct {
	ca, rogue *verifytest.Authority
	key       *rsa.PrivateKey // Alexa's signing key
	otherKey  *rsa.PrivateKey // someone else's
	s3        *verifytest.S3
	now       time.Time
}

var (
	fixOnce sync.Once
	fix     *fixture
	fixErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fix != nil {
		fix.s3.Close()
	}
	os.Exit(code)
}

func getFixture(t testing.TB) *fixture {
	t.Helper()
	fixOnce.Do(func() { fix, fixErr = newFixture() })
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fix
}

func newFixture() (*fixture, error) {
	f := &fixture{now: time.Now().UTC().Truncate(time.Second)}
	var err error
	if f.ca, err = verifytest.NewAuthority("Night Legs Test CA"); err != nil {
		return nil, err
	}
	if f.rogue, err = verifytest.NewAuthority("Rogue CA"); err != nil {
		return nil, err
	}
	if f.key, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		return nil, err
	}
	if f.otherKey, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		return nil, err
	}
	if f.s3, err = verifytest.NewS3(f.ca); err != nil {
		return nil, err
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	pub := f.key.Public()
	day := 24 * time.Hour
	chains := map[string]struct {
		ca   *verifytest.Authority
		key  any
		leaf verifytest.Leaf
	}{
		"good.pem":      {f.ca, pub, verifytest.Leaf{}},
		"expired.pem":   {f.ca, pub, verifytest.Leaf{NotBefore: f.now.Add(-60 * day), NotAfter: f.now.Add(-time.Second)}},
		"not-yet.pem":   {f.ca, pub, verifytest.Leaf{NotBefore: f.now.Add(time.Minute), NotAfter: f.now.Add(30 * day)}},
		"other-san.pem": {f.ca, pub, verifytest.Leaf{DNSNames: []string{"echo-api.amazon.com.evil.example", "evil.example"}}},
		"cn-only.pem":   {f.ca, pub, verifytest.Leaf{DNSNames: []string{}, CommonName: "echo-api.amazon.com"}},
		"wildcard.pem":  {f.ca, pub, verifytest.Leaf{DNSNames: []string{"*.amazon.com"}}},
		"untrusted.pem": {f.rogue, pub, verifytest.Leaf{}},
		"ecdsa.pem":     {f.ca, ecKey.Public(), verifytest.Leaf{}},
	}
	for name, c := range chains {
		pemBytes, err := c.ca.Chain(c.key, c.leaf)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		f.s3.Put("/echo.api/"+name, pemBytes)
	}
	leaf, err := f.ca.Issue(pub, verifytest.Leaf{})
	if err != nil {
		return nil, err
	}
	rogueLeaf, err := f.rogue.Issue(pub, verifytest.Leaf{})
	if err != nil {
		return nil, err
	}
	keyPEM, err := verifytest.KeyPEM(f.key)
	if err != nil {
		return nil, err
	}
	// The rogue chain brings its own root: being in the chain must not
	// make it trusted.
	f.s3.Put("/echo.api/untrusted-with-root.pem", verifytest.PEM(rogueLeaf, f.rogue.Intermediate, f.rogue.Root))
	// Without the intermediate the leaf cannot reach the root.
	f.s3.Put("/echo.api/leaf-only.pem", verifytest.PEM(leaf))
	f.s3.Put("/echo.api/with-key.pem", append(verifytest.PEM(leaf, f.ca.Intermediate), keyPEM...))
	f.s3.Put("/echo.api/garbage.pem", []byte("not a certificate\n"))
	f.s3.Put("/echo.api/trailing.pem", append(verifytest.PEM(leaf, f.ca.Intermediate), "junk"...))
	f.s3.Put("/echo.api/big.pem", bytes.Repeat([]byte("A"), MaxChainBytes+1))
	f.s3.Redirect("/echo.api/moved.pem", "https://s3.amazonaws.com/echo.api/good.pem")
	f.s3.Stall("/echo.api/stalled.pem")
	return f, nil
}

// clock is a settable clock for Verifier.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func (f *fixture) verifier(c *clock) *Verifier {
	return &Verifier{
		SkillID: skillID,
		Client:  f.s3.Client(f.ca),
		Roots:   func() (*x509.CertPool, error) { return f.ca.Pool(), nil },
		Now:     c.Now,
	}
}

// certURL is the URL of a chain the fixture put on the stand-in S3.
func certURL(name string) string { return "https://s3.amazonaws.com/echo.api/" + name }

// requestBody is an Alexa request of type typ sent at ts for app.
func requestBody(typ string, ts time.Time, app string) []byte {
	env := map[string]any{
		"version": "1.0",
		"context": map[string]any{"System": map[string]any{
			"application": map[string]any{"applicationId": app},
			"user":        map[string]any{"userId": "amzn1.ask.account.TEST"},
		}},
		"request": map[string]any{
			"type":      typ,
			"requestId": "amzn1.echo-api.request.test",
			"timestamp": ts.UTC().Format(time.RFC3339),
			"locale":    "en-US",
		},
	}
	if !strings.HasPrefix(typ, "AlexaSkillEvent.") {
		env["session"] = map[string]any{
			"new":         true,
			"sessionId":   "amzn1.echo-api.session.test",
			"application": map[string]any{"applicationId": app},
			"user":        map[string]any{"userId": "amzn1.ask.account.TEST"},
		}
	}
	b, err := json.Marshal(env)
	if err != nil {
		panic(err)
	}
	return b
}

// request is one request to verify, built from a valid one that a test
// case changes in one way.
type request struct {
	url     string
	body    []byte
	signed  []byte          // what the signature is over; nil: body
	key     *rsa.PrivateKey // who signs
	sig256  *string         // a Signature-256 value instead of the signature
	sha1    bool            // send the old SHA-1 Signature header too
	no256   bool            // send no Signature-256
	noURL   bool            // send no SignatureCertChainUrl
	headers http.Header     // extra headers
}

func (f *fixture) valid() *request {
	return &request{url: certURL("good.pem"), body: requestBody(alexa.TypeLaunch, f.now, skillID), key: f.key}
}

func (r *request) header() http.Header {
	h := http.Header{}
	signed := r.signed
	if signed == nil {
		signed = r.body
	}
	if !r.noURL {
		h.Set(alexa.HeaderCertChainURL, r.url)
	}
	if r.sha1 {
		h.Set(alexa.HeaderSignatureSHA1, verifytest.SignSHA1(r.key, signed))
	}
	switch {
	case r.no256:
	case r.sig256 != nil:
		h.Set(alexa.HeaderSignature256, *r.sig256)
	default:
		h.Set(alexa.HeaderSignature256, verifytest.Sign256(r.key, signed))
	}
	for k, vs := range r.headers {
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	return h
}

func ptr[T any](v T) *T { return &v }

// TestVerify: a valid request passes, and each rule broken alone fails for
// that rule's reason. A URL refused fetches nothing.
func TestVerify(t *testing.T) {
	f := getFixture(t)
	sec := time.Second
	tests := []struct {
		name   string
		change func(r *request)
		want   error
	}{
		{"valid", func(r *request) {}, nil},
		{"valid, SHA-1 header as well", func(r *request) { r.sha1 = true }, nil},
		{"valid, Amazon's traversal back into echo.api", func(r *request) { r.url = "https://s3.amazonaws.com/echo.api/../echo.api/good.pem" }, nil},
		{"valid, port 443", func(r *request) { r.url = "https://s3.amazonaws.com:443/echo.api/good.pem" }, nil},
		{"valid, upper-case scheme and host", func(r *request) { r.url = "HTTPS://S3.AmazonAWS.com/echo.api/good.pem" }, nil},

		// 1. The certificate URL.
		{"scheme http", func(r *request) { r.url = "http://s3.amazonaws.com/echo.api/good.pem" }, ErrCertURL},
		{"scheme ftp", func(r *request) { r.url = "ftp://s3.amazonaws.com/echo.api/good.pem" }, ErrCertURL},
		{"host", func(r *request) { r.url = "https://notamazon.com/echo.api/good.pem" }, ErrCertURL},
		{"host with s3 prefix", func(r *request) { r.url = "https://s3.amazonaws.com.evil.example/echo.api/good.pem" }, ErrCertURL},
		{"host in user info", func(r *request) { r.url = "https://s3.amazonaws.com@evil.example/echo.api/good.pem" }, ErrCertURL},
		{"user info", func(r *request) { r.url = "https://evil@s3.amazonaws.com/echo.api/good.pem" }, ErrCertURL},
		{"path", func(r *request) { r.url = "https://s3.amazonaws.com/invalid.path/good.pem" }, ErrCertURL},
		{"path case", func(r *request) { r.url = "https://s3.amazonaws.com/EcHo.aPi/good.pem" }, ErrCertURL},
		{"path without slash", func(r *request) { r.url = "https://s3.amazonaws.com/echo.apiX/good.pem" }, ErrCertURL},
		{"traversal out of echo.api", func(r *request) { r.url = "https://s3.amazonaws.com/echo.api/../evil/good.pem" }, ErrCertURL},
		{"encoded traversal", func(r *request) { r.url = "https://s3.amazonaws.com/echo.api/%2e%2e/evil/good.pem" }, ErrCertURL},
		{"port", func(r *request) { r.url = "https://s3.amazonaws.com:563/echo.api/good.pem" }, ErrCertURL},
		{"empty port", func(r *request) { r.url = "https://s3.amazonaws.com:/echo.api/good.pem" }, ErrCertURL},
		{"relative", func(r *request) { r.url = "/echo.api/good.pem" }, ErrCertURL},
		{"not a URL", func(r *request) { r.url = "https://s3.amazonaws.com:443x/echo.api/%zz" }, ErrCertURL},

		// 2. The chain.
		{"chain not there", func(r *request) { r.url = certURL("missing.pem") }, ErrCertFetch},
		{"chain too large", func(r *request) { r.url = certURL("big.pem") }, ErrCertFetch},
		{"redirect", func(r *request) { r.url = certURL("moved.pem") }, ErrCertFetch},
		{"untrusted root", func(r *request) { r.url = certURL("untrusted.pem") }, ErrCertUntrusted},
		{"untrusted root in the chain", func(r *request) { r.url = certURL("untrusted-with-root.pem") }, ErrCertUntrusted},
		{"no intermediate", func(r *request) { r.url = certURL("leaf-only.pem") }, ErrCertUntrusted},
		{"not PEM", func(r *request) { r.url = certURL("garbage.pem") }, ErrCertInvalid},
		{"a key in the chain", func(r *request) { r.url = certURL("with-key.pem") }, ErrCertInvalid},
		{"junk after the chain", func(r *request) { r.url = certURL("trailing.pem") }, ErrCertInvalid},

		// 3. The signing certificate.
		{"expired leaf", func(r *request) { r.url = certURL("expired.pem") }, ErrCertExpired},
		{"leaf not yet valid", func(r *request) { r.url = certURL("not-yet.pem") }, ErrCertExpired},
		{"wrong SAN", func(r *request) { r.url = certURL("other-san.pem") }, ErrCertName},
		{"CN only", func(r *request) { r.url = certURL("cn-only.pem") }, ErrCertName},
		{"wildcard SAN", func(r *request) { r.url = certURL("wildcard.pem") }, ErrCertName},
		{"not an RSA key", func(r *request) { r.url = certURL("ecdsa.pem") }, ErrCertInvalid},

		// 4. The signature.
		{"tampered body", func(r *request) {
			r.signed = r.body
			r.body = bytes.Replace(r.body, []byte("LaunchRequest"), []byte("SessionEndedRequest"), 1)
		}, ErrSignature},
		{"extra whitespace", func(r *request) { r.signed = r.body; r.body = append(slices.Clone(r.body), '\n') }, ErrSignature},
		{"other key", func(r *request) { r.key = f.otherKey }, ErrSignature},
		{"signature of nothing", func(r *request) { r.signed = []byte{} }, ErrSignature},
		{"SHA-1 signature in Signature-256", func(r *request) { r.sig256 = ptr(verifytest.SignSHA1(f.key, r.body)) }, ErrSignature},
		{"not base64", func(r *request) { r.sig256 = ptr("!!!") }, ErrSignature},
		{"SHA-1 header only", func(r *request) { r.sha1, r.no256 = true, true }, ErrMissingHeader},
		{"no signature", func(r *request) { r.no256 = true }, ErrMissingHeader},
		{"empty signature", func(r *request) { r.sig256 = ptr("") }, ErrMissingHeader},
		{"no certificate URL", func(r *request) { r.noURL = true }, ErrMissingHeader},
		{"two certificate URLs", func(r *request) {
			r.headers = http.Header{alexa.HeaderCertChainURL: {"https://s3.amazonaws.com/echo.api/other.pem"}}
		}, ErrMissingHeader},
		{"signed, not JSON", func(r *request) { r.body = []byte("hello") }, ErrRequest},

		// 5. The timestamp.
		{"149 s old", func(r *request) { r.body = requestBody(alexa.TypeLaunch, f.now.Add(-149*sec), skillID) }, nil},
		{"149 s ahead", func(r *request) { r.body = requestBody(alexa.TypeLaunch, f.now.Add(149*sec), skillID) }, nil},
		{"151 s old", func(r *request) { r.body = requestBody(alexa.TypeLaunch, f.now.Add(-151*sec), skillID) }, ErrTimestamp},
		{"151 s ahead", func(r *request) { r.body = requestBody(alexa.TypeLaunch, f.now.Add(151*sec), skillID) }, ErrTimestamp},
		{"a day old", func(r *request) { r.body = requestBody(alexa.TypeIntent, f.now.Add(-24*time.Hour), skillID) }, ErrTimestamp},
		{"skill event 59 min old", func(r *request) {
			r.body = requestBody(alexa.TypeSkillDisabled, f.now.Add(-59*time.Minute), skillID)
		}, nil},
		{"skill event 61 min old", func(r *request) {
			r.body = requestBody(alexa.TypeSkillDisabled, f.now.Add(-61*time.Minute), skillID)
		}, ErrTimestamp},
		{"skill event 151 s ahead", func(r *request) {
			r.body = requestBody(alexa.TypeSkillEnabled, f.now.Add(151*sec), skillID)
		}, ErrTimestamp},
		{"no timestamp", func(r *request) { r.body = bytes.Replace(r.body, []byte(`"timestamp"`), []byte(`"stamp"`), 1) }, ErrTimestamp},
		{"timestamp not a time", func(r *request) {
			r.body = bytes.Replace(r.body, []byte(f.now.Format(time.RFC3339)), []byte("yesterday"), 1)
		}, ErrTimestamp},

		// 6. The application ID.
		{"wrong skill ID", func(r *request) { r.body = requestBody(alexa.TypeLaunch, f.now, "amzn1.ask.skill.someone-else") }, ErrWrongSkill},
		{"no skill ID", func(r *request) { r.body = requestBody(alexa.TypeLaunch, f.now, "") }, ErrWrongSkill},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.valid()
			tt.change(r)
			v := f.verifier(&clock{t: f.now})
			connects := f.s3.Connects()
			env, err := v.Verify(context.Background(), r.header(), r.body)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("Verify = %v, want %v", err, tt.want)
			}
			if err == nil && (env == nil || env.ApplicationID() != skillID || env.Request.Type == "") {
				t.Errorf("Verify passed but returned %+v", env)
			}
			if errors.Is(err, ErrCertURL) || errors.Is(err, ErrMissingHeader) {
				if n := f.s3.Connects() - connects; n != 0 {
					t.Errorf("refused before fetching, but %d connections were made", n)
				}
			}
		})
	}
}

// TestVerifyNoSkillID: a Verifier without a skill ID accepts nothing.
func TestVerifyNoSkillID(t *testing.T) {
	f := getFixture(t)
	v := f.verifier(&clock{t: f.now})
	v.SkillID = ""
	r := f.valid()
	if _, err := v.Verify(context.Background(), r.header(), r.body); !errors.Is(err, ErrWrongSkill) {
		t.Errorf("Verify without a skill ID = %v", err)
	}
}

// TestCertURL checks Amazon's published examples of valid and invalid
// SignatureCertChainUrl values, and a few more.
func TestCertURL(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"https://s3.amazonaws.com/echo.api/echo-api-cert.pem", true},
		{"https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem", true},
		{"https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem", true},
		{"HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem", true},
		{"https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem", true},
		{"http://s3.amazonaws.com/echo.api/echo-api-cert.pem", false},
		{"https://notamazon.com/echo.api/echo-api-cert.pem", false},
		{"https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", false},
		{"https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", false},
		{"https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem", false},
		{"https://s3.amazonaws.com/echo.api/../../echo.api/echo-api-cert.pem", true},
		{"https://s3.amazonaws.com/echo.api/./../echo.apix/cert.pem", false},
		{"https://s3.amazonaws.com/echo.api", false},
		{"https://s3.amazonaws.com/echo.api/", false}, // Clean drops the trailing slash
		{"https://s3.amazonaws.com./echo.api/echo-api-cert.pem", false},
		{"https:s3.amazonaws.com/echo.api/echo-api-cert.pem", false},
		{"", false},
	}
	for _, tt := range tests {
		u, err := checkCertURL(tt.url)
		if err == nil && !strings.HasPrefix(u.String(), "https://s3.amazonaws.com/echo.api/") {
			t.Errorf("checkCertURL(%q) would fetch %s", tt.url, u)
		}
		if (err == nil) != tt.ok {
			t.Errorf("checkCertURL(%q) = %v, want ok=%v", tt.url, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrCertURL) {
			t.Errorf("checkCertURL(%q) = %v, not ErrCertURL", tt.url, err)
		}
	}
}

// TestCache: a second request with the same URL fetches nothing; once the
// signing certificate has expired the chain is fetched again, and a
// renewed one is used.
func TestCache(t *testing.T) {
	f := getFixture(t)
	c := &clock{t: f.now}
	v := f.verifier(c)
	const path = "/echo.api/cache.pem"
	first, err := f.ca.Chain(f.key.Public(), verifytest.Leaf{NotBefore: f.now.Add(-time.Hour), NotAfter: f.now.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	f.s3.Put(path, first)
	verify := func() error {
		r := f.valid()
		r.url = "https://s3.amazonaws.com" + path
		r.body = requestBody(alexa.TypeLaunch, c.Now(), skillID)
		_, err := v.Verify(context.Background(), r.header(), r.body)
		return err
	}
	for i := range 3 {
		if err := verify(); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	if n := f.s3.Fetches(path); n != 1 {
		t.Fatalf("three requests with one URL fetched it %d times, want 1", n)
	}

	// Past the certificate's end: the cached key is not used, the chain is
	// fetched again, and the expired one is refused.
	c.Add(2 * time.Hour)
	if err := verify(); !errors.Is(err, ErrCertExpired) {
		t.Fatalf("after expiry with the old chain: %v, want ErrCertExpired", err)
	}
	if n := f.s3.Fetches(path); n != 2 {
		t.Fatalf("after expiry: %d fetches, want 2", n)
	}

	// Amazon renews the chain at the same URL: it is fetched and cached.
	renewed, err := f.ca.Chain(f.key.Public(), verifytest.Leaf{NotBefore: f.now, NotAfter: f.now.Add(24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	f.s3.Put(path, renewed)
	for i := range 2 {
		if err := verify(); err != nil {
			t.Fatalf("renewed chain, request %d: %v", i+1, err)
		}
	}
	if n := f.s3.Fetches(path); n != 3 {
		t.Errorf("renewed chain: %d fetches in all, want 3", n)
	}
}

// TestCacheBound: the cache never grows past maxCached, however many
// distinct URLs verify.
func TestCacheBound(t *testing.T) {
	f := getFixture(t)
	c := &clock{t: f.now}
	v := f.verifier(c)
	good, err := f.ca.Chain(f.key.Public(), verifytest.Leaf{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range maxCached + 5 {
		name := fmt.Sprintf("bound-%d.pem", i)
		f.s3.Put("/echo.api/"+name, good)
		r := f.valid()
		r.url = certURL(name)
		if _, err := v.Verify(context.Background(), r.header(), r.body); err != nil {
			t.Fatal(err)
		}
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.cache) != maxCached {
		t.Errorf("cache holds %d, want %d", len(v.cache), maxCached)
	}
}

// TestFetchTimeout: a chain that never comes is given up on, within the
// timeout, as a fetch failure.
func TestFetchTimeout(t *testing.T) {
	f := getFixture(t)
	v := f.verifier(&clock{t: f.now})
	v.FetchTimeout = 200 * time.Millisecond
	r := f.valid()
	r.url = certURL("stalled.pem")
	start := time.Now()
	_, err := v.Verify(context.Background(), r.header(), r.body)
	if !errors.Is(err, ErrCertFetch) {
		t.Fatalf("stalled chain: %v, want ErrCertFetch", err)
	}
	if !strings.Contains(err.Error(), "deadline") && !strings.Contains(err.Error(), "Timeout") {
		t.Errorf("stalled chain failed for another reason: %v", err)
	}
	// A generous bound: only a fetch that ignores the timeout fails it.
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %s, timeout 200ms", d)
	}
}

// TestProductionClient: without an injected client the chain is fetched on
// a clone of http.DefaultTransport, which keeps ProxyFromEnvironment and
// the system roots, and no redirect is followed.
func TestProductionClient(t *testing.T) {
	var v Verifier
	c := v.httpClient()
	tr, ok := c.Transport.(*http.Transport)
	if !ok || tr == http.DefaultTransport {
		t.Fatalf("transport %T, want a clone of http.DefaultTransport", c.Transport)
	}
	if tr.Proxy == nil {
		t.Error("transport has no proxy function: HTTPS_PROXY would be ignored")
	}
	if tr.TLSClientConfig != nil && tr.TLSClientConfig.RootCAs != nil {
		t.Error("transport pins its own roots instead of the system's")
	}
	if tr.DialContext == nil {
		t.Error("transport lost DefaultTransport's dialer")
	}
	if c.CheckRedirect == nil {
		t.Error("redirects would be followed")
	}
	if v.httpClient() != c {
		t.Error("a new client per fetch")
	}
}

// TestCacheSpellings: what is fetched is the checked URL, spelled plainly,
// so every spelling of one URL shares one fetch.
func TestCacheSpellings(t *testing.T) {
	f := getFixture(t)
	v := f.verifier(&clock{t: f.now})
	good, err := f.ca.Chain(f.key.Public(), verifytest.Leaf{})
	if err != nil {
		t.Fatal(err)
	}
	f.s3.Put("/echo.api/spelled.pem", good)
	for _, u := range []string{
		"HTTPS://S3.AMAZONAWS.COM:443/echo.api/../echo.api/spelled.pem",
		"https://s3.amazonaws.com/echo.api/./spelled.pem",
		"https://s3.amazonaws.com/echo.api/spelled.pem",
	} {
		r := f.valid()
		r.url = u
		if _, err := v.Verify(context.Background(), r.header(), r.body); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
	}
	if n := f.s3.Fetches("/echo.api/spelled.pem"); n != 1 {
		t.Errorf("three spellings fetched /echo.api/spelled.pem %d times, want 1", n)
	}
}

// BenchmarkVerify is what verification adds to a request once the chain is
// cached: the URL check, the RSA signature, decoding, timestamp and skill.
func BenchmarkVerify(b *testing.B) {
	f := getFixture(b)
	v := f.verifier(&clock{t: f.now})
	r := f.valid()
	h := r.header()
	if _, err := v.Verify(context.Background(), h, r.body); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := v.Verify(context.Background(), h, r.body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyFetch is a request whose chain is not cached yet: fetched
// from the stand-in S3 over loopback through the proxy, parsed and
// verified to the root.
func BenchmarkVerifyFetch(b *testing.B) {
	f := getFixture(b)
	r := f.valid()
	h := r.header()
	for b.Loop() {
		v := f.verifier(&clock{t: f.now})
		if _, err := v.Verify(context.Background(), h, r.body); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFetchLimit: a flood of requests naming chains that never come opens
// at most maxFetches fetches at once; the rest give up at the timeout.
func TestFetchLimit(t *testing.T) {
	f := getFixture(t)
	v := f.verifier(&clock{t: f.now})
	v.FetchTimeout = 300 * time.Millisecond
	// Counted where the verifier fetches: the stand-in S3 behind its proxy
	// hears of a given-up fetch only after the tunnel closes, so it can see
	// one more at once than the verifier ever had.
	counted := &countingTransport{next: v.Client.Transport}
	client := *v.Client
	client.Transport = counted
	v.Client = &client
	var wg sync.WaitGroup
	errs := make(chan error, 3*maxFetches)
	for i := range 3 * maxFetches {
		path := fmt.Sprintf("/echo.api/flood-%d.pem", i)
		f.s3.Stall(path)
		r := f.valid()
		r.url = "https://s3.amazonaws.com" + path
		wg.Go(func() {
			_, err := v.Verify(context.Background(), r.header(), r.body)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if !errors.Is(err, ErrCertFetch) {
			t.Errorf("stalled chain: %v, want ErrCertFetch", err)
		}
	}
	if n := counted.max(); n > maxFetches || n == 0 {
		t.Errorf("%d fetches at once, want 1 to %d", n, maxFetches)
	}
}

// countingTransport counts the round trips under way at once.
type countingTransport struct {
	next          http.RoundTripper
	mu            sync.Mutex
	now, maxSoFar int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.now++
	c.maxSoFar = max(c.maxSoFar, c.now)
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.now--
		c.mu.Unlock()
	}()
	next := c.next
	if next == nil {
		next = http.DefaultTransport
	}
	return next.RoundTrip(r)
}

func (c *countingTransport) max() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.maxSoFar
}
