package juspay_test

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// End-to-end tests of the retry policy, the attempt timeout and the caller's
// context: a client built by NewClient, with its own default HTTP client,
// against a real loopback server. Each states how many requests crossed the
// wire, how long the call took, and what the caller got back.

func TestE2ERetriedStatuses(t *testing.T) {
	t.Parallel()
	for _, status := range []int{408, 429, 500, 502, 503, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()

			t.Run("gives up after the retries", func(t *testing.T) {
				t.Parallel()
				srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) { writeStatus(w, status) })
				var log attemptLog
				c := newServerClient(t, srv.URL, juspay.WithLogger(log.logger()))

				err := refreshAll(context.Background(), c)

				var apiErr *juspay.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, status, apiErr.StatusCode)
				assert.EqualValues(t, 3, srv.requests.Load(), "1 attempt + WithMaxRetries default 2")
				assert.EqualValues(t, 3, log.attempts.Load())
				assert.EqualValues(t, 2, log.warns.Load(), "one warn record per retry")
				assert.EqualValues(t, 1, srv.conns.Load(), "error bodies are drained: one connection serves every attempt")
			})

			t.Run("succeeds when the failure passes", func(t *testing.T) {
				t.Parallel()
				srv, c := startFake(t)
				srv.Fail(2, juspaytest.StatusFault(status, nil, `{"status":"error","error_code":"busy"}`))

				list, err := c.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)

				require.NoError(t, err)
				assert.Len(t, list.Wallets, 2)
				assert.Len(t, srv.Requests(), 3)
			})
		})
	}
}

func TestE2ENotRetriedStatuses(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status   int
		sentinel error
	}{
		{400, juspay.ErrInvalidRequest},
		{401, juspay.ErrAuthentication},
		{403, juspay.ErrForbidden},
		{404, juspay.ErrNotFound},
		{405, nil},
		{409, nil},
		{410, nil},
		{422, nil},
		{451, nil},
		{501, juspay.ErrServer}, // not implemented will not become implemented by asking again
		{505, juspay.ErrServer},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) { writeStatus(w, tc.status) })
			c := newServerClient(t, srv.URL)

			err := refreshAll(context.Background(), c)

			var apiErr *juspay.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			if tc.sentinel != nil {
				assert.ErrorIs(t, err, tc.sentinel)
			}
			assert.EqualValues(t, 1, srv.requests.Load(), "a %d is never retried", tc.status)
		})
	}
}

func TestE2ERetriesConnectionReset(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			resetConn(t, w)
			return
		}
		answerOK(w, r)
	})
	var log attemptLog
	c := newServerClient(t, srv.URL, juspay.WithLogger(log.logger()))

	list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)

	require.NoError(t, err)
	assert.Len(t, list.Wallets, 2)
	assert.EqualValues(t, 3, srv.requests.Load())
	assert.EqualValues(t, 3, log.attempts.Load())
	assert.EqualValues(t, 3, srv.conns.Load(), "a reset connection cannot be reused")
}

func TestE2ERetryAfter(t *testing.T) {
	t.Parallel()

	// The backoff is 1ms at most, so a wait of a second can only be the
	// server's Retry-After.
	honoured := []struct {
		name  string
		value func() string
		least time.Duration
	}{
		{"seconds", func() string { return "1" }, time.Second},
		// An HTTP date has whole seconds: now+2s truncated is 1 to 2 s away.
		{"HTTP date", func() string { return time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat) }, 900 * time.Millisecond},
	}
	for _, tc := range honoured {
		t.Run("honoured/"+tc.name, func(t *testing.T) {
			t.Parallel()
			var n atomic.Int64
			srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				if n.Add(1) == 1 {
					w.Header().Set("Retry-After", tc.value())
					writeStatus(w, http.StatusTooManyRequests)
					return
				}
				answerOK(w, r)
			})
			c := newServerClient(t, srv.URL, juspay.WithRetryBackoff(time.Millisecond, 3*time.Second))

			start := time.Now()
			err := refreshAll(context.Background(), c)
			took := time.Since(start)

			require.NoError(t, err)
			assert.EqualValues(t, 2, srv.requests.Load())
			assert.GreaterOrEqual(t, took, tc.least, "waited as the server asked")
			assert.Less(t, took, 5*time.Second, "did not hang")
		})
	}

	beyond := []struct {
		name   string
		status int
		value  func() string
	}{
		{"seconds", http.StatusTooManyRequests, func() string { return "30" }},
		{"HTTP date", http.StatusServiceUnavailable, func() string { return time.Now().Add(time.Hour).UTC().Format(http.TimeFormat) }},
		{"beyond int64", http.StatusTooManyRequests, func() string { return "99999999999999999999999" }},
	}
	for _, tc := range beyond {
		t.Run("beyond the maximum/"+tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", tc.value())
				writeStatus(w, tc.status)
			})
			// The default backoff: at most 8s, far below what the server asks.
			c, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID), juspay.WithBaseURL(srv.URL))
			require.NoError(t, err)

			start := time.Now()
			err = refreshAll(context.Background(), c)
			took := time.Since(start)

			var apiErr *juspay.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.EqualValues(t, 1, srv.requests.Load(), "gave up at once")
			assert.Less(t, took, 2*time.Second, "did not sleep the Retry-After, nor a backoff")
			assert.Regexp(t, `\(Retry-After \S+ is past the backoff maximum 8s: not retried\)`, err.Error(), "the error says why it was not retried")
		})
	}
}

