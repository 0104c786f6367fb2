package juspay_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// The fault matrix drives one read (RefreshAll) and one write (Link)
// through every way a connection to Juspay can go wrong, in one table. For
// each: the class of the error, how many attempts were made, how long the
// call took at most (and, where a wait is the point, at least), and whether
// the connection was reused afterwards. TestMain's goleak check covers the
// whole table: no fault may leave a goroutine behind.

// faultEnv is what one cell of the matrix runs against.
type faultEnv struct {
	t         *testing.T
	srv       *testServer // nil for connection refused
	elsewhere *testServer // the other host a redirect points to
}

// faultSlack stretches every faultWant.most, which is what the call takes on
// an idle machine, for a runner loaded by -race and parallel packages: the
// bound is there to catch a call that hangs until its minute-long context
// ends, not to time the SDK.
const faultSlack = 4

// faultWant is what one call through a fault must come to.
type faultWant struct {
	attempts int
	class    func(t *testing.T, err error, env *faultEnv)
	least    time.Duration // the call waited at least this (a Retry-After)
	most     time.Duration // and returned within this, on an idle machine
}

// faultRow is one fault, with what a read and a write must come to.
type faultRow struct {
	name    string
	refused bool // nothing listens: serve is not used
	serve   func(env *faultEnv, w http.ResponseWriter, r *http.Request)
	opts    []juspay.Option
	read    faultWant
	write   faultWant
	reuse   bool // the connection outlives the fault: the next call uses it
}

const faultAttemptTimeout = 100 * time.Millisecond

