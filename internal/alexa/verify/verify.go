// Package verify proves that an HTTP request comes from Alexa, by every
// check Amazon publishes for skills hosted as web services ("Host a custom
// skill as a web service", "Verify that the request was sent by Alexa"):
//
//  1. the SignatureCertChainUrl header names Amazon's bucket, checked before
//     anything is fetched;
//  2. the chain it names reaches a trusted root (the system's, never one
//     embedded here);
//  3. its first certificate is valid now and names echo-api.amazon.com among
//     its subject alternative names;
//  4. the Signature-256 header is that certificate's RSA signature (PKCS #1
//     v1.5, SHA-256) of the exact body bytes;
//  5. the request's timestamp is within 150 seconds of now (a skill event
//     may be up to an hour old);
//  6. the request is for this skill.
//
// Libraries that do this often get one of the steps wrong: they read the
// certificate's common name instead of its alternative names, accept a
// chain that ends at a certificate the chain itself supplies, fall back to
// the SHA-1 Signature header, accept timestamps in the future, or skip
// every check for a query parameter. None of that is done here, and
// nothing can turn a check off.
package verify

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
)

// What a request is refused for; Verify's errors wrap one of these, with
// detail for the log.
var (
	ErrMissingHeader = errors.New("missing or repeated signature header")
	ErrCertURL       = errors.New("certificate URL is not Amazon's")
	ErrCertFetch     = errors.New("cannot fetch the certificate chain")
	ErrCertInvalid   = errors.New("certificate chain is malformed")
	ErrCertExpired   = errors.New("signing certificate is not valid now")
	ErrCertName      = errors.New("signing certificate is not for " + alexa.SigningCertName)
	ErrCertUntrusted = errors.New("certificate chain does not reach a trusted root")
	ErrSignature     = errors.New("signature does not match the body")
	ErrRequest       = errors.New("body is not an Alexa request")
	ErrTimestamp     = errors.New("request timestamp is too old or in the future")
	ErrWrongSkill    = errors.New("request is for another skill")
)

// Where Alexa's certificate chains are kept.
const (
	certScheme     = "https"
	certHost       = "s3.amazonaws.com"
	certPort       = "443"
	certPathPrefix = "/echo.api/"
)

const (
	// MaxSkew is how far a request's timestamp may be from now.
	MaxSkew = 150 * time.Second
	// MaxEventAge is how old a skill event may be: Alexa may deliver one
	// up to an hour after it happened.
	MaxEventAge = time.Hour
	// DefaultFetchTimeout bounds one fetch of a chain. Alexa waits 8
	// seconds for the whole answer.
	DefaultFetchTimeout = 3 * time.Second
	// MaxChainBytes is the largest chain read. Amazon's is a few
	// kilobytes.
	MaxChainBytes = 64 << 10
	// maxCached bounds the cache. Only chains that verified are cached, so
	// only Amazon's can fill it; the bound is for safety.
	maxCached = 16
	// maxFetches bounds the fetches under way at once. Anyone can send a
	// request naming a chain under /echo.api/ that is not cached (it is
	// checked only once fetched), so a flood of them must not become a
	// flood of outbound connections; Alexa's own chain is fetched once.
	maxFetches = 4
)

// Verifier checks requests against one skill ID. Set its fields before
// the first Verify and do not change them after; Verify may be called
// concurrently. The zero value of every field but SkillID is what
// production wants.
type Verifier struct {
	// SkillID is the only application ID accepted. Empty refuses every
	// request.
	SkillID string
	// Client fetches certificate chains. Nil means a client on a clone of
	// http.DefaultTransport, which keeps http.ProxyFromEnvironment (so
	// HTTPS_PROXY is honoured) and trusts the system's roots. Redirects are
	// never followed, whichever client it is.
	Client *http.Client
	// Roots returns the roots a chain must reach. Nil means
	// x509.SystemCertPool, which SSL_CERT_FILE and SSL_CERT_DIR choose.
	Roots func() (*x509.CertPool, error)
	// Now is the clock. Nil means time.Now.
	Now func() time.Time
	// FetchTimeout bounds one fetch of a chain; zero means
	// DefaultFetchTimeout.
	FetchTimeout time.Duration

	clientOnce sync.Once
	client     *http.Client
	fetchSlots chan struct{}

	mu    sync.Mutex
	cache map[string]signingKey
}

