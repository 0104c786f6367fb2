package juspay_test

import (
	"context"
	"errors"
	"io"
	"net"
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

// trHandshakeFails listens on loopback and ends every connection made to it
// with fail, before any TLS handshake can complete. It returns the https
// URL to reach it and the count of connections accepted.
func trHandshakeFails(t *testing.T, fail func(net.Conn)) (string, *atomic.Int64) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var accepts atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			accepts.Add(1)
			_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
			fail(conn)
			_ = conn.Close()
		}
	}()
	t.Cleanup(func() {
		_ = l.Close()
		wg.Wait()
	})
	return "https://" + l.Addr().String(), &accepts
}

// TestWriteRetriedWhenTLSHandshakeFails: a write whose TLS handshake failed
// was never sent, whatever error the handshake ended with, so it is retried
// like a failed dial, and its outcome is not unknown.
func TestWriteRetriedWhenTLSHandshakeFails(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		fail func(net.Conn)
	}{
		{"closed at once", func(net.Conn) {}},
		{"reset at once", func(conn net.Conn) {
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0)
			}
		}},
		{"an unexpected handshake message", func(conn net.Conn) {
			_, _ = conn.Read(make([]byte, 4096)) // the ClientHello
			// A HelloRequest where the ServerHello should be.
			_, _ = conn.Write([]byte{0x16, 0x03, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00})
			_, _ = io.Copy(io.Discard, conn) // until the client gives up
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			url, accepts := trHandshakeFails(t, tc.fail)
			var log attemptLog
			c := newServerClient(t, url, juspay.WithMaxRetries(2), juspay.WithLogger(log.logger()))

			err := linkWallet(context.Background(), c)

			require.Error(t, err)
			assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "nothing was sent: %v", err)
			var apiErr *juspay.APIError
			assert.False(t, errors.As(err, &apiErr))
			assert.EqualValues(t, 3, accepts.Load(), "retried: %v", err)
			assert.EqualValues(t, 3, log.attempts.Load())
			assert.NotContains(t, err.Error(), "123456")
		})
	}
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
