package juspay_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// End-to-end tests of the HTTP layer: a client built by NewClient, with its
// own default HTTP client, against a real loopback server: connection reuse, the connection pool, a merchant's own *http.Client and
// redirects. Each states what crossed the wire (requests, connections) and
// what the caller got back. The retry policy's end-to-end tests are in
// retry_test.go.

func TestE2EConnectionReuse(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("<p>proxy error page</p>", 10_000) // 230 KiB, beyond what an APIError keeps
	var n atomic.Int64
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			answerOK(w, r)
		case 2:
			writeStatus(w, http.StatusBadRequest)
		case 3:
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, big)
		case 4:
			w.WriteHeader(http.StatusServiceUnavailable) // empty body, retried
		case 5:
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = io.WriteString(w, big)
		case 6:
			// JSON followed by more than the decoder reads.
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(walletsBody(2))
			_, _ = io.WriteString(w, "\n"+strings.Repeat(" ", 100<<10))
		case 7:
			w.Header().Set("Location", "https://elsewhere.example/")
			w.WriteHeader(http.StatusFound)
		default:
			answerOK(w, r)
		}
	})
	c := newServerClient(t, srv.URL)
	ctx := context.Background()

	require.NoError(t, refreshAll(ctx, c))                          // 1
	assert.ErrorIs(t, refreshAll(ctx, c), juspay.ErrInvalidRequest) // 2
	assert.ErrorIs(t, refreshAll(ctx, c), juspay.ErrNotFound)       // 3
	require.NoError(t, refreshAll(ctx, c))                          // 4 (503), 5 (502), 6: retried through
	var apiErr *juspay.APIError
	require.ErrorAs(t, refreshAll(ctx, c), &apiErr) // 7
	assert.Equal(t, http.StatusFound, apiErr.StatusCode)
	require.NoError(t, refreshAll(ctx, c)) // 8

	assert.EqualValues(t, 8, srv.requests.Load())
	assert.EqualValues(t, 1, srv.conns.Load(), "every body was drained: one connection for every call")
}

// barrier holds n requests until all n have arrived, so that n
// connections must be open at once.
type barrier struct {
	n       int64
	arrived atomic.Int64
	all     chan struct{}
}

func newBarrier(n int64) *barrier { return &barrier{n: n, all: make(chan struct{})} }

func (b *barrier) wait() bool {
	if b.arrived.Add(1) == b.n {
		close(b.all)
	}
	select {
	case <-b.all:
		return true
	case <-time.After(10 * time.Second):
		return false
	}
}

func TestE2EDefaultClientKeeps64IdleConnections(t *testing.T) {
	t.Parallel()
	const callers = 64
	rounds := map[string]*barrier{"1": newBarrier(callers), "2": newBarrier(callers)}
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if !rounds[r.Header.Get("X-Round")].wait() {
			w.WriteHeader(http.StatusTeapot) // not all callers arrived: fails the call
			return
		}
		answerOK(w, r)
	})
	c := newServerClient(t, srv.URL, juspay.WithMaxRetries(0))

	round := func(name string) {
		var wg sync.WaitGroup
		errs := make(chan error, callers)
		for range callers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- refreshAll(context.Background(), c, juspay.WithHeader("X-Round", name))
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
	}

	round("1")
	require.EqualValues(t, callers, srv.conns.Load(), "64 calls at once need 64 connections")
	round("2")
	assert.EqualValues(t, callers, srv.conns.Load(), "all 64 stayed idle in the pool and were reused (Go's default keeps 2)")
}

// countingTransport counts the requests sent through it.
type countingTransport struct {
	calls atomic.Int64
	rt    http.RoundTripper
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.calls.Add(1)
	return c.rt.RoundTrip(r)
}

func TestE2EUserHTTPClientUsedUntouched(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 3 {
			http.Redirect(w, r, "/elsewhere", http.StatusFound)
			return
		}
		answerOK(w, r)
	})
	inner := &http.Transport{MaxIdleConnsPerHost: 3, IdleConnTimeout: 17 * time.Second}
	defer inner.CloseIdleConnections()
	rt := &countingTransport{rt: inner}
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	var redirects atomic.Int64
	errNoRedirects := errors.New("this merchant refuses redirects")
	hc := &http.Client{
		Transport: rt,
		Timeout:   7 * time.Second,
		Jar:       jar,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			redirects.Add(1)
			return errNoRedirects
		},
	}
	before := *hc
	c := newServerClient(t, srv.URL, juspay.WithHTTPClient(hc), juspay.WithMaxRetries(0))

	require.NoError(t, refreshAll(context.Background(), c))
	require.NoError(t, linkWallet(context.Background(), c))
	err = refreshAll(context.Background(), c) // redirected: the merchant's policy decides
	assert.ErrorIs(t, err, errNoRedirects)

	assert.EqualValues(t, 3, rt.calls.Load(), "every request went through the merchant's transport")
	assert.EqualValues(t, 1, redirects.Load(), "the merchant's redirect policy was used")
	assert.Same(t, before.Transport, hc.Transport)
	assert.Same(t, before.Jar, hc.Jar)
	assert.Equal(t, before.Timeout, hc.Timeout)
	assert.Equal(t, reflect.ValueOf(before.CheckRedirect).Pointer(), reflect.ValueOf(hc.CheckRedirect).Pointer())
	assert.Equal(t, 3, inner.MaxIdleConnsPerHost, "the transport's settings are the merchant's")
	assert.Equal(t, 17*time.Second, inner.IdleConnTimeout)
}

