package juspay_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// The retry budget's documented arithmetic: a retry after an error response
// costs 5 tokens, one after a timeout or connection failure 10, a
// first-attempt success refunds 1 and a success after retries refunds 5.
const (
	budgetRetryCost   = 5
	budgetTimeoutCost = 10
)

// outage is a server whose every answer is a 503 without Retry-After
// while down is set, and a wallet list otherwise.
func outage(t testing.TB, down *atomic.Bool) *testServer {
	return newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if down.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		answerOK(w, r)
	})
}

// budgetClient retries twice with a microsecond backoff, so only the
// budget limits how many attempts an outage costs.
func budgetClient(t testing.TB, url string, opts ...juspay.Option) *juspay.Client {
	return newServerClient(t, url, append([]juspay.Option{
		juspay.WithMaxRetries(2),
		juspay.WithRetryBackoff(time.Microsecond, time.Microsecond),
	}, opts...)...)
}

func TestRetryBudgetOutage(t *testing.T) {
	t.Parallel()
	const calls = 1000

	for _, tc := range []struct {
		name     string
		opts     []juspay.Option
		attempts int64
	}{
		// 500 tokens pay for 100 retries: the first 50 calls retry twice,
		// the other 950 make one attempt each. 1100 = 1.1 x 1000.
		{"default budget", nil, calls + juspay.DefaultRetryBudget/budgetRetryCost},
		{"smaller budget", []juspay.Option{juspay.WithRetryBudget(50)}, calls + 50/budgetRetryCost},
		{"disabled", []juspay.Option{juspay.WithRetryBudget(0)}, 3 * calls},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var down atomic.Bool
			down.Store(true)
			srv := outage(t, &down)
			var log attemptLog
			c := budgetClient(t, srv.URL, append(tc.opts, juspay.WithLogger(log.logger()))...)

			for i := range calls {
				err := refreshAll(context.Background(), c)
				var apiErr *juspay.APIError
				require.ErrorAs(t, err, &apiErr, "call %d", i)
				require.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode, "the call fails with its last error")
			}

			assert.EqualValues(t, tc.attempts, srv.requests.Load())
			assert.EqualValues(t, tc.attempts, log.attempts.Load())
			if tc.name == "default budget" {
				assert.LessOrEqual(t, srv.requests.Load(), int64(1.1*calls), "an outage costs at most 1.1 attempts per call")
				assert.Greater(t, srv.requests.Load(), int64(calls), "the first calls did retry")
				assert.EqualValues(t, calls-juspay.DefaultRetryBudget/budgetRetryCost/2, log.budget.Load(),
					"every call the budget stopped says so in a warn record")
			}

			// The outage over, calls succeed at once.
			down.Store(false)
			require.NoError(t, refreshAll(context.Background(), c))
		})
	}
}

func TestRetryBudgetTimeoutsCostMore(t *testing.T) {
	t.Parallel()
	const calls = 200
	var log attemptLog
	c := budgetClient(t, closedURL(t), juspay.WithLogger(log.logger()))

	for range calls {
		require.Error(t, refreshAll(context.Background(), c))
	}

	assert.EqualValues(t, calls+juspay.DefaultRetryBudget/budgetTimeoutCost, log.attempts.Load(),
		"connection failures spend 10 tokens a retry: 50 retries")
}

func TestRetryBudgetBlipIsRetriedThrough(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		answerOK(w, r)
	})
	c := budgetClient(t, srv.URL, juspay.WithMaxRetries(3))

	list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)

	require.NoError(t, err, "three failures in a row, then success: retried through")
	assert.Len(t, list.Wallets, 2)
	assert.EqualValues(t, 4, srv.requests.Load())
}

func TestRetryBudgetRefills(t *testing.T) {
	t.Parallel()
	var down atomic.Bool
	srv := outage(t, &down)
	// Two retries' worth.
	c := budgetClient(t, srv.URL, juspay.WithRetryBudget(2*budgetRetryCost))
	attempts := func() int64 {
		before := srv.requests.Load()
		_ = refreshAll(context.Background(), c)
		return srv.requests.Load() - before
	}

	down.Store(true)
	require.EqualValues(t, 3, attempts(), "a full budget pays for both retries")
	require.EqualValues(t, 1, attempts(), "an empty budget pays for none")

	down.Store(false)
	for range budgetRetryCost {
		require.EqualValues(t, 1, attempts())
	}
	down.Store(true)
	assert.EqualValues(t, 2, attempts(), "five first-attempt successes refunded one retry")
	assert.EqualValues(t, 1, attempts())

	// A success after a retry refunds what the retry cost, so a blip does
	// not drain the budget.
	var n atomic.Int64
	blip := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%2 == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		answerOK(w, r)
	})
	c = budgetClient(t, blip.URL, juspay.WithRetryBudget(budgetRetryCost))
	for i := range 20 {
		require.NoError(t, refreshAll(context.Background(), c), "blip %d", i)
	}
	assert.EqualValues(t, 40, blip.requests.Load(), "every blip was retried through")
}

func TestRetryBudgetSharedAcrossGoroutines(t *testing.T) {
	t.Parallel()
	const goroutines, each = 8, 50
	var down atomic.Bool
	down.Store(true)
	srv := outage(t, &down)
	c := budgetClient(t, srv.URL)

	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				assert.ErrorIs(t, refreshAll(context.Background(), c), juspay.ErrServer)
			}
		}()
	}
	wg.Wait()

	// The calls want 800 retries between them; one bucket pays for 100,
	// whoever asks first.
	assert.EqualValues(t, goroutines*each+juspay.DefaultRetryBudget/budgetRetryCost, srv.requests.Load())
}

func TestRetryBudgetConfiguresAClientOnly(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, answerOK)
	c := newServerClient(t, srv.URL)

	err := refreshAll(context.Background(), c, juspay.WithRetryBudget(10))

	require.Error(t, err)
	assert.Contains(t, err.Error(), "WithRetryBudget")
	assert.Zero(t, srv.requests.Load(), "refused before anything was sent")

	_, err = juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID), juspay.WithRetryBudget(-1))
	assert.Error(t, err)
}

// TestAPIErrorSaysTheBudgetRefusedARetry: an error response that the retry
// policy would retry, but the retry budget does not pay for, says so in
// its text, as a transport error does.
func TestAPIErrorSaysTheBudgetRefusedARetry(t *testing.T) {
	t.Parallel()
	const refused = " (retry budget exhausted, not retried)"
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) { writeStatus(w, http.StatusServiceUnavailable) })
	c := newServerClient(t, srv.URL, juspay.WithMaxRetries(2), juspay.WithRetryBudget(5))

	// One retry's worth of tokens: the first call retries once, then the
	// budget refuses; the second cannot retry at all.
	first := refreshAll(context.Background(), c)
	second := refreshAll(context.Background(), c)

	for _, err := range []error{first, second} {
		var apiErr *juspay.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
		assert.True(t, strings.HasSuffix(err.Error(), refused), err.Error())
	}
	assert.Equal(t, "juspay: refresh all wallets: 503 Service Unavailable: e503: status 503 after 2 attempts"+refused, first.Error())
	assert.EqualValues(t, 3, srv.requests.Load())

	// Retries that simply ran out say nothing of the budget.
	c = newServerClient(t, srv.URL, juspay.WithMaxRetries(2), juspay.WithRetryBudget(0))
	err := refreshAll(context.Background(), c)
	require.ErrorIs(t, err, juspay.ErrServer)
	assert.NotContains(t, err.Error(), "budget")
	assert.EqualValues(t, 6, srv.requests.Load())
}