// slowHandler never answers: it holds the request until the client gives up.
func slowHandler(w http.ResponseWriter, r *http.Request) { holdRequest(r) }

func TestE2EAttemptTimeoutIsNotTheCallersContext(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, slowHandler)
	var log attemptLog
	c := newServerClient(t, srv.URL, juspay.WithTimeout(50*time.Millisecond), juspay.WithLogger(log.logger()))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	start := time.Now()
	err := refreshAll(ctx, c)
	took := time.Since(start)

	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded, "an attempt timeout reads as a deadline")
	require.NoError(t, ctx.Err(), "the caller's context is still alive: the deadline was the attempt's")
	assert.EqualValues(t, 3, log.attempts.Load(), "a timed-out attempt is retried")
	assert.EqualValues(t, 3, srv.requests.Load())
	assert.Contains(t, err.Error(), "timed out")
	assert.GreaterOrEqual(t, took, 150*time.Millisecond, "three attempts of 50ms")
	assert.Less(t, took, 10*time.Second, "did not hang")
}

func TestE2ECallerContext(t *testing.T) {
	t.Parallel()

	t.Run("deadline during the backoff wait", func(t *testing.T) {
		t.Parallel()
		srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) { writeStatus(w, http.StatusServiceUnavailable) })
		// The first wait is at least 15s; the caller allows 1s, room for
		// the first attempt even on a loaded machine.
		c := newServerClient(t, srv.URL, juspay.WithRetryBackoff(20*time.Second, 20*time.Second))
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()

		start := time.Now()
		err := refreshAll(ctx, c)
		took := time.Since(start)

		assert.ErrorIs(t, err, context.DeadlineExceeded)
		var apiErr *juspay.APIError
		require.ErrorAs(t, err, &apiErr, "the last attempt's answer is still there")
		assert.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
		assert.EqualValues(t, 1, srv.requests.Load())
		assert.Less(t, took, 10*time.Second, "the wait ended with the context, not after the backoff")
	})

	t.Run("cancelled mid-request", func(t *testing.T) {
		t.Parallel()
		inHandler := make(chan struct{}, 1)
		srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			inHandler <- struct{}{}
			holdRequest(r)
		})
		c := newServerClient(t, srv.URL)
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			<-inHandler
			cancel()
		}()

		start := time.Now()
		err := refreshAll(ctx, c)

		assert.ErrorIs(t, err, context.Canceled)
		assert.NotErrorIs(t, err, context.DeadlineExceeded)
		assert.Less(t, time.Since(start), 20*time.Second, "did not hang")
		assert.EqualValues(t, 1, srv.requests.Load(), "no retry after the caller's context ended")
	})

	t.Run("deadline mid-request", func(t *testing.T) {
		t.Parallel()
		srv := newTestServer(t, slowHandler)
		var log attemptLog
		c := newServerClient(t, srv.URL, juspay.WithLogger(log.logger())) // attempt timeout: the default 30s
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()

		start := time.Now()
		err := refreshAll(ctx, c)

		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Less(t, time.Since(start), 20*time.Second, "did not hang")
		assert.EqualValues(t, 1, log.attempts.Load(), "the caller's deadline is not an attempt timeout: no retry")
		assert.EqualValues(t, 1, srv.requests.Load())
	})

	t.Run("already ended: nothing sent", func(t *testing.T) {
		t.Parallel()
		srv := newTestServer(t, answerOK)
		c := newServerClient(t, srv.URL)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()

		err := refreshAll(ctx, c)
		assert.ErrorIs(t, err, context.Canceled)
		err = linkWallet(ctx, c)
		assert.ErrorIs(t, err, context.Canceled)
		assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "a write never sent has a known outcome")
		assert.Zero(t, srv.requests.Load())
	})
}
