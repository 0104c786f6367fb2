package juspay_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// The package's one test dialect, after go-github's: a client on a mock
// transport (newMockClient, recordAll) or on a loopback server (setup,
// newTestServer), and small checks (testMethod, testHeader, testHeaders,
// testFormValues) so each test states only what is particular to it.

const (
	testAPIKey     = "sk_test_Q7fK2mZp9xL4wR8v"
	testMerchantID = "merchant_123"
	testCustomerID = "cth_eN4e4kR12CJV"
	sandboxURL     = "https://sandbox.juspay.in"
	refreshPath    = "/customers/" + testCustomerID + "/wallets/refresh-balances"
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

// newRecordedClient is newMockClient whose transport answers every request
// with respond, and records it.
func newRecordedClient(t testing.TB, respond httpmock.Responder, opts ...juspay.Option) (*juspay.Client, *recorder) {
	t.Helper()
	c, mt := newMockClient(t, opts...)
	return c, recordAll(mt, respond)
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
			var err error
			if body, err = io.ReadAll(req.Body); err != nil {
				return nil, err
			}
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

// failResponder fails the round trip with err, as a broken connection does.
func failResponder(err error) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) { return nil, err }
}

// sequence answers the n-th request with the n-th responder, and every
// later one with the last.
func sequence(rs ...httpmock.Responder) httpmock.Responder {
	var mu sync.Mutex
	n := 0
	return func(req *http.Request) (*http.Response, error) {
		mu.Lock()
		r := rs[min(n, len(rs)-1)]
		n++
		mu.Unlock()
		return r(req)
	}
}

// The transport faults of the retry rules. A reset happens after the
// request was written; a refused dial happens before.
var (
	errReset   = &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	errRefused = &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
)

// emptyList is a valid Refresh All Wallets answer with no wallets.
const emptyList = `{"object":"list","list":[],"offset":0,"count":0,"total":0}`

// testMethod checks the request's method.
func testMethod(t testing.TB, r *http.Request, want string) {
	t.Helper()
	assert.Equal(t, want, r.Method, "method")
}

// testHeader checks that header key was sent exactly once, as want.
func testHeader(t testing.TB, r *http.Request, key, want string) {
	t.Helper()
	assert.Equal(t, []string{want}, r.Header.Values(key), "header %s", key)
}

// testHeaders checks the headers every call sends to the sandbox, and
// x-routing-id: routingID, or none at all when it is "".
func testHeaders(t testing.TB, r *http.Request, routingID string) {
	t.Helper()
	assert.Equal(t, "sandbox.juspay.in", r.URL.Host)
	testHeader(t, r, "Authorization", testAuthorization)
	testHeader(t, r, "X-Merchantid", testMerchantID)
	testHeader(t, r, "Version", juspay.DefaultAPIVersion)
	testHeader(t, r, "Content-Type", "application/x-www-form-urlencoded")
	testHeader(t, r, "Accept", "application/json")
	assert.True(t, strings.HasPrefix(r.Header.Get("User-Agent"), "juspay-go/"), "User-Agent %q", r.Header.Get("User-Agent"))
	if routingID == "" {
		assert.NotContains(t, r.Header, "X-Routing-Id")
	} else {
		testHeader(t, r, "X-Routing-Id", routingID)
	}
}

// testCall checks the method and escaped path of a request the client
// sent, and the headers testHeaders checks.
func testCall(t testing.TB, r *http.Request, method, escapedPath, routingID string) {
	t.Helper()
	testMethod(t, r, method)
	assert.Equal(t, escapedPath, r.URL.EscapedPath(), "path")
	testHeaders(t, r, routingID)
}

// testFormValues checks the exact form body: want nil means no body at all.
// Nothing goes in the query string.
func testFormValues(t testing.TB, r *http.Request, body []byte, want url.Values) {
	t.Helper()
	assert.Empty(t, r.URL.RawQuery, "nothing goes in the query string")
	if want == nil {
		assert.Empty(t, body, "request body")
		assert.LessOrEqual(t, r.ContentLength, int64(0), "Content-Length")
		return
	}
	got, err := url.ParseQuery(string(body))
	require.NoError(t, err, "body %q", body)
	assert.Equal(t, want, got)
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

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// readSample returns a response sample from testdata/samples.
func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "samples", name))
	require.NoError(t, err)
	return b
}

