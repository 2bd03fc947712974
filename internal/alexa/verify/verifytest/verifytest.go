// Package verifytest plays Amazon's side of request verification for tests,
// on loopback only: a certificate authority made in the test, signing
// certificates and signatures as Alexa makes them, and a stand-in for
// https://s3.amazonaws.com reached through a local HTTPS (CONNECT) proxy,
// so that the verifier's real HTTP client fetches chains from it.
package verifytest

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Authority is a certificate authority: a self-signed root and one
// intermediate under it, which issues everything else, as Amazon's chains
// are built.
type Authority struct {
	Root         *x509.Certificate
	Intermediate *x509.Certificate
	rootKey      crypto.Signer
	interKey     crypto.Signer
}

// NewAuthority makes an authority whose certificates are valid for ten
// years from a year ago.
func NewAuthority(name string) (*Authority, error) {
	now := time.Now()
	rootKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	rootTmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: name + " Root"},
		NotBefore:             now.AddDate(-1, 0, 0),
		NotAfter:              now.AddDate(10, 0, 0),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	root, err := create(rootTmpl, rootTmpl, rootKey.Public(), rootKey)
	if err != nil {
		return nil, err
	}
	interKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	inter, err := create(&x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: name + " Intermediate"},
		NotBefore:             now.AddDate(-1, 0, 0),
		NotAfter:              now.AddDate(10, 0, 0),
		IsCA:                  true,
		BasicConstraintsValid: true,
		MaxPathLen:            0,
		MaxPathLenZero:        true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}, root, interKey.Public(), rootKey)
	if err != nil {
		return nil, err
	}
	return &Authority{Root: root, Intermediate: inter, rootKey: rootKey, interKey: interKey}, nil
}

// RootPEM is the root as a PEM file, for SSL_CERT_FILE.
func (a *Authority) RootPEM() []byte { return PEM(a.Root) }

// Pool is a pool of the root alone.
func (a *Authority) Pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(a.Root)
	return p
}

// Leaf describes a signing certificate. The zero value is a good one:
// echo-api.amazon.com, valid from a day before to thirty days after now.
type Leaf struct {
	DNSNames   []string // nil means echo-api.amazon.com; empty means none
	CommonName string
	NotBefore  time.Time
	NotAfter   time.Time
}

// Issue makes a signing certificate for key and returns it.
func (a *Authority) Issue(key crypto.PublicKey, l Leaf) (*x509.Certificate, error) {
	now := time.Now()
	if l.DNSNames == nil {
		l.DNSNames = []string{"echo-api.amazon.com"}
	}
	if l.NotBefore.IsZero() {
		l.NotBefore = now.Add(-24 * time.Hour)
	}
	if l.NotAfter.IsZero() {
		l.NotAfter = now.Add(30 * 24 * time.Hour)
	}
	return create(&x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: l.CommonName},
		DNSNames:     l.DNSNames,
		NotBefore:    l.NotBefore,
		NotAfter:     l.NotAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}, a.Intermediate, key, a.interKey)
}

// Chain is the PEM chain Alexa publishes for key: the signing certificate
// then the intermediate.
func (a *Authority) Chain(key crypto.PublicKey, l Leaf) ([]byte, error) {
	leaf, err := a.Issue(key, l)
	if err != nil {
		return nil, err
	}
	return PEM(leaf, a.Intermediate), nil
}

// ServerCert is a TLS certificate for hosts (names or IP addresses).
func (a *Authority) ServerCert(hosts ...string) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: hosts[0]},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	cert, err := create(tmpl, a.Intermediate, key.Public(), a.interKey)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{cert.Raw, a.Intermediate.Raw}, PrivateKey: key, Leaf: cert}, nil
}

// PEM encodes certificates, in order.
func PEM(certs ...*x509.Certificate) []byte {
	var b bytes.Buffer
	for _, c := range certs {
		pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	return b.Bytes()
}

// KeyPEM encodes a private key, for a TLS key file.
func KeyPEM(key crypto.PrivateKey) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// Sign256 is the Signature-256 header Alexa sends with body.
func Sign256(key *rsa.PrivateKey, body []byte) string {
	sum := sha256.Sum256(body)
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		panic(err) // only for a key too small for SHA-256, a test's mistake
	}
	return base64.StdEncoding.EncodeToString(sig)
}

// SignSHA1 is the old SHA-1 Signature header for body.
func SignSHA1(key *rsa.PrivateKey, body []byte) string {
	sum := sha1.Sum(body)
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA1, sum[:])
	if err != nil {
		panic(err)
	}
	return base64.StdEncoding.EncodeToString(sig)
}

func create(tmpl, parent *x509.Certificate, pub crypto.PublicKey, signer crypto.Signer) (*x509.Certificate, error) {
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		return nil, fmt.Errorf("create certificate %q: %w", tmpl.Subject.CommonName, err)
	}
	return x509.ParseCertificate(der)
}