func TestE2EDefaultClientLeavesGlobalsAlone(t *testing.T) {
	t.Parallel()
	dt, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		t.Skip("http.DefaultTransport is replaced in this process")
	}
	idle, perHost := dt.MaxIdleConns, dt.MaxIdleConnsPerHost
	client := *http.DefaultClient

	_ = newServerClient(t, "https://sandbox.juspay.in")

	assert.Equal(t, idle, dt.MaxIdleConns)
	assert.Equal(t, perHost, dt.MaxIdleConnsPerHost)
	assert.Same(t, dt, http.DefaultTransport.(*http.Transport))
	assert.Equal(t, client.Timeout, http.DefaultClient.Timeout)
	assert.Nil(t, http.DefaultClient.CheckRedirect)
}

func TestE2ERedirectNeverCarriesTheKey(t *testing.T) {
	t.Parallel()
	type seen struct {
		requests atomic.Int64
		auth     atomic.Value
	}
	var other seen
	elsewhere := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		other.requests.Add(1)
		other.auth.Store(r.Header.Get("Authorization"))
		answerOK(w, r)
	})
	// Another host: the same loopback server under another name.
	// net/http compares host names, not ports, when it decides whether
	// Authorization follows a redirect, so the port alone would not do.
	target := strings.Replace(elsewhere.URL, "127.0.0.1", "localhost", 1) + "/stolen"
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target, http.StatusFound)
	})

	t.Run("the default client does not follow", func(t *testing.T) {
		c := newServerClient(t, srv.URL)

		err := refreshAll(context.Background(), c)

		var apiErr *juspay.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusFound, apiErr.StatusCode)
		assert.Zero(t, other.requests.Load(), "nothing reached the other host")
	})

	t.Run("a merchant's client that follows drops Authorization", func(t *testing.T) {
		hc := &http.Client{Transport: &http.Transport{}} // Go's default redirect policy
		defer hc.CloseIdleConnections()
		c := newServerClient(t, srv.URL, juspay.WithHTTPClient(hc))

		require.NoError(t, refreshAll(context.Background(), c))

		require.EqualValues(t, 1, other.requests.Load(), "the redirect was followed")
		assert.Empty(t, other.auth.Load(), "the key did not follow it to another host")
	})
}

// The process-wide transport replaced (httpmock.Activate, the way most
// merchants' tests mock HTTP) is honoured by the default client, where
// cloning it as an *http.Transport would panic. Not parallel: it changes a
// global.
func TestE2EDefaultClientHonoursReplacedDefaultTransport(t *testing.T) {
	httpmock.Activate()
	t.Cleanup(httpmock.DeactivateAndReset)
	httpmock.RegisterResponder(http.MethodGet, "https://sandbox.juspay.in"+refreshPath,
		httpmock.NewStringResponder(http.StatusOK, string(walletsBody(1))))

	c, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID))
	require.NoError(t, err)
	list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)

	require.NoError(t, err)
	assert.Len(t, list.Wallets, 1)
	assert.Equal(t, 1, httpmock.GetTotalCallCount())
}

// With a caller's http.Client that follows redirects, a 307 or 308 would
// have net/http resend the request, form body and wallet token included,
// to wherever Location points (only Authorization is dropped, and only for
// another host). The SDK's requests cannot be rewound, so net/http returns
// the 307/308 itself instead: nothing reaches the other host.
func TestRedirectingClientDoesNotResendTheBody(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		var elsewhere atomic.Int64
		var leaked atomic.Bool
		other := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			elsewhere.Add(1)
			b, _ := io.ReadAll(r.Body)
			leaked.Store(strings.Contains(string(b), "tok_redirect_secret"))
			answerOK(w, r)
		})
		srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/txns", status)
		})
		c := newServerClient(t, srv.URL, juspay.WithHTTPClient(&http.Client{})) // follows redirects
		_, err := c.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
			OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: "tok_redirect_secret",
		})
		var apiErr *juspay.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, status, apiErr.StatusCode)
		assert.Zero(t, elsewhere.Load(), "nothing reached the other host")
		assert.False(t, leaked.Load())
	}
}