// samples are the response bodies Juspay publishes beside its API
// reference, byte for byte (testdata/samples, kept identical to the spec's
// by samples_test.go), keyed by file name without ".json".
var samples = func() map[string]string {
	files, err := filepath.Glob(filepath.Join("testdata", "samples", "*.json"))
	if err != nil || len(files) == 0 {
		panic("testdata/samples: no published samples to test with")
	}
	m := make(map[string]string, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		m[strings.TrimSuffix(filepath.Base(f), ".json")] = string(b)
	}
	return m
}()

// testServer is a loopback Juspay for end-to-end tests, counting the
// requests it handled and the connections clients opened to it.
type testServer struct {
	*httptest.Server
	requests atomic.Int64
	conns    atomic.Int64
}

// setup starts a loopback server whose mux each test registers handlers
// on, and a client pointed at it (see newServerClient), as go-github's
// setup does.
func setup(t testing.TB, opts ...juspay.Option) (*juspay.Client, *http.ServeMux, *testServer) {
	t.Helper()
	mux := http.NewServeMux()
	srv := newTestServer(t, mux.ServeHTTP)
	return newServerClient(t, srv.URL, opts...), mux, srv
}

// newTestServer starts a loopback server running h, closed when the test
// ends.
func newTestServer(t testing.TB, h http.HandlerFunc) *testServer {
	t.Helper()
	s := &testServer{}
	srv := newUnstartedTestServer(s, h)
	srv.Start()
	s.Server = srv
	t.Cleanup(srv.Close)
	return s
}

// newUnstartedTestServer builds the server behind s, counting into s.
func newUnstartedTestServer(s *testServer, h http.HandlerFunc) *httptest.Server {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		h(w, r)
	}))
	srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	// Resets and timeouts are the point of several tests; keep the server's
	// complaints about them out of the test output.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	return srv
}

// startFake starts juspaytest's fake Juspay, closed when the test ends,
// holding the customer of Juspay's Refresh All Wallets sample, and a client
// for it: for tests whose faults juspaytest can script.
func startFake(t testing.TB, opts ...juspaytest.ServerOption) (*juspaytest.Server, *juspay.Client) {
	t.Helper()
	srv, c := juspaytest.Start(t, opts...)
	_, err := srv.AddCustomer(juspaytest.SampleCustomer())
	require.NoError(t, err)
	return srv, c
}

// newServerClient builds a client with NewClient's default HTTP client,
// pointed at baseURL, with short backoff so retries do not slow the tests;
// opts come after and win.
func newServerClient(t testing.TB, baseURL string, opts ...juspay.Option) *juspay.Client {
	t.Helper()
	all := append([]juspay.Option{
		juspay.WithMerchantID(testMerchantID),
		juspay.WithBaseURL(baseURL),
		juspay.WithRetryBackoff(time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := juspay.NewClient(testAPIKey, all...)
	require.NoError(t, err)
	return c
}

// attemptLog counts the SDK's attempts through WithLogger: the package
// promises one debug record per attempt and one warn record per retry. It
// counts what the SDK did, where the server's count would also include
// net/http's own replays on a reused connection.
type attemptLog struct {
	attempts atomic.Int64
	warns    atomic.Int64
	budget   atomic.Int64 // warn records about the retry budget
}

func (c *attemptLog) Enabled(context.Context, slog.Level) bool { return true }
func (c *attemptLog) WithAttrs([]slog.Attr) slog.Handler       { return c }
func (c *attemptLog) WithGroup(string) slog.Handler            { return c }
func (c *attemptLog) Handle(_ context.Context, r slog.Record) error {
	switch r.Level {
	case slog.LevelDebug:
		c.attempts.Add(1)
	case slog.LevelWarn:
		c.warns.Add(1)
		if strings.Contains(r.Message, "budget") {
			c.budget.Add(1)
		}
	}
	return nil
}

// logger returns a logger that reports to c.
func (c *attemptLog) logger() *slog.Logger { return slog.New(c) }

// walletsBody is a Refresh All Wallets answer with n wallets, shaped as
// Juspay's sample, in types a plain struct decodes too (so the benchmarks'
// hand-written floor reads the same bytes).
func walletsBody(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"list":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"wallet":"PAYTM","token":"tk_04eccff6f4095a%04d","last_refreshed":"2022-02-17T06:58:08Z",`+
			`"juspay_bank_code":"JP_PAYTM","object":"wallet_account","metadata":{"mobile_number":"7700000078"},`+
			`"id":"wlt_x1K6am%05d","current_balance":109.55,"gateway_reference_id":null,"linked":true,`+
			`"sub_details":[{"payment_method":"PAYTM_POSTPAID","payment_method_type":"WALLET","current_balance":2500,"last_refreshed":"2022-02-17T06:58:08Z"}]}`,
			i, i)
	}
	fmt.Fprintf(&b, `],"offset":0,"count":%d,"total":%d,"object":"list"}`, n, n)
	return []byte(b.String())
}

// linkedWalletBody is Link Wallet's answer, Juspay's sample.
const linkedWalletBody = `{"id":"wlt_q23xzki3pazgtezo","object":"wallet_account","wallet":"MOBIKWIK",` +
	`"token":"tok_winysteev9eftrwcv6me","current_balance":250,"linked":true,"last_refreshed":"2016-08-01T08:07:52+0000"}`

// answerOK answers a GET with a two-wallet list and anything else with a
// linked wallet, as Juspay does for Refresh All Wallets and Link.
func answerOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodGet {
		_, _ = w.Write(walletsBody(2))
		return
	}
	_, _ = io.WriteString(w, linkedWalletBody)
}

// writeStatus answers with status and a Juspay-shaped error body.
func writeStatus(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"status":"error","error_code":"e%d","error_message":"status %d"}`, status, status)
}