func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	slow := []juspay.Option{juspay.WithTimeout(faultAttemptTimeout)}
	rows := []faultRow{
		{
			name:    "connection refused",
			refused: true,
			read:    faultWant{attempts: 3, class: isRefused, most: 2 * time.Second},
			// Provably never sent: even a write is retried.
			write: faultWant{attempts: 3, class: isRefused, most: 2 * time.Second},
		},
		{
			name:  "reset before headers",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) { resetConn(env.t, w) },
			read:  faultWant{attempts: 3, class: isReset, most: 2 * time.Second},
			write: faultWant{attempts: 1, class: all(isReset, isOutcomeUnknown), most: 2 * time.Second},
		},
		{
			name: "reset mid-body",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", "4096")
				w.WriteHeader(http.StatusOK)
				_, _ = io.WriteString(w, `{"list":[{"wallet":"PAYTM",`)
				resetConn(env.t, w) // flushes what was written, then resets
			},
			read:  faultWant{attempts: 3, class: isReset, most: 2 * time.Second},
			write: faultWant{attempts: 1, class: all(isReset, isOutcomeUnknown), most: 2 * time.Second},
		},
		{
			name:  "slow headers past the attempt timeout",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) { holdRequest(r) },
			opts:  slow,
			read:  faultWant{attempts: 3, class: isAttemptTimeout, least: 3 * faultAttemptTimeout, most: 5 * time.Second},
			write: faultWant{attempts: 1, class: all(isAttemptTimeout, isOutcomeUnknown), least: faultAttemptTimeout, most: 3 * time.Second},
		},
		{
			name: "slow body past the attempt timeout",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", "4096")
				w.WriteHeader(http.StatusOK)
				_, _ = io.WriteString(w, `{"list":[`)
				_ = http.NewResponseController(w).Flush()
				holdRequest(r)
			},
			opts:  slow,
			read:  faultWant{attempts: 3, class: isAttemptTimeout, least: 3 * faultAttemptTimeout, most: 5 * time.Second},
			write: faultWant{attempts: 1, class: all(isAttemptTimeout, isOutcomeUnknown), least: faultAttemptTimeout, most: 3 * time.Second},
		},
		{
			name: "truncated JSON",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = io.WriteString(w, `{"list":[{"wallet":"PAYTM","tok`)
			},
			// A whole response that is not whole JSON: asking again would
			// get the same answer.
			read:  faultWant{attempts: 1, class: isTruncatedJSON, most: 2 * time.Second},
			write: faultWant{attempts: 1, class: all(isTruncatedJSON, isOutcomeUnknown), most: 2 * time.Second},
			reuse: true,
		},
		{
			name: "HTML 502",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(http.StatusBadGateway)
				_, _ = io.WriteString(w, "<html><body><h1>502 Bad Gateway</h1></body></html>")
			},
			read:  faultWant{attempts: 3, class: isAPIError(http.StatusBadGateway, juspay.ErrServer, "<html>"), most: 2 * time.Second},
			write: faultWant{attempts: 1, class: all(isAPIError(http.StatusBadGateway, juspay.ErrServer, "<html>"), isAnswered), most: 2 * time.Second},
			reuse: true,
		},
		{
			name: "empty 503",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusServiceUnavailable)
			},
			read:  faultWant{attempts: 3, class: isAPIError(http.StatusServiceUnavailable, juspay.ErrServer, ""), most: 2 * time.Second},
			write: faultWant{attempts: 1, class: all(isAPIError(http.StatusServiceUnavailable, juspay.ErrServer, ""), isAnswered), most: 2 * time.Second},
			reuse: true,
		},
		{
			name: "429 with Retry-After in seconds",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", "1")
				writeStatus(w, http.StatusTooManyRequests)
			},
			// Two waits of exactly 1s, where the backoff alone is 1ms.
			read:  faultWant{attempts: 3, class: isAPIError(http.StatusTooManyRequests, juspay.ErrRateLimited, "e429"), least: 2 * time.Second, most: 6 * time.Second},
			write: faultWant{attempts: 1, class: all(isAPIError(http.StatusTooManyRequests, juspay.ErrRateLimited, "e429"), isAnswered), most: 5 * time.Second},
			reuse: true,
		},
		{
			name: "429 with Retry-After as an HTTP date",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", time.Now().Add(2*time.Second).UTC().Format(http.TimeFormat))
				writeStatus(w, http.StatusTooManyRequests)
			},
			// now+2s in whole seconds is 1 to 2 s away: two waits of 1s or more.
			read:  faultWant{attempts: 3, class: isAPIError(http.StatusTooManyRequests, juspay.ErrRateLimited, "e429"), least: 1900 * time.Millisecond, most: 7 * time.Second},
			write: faultWant{attempts: 1, class: all(isAPIError(http.StatusTooManyRequests, juspay.ErrRateLimited, "e429"), isAnswered), most: 5 * time.Second},
			reuse: true,
		},
		{
			name: "Retry-After beyond the backoff maximum",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", "3600")
				writeStatus(w, http.StatusServiceUnavailable)
			},
			// Gives up at once with the answer, rather than sleep an hour.
			read:  faultWant{attempts: 1, class: isAPIError(http.StatusServiceUnavailable, juspay.ErrServer, "e503"), most: 5 * time.Second},
			write: faultWant{attempts: 1, class: all(isAPIError(http.StatusServiceUnavailable, juspay.ErrServer, "e503"), isAnswered), most: 5 * time.Second},
			reuse: true,
		},
		{
			name: "body over the 10 MiB cap",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				(&streamer{done: make(chan struct{})}).serve(w, 50<<20, false)
			},
			read:  faultWant{attempts: 1, class: isOverCap, most: 10 * time.Second},
			write: faultWant{attempts: 1, class: all(isOverCap, isOutcomeUnknown), most: 10 * time.Second},
		},
		{
			name: "10 MiB of empty list elements",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write(emptyElementsList(10<<20 - 64))
			},
			read:  faultWant{attempts: 1, class: isTooManyValues, most: 5 * time.Second},
			write: faultWant{attempts: 1, class: all(isTooManyValues, isOutcomeUnknown), most: 5 * time.Second},
		},
		{
			name:  "101 Switching Protocols, then silence",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) { switchProtocols(env.t, w) },
			opts:  []juspay.Option{juspay.WithTimeout(0)},
			read:  faultWant{attempts: 1, class: isProtocolError, most: 2 * time.Second},
			write: faultWant{attempts: 1, class: all(isProtocolError, isOutcomeUnknown), most: 2 * time.Second},
		},
		{
			name: "redirect to another host",
			serve: func(env *faultEnv, w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, strings.Replace(env.elsewhere.URL, "127.0.0.1", "localhost", 1)+"/x", http.StatusFound)
			},
			read:  faultWant{attempts: 1, class: all(isAPIError(http.StatusFound, nil, ""), nothingElsewhere), most: 2 * time.Second},
			write: faultWant{attempts: 1, class: all(isAPIError(http.StatusFound, nil, ""), nothingElsewhere, isAnswered), most: 2 * time.Second},
			reuse: true,
		},
	}

	calls := []struct {
		name  string
		call  func(context.Context, *juspay.Client, ...juspay.Option) error
		want  func(faultRow) faultWant
		write bool
	}{
		{"read", refreshAll, func(r faultRow) faultWant { return r.read }, false},
		{"write", linkWallet, func(r faultRow) faultWant { return r.write }, true},
	}

	for _, row := range rows {
		for _, call := range calls {
			t.Run(row.name+"/"+call.name, func(t *testing.T) {
				t.Parallel()
				want := call.want(row)
				env := &faultEnv{t: t}
				env.elsewhere = newTestServer(t, answerOK)
				var faulty atomic.Bool
				faulty.Store(true)
				baseURL := ""
				if row.refused {
					baseURL = closedURL(t)
				} else {
					env.srv = newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
						if faulty.Load() {
							row.serve(env, w, r)
							return
						}
						answerOK(w, r)
					})
					baseURL = env.srv.URL
				}
				var log attemptLog
				opts := append([]juspay.Option{
					juspay.WithLogger(log.logger()),
					juspay.WithMaxRetries(2),
					// 1ms backoff, so a long wait can only be a Retry-After,
					// and a 3s ceiling the 1-2s Retry-Afters fit under.
					juspay.WithRetryBackoff(time.Millisecond, 3*time.Second),
				}, row.opts...)
				c := newServerClient(t, baseURL, opts...)
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()

				start := time.Now()
				err := call.call(ctx, c)
				took := time.Since(start)

				require.Error(t, err)
				want.class(t, err, env)
				assert.EqualValues(t, want.attempts, log.attempts.Load(), "attempts")
				if env.srv != nil {
					assert.EqualValues(t, want.attempts, env.srv.requests.Load(), "requests the server saw")
				}
				assert.NoError(t, ctx.Err(), "the caller's context did not end the call")
				assert.LessOrEqual(t, took, want.most*faultSlack, "returned in time")
				assert.GreaterOrEqual(t, took, want.least, "waited as long as asked")
				assert.NotContains(t, err.Error(), testAPIKey)
				if call.write {
					assert.NotContains(t, err.Error(), "123456", "the OTP stays out of errors")
				}

				if row.refused {
					return
				}
				// The fault over, the same client carries on, on the same
				// connection where the fault let it live.
				faulty.Store(false)
				require.NoError(t, call.call(ctx, c), "the client works once the fault is over")
				if row.reuse {
					assert.EqualValues(t, 1, env.srv.conns.Load(), "the connection outlived the fault")
				} else {
					assert.EqualValues(t, want.attempts+1, env.srv.conns.Load(), "each failed attempt's connection was closed, not reused")
				}
			})
		}
	}
}

