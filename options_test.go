package juspay_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// TestWithHTTPClientUntouched checks the caller's client is used as it is:
// its transport serves the call and none of its fields is changed.
func TestWithHTTPClientUntouched(t *testing.T) {
	mt := httpmock.NewMockTransport()
	rec := recordAll(mt, jsonResponder(200, emptyList))
	hc := &http.Client{Transport: mt}
	c, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID), juspay.WithHTTPClient(hc))
	require.NoError(t, err)
	_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.NoError(t, err)

	assert.Equal(t, 1, rec.count())
	assert.Same(t, mt, hc.Transport.(*httpmock.MockTransport))
	assert.Nil(t, hc.CheckRedirect)
	assert.Nil(t, hc.Jar)
	assert.Zero(t, hc.Timeout)
}

// attempts makes one call answered 503 every time and returns how many
// attempts it made.
func attempts(t *testing.T, opts ...juspay.Option) int {
	t.Helper()
	c, mt := newMockClient(t, opts...)
	rec := recordAll(mt, jsonResponder(503, `{"error_message":"busy"}`))
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.ErrorIs(t, err, juspay.ErrServer)
	return rec.count()
}

func TestWithMaxRetries(t *testing.T) {
	assert.Equal(t, 3, attempts(t), "default: 2 retries")
	assert.Equal(t, 1, attempts(t, juspay.WithMaxRetries(0)), "0 disables")
	assert.Equal(t, 2, attempts(t, juspay.WithMaxRetries(1)))
	assert.Equal(t, 6, attempts(t, juspay.WithMaxRetries(5)))

	// Per call, without changing the client's.
	c, mt := newMockClient(t)
	rec := recordAll(mt, jsonResponder(503, ""))
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithMaxRetries(0))
	require.Error(t, err)
	assert.Equal(t, 1, rec.count())
	_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.Error(t, err)
	assert.Equal(t, 4, rec.count())
}

// deadlineLeft returns how long the attempt's context had left when the
// request reached the transport, or false when it had no deadline.
func deadlineLeft(t *testing.T, opts ...juspay.Option) (time.Duration, bool) {
	t.Helper()
	c, mt := newMockClient(t, opts...)
	var left time.Duration
	var ok bool
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		var d time.Time
		d, ok = req.Context().Deadline()
		left = time.Until(d)
		return httpmock.NewStringResponse(200, emptyList), nil
	})
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.NoError(t, err)
	return left, ok
}

func TestWithTimeout(t *testing.T) {
	// The deadline is set when the attempt starts, a moment before the
	// transport sees it: at most the timeout is left, and far more than
	// any shorter setting would leave.
	left, ok := deadlineLeft(t)
	require.True(t, ok, "an attempt has a deadline by default")
	assert.LessOrEqual(t, left, 30*time.Second, "default 30s")
	assert.Greater(t, left, 15*time.Second, "default 30s")

	left, ok = deadlineLeft(t, juspay.WithTimeout(time.Hour))
	require.True(t, ok)
	assert.LessOrEqual(t, left, time.Hour)
	assert.Greater(t, left, 30*time.Minute)

	_, ok = deadlineLeft(t, juspay.WithTimeout(0))
	assert.False(t, ok, "0 removes the per-attempt limit")
}

// TestWithTimeoutEndsAnAttempt has the first attempt hang until its own
// timeout ends it; the call then retries, and succeeds.
func TestWithTimeoutEndsAnAttempt(t *testing.T) {
	c, mt := newMockClient(t, juspay.WithTimeout(50*time.Millisecond))
	var calls atomic.Int32
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		if calls.Add(1) == 1 {
			<-req.Context().Done()
			return nil, req.Context().Err()
		}
		return httpmock.NewStringResponse(200, emptyList), nil
	})
	start := time.Now()
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.NoError(t, err)
	assert.Equal(t, 2, mt.GetTotalCallCount())
	assert.Less(t, time.Since(start), 20*time.Second, "did not hang")
}

// retryWaits makes one call answered 503 every time, with a logger, and
// returns the waits its warn records announce.
func retryWaits(t *testing.T, opts ...juspay.Option) []time.Duration {
	t.Helper()
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn}))
	c, mt := newMockClient(t, append([]juspay.Option{juspay.WithLogger(logger)}, opts...)...)
	recordAll(mt, jsonResponder(503, ""))
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.Error(t, err)

	var waits []time.Duration
	dec := json.NewDecoder(&buf)
	for dec.More() {
		var rec struct {
			Wait time.Duration `json:"wait"`
		}
		require.NoError(t, dec.Decode(&rec))
		waits = append(waits, rec.Wait)
	}
	return waits
}