// signingKey is a verified chain's signing key and the time when every
// certificate of the chain is valid.
type signingKey struct {
	key       *rsa.PublicKey
	notBefore time.Time
	notAfter  time.Time
}

func (k signingKey) validAt(t time.Time) bool {
	return !t.Before(k.notBefore) && !t.After(k.notAfter)
}

// Verify checks the request whose headers are h and whose raw body is
// body, and returns the request it decoded. It reads the body only after
// the signature over it is proven. The error wraps one of the Err values.
func (v *Verifier) Verify(ctx context.Context, h http.Header, body []byte) (*alexa.RequestEnvelope, error) {
	now := v.now()
	certURL, err := oneHeader(h, alexa.HeaderCertChainURL)
	if err != nil {
		return nil, err
	}
	sig, err := oneHeader(h, alexa.HeaderSignature256)
	if err != nil {
		return nil, err
	}
	u, err := checkCertURL(certURL)
	if err != nil {
		return nil, err
	}
	key, err := v.signingKey(ctx, u, now)
	if err != nil {
		return nil, err
	}
	if err := checkSignature(key, sig, body); err != nil {
		return nil, err
	}
	var env alexa.RequestEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrRequest, err)
	}
	if err := checkTimestamp(env.Request, now); err != nil {
		return nil, err
	}
	if err := checkSkill(&env, v.SkillID); err != nil {
		return nil, err
	}
	return &env, nil
}

// oneHeader returns the header's only value: a missing, empty or repeated
// header is refused rather than guessed at.
func oneHeader(h http.Header, name string) (string, error) {
	vals := h.Values(name)
	if len(vals) != 1 || vals[0] == "" {
		return "", fmt.Errorf("%w: %s (%d values)", ErrMissingHeader, name, len(vals))
	}
	return vals[0], nil
}

// checkCertURL checks a SignatureCertChainUrl before anything is fetched
// from it: scheme https and host s3.amazonaws.com (both in any case), port
// 443 if one is given, and a path that, once cleaned of "." and "..",
// starts with /echo.api/ (in exactly that case). It returns the URL to
// fetch: the checked one, spelled plainly.
func checkCertURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCertURL, err)
	}
	if !strings.EqualFold(u.Scheme, certScheme) {
		return nil, fmt.Errorf("%w: scheme %q", ErrCertURL, u.Scheme)
	}
	if u.User != nil || u.Opaque != "" {
		return nil, fmt.Errorf("%w: not a plain https URL", ErrCertURL)
	}
	if !strings.EqualFold(u.Hostname(), certHost) {
		return nil, fmt.Errorf("%w: host %q", ErrCertURL, u.Hostname())
	}
	if p := u.Port(); p != "" && p != certPort {
		return nil, fmt.Errorf("%w: port %q", ErrCertURL, p)
	}
	// A colon with no port ("s3.amazonaws.com:") is not a port 443.
	if strings.HasSuffix(u.Host, ":") {
		return nil, fmt.Errorf("%w: empty port", ErrCertURL)
	}
	clean := path.Clean(u.Path)
	if !strings.HasPrefix(clean, certPathPrefix) {
		return nil, fmt.Errorf("%w: path %q", ErrCertURL, u.Path)
	}
	// What is fetched (and cached) is exactly what was checked: one
	// spelling of the URL, whatever case, port or dot segments it came in.
	return &url.URL{Scheme: certScheme, Host: certHost, Path: clean, RawQuery: u.RawQuery}, nil
}

