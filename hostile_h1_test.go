package juspay_test

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

type connRequestsKey struct{}

// Over HTTP/1.1, net/http replays a GET on its own when a reused connection
// fails before the answer: a request the SDK's retry policy and budget
// never see. Here every request on a reused connection is reset, and a
// request on a fresh connection is answered: each call's first request
// meets the reset. Every request on the wire must be an SDK attempt.
func TestHTTP1ReadIsNotReplayedOnAReusedConnection(t *testing.T) {
	t.Parallel()
	srv := &testServer{}
	hs := newUnstartedTestServer(srv, func(w http.ResponseWriter, r *http.Request) {
		if r.Context().Value(connRequestsKey{}).(*atomic.Int64).Add(1) > 1 {
			resetConn(t, w)
			return
		}
		answerOK(w, r)
	})
	hs.Config.ConnContext = func(ctx context.Context, _ net.Conn) context.Context {
		return context.WithValue(ctx, connRequestsKey{}, new(atomic.Int64))
	}
	hs.Start()
	t.Cleanup(hs.Close)
	srv.Server = hs

	var log attemptLog
	c := newServerClient(t, srv.URL, juspay.WithLogger(log.logger()), juspay.WithMaxRetries(2),
		juspay.WithRetryBackoff(time.Millisecond, time.Millisecond))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	const calls = 20
	for range calls {
		require.NoError(t, refreshAll(ctx, c))
	}
	assert.EqualValues(t, srv.requests.Load(), log.attempts.Load(), "requests on the wire = SDK attempts")
	assert.LessOrEqual(t, srv.requests.Load(), int64(2*calls), "requests on the wire")
}