// TestWithRetryBackoff reads the waits from the warn records: retry n waits
// initial × 2^(n-1), capped at max, less up to 25% of jitter.
func TestWithRetryBackoff(t *testing.T) {
	initial, max := 8*time.Millisecond, 20*time.Millisecond
	waits := retryWaits(t, juspay.WithRetryBackoff(initial, max), juspay.WithMaxRetries(4))
	require.Len(t, waits, 4)
	for i, full := range []time.Duration{8 * time.Millisecond, 16 * time.Millisecond, max, max} {
		assert.LessOrEqual(t, waits[i], full, "retry %d", i+1)
		assert.GreaterOrEqual(t, waits[i], full*3/4, "retry %d", i+1)
	}
}

func TestDefaultRetryBackoff(t *testing.T) {
	if testing.Short() {
		t.Skip("waits half a second")
	}
	waits := retryWaits(t, juspay.WithRetryBackoff(juspay.DefaultBackoffInitial, juspay.DefaultBackoffMax), juspay.WithMaxRetries(1))
	require.Len(t, waits, 1)
	assert.LessOrEqual(t, waits[0], 500*time.Millisecond)
	assert.GreaterOrEqual(t, waits[0], 375*time.Millisecond)
	assert.Equal(t, 8*time.Second, juspay.DefaultBackoffMax)
}

func TestWithUserAgent(t *testing.T) {
	for app, want := range map[string]string{
		"shop-backend/1.4": "shop-backend/1.4 " + sdkUserAgent,
		" shop/2 ":         "shop/2 " + sdkUserAgent,
		"":                 sdkUserAgent,
	} {
		c, mt := newMockClient(t, juspay.WithUserAgent(app))
		rec := recordAll(mt, jsonResponder(200, emptyList))
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.NoError(t, err)
		r, _ := rec.only(t)
		testHeader(t, r, "User-Agent", want)
	}
}

func TestWithHeaderRefusesManagedHeaders(t *testing.T) {
	managed := []string{
		"Authorization", "authorization", "AUTHORIZATION",
		"x-merchantid", "X-MERCHANTID", "X-MerchantId",
		"x-routing-id", "X-ROUTING-ID",
		"version", "Version", "VERSION",
		"content-type", "Content-Type", "CONTENT-TYPE",
		"accept", "ACCEPT",
		"user-agent", "User-Agent", "USER-AGENT",
		"host", "content-length", "transfer-encoding", "connection",
		// net/http replays a request carrying these: a write could be sent twice.
		"Idempotency-Key", "idempotency-key", "X-Idempotency-Key",
	}
	for _, key := range managed {
		c, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID), juspay.WithHeader(key, "x"))
		assert.Nil(t, c, key)
		assert.ErrorContains(t, err, "WithHeader", key)

		// And for one call, where nothing is sent.
		c, mt := newMockClient(t)
		rec := recordAll(mt, jsonResponder(200, emptyList))
		_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithHeader(key, "x"))
		assert.ErrorContains(t, err, "WithHeader", key)
		assert.Zero(t, rec.count(), key)
	}
}

