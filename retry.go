package juspay

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// shouldRetry decides whether the call makes another attempt after res, and
// how long it waits first.
func (c *Client) shouldRetry(ctx context.Context, cfg *config, r *request, res *result, attempt int) (time.Duration, bool) {
	if attempt > cfg.maxRetries || ctx.Err() != nil {
		return 0, false
	}
	if r.write {
		// A write is repeated only when it provably never left: a second
		// attempt must not link, debit or send an OTP twice. Any answer,
		// 5xx and 429 included, ends it.
		if res.apiErr != nil || res.sent {
			return 0, false
		}
		return backoff(cfg, attempt), true
	}
	if res.apiErr != nil {
		if !retryableStatus(res.apiErr.StatusCode) {
			return 0, false
		}
		if res.after >= 0 {
			// The server said when to come back. Sleeping longer than the
			// caller's backoff ceiling would hold the call past what the
			// caller allowed, so such a wait ends the call at once.
			if res.after > cfg.backoffMax {
				return 0, false
			}
			return res.after, true
		}
		return backoff(cfg, attempt), true
	}
	if !res.retryable {
		return 0, false
	}
	return backoff(cfg, attempt), true
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
func backoff(cfg *config, n int) time.Duration {
	d := cfg.backoffInitial
	// Double by steps, stopping at the cap, rather than shift: a shift of a
	// large initial wait (WithRetryBackoff takes any duration) overflows
	// int64 and can wrap to a small positive wait.
	for i := 1; i < n && d < cfg.backoffMax; i++ {
		if d > cfg.backoffMax/2 {
			d = cfg.backoffMax
			break
		}
		d *= 2
	}
	d = min(d, cfg.backoffMax)
	jitter := time.Duration(rand.Int64N(int64(d)/4 + 1))
	return d - jitter
}

// maxRetryAfter bounds a parsed Retry-After: far beyond any backoff ceiling,
// and small enough that adding it to a time cannot overflow.
const maxRetryAfter = 24 * time.Hour

// retryAfter parses a Retry-After header, in seconds or as an HTTP date
// (RFC 9110, section 10.2.3). It returns -1 when there is none, or it does
// not parse; a date in the past is 0.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return -1
	}
	if isDigits(v) {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs > int64(maxRetryAfter/time.Second) {
			// Digits too many for int64 still say "not soon": treated as
			// the longest wait, the call gives up rather than retry at once.
			return maxRetryAfter
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		return min(max(d, 0), maxRetryAfter)
	}
	return -1
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// isConnectError reports whether err is a failure to reach the server at all:
// resolving its name, dialing it, or completing the TLS handshake. Nothing
// of the request was written when one of these fails.
func isConnectError(err error) bool {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && (opErr.Op == "dial" || opErr.Op == "proxyconnect") {
		return true
	}
	var certErr *tls.CertificateVerificationError
	var recordErr tls.RecordHeaderError
	var alert tls.AlertError
	return errors.As(err, &certErr) || errors.As(err, &recordErr) || errors.As(err, &alert)
}

// retryCost is what a retry after res takes from the retry budget: a
// timeout or a broken connection costs more than an error response, as in
// the AWS SDK's retry quota, because it more likely means an outage.
func (res *result) retryCost() int {
	if res.apiErr != nil {
		return retryCost
	}
	return retryCostTimeout
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

// WithRetryBudget sets the size, in tokens, of the client's retry budget: a
// token bucket shared by all of the client's calls. Each retry spends tokens
// (5 after an error response, 10 after a timeout or connection failure) and
// each success refunds some; when the bucket is empty a call fails at once
// with its last error instead of retrying, so an outage at Juspay is not
// multiplied by every caller's retries. 0 disables the budget. The default
// is DefaultRetryBudget, 500. It configures the client: given to a call, the
// call fails.
func WithRetryBudget(tokens int) Option {
	return func(c *config) error {
		if tokens < 0 {
			return errors.New("juspay: WithRetryBudget: tokens is negative")
		}
		c.budget, c.budgetSet = newRetryBudget(tokens), true
		return nil
	}
}

// retryBudget is a token bucket; a nil budget allows every retry.
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

// logBudgetSpent writes a warn record when the budget refuses a retry the
// policy allowed, so that an operator can tell "not retried because the
// client is shedding retries" from "not retryable".
func logBudgetSpent(ctx context.Context, l *slog.Logger, r *request, res *result, attempt int) {
	if l == nil || !l.Enabled(ctx, slog.LevelWarn) {
		return
	}
	attrs := []slog.Attr{slog.String("op", r.op), slog.Int("attempt", attempt)}
	if res.status != 0 {
		attrs = append(attrs, slog.Int("status", res.status))
	}
	l.LogAttrs(ctx, slog.LevelWarn, "juspay: not retrying: retry budget exhausted", attrs...)
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