// signingKey returns the key of the chain at u, from the cache while every
// certificate of the chain is still valid, otherwise fetched and verified.
func (v *Verifier) signingKey(ctx context.Context, u *url.URL, now time.Time) (*rsa.PublicKey, error) {
	id := u.String()
	v.mu.Lock()
	k, ok := v.cache[id]
	v.mu.Unlock()
	if ok && k.validAt(now) {
		return k.key, nil
	}
	pemBytes, err := v.fetch(ctx, u)
	if err != nil {
		return nil, err
	}
	leaf, intermediates, err := parseChain(pemBytes)
	if err != nil {
		return nil, err
	}
	roots, err := v.roots()
	if err != nil {
		return nil, fmt.Errorf("%w: system roots: %v", ErrCertUntrusted, err)
	}
	k, err = checkChain(leaf, intermediates, roots, now)
	if err != nil {
		return nil, err
	}
	v.remember(id, k, now)
	return k.key, nil
}

// remember caches k under id, first dropping expired entries, then any
// one, if the cache is full.
func (v *Verifier) remember(id string, k signingKey, now time.Time) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.cache == nil {
		v.cache = make(map[string]signingKey)
	}
	if len(v.cache) >= maxCached {
		for old, ok := range v.cache {
			if !ok.validAt(now) {
				delete(v.cache, old)
			}
		}
	}
	if len(v.cache) >= maxCached {
		for old := range v.cache {
			delete(v.cache, old)
			break
		}
	}
	v.cache[id] = k
}

// fetch downloads the chain at u, with a timeout and a size limit.
func (v *Verifier) fetch(ctx context.Context, u *url.URL) ([]byte, error) {
	timeout := v.FetchTimeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	slots := v.slots()
	select {
	case slots <- struct{}{}:
		defer func() { <-slots }()
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: %d fetches already under way: %v", ErrCertFetch, maxFetches, ctx.Err())
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCertFetch, err)
	}
	resp, err := v.httpClient().Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCertFetch, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: %s: status %d", ErrCertFetch, u, resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxChainBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCertFetch, u, err)
	}
	if len(b) > MaxChainBytes {
		return nil, fmt.Errorf("%w: %s: larger than %d bytes", ErrCertFetch, u, MaxChainBytes)
	}
	return b, nil
}

// slots is the semaphore of fetches under way.
func (v *Verifier) slots() chan struct{} {
	v.httpClient()
	return v.fetchSlots
}

// httpClient is Client, or the production client, never following
// redirects: a redirect could lead anywhere the URL check forbids.
func (v *Verifier) httpClient() *http.Client {
	v.clientOnce.Do(func() {
		var c http.Client
		if v.Client != nil {
			c = *v.Client
		} else {
			t := http.DefaultTransport.(*http.Transport).Clone()
			t.Proxy = http.ProxyFromEnvironment
			c.Transport = t
		}
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		v.client = &c
		v.fetchSlots = make(chan struct{}, maxFetches)
	})
	return v.client
}

func (v *Verifier) roots() (*x509.CertPool, error) {
	if v.Roots != nil {
		return v.Roots()
	}
	return x509.SystemCertPool()
}

func (v *Verifier) now() time.Time {
	if v.Now != nil {
		return v.Now()
	}
	return time.Now()
}

// parseChain reads a PEM chain: the signing certificate first, then the
// intermediates. Certificates after the first are only ever intermediates:
// a root the chain supplies is not trusted for being there.
func parseChain(pemBytes []byte) (leaf *x509.Certificate, intermediates *x509.CertPool, err error) {
	intermediates = x509.NewCertPool()
	rest := pemBytes
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return nil, nil, fmt.Errorf("%w: a %q block", ErrCertInvalid, block.Type)
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %v", ErrCertInvalid, err)
		}
		if leaf == nil {
			leaf = cert
			continue
		}
		intermediates.AddCert(cert)
	}
	if leaf == nil {
		return nil, nil, fmt.Errorf("%w: no certificate", ErrCertInvalid)
	}
	if len(strings.TrimSpace(string(rest))) != 0 {
		return nil, nil, fmt.Errorf("%w: data after the certificates", ErrCertInvalid)
	}
	return leaf, intermediates, nil
}