// all checks every one of checks.
func all(checks ...func(*testing.T, error, *faultEnv)) func(*testing.T, error, *faultEnv) {
	return func(t *testing.T, err error, env *faultEnv) {
		for _, check := range checks {
			check(t, err, env)
		}
	}
}

// notAPIError checks that err is a transport-level failure: no answer.
func notAPIError(t *testing.T, err error) {
	t.Helper()
	var apiErr *juspay.APIError
	assert.False(t, errors.As(err, &apiErr), "no answer, so no *APIError: %v", err)
}

func isRefused(t *testing.T, err error, _ *faultEnv) {
	t.Helper()
	notAPIError(t, err)
	var opErr *net.OpError
	require.ErrorAs(t, err, &opErr)
	assert.Equal(t, "dial", opErr.Op)
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
	assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "a refused connection carried nothing")
}

func isReset(t *testing.T, err error, _ *faultEnv) {
	t.Helper()
	notAPIError(t, err)
	assert.ErrorIs(t, err, syscall.ECONNRESET)
	assert.NotErrorIs(t, err, context.DeadlineExceeded)
}

func isAttemptTimeout(t *testing.T, err error, _ *faultEnv) {
	t.Helper()
	notAPIError(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "timed out")
}

func isTruncatedJSON(t *testing.T, err error, _ *faultEnv) {
	t.Helper()
	notAPIError(t, err)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
}

func isOverCap(t *testing.T, err error, _ *faultEnv) {
	t.Helper()
	notAPIError(t, err)
	assert.Contains(t, err.Error(), "exceeds 10 MiB")
}

func isTooManyValues(t *testing.T, err error, _ *faultEnv) {
	t.Helper()
	notAPIError(t, err)
	assert.Contains(t, err.Error(), "JSON values")
}

func isProtocolError(t *testing.T, err error, _ *faultEnv) {
	t.Helper()
	notAPIError(t, err)
	assert.Contains(t, err.Error(), "protocol error")
}

func isOutcomeUnknown(t *testing.T, err error, _ *faultEnv) {
	t.Helper()
	assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown, "the write may have reached Juspay")
}

// isAnswered: a write that got an answer has a known outcome.
func isAnswered(t *testing.T, err error, _ *faultEnv) {
	t.Helper()
	assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "Juspay answered: the outcome is known")
}

func isAPIError(status int, sentinel error, bodyHas string) func(*testing.T, error, *faultEnv) {
	return func(t *testing.T, err error, _ *faultEnv) {
		t.Helper()
		var apiErr *juspay.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, status, apiErr.StatusCode)
		if sentinel != nil {
			assert.ErrorIs(t, err, sentinel)
		}
		if bodyHas == "" {
			return
		}
		assert.Contains(t, string(apiErr.Body), bodyHas)
	}
}

func nothingElsewhere(t *testing.T, _ error, env *faultEnv) {
	t.Helper()
	assert.Zero(t, env.elsewhere.requests.Load(), "nothing, the key least of all, reached the other host")
}
