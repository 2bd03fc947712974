package verify

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/nightlegs/nightlegs/internal/alexa"
	"github.com/nightlegs/nightlegs/internal/alexa/verify/verifytest"
)

// FuzzVerify: whatever the headers and body, Verify never panics, and
// passes only a request signed by the test's Alexa key for this skill.
// `go test` runs the seeds; `make fuzz` searches for more.
func FuzzVerify(f *testing.F) {
	fx := getFixture(f)
	valid := fx.valid()
	f.Add(valid.url, verifytest.Sign256(fx.key, valid.body), valid.body)
	f.Add(certURL("expired.pem"), verifytest.Sign256(fx.key, valid.body), valid.body)
	f.Add(certURL("untrusted-with-root.pem"), verifytest.Sign256(fx.key, valid.body), valid.body)
	f.Add("https://s3.amazonaws.com/echo.api/../echo.api/good.pem", verifytest.Sign256(fx.key, valid.body), valid.body)
	f.Add("https://s3.amazonaws.com/echo.api/%2e%2e/x", "AAAA", []byte(`{}`))
	f.Add("https://[::1]:443/echo.api/x", "", []byte(nil))
	signed := []byte(`{"request":{"timestamp":"x"},"session":null}`)
	f.Add(valid.url, verifytest.Sign256(fx.key, signed), signed)
	signed = []byte(`[1,2,3]`)
	f.Add(valid.url, verifytest.Sign256(fx.key, signed), signed)

	v := fx.verifier(&clock{t: fx.now})
	v.FetchTimeout = time.Second
	f.Fuzz(func(t *testing.T, certURL, sig string, body []byte) {
		h := http.Header{}
		h.Set(alexa.HeaderCertChainURL, certURL)
		h.Set(alexa.HeaderSignature256, sig)
		env, err := v.Verify(context.Background(), h, body)
		if err != nil {
			return
		}
		if env == nil || env.ApplicationID() != skillID {
			t.Fatalf("passed with %+v", env)
		}
		if err := checkSignature(&fx.key.PublicKey, sig, body); err != nil {
			t.Fatalf("passed a body the test's key did not sign: %v", err)
		}
	})
}
