package juspay_test

import (
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// Shared helpers for the package's unit tests, in the manner of go-github's
// testMethod and testHeader: each test states only what is particular to it.

const (
	testAPIKey     = "sk_test_Q7fK2mZp9xL4wR8v"
	testMerchantID = "merchant_123"
	testCustomerID = "cth_eN4e4kR12CJV"
	sandboxURL     = "https://sandbox.juspay.in"
)

// testAuthorization is the Authorization header testAPIKey gives.
var testAuthorization = "Basic " + base64.StdEncoding.EncodeToString([]byte(testAPIKey+":"))

// testSecrets are the texts that must never appear in an error, a log
// record or a formatted value: the key, and the key as it travels.
var testSecrets = []string{testAPIKey, base64.StdEncoding.EncodeToString([]byte(testAPIKey + ":"))}

// newMockClient builds a client whose requests all go to a fresh httpmock
// transport, as a merchant's test would: never the network, never
// http.DefaultClient. Retries wait a millisecond. opts come last, so they
// override these.
func newMockClient(t testing.TB, opts ...juspay.Option) (*juspay.Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	base := []juspay.Option{
		juspay.WithMerchantID(testMerchantID),
		juspay.WithHTTPClient(&http.Client{Transport: mt}),
		juspay.WithRetryBackoff(time.Millisecond, time.Millisecond),
	}
	c, err := juspay.NewClient(testAPIKey, append(base, opts...)...)
	require.NoError(t, err)
	return c, mt
}

// refreshURL is the sandbox URL of Refresh All Wallets for an (already
// escaped) customer ID.
func refreshURL(escapedID string) string {
	return sandboxURL + "/customers/" + escapedID + "/wallets/refresh-balances"
}

// recorder keeps every request a mock transport received, with its body.
type recorder struct {
	mu     sync.Mutex
	reqs   []*http.Request
	bodies [][]byte
}

// recordAll answers every request mt receives with respond, and records it.
func recordAll(mt *httpmock.MockTransport, respond httpmock.Responder) *recorder {
	rec := &recorder{}
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		var body []byte
		if req.Body != nil {
			body, _ = io.ReadAll(req.Body)
		}
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, req)
		rec.bodies = append(rec.bodies, body)
		rec.mu.Unlock()
		return respond(req)
	})
	return rec
}

// count is the number of requests sent so far.
func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.reqs)
}

// only returns the one request sent, and its body, failing the test unless
// exactly one was.
func (r *recorder) only(t testing.TB) (*http.Request, []byte) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	require.Len(t, r.reqs, 1, "requests sent")
	return r.reqs[0], r.bodies[0]
}

// all returns every request sent, in order.
func (r *recorder) all() []*http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*http.Request(nil), r.reqs...)
}

// jsonResponder answers with status, a JSON Content-Type, body and the
// header pairs given ("X-Request-Id", "req_1", ...).
func jsonResponder(status int, body string, header ...string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(header); i += 2 {
			resp.Header.Set(header[i], header[i+1])
		}
		return resp, nil
	}
}

// emptyList is a valid Refresh All Wallets answer with no wallets.
const emptyList = `{"object":"list","list":[],"offset":0,"count":0,"total":0}`

func testMethod(t testing.TB, r *http.Request, want string) {
	t.Helper()
	assert.Equal(t, want, r.Method, "method")
}

// testHeader checks that header key was sent exactly once, as want.
func testHeader(t testing.TB, r *http.Request, key, want string) {
	t.Helper()
	assert.Equal(t, []string{want}, r.Header.Values(key), "header %s", key)
}

// testNoBody checks that a request carried no body at all.
func testNoBody(t testing.TB, r *http.Request, body []byte) {
	t.Helper()
	assert.Empty(t, body, "request body")
	assert.LessOrEqual(t, r.ContentLength, int64(0), "Content-Length")
}

// assertNoSecret checks that s holds none of the secrets, nor, by default,
// testSecrets.
func assertNoSecret(t testing.TB, s string, secrets ...string) {
	t.Helper()
	if secrets == nil {
		secrets = testSecrets
	}
	for _, secret := range secrets {
		assert.NotContains(t, s, secret)
	}
}

// amt parses an expected amount.
func amt(s string) *juspay.Amount {
	a, err := juspay.ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return &a
}

// readSample returns a response sample from testdata/samples.
func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "samples", name))
	require.NoError(t, err)
	return b
}

// testFormValues checks that a form body is exactly want.
func testFormValues(t testing.TB, body []byte, want url.Values) {
	t.Helper()
	got, err := url.ParseQuery(string(body))
	require.NoError(t, err, "body %q", body)
	assert.Equal(t, want, got)
}
