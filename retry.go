package juspay

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// retryPolicy decides, after an attempt that did not succeed, whether the
// call makes another and how long it waits first. The package doc states
// the rules; this is their one implementation.
type retryPolicy struct {
	maxRetries   int
	initial, max time.Duration // the backoff's bounds (WithRetryBackoff)
	write        bool          // the request moves money or state
}

// policyOf is the retry policy of a call with cfg: a write's, or a read's.
func policyOf(cfg *config, write bool) retryPolicy {
	return retryPolicy{maxRetries: cfg.maxRetries, initial: cfg.backoffInitial, max: cfg.backoffMax, write: write}
}

// next returns the wait before attempt n+1, and whether to make it. It
// refuses with a wait only for a Retry-After past the backoff maximum, so
// that the call's error can say so.
func (p retryPolicy) next(ctx context.Context, o *outcome, n int) (time.Duration, bool) {
	if n > p.maxRetries || ctx.Err() != nil {
		return 0, false
	}
	switch {
	case p.write:
		// A write is repeated only when it provably never left: a second
		// attempt must not link, debit or send an OTP twice. Any answer,
		// 5xx and 429 included, ends it. A stale kept-alive connection is
		// no exception: the server may have read the whole request before
		// closing it, and nothing proves it did not.
		if o.status != 0 || o.sent {
			return 0, false
		}
	case o.rejected():
		if !retryableStatus(o.status) {
			return 0, false
		}
		if after, ok := retryAfter(o.header.Get("Retry-After"), time.Now()); ok {
			// The server said when to come back. Sleeping longer than the
			// caller's backoff ceiling would hold the call past what the
			// caller allowed, so such a wait ends the call at once.
			return after, after <= p.max
		}
	case !o.retryable:
		return 0, false
	case o.stale:
		// A read that met a kept-alive connection the server had closed
		// says nothing of the server's health: it is retried at once, on
		// a new connection, as net/http itself did. It is still an
		// attempt, counted and charged to the retry budget.
		return 0, true
	}
	return p.backoff(n), true
}

// retryableStatus lists the statuses a read is retried on: timeouts, rate
// limits and the 5xx a gateway or an overloaded server answers.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusRequestTimeout, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// backoff is the wait before retry n (n = 1, 2, ...): initial × 2^(n-1),
// capped at max, less a random jitter of up to 25%, so that clients failing
// together do not retry in lockstep.
func (p retryPolicy) backoff(n int) time.Duration {
	d := p.initial
	// Double by steps, stopping at the cap, rather than shift: a shift of a
	// large initial wait (WithRetryBackoff takes any duration) overflows
	// int64 and can wrap to a small positive wait.
	for i := 1; i < n && d < p.max; i++ {
		if d > p.max/2 {
			d = p.max
			break
		}
		d *= 2
	}
	d = min(d, p.max)
	jitter := time.Duration(rand.Int64N(int64(d)/4 + 1))
	return d - jitter
}

// maxRetryAfter bounds a parsed Retry-After: far beyond any backoff ceiling,
// and small enough that adding it to a time cannot overflow.
const maxRetryAfter = 24 * time.Hour

// retryAfter parses a Retry-After header, in seconds or as an HTTP date
// (RFC 9110, section 10.2.3). ok is false when there is none, or it does
// not parse; a date in the past is 0.
func retryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if isDigits(v) {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs > int64(maxRetryAfter/time.Second) {
			// Digits too many for int64 still say "not soon": treated as
			// the longest wait, the call gives up rather than retry at once.
			return maxRetryAfter, true
		}
		return time.Duration(secs) * time.Second, true
	}
	if v == "" {
		return 0, false
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), maxRetryAfter), true
	}
	return 0, false
}

// DefaultRetryBudget is the size of a client's retry budget in tokens. A
// retry after an error response takes 5 tokens, one after a timeout or a
// connection failure takes 10, and each call that succeeds puts tokens back;
// so a client whose every call fails stops retrying after about 100 retries,
// and sends little more than one attempt per call until calls succeed again.
const DefaultRetryBudget = 500

const (
	retryCost        = 5
	retryCostTimeout = 10
	successRefund    = 1
)

// retryCost is what a retry after o takes from the retry budget: a timeout
// or a broken connection costs more than an error response, as in the AWS
// SDK's retry quota, because it more likely means an outage.
func (o *outcome) retryCost() int {
	if o.rejected() {
		return retryCost
	}
	return retryCostTimeout
}

// retryBudget is a token bucket shared by a client's calls; a nil budget
// allows every retry.
type retryBudget struct {
	mu       sync.Mutex
	tokens   int
	capacity int
}

func newRetryBudget(capacity int) *retryBudget {
	if capacity == 0 {
		return nil
	}
	return &retryBudget{tokens: capacity, capacity: capacity}
}

// take spends cost tokens for one retry, or reports that there are too few.
func (b *retryBudget) take(cost int) bool {
	if b == nil {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens < cost {
		return false
	}
	b.tokens -= cost
	return true
}

// succeeded refunds the budget after a successful call: a little for a
// first-attempt success, a retry's cost when a retry was what succeeded.
func (b *retryBudget) succeeded(retried bool) {
	if b == nil {
		return
	}
	refund := successRefund
	if retried {
		refund = retryCost
	}
	b.mu.Lock()
	b.tokens = min(b.tokens+refund, b.capacity)
	b.mu.Unlock()
}