// resetConn answers by resetting the connection: a TCP RST, with nothing of
// a response sent (or after whatever the handler wrote and flushed).
func resetConn(t testing.TB, w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // close with RST, not FIN
	}
	_ = conn.Close()
}

// holdRequest holds a request until the client goes away. It reads the
// request body first: net/http notices a client hanging up only once the
// handler has read the whole body, so a held POST would otherwise hold the
// server (and the test) forever.
func holdRequest(r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	<-r.Context().Done()
}

// closedURL returns a loopback URL on which nothing listens: connection
// refused.
func closedURL(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return "http://" + addr
}

// refreshAll is the read the end-to-end tests drive.
func refreshAll(ctx context.Context, c *juspay.Client, opts ...juspay.Option) error {
	_, err := c.Wallets.RefreshAll(ctx, testCustomerID, opts...)
	return err
}

// linkWallet is the write the fault matrix drives.
func linkWallet(ctx context.Context, c *juspay.Client, opts ...juspay.Option) error {
	_, err := c.Wallets.Link(ctx, "wlt_q23xzki3pazgtezo", "123456", opts...)
	return err
}

// routes answers each request by its "METHOD /escaped/path", failing the
// test for a request no route expects.
func routes(t testing.TB, m map[string]httpmock.Responder) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		r, ok := m[req.Method+" "+req.URL.EscapedPath()]
		if !assert.True(t, ok, "unexpected request %s %s", req.Method, req.URL.EscapedPath()) {
			return nil, errors.New("unexpected request")
		}
		return r(req)
	}
}

// cutBody answers 200 with a body the connection cuts after its first
// bytes: the server acted, and its answer was lost.
func cutBody(body string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(http.StatusOK, "")
		resp.Header.Set("Content-Type", "application/json")
		resp.Body = io.NopCloser(io.MultiReader(strings.NewReader(body[:len(body)/2]), failing{syscall.ECONNRESET}))
		return resp, nil
	}
}

type failing struct{ err error }

func (f failing) Read([]byte) (int, error) { return 0, f.err }

// sample answers status with a checkout sample as its body.
func sample(t testing.TB, status int, name string) httpmock.Responder {
	return jsonResponder(status, string(readSample(t, "checkout/"+name)))
}

// paths lists the "METHOD /escaped/path" of every request sent.
func (r *recorder) paths() []string {
	var out []string
	for _, req := range r.all() {
		out = append(out, req.Method+" "+req.URL.EscapedPath())
	}
	return out
}

// requireInvalid checks a caller's mistake: a *ValidationError for field,
// for which ErrInvalidArgument holds.
func requireInvalid(t testing.TB, err error, field string) {
	t.Helper()
	var ve *juspay.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, err, juspay.ErrInvalidArgument)
	assert.Equal(t, field, ve.Field, "field of %v", err)
}

// orderJSON is an order as Get answers it, for the settling tests.
func orderJSON(orderID, amount, currency, status string, refunds ...string) string {
	return `{"order_id":"` + orderID + `","id":"ordeh_1","amount":` + amount + `,"currency":"` + currency +
		`","status":"` + status + `","refunds":[` + strings.Join(refunds, ",") + `]}`
}

func refundJSON(key, amount, status string) string {
	return `{"unique_request_id":"` + key + `","amount":` + amount + `,"status":"` + status + `"}`
}
