package juspay_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
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
)

// The wallet lifecycle's tests talk to a mock transport that records every
// request, so each test states only what it sends and what comes back.

const (
	lcAPIKey     = "key_lifecycle_4f2b9c71"
	lcMerchantID = "merchant_123"
	lcHost       = "sandbox.juspay.in"
)

// lcRequest is one request as the transport received it.
type lcRequest struct {
	Method string
	Host   string
	Path   string // escaped, exactly as sent
	Query  string
	Header http.Header
	Body   string
}

// lcMock is a mock Juspay behind an httpmock transport.
type lcMock struct {
	t    *testing.T
	mt   *httpmock.MockTransport
	mu   sync.Mutex
	reqs []lcRequest
}

// newLCMock records every request and answers it with respond.
func newLCMock(t *testing.T, respond httpmock.Responder) *lcMock {
	t.Helper()
	m := &lcMock{t: t, mt: httpmock.NewMockTransport()}
	m.mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		var body []byte
		if req.Body != nil {
			var err error
			body, err = io.ReadAll(req.Body)
			if err != nil {
				return nil, err
			}
		}
		m.mu.Lock()
		m.reqs = append(m.reqs, lcRequest{
			Method: req.Method, Host: req.URL.Host, Path: req.URL.EscapedPath(), Query: req.URL.RawQuery,
			Header: req.Header.Clone(), Body: string(body),
		})
		m.mu.Unlock()
		return respond(req)
	})
	return m
}

// client builds a client on the mock with fast retries; opts come last and win.
func (m *lcMock) client(opts ...juspay.Option) *juspay.Client {
	m.t.Helper()
	c, err := juspay.NewClient(lcAPIKey, append([]juspay.Option{
		juspay.WithMerchantID(lcMerchantID),
		juspay.WithHTTPClient(&http.Client{Transport: m.mt}),
		juspay.WithRetryBackoff(time.Millisecond, 2*time.Millisecond),
	}, opts...)...)
	require.NoError(m.t, err)
	return c
}

func (m *lcMock) calls() int { return m.mt.GetTotalCallCount() }

// only returns the one request the call made.
func (m *lcMock) only() lcRequest {
	m.t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	require.Len(m.t, m.reqs, 1, "the call must make exactly one request")
	return m.reqs[0]
}

// lcJSON answers status with a JSON body.
func lcJSON(status int, body string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	}
}

// lcFail fails the round trip with err, as a broken connection does.
func lcFail(err error) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) { return nil, err }
}

