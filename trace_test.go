package juspay_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// A kept-alive HTTP/1.1 connection can be closed by the server (its idle
// timeout) just as the client sends on it. net/http used to replay a read
// met by that on a new connection, at once; the SDK's requests cannot be
// replayed beneath its retry policy, so the policy retries such a read
// itself, without a backoff wait. These tests drive that close: the server
// answers the first request of each connection and drops the connection
// under the next, as a server whose idle timeout fires at that moment does.

// staleServer starts a loopback HTTP/1.1 server that answers the requests
// that answer says to, per connection, and does to the others what drop
// does.
func staleServer(t *testing.T, answer func(nth int64) bool, drop func(w http.ResponseWriter, r *http.Request)) *testServer {
	t.Helper()
	srv := &testServer{}
	hs := newUnstartedTestServer(srv, func(w http.ResponseWriter, r *http.Request) {
		if answer(r.Context().Value(connRequestsKey{}).(*atomic.Int64).Add(1)) {
			answerOK(w, r)
			return
		}
		drop(w, r)
	})
	hs.Config.ConnContext = func(ctx context.Context, _ net.Conn) context.Context {
		return context.WithValue(ctx, connRequestsKey{}, new(atomic.Int64))
	}
	hs.Start()
	t.Cleanup(hs.Close)
	srv.Server = hs
	return srv
}

// firstOnly answers the first request of a connection only.
func firstOnly(nth int64) bool { return nth == 1 }

// closeConn closes the connection with nothing of an answer sent (a FIN,
// as a server's idle timeout does), after writing raw, if any.
func closeConn(t testing.TB, raw string) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		_, _ = io.WriteString(conn, raw)
		_ = conn.Close()
	}
}

// waitLog records the wait of each warn record before a retry, and
// counts the attempts and the retries the budget refused.
type waitLog struct {
	mu       sync.Mutex
	waits    []time.Duration
	attempts int
	refused  int
}

func (l *waitLog) Enabled(context.Context, slog.Level) bool { return true }
func (l *waitLog) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *waitLog) WithGroup(string) slog.Handler            { return l }
func (l *waitLog) Handle(_ context.Context, r slog.Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r.Level == slog.LevelDebug {
		l.attempts++
		return nil
	}
	waited := false
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "wait" {
			l.waits, waited = append(l.waits, a.Value.Duration()), true
		}
		return true
	})
	if !waited {
		l.refused++
	}
	return nil
}

func (l *waitLog) result() (waits []time.Duration, attempts, refused int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]time.Duration(nil), l.waits...), l.attempts, l.refused
}

// staleClient is a client of srv whose backoff, were it waited, would be
// plain in the log: at least 750µs.
func staleClient(t *testing.T, srv *testServer, log *waitLog, opts ...juspay.Option) *juspay.Client {
	t.Helper()
	return newServerClient(t, srv.URL, append([]juspay.Option{
		juspay.WithLogger(slog.New(log)), juspay.WithRetryBackoff(time.Millisecond, time.Millisecond),
	}, opts...)...)
}

func TestReadOnAStaleConnectionIsRetriedAtOnce(t *testing.T) {
	t.Parallel()
	srv := staleServer(t, firstOnly, closeConn(t, ""))
	var log waitLog
	c := staleClient(t, srv, &log)
	ctx := context.Background()

	require.NoError(t, refreshAll(ctx, c), "first call: a new connection, answered")
	require.NoError(t, refreshAll(ctx, c), "second call: the kept-alive connection is closed under it")

	waits, attempts, _ := log.result()
	assert.Equal(t, []time.Duration{0}, waits, "one retry, with no backoff wait")
	assert.Equal(t, 3, attempts, "the failed attempt is still an attempt")
	assert.EqualValues(t, 3, srv.requests.Load(), "requests on the wire = SDK attempts")
	assert.EqualValues(t, 2, srv.conns.Load(), "the retry went on a new connection")
}

// The retry at once is charged as any retry after a broken connection: a
// budget of 10 tokens pays for one (a success refunds 5 of them), and then
// the next is refused.
func TestStaleConnectionRetryIsChargedToTheBudget(t *testing.T) {
	t.Parallel()
	srv := staleServer(t, firstOnly, closeConn(t, ""))
	var log waitLog
	c := staleClient(t, srv, &log, juspay.WithRetryBudget(10))
	ctx := context.Background()

	require.NoError(t, refreshAll(ctx, c))
	require.NoError(t, refreshAll(ctx, c), "the budget pays for this retry")
	err := refreshAll(ctx, c)
	require.Error(t, err, "5 tokens left: not enough for another")
	assert.NotErrorIs(t, err, juspay.ErrInvalidArgument)

	_, attempts, refused := log.result()
	assert.Equal(t, 1, refused, "warn records of a refused retry")
	assert.Equal(t, 4, attempts)
}

// A write met by the same close is not retried: the server may have read it
// in full before closing, and nothing proves it did not.
func TestWriteOnAStaleConnectionIsNotRetried(t *testing.T) {
	t.Parallel()
	srv := staleServer(t, firstOnly, closeConn(t, ""))
	var log waitLog
	c := staleClient(t, srv, &log)
	ctx := context.Background()

	require.NoError(t, refreshAll(ctx, c))
	err := linkWallet(ctx, c)
	require.Error(t, err)
	assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)

	waits, attempts, _ := log.result()
	assert.Empty(t, waits, "no retry")
	assert.Equal(t, 2, attempts)
	assert.EqualValues(t, 2, srv.requests.Load(), "the link reached the wire once")
}

// Only a kept-alive connection that broke before any answer began is
// stale: any other failure is retried after the backoff wait, as before.
func TestOtherReadFailuresWaitBeforeTheirRetry(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		answer func(nth int64) bool
		drop   func(t *testing.T) func(w http.ResponseWriter, r *http.Request)
		opts   []juspay.Option // for the last call only
		calls  int             // the last one meets the failure
	}{
		{
			name:   "an answer had begun on the kept-alive connection",
			answer: firstOnly,
			drop: func(t *testing.T) func(w http.ResponseWriter, r *http.Request) {
				return closeConn(t, "HTTP/1.1 200 OK\r\nContent-Le")
			},
			calls: 2,
		},
		{
			name:   "a new connection closed",
			answer: func(nth int64) bool { return false },
			drop: func(t *testing.T) func(w http.ResponseWriter, r *http.Request) {
				return closeConn(t, "")
			},
			calls: 1,
		},
		{
			name:   "the attempt timed out on the kept-alive connection",
			answer: firstOnly,
			drop: func(*testing.T) func(w http.ResponseWriter, r *http.Request) {
				return func(_ http.ResponseWriter, r *http.Request) { holdRequest(r) }
			},
			opts:  []juspay.Option{juspay.WithTimeout(faultAttemptTimeout)},
			calls: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := staleServer(t, tt.answer, tt.drop(t))
			var log waitLog
			c := staleClient(t, srv, &log, juspay.WithMaxRetries(1))
			for range tt.calls - 1 {
				require.NoError(t, refreshAll(context.Background(), c))
			}
			_ = refreshAll(context.Background(), c, tt.opts...)

			waits, _, _ := log.result()
			require.Len(t, waits, 1, "one retry")
			assert.Positive(t, waits[0], "the retry waited its backoff")
		})
	}
}
