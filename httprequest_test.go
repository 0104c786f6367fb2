package juspay_test

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/http2"

	"github.com/gojuspay/juspay"
)

// An HTTP/2 server that misbehaves on purpose: it reads each request to its
// end and then, instead of answering, resets the stream or sends GOAWAY.
// net/http's HTTP/2 client replays a request on its own after
// RST_STREAM(PROTOCOL_ERROR), RST_STREAM(REFUSED_STREAM) and GOAWAY when it
// can rewind the body (or there is none), beneath any retry policy of the
// SDK. These tests count what reaches the wire.

// h2Misbehaviour is what the server does once a request has fully arrived.
type h2Misbehaviour func(fr *http2.Framer, streamID uint32) error

func h2ResetProtocolError(fr *http2.Framer, id uint32) error {
	return fr.WriteRSTStream(id, http2.ErrCodeProtocol)
}

func h2ResetRefused(fr *http2.Framer, id uint32) error {
	return fr.WriteRSTStream(id, http2.ErrCodeRefusedStream)
}

// h2GoAwayNone says no stream was processed (last stream 0), which tells a
// client any request on the connection may be sent again.
func h2GoAwayNone(fr *http2.Framer, _ uint32) error {
	return fr.WriteGoAway(0, http2.ErrCodeNo, nil)
}

// h2Server is a TLS server speaking raw HTTP/2 frames.
type h2Server struct {
	*httptest.Server
	requests atomic.Int64 // requests received in full, on every connection
	mu       sync.Mutex
	conns    []*tls.Conn
}

// newH2Server starts a server that answers every complete request with
// misbehave, over h2 on TLS, closed when the test ends.
func newH2Server(t testing.TB, misbehave h2Misbehaviour) *h2Server {
	t.Helper()
	s := &h2Server{}
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	srv.EnableHTTP2 = true // the client it builds negotiates h2
	srv.TLS = &tls.Config{NextProtos: []string{"h2"}}
	srv.Config.TLSNextProto = map[string]func(*http.Server, *tls.Conn, http.Handler){
		"h2": func(_ *http.Server, c *tls.Conn, _ http.Handler) {
			s.mu.Lock()
			s.conns = append(s.conns, c)
			s.mu.Unlock()
			s.serve(c, misbehave)
		},
	}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // handshakes cut by Close are expected
	srv.StartTLS()
	s.Server = srv
	t.Cleanup(func() {
		s.mu.Lock()
		for _, c := range s.conns {
			_ = c.Close()
		}
		s.mu.Unlock()
		srv.Close()
	})
	return s
}

// serve speaks just enough HTTP/2 to read requests: the preface, SETTINGS
// (acknowledged), and each stream's HEADERS and DATA up to END_STREAM.
func (s *h2Server) serve(c *tls.Conn, misbehave h2Misbehaviour) {
	defer c.Close()
	preface := make([]byte, len(http2.ClientPreface))
	if _, err := io.ReadFull(c, preface); err != nil || string(preface) != http2.ClientPreface {
		return
	}
	fr := http2.NewFramer(c, c)
	if fr.WriteSettings() != nil {
		return
	}
	for {
		f, err := fr.ReadFrame()
		if err != nil {
			return
		}
		ended := false
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() && fr.WriteSettingsAck() != nil {
				return
			}
		case *http2.PingFrame:
			if !f.IsAck() && fr.WritePing(true, f.Data) != nil {
				return
			}
		case *http2.HeadersFrame:
			ended = f.StreamEnded()
		case *http2.DataFrame:
			ended = f.StreamEnded()
			if n := uint32(len(f.Data())); n > 0 {
				// Keep the client's flow-control window open.
				_ = fr.WriteWindowUpdate(0, n)
			}
		}
		if ended {
			s.requests.Add(1)
			if misbehave(fr, f.Header().StreamID) != nil {
				return
			}
		}
	}
}

// newH2Client builds a client speaking HTTP/2 to s, with no backoff worth
// waiting for.
func newH2Client(t testing.TB, s *h2Server, opts ...juspay.Option) *juspay.Client {
	t.Helper()
	hc := s.Client()
	t.Cleanup(hc.CloseIdleConnections)
	return newServerClient(t, s.URL, append([]juspay.Option{juspay.WithHTTPClient(hc)}, opts...)...)
}

var h2Misbehaviours = []struct {
	name string
	do   h2Misbehaviour
}{
	{"RST_STREAM(PROTOCOL_ERROR)", h2ResetProtocolError},
	{"RST_STREAM(REFUSED_STREAM)", h2ResetRefused},
	{"GOAWAY(last stream 0)", h2GoAwayNone},
}

// h2Setup starts an HTTP/2 server that misbehaves with do, and a client of
// it with opts that logs its attempts; the context bounds a hang.
func h2Setup(t *testing.T, do h2Misbehaviour, opts ...juspay.Option) (context.Context, *juspay.Client, *h2Server, *attemptLog) {
	t.Helper()
	s := newH2Server(t, do)
	log := &attemptLog{}
	c := newH2Client(t, s, append([]juspay.Option{juspay.WithLogger(log.logger())}, opts...)...)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx, c, s, log
}

// A write that reached the server in full is on the wire once per attempt,
// and one attempt is all it gets: its outcome is unknown, never retried.
func TestHTTP2WriteReachesTheWireOnce(t *testing.T) {
	t.Parallel()
	for _, m := range h2Misbehaviours {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			ctx, c, s, log := h2Setup(t, m.do)
			_, err := c.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
				OrderID: "ord_h2", PaymentMethod: "PAYTM", DirectWalletToken: "tok_h2_secret",
			})
			require.Error(t, err)
			assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
			assert.EqualValues(t, 1, log.attempts.Load(), "SDK attempts")
			assert.EqualValues(t, 1, s.requests.Load(), "debits on the wire")
			assert.NotContains(t, err.Error(), "tok_h2_secret")
		})
	}
}

// A read is on the wire once per SDK attempt: net/http does not replay it
// beneath the retry policy and its budget.
func TestHTTP2ReadIsNotReplayedBeneathTheBudget(t *testing.T) {
	t.Parallel()
	for _, m := range h2Misbehaviours {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			ctx, c, s, log := h2Setup(t, m.do, juspay.WithMaxRetries(2))
			err := refreshAll(ctx, c)
			require.Error(t, err)
			var apiErr *juspay.APIError
			assert.False(t, errors.As(err, &apiErr), "no answer came")
			assert.EqualValues(t, 3, log.attempts.Load(), "SDK attempts: 1 + WithMaxRetries")
			assert.EqualValues(t, 3, s.requests.Load(), "requests on the wire")
		})
	}
}

// Over HTTP/1.1, net/http replays a GET on its own when a reused connection
// fails before the answer: a request the SDK's retry policy and budget
// never see. Here every request on a reused connection is reset, and a
// request on a fresh connection is answered: each call's first request
// meets the reset. Every request on the wire must be an SDK attempt.
func TestHTTP1ReadIsNotReplayedOnAReusedConnection(t *testing.T) {
	t.Parallel()
	srv := staleServer(t, firstOnly, func(w http.ResponseWriter, _ *http.Request) { resetConn(t, w) })

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

type connRequestsKey struct{}
