package store_test

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// faultProxy stands between a store and the test's DynamoDB-protocol
// server and injects the faults a real network and a real DynamoDB have:
// throttling, server errors, slowness, a 500 after the request was
// carried out, and dropped connections. Faults are chosen by operation
// (the X-Amz-Target suffix: "PutItem", "Query", ...).
type faultProxy struct {
	srv    *httptest.Server
	target string
	client *http.Client

	mu    sync.Mutex
	rules []*faultRule
	seen  map[string]int // requests by operation, faults included
}

// faultKind is what a rule does to a request.
type faultKind int

const (
	// throttled answers 400 ProvisionedThroughputExceededException; the
	// request never reaches the server.
	throttled faultKind = iota
	// serverError answers 500 InternalServerError; nothing is done.
	serverError
	// slow waits the rule's delay (or until the client gives up), then
	// passes the request on.
	slow
	// failAfterCommit passes the request on, then answers 500: the
	// request was carried out, the client thinks not.
	failAfterCommit
	// dropped closes the connection without an answer; nothing is done.
	dropped
	// droppedAfterCommit passes the request on, then closes the
	// connection without an answer.
	droppedAfterCommit
)

// faultRule applies kind to the next times requests of op (every one when
// times is 0).
type faultRule struct {
	op    string
	kind  faultKind
	times int
	delay time.Duration
	hits  int
}

// newFaultProxy starts a proxy to the test server; the test closes it.
func newFaultProxy(t testing.TB) *faultProxy {
	p := &faultProxy{target: endpoint(t), client: &http.Client{}, seen: map[string]int{}}
	p.srv = httptest.NewServer(p)
	t.Cleanup(p.srv.Close)
	return p
}

// URL is the proxy's endpoint, for store.NewDynamo.
func (p *faultProxy) URL() string { return p.srv.URL }

// inject adds a rule and returns it.
func (p *faultProxy) inject(op string, kind faultKind, times int) *faultRule {
	p.mu.Lock()
	defer p.mu.Unlock()
	r := &faultRule{op: op, kind: kind, times: times}
	p.rules = append(p.rules, r)
	return r
}

// injectDelay makes the next times requests of op slow by d.
func (p *faultProxy) injectDelay(op string, d time.Duration, times int) *faultRule {
	r := p.inject(op, slow, times)
	p.mu.Lock()
	r.delay = d
	p.mu.Unlock()
	return r
}

// heal removes every rule.
func (p *faultProxy) heal() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rules = nil
}

// hits returns how many requests the rule hit.
func (p *faultProxy) hits(r *faultRule) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return r.hits
}

// match returns the rule for the next request of op, counting the hit.
func (p *faultProxy) match(op string) *faultRule {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen[op]++
	for _, r := range p.rules {
		if r.op == op && (r.times == 0 || r.hits < r.times) {
			r.hits++
			return r
		}
	}
	return nil
}

func (p *faultProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	target := r.Header.Get("X-Amz-Target")
	rule := p.match(target[strings.LastIndex(target, ".")+1:])
	kind := faultKind(-1)
	if rule != nil {
		kind = rule.kind
	}
	switch kind {
	case throttled:
		awsError(w, http.StatusBadRequest, "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded.")
		return
	case serverError:
		awsError(w, http.StatusInternalServerError, "InternalServerError", "Internal server error")
		return
	case dropped:
		drop(w)
		return
	case slow:
		select {
		case <-time.After(rule.delay):
		case <-r.Context().Done():
			return
		}
	}
	req, err := http.NewRequest(r.Method, p.target+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		awsError(w, http.StatusBadGateway, "ProxyError", err.Error())
		return
	}
	req.Header = r.Header.Clone()
	// One request at a time, as moto needs (see motoLock).
	resp, err := serialized{p.client}.Do(req)
	if err != nil {
		awsError(w, http.StatusBadGateway, "ProxyError", err.Error())
		return
	}
	out, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		awsError(w, http.StatusBadGateway, "ProxyError", err.Error())
		return
	}
	switch kind {
	case failAfterCommit:
		awsError(w, http.StatusInternalServerError, "InternalServerError", "Internal server error")
		return
	case droppedAfterCommit:
		drop(w)
		return
	}
	for _, h := range []string{"Content-Type", "X-Amz-Crc32", "X-Amzn-Requestid"} {
		if v := resp.Header.Get(h); v != "" {
			w.Header().Set(h, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	w.Write(out)
}

// awsError answers as DynamoDB does (the awsJson1_0 protocol).
func awsError(w http.ResponseWriter, status int, code, msg string) {
	body := fmt.Sprintf(`{"__type":"com.amazonaws.dynamodb.v20120810#%s","message":%q}`, code, msg)
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("X-Amzn-Errortype", code)
	// The SDK checks DynamoDB's checksum of the body.
	w.Header().Set("X-Amz-Crc32", fmt.Sprint(crc32.ChecksumIEEE([]byte(body))))
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// drop closes the client's connection without a word.
func drop(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(err) // httptest servers support hijacking
	}
	conn.Close()
}

// The proxy does what it says: each fault reaches the client as the fault
// it stands for, and a request it lets through is answered as the server
// answers.
func TestFaultProxy(t *testing.T) {
	p := newFaultProxy(t)
	post := func() (int, string, error) {
		req, _ := http.NewRequest(http.MethodPost, p.URL()+"/", strings.NewReader(`{}`))
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260115/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), nil
	}
	p.inject("ListTables", throttled, 1)
	p.inject("ListTables", failAfterCommit, 1)
	p.inject("ListTables", dropped, 1)
	p.injectDelay("ListTables", 150*time.Millisecond, 1)
	if code, body, err := post(); err != nil || code != 400 || !strings.Contains(body, "ProvisionedThroughputExceeded") {
		t.Errorf("throttled: %d %s %v", code, body, err)
	}
	if code, body, err := post(); err != nil || code != 500 {
		t.Errorf("failAfterCommit: %d %s %v", code, body, err)
	}
	if _, _, err := post(); err == nil {
		t.Error("dropped: the connection was answered")
	}
	start := time.Now()
	if code, body, err := post(); err != nil || code != 200 || !strings.Contains(body, "TableNames") || time.Since(start) < 150*time.Millisecond {
		t.Errorf("slow: %d %s %v after %v", code, body, err, time.Since(start))
	}
	if code, _, err := post(); err != nil || code != 200 {
		t.Errorf("after the rules ran out: %d %v", code, err)
	}
}
