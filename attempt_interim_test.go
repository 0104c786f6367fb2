package juspay_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// switchProtocols answers with 101 Switching Protocols and then says
// nothing, until the client hangs up (or 10 s pass, so that a client that
// never does cannot hold the test's server forever).
func switchProtocols(t testing.TB, w http.ResponseWriter) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: juspay-silence\r\n\r\n")
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, _ = io.Copy(io.Discard, buf)
}

// A 101 is never a final answer for the SDK: net/http hands the raw
// connection over as its body, and a read of it waits for the server,
// heeding neither the attempt timeout nor the caller's context. The call
// must end at once, as a protocol error, with the connection closed.
func TestSwitchingProtocolsIsAnError(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		opts  []juspay.Option
		ctx   time.Duration
		write bool
	}{
		{name: "read, attempt timeout", opts: []juspay.Option{juspay.WithTimeout(200 * time.Millisecond)}, ctx: time.Minute},
		{name: "read, caller's context", opts: []juspay.Option{juspay.WithTimeout(0)}, ctx: 200 * time.Millisecond},
		{name: "write, attempt timeout", opts: []juspay.Option{juspay.WithTimeout(200 * time.Millisecond)}, ctx: time.Minute, write: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) { switchProtocols(t, w) })
			c := newServerClient(t, srv.URL, append([]juspay.Option{juspay.WithMaxRetries(2)}, tc.opts...)...)
			ctx, cancel := context.WithTimeout(context.Background(), tc.ctx)
			defer cancel()

			done := make(chan error, 1)
			go func() {
				if tc.write {
					done <- linkWallet(ctx, c)
				} else {
					done <- refreshAll(ctx, c)
				}
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				srv.CloseClientConnections()
				t.Fatal("the call is still blocked 5 s after its 200 ms limit")
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), "101")
			var apiErr *juspay.APIError
			assert.False(t, errors.As(err, &apiErr), "a 1xx is not an answer: %v", err)
			assert.EqualValues(t, 1, srv.requests.Load(), "a protocol error is not retried")
			if tc.write {
				assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
			}
		})
	}
}