func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		panic(err)
	}
	return n
}

// S3 stands in for https://s3.amazonaws.com: an HTTPS server with a
// certificate for that name from the authority, reached through a CONNECT
// proxy on 127.0.0.1 that tunnels only s3.amazonaws.com:443, and only to
// it, so nothing a test does leaves loopback.
type S3 struct {
	// ProxyURL is the proxy, for HTTPS_PROXY or http.ProxyURL.
	ProxyURL *url.URL

	server *httptest.Server
	proxy  *http.Server
	stop   chan struct{}

	mu          sync.Mutex
	objects     map[string][]byte
	stalled     map[string]bool
	moved       map[string]string
	fetches     map[string]int
	connects    int
	inFlight    int
	maxInFlight int
}

// NewS3 starts the server and the proxy. Close stops them.
func NewS3(a *Authority) (*S3, error) {
	cert, err := a.ServerCert("s3.amazonaws.com")
	if err != nil {
		return nil, err
	}
	s := &S3{
		stop:    make(chan struct{}),
		objects: map[string][]byte{},
		stalled: map[string]bool{},
		moved:   map[string]string{},
		fetches: map[string]int{},
	}
	s.server = httptest.NewUnstartedServer(http.HandlerFunc(s.serveObject))
	s.server.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	s.server.StartTLS()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.server.Close()
		return nil, err
	}
	s.ProxyURL = &url.URL{Scheme: "http", Host: ln.Addr().String()}
	s.proxy = &http.Server{Handler: http.HandlerFunc(s.tunnel), ReadHeaderTimeout: 5 * time.Second}
	go s.proxy.Serve(ln)
	return s, nil
}

// Close stops the proxy and the server.
func (s *S3) Close() {
	close(s.stop)
	s.proxy.Close()
	s.server.Close()
}

// Put serves body at path (such as /echo.api/echo-api-cert.pem).
func (s *S3) Put(path string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.objects[path] = body
}

// Stall makes path answer nothing until the client gives up.
func (s *S3) Stall(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stalled[path] = true
}

// Redirect makes path answer a redirect to location.
func (s *S3) Redirect(path, location string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.moved[path] = location
}

// Fetches is how many times path was asked for.
func (s *S3) Fetches(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fetches[path]
}

// MaxInFlight is the most requests the server was answering at once.
func (s *S3) MaxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxInFlight
}

// Connects is how many tunnels the proxy opened.
func (s *S3) Connects() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.connects
}

// Client is an HTTP client as production builds it (a clone of
// http.DefaultTransport), but going through the proxy and trusting the
// authority's root: what HTTPS_PROXY and SSL_CERT_FILE give a process.
func (s *S3) Client(a *Authority) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = http.ProxyURL(s.ProxyURL)
	t.TLSClientConfig = &tls.Config{RootCAs: a.Pool()}
	return &http.Client{Transport: t}
}

func (s *S3) serveObject(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.fetches[r.URL.Path]++
	s.inFlight++
	s.maxInFlight = max(s.maxInFlight, s.inFlight)
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	body, ok := s.objects[r.URL.Path]
	stalled := s.stalled[r.URL.Path]
	location, moved := s.moved[r.URL.Path]
	s.mu.Unlock()
	if moved {
		http.Redirect(w, r, location, http.StatusFound)
		return
	}
	if stalled {
		select {
		case <-r.Context().Done():
		case <-s.stop:
		}
		return
	}
	if !ok || r.Method != http.MethodGet {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/x-x509-ca-cert")
	w.Write(body)
}

// tunnel is the proxy: CONNECT s3.amazonaws.com:443 is joined to the
// server; anything else is refused.
func (s *S3) tunnel(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodConnect || !strings.EqualFold(r.Host, "s3.amazonaws.com:443") {
		http.Error(w, "this proxy only tunnels to s3.amazonaws.com:443", http.StatusForbidden)
		return
	}
	upstream, err := net.Dial("tcp", s.server.Listener.Addr().String())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		upstream.Close()
		http.Error(w, "cannot tunnel", http.StatusInternalServerError)
		return
	}
	client, buf, err := hj.Hijack()
	if err != nil {
		upstream.Close()
		return
	}
	s.mu.Lock()
	s.connects++
	s.mu.Unlock()
	if _, err := client.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n")); err != nil {
		client.Close()
		upstream.Close()
		return
	}
	done := make(chan struct{}, 2)
	go func() {
		// What the client sent after CONNECT may already be buffered.
		io.Copy(upstream, io.MultiReader(io.LimitReader(buf.Reader, int64(buf.Reader.Buffered())), client))
		done <- struct{}{}
	}()
	go func() {
		io.Copy(client, upstream)
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-s.stop:
	}
	client.Close()
	upstream.Close()
}