// TestCallOptionsOverrideForOneCall makes each call with an override, then
// one without: the override applies to its call only.
func TestCallOptionsOverrideForOneCall(t *testing.T) {
	other := httpmock.NewMockTransport()
	otherRec := recordAll(other, jsonResponder(200, emptyList))

	tests := []struct {
		name  string
		opt   juspay.Option
		check func(t *testing.T, r *http.Request, overridden bool)
	}{
		{"merchant ID", juspay.WithMerchantID("merchant_call"), func(t *testing.T, r *http.Request, o bool) {
			testHeader(t, r, "x-merchantid", pick(o, "merchant_call", testMerchantID))
		}},
		{"routing ID", juspay.WithRoutingID("cart_9"), func(t *testing.T, r *http.Request, o bool) {
			testHeader(t, r, "x-routing-id", pick(o, "cart_9", testCustomerID))
		}},
		{"API version", juspay.WithAPIVersion("2025-01-01"), func(t *testing.T, r *http.Request, o bool) {
			testHeader(t, r, "version", pick(o, "2025-01-01", "2023-06-30"))
		}},
		{"user agent", juspay.WithUserAgent("batch/2"), func(t *testing.T, r *http.Request, o bool) {
			testHeader(t, r, "User-Agent", pick(o, "batch/2 ", "")+sdkUserAgent)
		}},
		{"header", juspay.WithHeader("X-Tenant", "call"), func(t *testing.T, r *http.Request, o bool) {
			assert.Equal(t, []string{pick(o, "call", "client")}, r.Header.Values("X-Tenant"))
			assert.Equal(t, []string{"kept"}, r.Header.Values("X-Other"), "other keys of the client stay")
		}},
		{"base URL", juspay.WithBaseURL("https://proxy.example.com/jp"), func(t *testing.T, r *http.Request, o bool) {
			assert.Equal(t, pick(o, "proxy.example.com", "sandbox.juspay.in"), r.URL.Host)
			assert.Equal(t, pick(o, "/jp", "")+"/customers/"+testCustomerID+"/wallets/refresh-balances", r.URL.Path)
		}},
		{"environment", juspay.WithEnvironment(juspay.Production), func(t *testing.T, r *http.Request, o bool) {
			assert.Equal(t, pick(o, "api.juspay.in", "sandbox.juspay.in"), r.URL.Host)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newMockClient(t, juspay.WithHeader("X-Tenant", "client"), juspay.WithHeader("X-Other", "kept"))
			rec := recordAll(mt, jsonResponder(200, emptyList))
			for _, override := range []bool{true, false, true} {
				var opts []juspay.Option
				if override {
					opts = append(opts, tt.opt)
				}
				_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, opts...)
				require.NoError(t, err)
				reqs := rec.all()
				tt.check(t, reqs[len(reqs)-1], override)
			}
		})
	}

	t.Run("HTTP client", func(t *testing.T) {
		c, mt := newMockClient(t)
		rec := recordAll(mt, jsonResponder(200, emptyList))
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithHTTPClient(&http.Client{Transport: other}))
		require.NoError(t, err)
		assert.Equal(t, 1, otherRec.count())
		assert.Zero(t, rec.count())
		_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.NoError(t, err)
		assert.Equal(t, 1, otherRec.count())
		assert.Equal(t, 1, rec.count())
	})
}

// WithHeader given twice for one key adds up, on the client and on a call;
// a call's values replace the client's.
func TestWithHeaderValuesAddUpInOneScope(t *testing.T) {
	c, rec := newRecordedClient(t, jsonResponder(200, emptyList), juspay.WithHeader("X-A", "1"), juspay.WithHeader("x-a", "2"))
	require.NoError(t, refreshAll(context.Background(), c))
	require.NoError(t, refreshAll(context.Background(), c, juspay.WithHeader("X-A", "3"), juspay.WithHeader("X-A", "4")))
	reqs := rec.all()
	assert.Equal(t, []string{"1", "2"}, reqs[0].Header.Values("X-A"))
	assert.Equal(t, []string{"3", "4"}, reqs[1].Header.Values("X-A"))
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

func TestInvalidCallOptionSendsNothing(t *testing.T) {
	bad := map[string]juspay.Option{
		"merchant ID":  juspay.WithMerchantID(""),
		"routing ID":   juspay.WithRoutingID("a\nb"),
		"API version":  juspay.WithAPIVersion("latest"),
		"header":       juspay.WithHeader("Authorization", "Basic x"),
		"header value": juspay.WithHeader("X-Tenant", "a\r\nb"),
		"base URL":     juspay.WithBaseURL("http://evil.example.com"),
		"environment":  juspay.WithEnvironment("prod"),
		"HTTP client":  juspay.WithHTTPClient(nil),
		"retries":      juspay.WithMaxRetries(-2),
		"backoff":      juspay.WithRetryBackoff(0, 0),
		"timeout":      juspay.WithTimeout(-5),
		"user agent":   juspay.WithUserAgent("a\x00b"),
		"retry budget": juspay.WithRetryBudget(10), // configures a client, not a call
	}
	for name, opt := range bad {
		c, mt := newMockClient(t)
		rec := recordAll(mt, jsonResponder(200, emptyList))
		list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithMaxRetries(1), opt)
		assert.Nil(t, list, name)
		assert.Error(t, err, name)
		assert.Zero(t, rec.count(), "%s: nothing is sent", name)

		// The client is unharmed.
		_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)
		assert.NoError(t, err, name)
		assert.Equal(t, 1, rec.count(), name)
	}
}