// checkChain checks the signing certificate leaf: valid at now, with
// echo-api.amazon.com exactly among its DNS alternative names (its common
// name counts for nothing, and neither does a wildcard), reaching one of
// roots through intermediates, and with an RSA key. It returns the key
// and when the whole chain is valid.
func checkChain(leaf *x509.Certificate, intermediates, roots *x509.CertPool, now time.Time) (signingKey, error) {
	if now.Before(leaf.NotBefore) || now.After(leaf.NotAfter) {
		return signingKey{}, fmt.Errorf("%w: valid %s to %s", ErrCertExpired,
			leaf.NotBefore.UTC().Format(time.RFC3339), leaf.NotAfter.UTC().Format(time.RFC3339))
	}
	if !slices.Contains(leaf.DNSNames, alexa.SigningCertName) {
		return signingKey{}, fmt.Errorf("%w: names %q", ErrCertName, leaf.DNSNames)
	}
	chains, err := leaf.Verify(x509.VerifyOptions{
		Intermediates: intermediates,
		Roots:         roots,
		CurrentTime:   now,
		// Amazon requires no extended key usage of the signing
		// certificate; the default would demand server authentication.
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
	})
	if err != nil {
		return signingKey{}, fmt.Errorf("%w: %v", ErrCertUntrusted, err)
	}
	key, ok := leaf.PublicKey.(*rsa.PublicKey)
	if !ok {
		return signingKey{}, fmt.Errorf("%w: a %T key, not RSA", ErrCertInvalid, leaf.PublicKey)
	}
	k := signingKey{key: key, notBefore: leaf.NotBefore, notAfter: leaf.NotAfter}
	for _, c := range chains[0] {
		if c.NotBefore.After(k.notBefore) {
			k.notBefore = c.NotBefore
		}
		if c.NotAfter.Before(k.notAfter) {
			k.notAfter = c.NotAfter
		}
	}
	return k, nil
}

// checkSignature checks that sig64, a base64 Signature-256 header, is
// key's RSA PKCS #1 v1.5 signature of the SHA-256 hash of body.
func checkSignature(key *rsa.PublicKey, sig64 string, body []byte) error {
	sig, err := base64.StdEncoding.DecodeString(sig64)
	if err != nil {
		return fmt.Errorf("%w: not base64: %v", ErrSignature, err)
	}
	sum := sha256.Sum256(body)
	if err := rsa.VerifyPKCS1v15(key, crypto.SHA256, sum[:], sig); err != nil {
		return fmt.Errorf("%w: %v", ErrSignature, err)
	}
	return nil
}

// checkTimestamp checks the request's timestamp: within MaxSkew of now
// either way, or for a skill event up to MaxEventAge old.
func checkTimestamp(r alexa.Request, now time.Time) error {
	ts, err := time.Parse(time.RFC3339, r.Timestamp)
	if err != nil {
		return fmt.Errorf("%w: timestamp %q: %v", ErrTimestamp, r.Timestamp, err)
	}
	maxAge := MaxSkew
	if r.IsSkillEvent() {
		maxAge = MaxEventAge
	}
	switch age := now.Sub(ts); {
	case age > maxAge:
		return fmt.Errorf("%w: %s old", ErrTimestamp, age.Round(time.Second))
	case age < -MaxSkew:
		return fmt.Errorf("%w: %s ahead", ErrTimestamp, (-age).Round(time.Second))
	}
	return nil
}

// checkSkill checks that the request is for skillID. An empty skillID
// matches nothing.
func checkSkill(env *alexa.RequestEnvelope, skillID string) error {
	if skillID == "" {
		return fmt.Errorf("%w: no skill ID is configured", ErrWrongSkill)
	}
	if id := env.ApplicationID(); id != skillID {
		return fmt.Errorf("%w: %q", ErrWrongSkill, id)
	}
	return nil
}