// lcSeq answers the n-th request with the n-th responder, and every later
// one with the last.
func lcSeq(rs ...httpmock.Responder) httpmock.Responder {
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

// The transport faults of the retry rules. A reset or a truncated answer
// happens after the request was written; a refused dial happens before.
var (
	lcReset   = &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	lcRefused = &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
)

// lcAssertHeaders checks the headers every call sends, and x-routing-id:
// routingID, or none at all when it is "".
func lcAssertHeaders(t *testing.T, r lcRequest, routingID string) {
	t.Helper()
	assert.Equal(t, lcHost, r.Host)
	assert.Equal(t, "Basic "+base64.StdEncoding.EncodeToString([]byte(lcAPIKey+":")), r.Header.Get("Authorization"))
	assert.Equal(t, lcMerchantID, r.Header.Get("X-Merchantid"))
	assert.Equal(t, juspay.DefaultAPIVersion, r.Header.Get("Version"))
	assert.Equal(t, "application/x-www-form-urlencoded", r.Header.Get("Content-Type"))
	assert.Equal(t, "application/json", r.Header.Get("Accept"))
	assert.True(t, strings.HasPrefix(r.Header.Get("User-Agent"), "juspay-go/"), "User-Agent %q", r.Header.Get("User-Agent"))
	if routingID == "" {
		assert.NotContains(t, r.Header, "X-Routing-Id")
	} else {
		assert.Equal(t, []string{routingID}, r.Header.Values("X-Routing-Id"))
	}
}

// lcAssertBody checks the exact form body: form nil means no body at all.
func lcAssertBody(t *testing.T, r lcRequest, form url.Values) {
	t.Helper()
	assert.Empty(t, r.Query, "nothing goes in the query string")
	if form == nil {
		assert.Empty(t, r.Body)
		return
	}
	got, err := url.ParseQuery(r.Body)
	require.NoError(t, err, "body %q", r.Body)
	assert.Equal(t, form, got)
}

// lcCall is one lifecycle method called with fixed arguments.
type lcCall func(ctx context.Context, c *juspay.Client, opts ...juspay.Option) (any, error)

// lcTime is a UTC instant of a sample's last_refreshed.
func lcTime(s string) time.Time {
	t, err := time.Parse("2006-01-02T15:04:05Z0700", s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// lcAmount is a balance.
func lcAmount(s string) *juspay.Amount {
	a, err := juspay.ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return &a
}

// lcUTC puts a wallet's times in UTC, so that equal instants compare equal
// whatever location the decoder gave them.
func lcUTC(w *juspay.WalletAccount) {
	w.LastRefreshed = w.LastRefreshed.UTC()
	for i := range w.SubDetails {
		w.SubDetails[i].LastRefreshed = w.SubDetails[i].LastRefreshed.UTC()
	}
}

func lcPtr[T any](v T) *T { return &v }

// lcCovers checks, independently of the expectations written by hand, that
// every non-null value of the sample is in the decoded value re-encoded as
// JSON: no field of the sample was dropped on the way.
func lcCovers(t *testing.T, sample string, got any) {
	t.Helper()
	encoded, err := json.Marshal(got)
	require.NoError(t, err)
	lcCoversValue(t, "$", lcParse(t, sample), lcParse(t, string(encoded)))
}

func lcParse(t *testing.T, s string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

func lcCoversValue(t *testing.T, at string, want, got any) {
	t.Helper()
	switch w := want.(type) {
	case nil:
		return // null: the zero value, nothing to keep
	case map[string]any:
		g, ok := got.(map[string]any)
		if !assert.True(t, ok, "%s: want an object, got %T", at, got) {
			return
		}
		for k, v := range w {
			if v == nil {
				continue
			}
			gv, ok := g[k]
			if assert.True(t, ok, "%s.%s was dropped", at, k) {
				lcCoversValue(t, at+"."+k, v, gv)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !assert.True(t, ok, "%s: want an array, got %T", at, got) || !assert.Len(t, g, len(w), at) {
			return
		}
		for i := range w {
			lcCoversValue(t, at+"["+strconv.Itoa(i)+"]", w[i], g[i])
		}
	default:
		if lcSameScalar(w, got) {
			return
		}
		assert.Failf(t, "value lost", "%s: sample has %v (%T), decoded to %v (%T)", at, w, w, got, got)
	}
}

// lcSameScalar compares a sample's scalar with the re-encoded one, allowing
// the shapes the tolerant reader normalises: "true" for true, one instant in
// two layouts, the same number as a string or a number.
func lcSameScalar(want, got any) bool {
	if want == got {
		return true
	}
	ws, gs := lcText(want), lcText(got)
	if ws == gs {
		return true
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700"} {
		wt, err1 := time.Parse(layout, ws)
		gt, err2 := time.Parse(time.RFC3339Nano, gs)
		if err1 == nil && err2 == nil && wt.Equal(gt) {
			return true
		}
	}
	return false
}

func lcText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return ""
}

// lcServer starts a loopback server for h that counts the requests it
// received, closed when the test ends.
func lcServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		h(w, r)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // dropped connections are the point
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &n
}

func lcServerClient(t *testing.T, srv *httptest.Server, opts ...juspay.Option) *juspay.Client {
	t.Helper()
	c, err := juspay.NewClient(lcAPIKey, append([]juspay.Option{
		juspay.WithMerchantID(lcMerchantID),
		juspay.WithBaseURL(srv.URL),
		juspay.WithHTTPClient(srv.Client()),
		juspay.WithRetryBackoff(time.Millisecond, 2*time.Millisecond),
		juspay.WithMaxRetries(2),
	}, opts...)...)
	require.NoError(t, err)
	return c
}
