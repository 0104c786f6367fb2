package juspay

import (
	"context"
	"errors"
	"math"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantBackoff is the documented wait before retry n, before jitter:
// initial × 2^(n-1), capped at max. Computed in float64, a different route
// from the implementation's, so an overflow in one does not hide in both.
func wantBackoff(initial, max time.Duration, n int) time.Duration {
	d := float64(initial) * math.Pow(2, float64(n-1))
	if d >= float64(max) {
		return max
	}
	return time.Duration(d)
}

func TestBackoff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name         string
		initial, max time.Duration
	}{
		{"defaults", DefaultBackoffInitial, DefaultBackoffMax},
		{"short", 100 * time.Millisecond, time.Second},
		{"initial is max", 2 * time.Second, 2 * time.Second},
		{"tiny", time.Microsecond, time.Microsecond},
		// A shift of this initial wait overflows int64 from n = 23 and
		// once wrapped to a small positive wait.
		{"huge", 3e12, math.MaxInt64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := retryPolicy{initial: tc.initial, max: tc.max}
			for _, n := range []int{1, 2, 3, 4, 5, 6, 10, 22, 23, 24, 25, 31, 32, 63, 64, 65, 1000} {
				want := wantBackoff(tc.initial, tc.max, n)
				lowest := want
				for range 200 {
					got := p.backoff(n)
					require.LessOrEqual(t, got, want, "retry %d: never more than initial×2^(n-1) capped at max", n)
					require.GreaterOrEqual(t, got, want-want/4, "retry %d: jitter takes at most 25%%", n)
					lowest = min(lowest, got)
				}
				if want >= 100 {
					assert.Less(t, lowest, want, "retry %d: the wait is jittered", n)
				}
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	const none = -1 // no Retry-After, or one that does not parse
	for _, tc := range []struct {
		header string
		want   time.Duration
	}{
		{"", none},
		{"0", 0},
		{"5", 5 * time.Second},
		{" 7 ", 7 * time.Second},
		{"120", 2 * time.Minute},
		{"86400", 24 * time.Hour},
		{"86401", 24 * time.Hour},                // capped: far beyond any backoff maximum either way
		{"99999999999999999999", 24 * time.Hour}, // past int64: still "not soon", never "now"
		{"-1", none},
		{"+5", none},
		{"1.5", none},
		{"5s", none},
		{"soon", none},
		{"Mon, 01 Jan 2024 12:00:30 GMT", 30 * time.Second},  // IMF-fixdate
		{"Monday, 01-Jan-24 12:00:30 GMT", 30 * time.Second}, // RFC 850
		{"Mon Jan  1 12:00:30 2024", 30 * time.Second},       // asctime
		{"Mon, 01 Jan 2024 11:59:00 GMT", 0},                 // past: retry now
		{"Fri, 01 Jan 2100 00:00:00 GMT", 24 * time.Hour},
		{"Mon, 01 Jan 2024 12:00:30 +0000", none}, // not an HTTP date
	} {
		got, ok := retryAfter(tc.header, now)
		if !ok {
			got = none
		}
		assert.Equal(t, tc.want, got, "Retry-After: %q", tc.header)
	}
}

func TestRetryBudgetBucket(t *testing.T) {
	t.Parallel()

	t.Run("zero disables", func(t *testing.T) {
		b := newRetryBudget(0)
		assert.Nil(t, b)
		for range 1000 {
			require.True(t, b.take(retryCostTimeout))
		}
		b.succeeded(true) // a nil budget is usable
	})

	t.Run("spends, refunds, and stays within capacity", func(t *testing.T) {
		b := newRetryBudget(12)
		assert.True(t, b.take(retryCost))         // 7
		assert.True(t, b.take(retryCost))         // 2
		assert.False(t, b.take(retryCost))        // 2: too few
		assert.False(t, b.take(retryCostTimeout)) // a refusal spends nothing
		b.succeeded(false)                        // 3: a first-attempt success refunds 1
		assert.False(t, b.take(retryCost))
		b.succeeded(true) // 8: a success after retries refunds a retry
		assert.True(t, b.take(retryCost))
		for range 100 {
			b.succeeded(true)
		}
		assert.True(t, b.take(retryCostTimeout)) // 2 left of the capacity of 12
		assert.False(t, b.take(retryCost))
	})

	t.Run("one bucket for every goroutine", func(t *testing.T) {
		b := newRetryBudget(1000)
		var granted atomic.Int64
		var wg sync.WaitGroup
		for range 50 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 10 {
					if b.take(retryCost) {
						granted.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		assert.EqualValues(t, 1000/retryCost, granted.Load())
	})
}

func TestRetryPolicyNext(t *testing.T) {
	t.Parallel()
	policy := retryPolicy{maxRetries: 2, initial: 100 * time.Millisecond, max: time.Second}
	status := func(code int, retryAfter string) outcome {
		h := http.Header{}
		if retryAfter != "" {
			h.Set("Retry-After", retryAfter)
		}
		return outcome{status: code, header: h, sent: true}
	}
	dropped := outcome{err: syscall.ECONNRESET, sent: true, retryable: true}
	refused := outcome{err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, retryable: true}
	undecodable := outcome{status: 200, err: errors.New("invalid character"), sent: true}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()

	for _, tc := range []struct {
		name      string
		write     bool
		ctx       context.Context
		o         outcome
		attempt   int
		retry     bool
		wait      time.Duration // exact, for a Retry-After; else the backoff range
		exactWait bool
	}{
		{name: "503", o: status(503, ""), attempt: 1, retry: true},
		{name: "503, second retry", o: status(503, ""), attempt: 2, retry: true},
		{name: "503, retries used", o: status(503, ""), attempt: 3},
		{name: "400", o: status(400, ""), attempt: 1},
		{name: "Retry-After within max", o: status(429, "1"), attempt: 1, retry: true, wait: time.Second, exactWait: true},
		{name: "Retry-After 0", o: status(503, "0"), attempt: 1, retry: true, wait: 0, exactWait: true},
		{name: "Retry-After beyond max", o: status(429, "2"), attempt: 1},
		{name: "Retry-After that does not parse", o: status(503, "soon"), attempt: 1, retry: true},
		{name: "Retry-After on a 400", o: status(400, "0"), attempt: 1},
		{name: "dropped connection", o: dropped, attempt: 1, retry: true},
		{name: "undecodable body", o: undecodable, attempt: 1},
		{name: "caller's context ended", ctx: cancelled, o: dropped, attempt: 1},
		{name: "write answered 503", write: true, o: status(503, ""), attempt: 1},
		{name: "write answered 429 with Retry-After", write: true, o: status(429, "0"), attempt: 1},
		{name: "write dropped after sending", write: true, o: dropped, attempt: 1},
		{name: "write never sent", write: true, o: refused, attempt: 1, retry: true},
		{name: "write never sent, retries used", write: true, o: refused, attempt: 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := tc.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			p := policy
			p.write = tc.write
			wait, retry := p.next(ctx, &tc.o, tc.attempt)
			require.Equal(t, tc.retry, retry)
			switch {
			case !retry:
			case tc.exactWait:
				assert.Equal(t, tc.wait, wait)
			default:
				want := wantBackoff(policy.initial, policy.max, tc.attempt)
				assert.LessOrEqual(t, wait, want)
				assert.GreaterOrEqual(t, wait, want-want/4)
			}
		})
	}
}

func TestRetryableStatus(t *testing.T) {
	t.Parallel()
	retried := map[int]bool{408: true, 429: true, 500: true, 502: true, 503: true, 504: true}
	for code := 100; code < 600; code++ {
		assert.Equal(t, retried[code], retryableStatus(code), "%d %s", code, http.StatusText(code))
	}
}
