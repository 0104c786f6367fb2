package juspay_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// Responses that arrive in part: an error body the connection cuts short, a
// 2xx that cannot be decoded, and bodies that go on after the SDK has what
// it needs.

// cutErrorBody answers with a 503 whose headers announce 1000 bytes of
// body, sends 10 of them, and then closes the connection, or, with hold,
// keeps it open until the client hangs up.
func cutErrorBody(t testing.TB, hold bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		conn, rw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		defer conn.Close()
		_, _ = rw.WriteString("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\n" +
			"Content-Length: 1000\r\nX-Request-Id: req_cut\r\n\r\n<html><bod")
		_ = rw.Flush()
		if hold {
			// Until the client closes its end.
			_, _ = io.Copy(io.Discard, bufio.NewReader(conn))
		}
	}
}

func TestErrorBodyCutShortIsAnAPIError(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		call     func(context.Context, *juspay.Client, ...juspay.Option) error
		attempts int64
	}{
		// Retried by its status, as any 503 for a read.
		{"read", refreshAll, 3},
		// Answered: never retried, and its outcome is known.
		{"write", linkWallet, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, cutErrorBody(t, false))
			c := newServerClient(t, srv.URL, juspay.WithMaxRetries(2))

			err := tc.call(context.Background(), c)

			var apiErr *juspay.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
			assert.ErrorIs(t, err, juspay.ErrServer)
			assert.Equal(t, "<html><bod", string(apiErr.Body), "Body is what arrived")
			assert.Equal(t, "req_cut", apiErr.RequestID)
			assert.Contains(t, err.Error(), "503 Service Unavailable (text/html body, not Juspay's JSON) (body cut short) (request id req_cut)")
			assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "Juspay answered")
			assert.EqualValues(t, tc.attempts, srv.requests.Load())
		})
	}
}

// TestErrorBodyCutByTheCallersContext: the caller's context ends while an
// error body is read. The error is the APIError and says the context ended
// the call.
func TestErrorBodyCutByTheCallersContext(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, cutErrorBody(t, true))
	c := newServerClient(t, srv.URL, juspay.WithMaxRetries(2))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()

	err := refreshAll(ctx, c)

	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
	assert.Equal(t, "<html><bod", string(apiErr.Body))
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "context ended")
	assert.EqualValues(t, 1, srv.requests.Load(), "the caller's context ended: not retried")
}

// TestRequestErrorNamesTheRequestID: a write whose 2xx answer could not be
// decoded has an unknown outcome, and the request id is what Juspay's
// support needs to look it up. It is scrubbed and cut short as the rest of
// the text.
func TestRequestErrorNamesTheRequestID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		id, want string
	}{
		{"req_undecodable", "(request id req_undecodable)"},
		{"req_123456", "(request id req_[redacted])"}, // the OTP echoed
		{strings.Repeat("r", 4096), "(request id " + strings.Repeat("r", 64) + "…)"},
	} {
		srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("X-Request-Id", tc.id)
			_, _ = io.WriteString(w, `{"id":"wlt_q23xzki3pazgtezo","linked":`)
		})
		c := newServerClient(t, srv.URL)

		err := linkWallet(context.Background(), c)

		require.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
		assert.Contains(t, err.Error(), tc.want)
		assert.NotContains(t, err.Error(), "123456")
		assert.Less(t, len(err.Error()), 400)
	}
}

// trickle answers with a valid JSON body, then goes on sending a byte
// every 10ms until the client goes away.
func trickle(w http.ResponseWriter, r *http.Request) {
	answerOK(w, r)
	rc := http.NewResponseController(w)
	_ = rc.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(10 * time.Millisecond):
		}
		if _, err := io.WriteString(w, " "); err != nil {
			return
		}
		if rc.Flush() != nil {
			return
		}
	}
}

// TestSuccessNotHeldByATrickle: once a 2xx is decoded, what follows is
// drained briefly and no more; a server that trickles bytes after its
// answer does not hold the call, even with no attempt timeout.
func TestSuccessNotHeldByATrickle(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, trickle)
	c := newServerClient(t, srv.URL, juspay.WithTimeout(0))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	start := time.Now()
	list, err := c.Wallets.RefreshAll(ctx, testCustomerID)
	took := time.Since(start)

	require.NoError(t, err)
	assert.Len(t, list.Wallets, 2)
	assert.Less(t, took, 2*time.Second, "returned promptly with its result")
	assert.NoError(t, ctx.Err())
	assert.EqualValues(t, 1, srv.requests.Load())
}

// flood answers with status and head, then up to total more bytes as
// fast as the connection takes them.
func flood(status int, head string, total int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, err := io.WriteString(w, head)
		chunk := []byte(strings.Repeat(" ", 32<<10))
		for written := 0; err == nil && written < total; written += len(chunk) {
			_, err = w.Write(chunk)
		}
	}
}

// bodyCounter is a transport that counts the response body bytes its
// caller read: what the SDK read, where a server's count would include what
// the sockets' buffers held.
type bodyCounter struct {
	rt   http.RoundTripper
	read atomic.Int64
}

func (c *bodyCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.rt.RoundTrip(r)
	if err == nil {
		resp.Body = &countedBody{ReadCloser: resp.Body, n: &c.read}
	}
	return resp, err
}

type countedBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b *countedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

// TestDrainIsBounded: what follows a decoded 2xx, or the part of an error
// body an APIError keeps, is read only so far (256 KiB after a 2xx, 1 MiB
// after an error), where it used to be read to the 10 MiB cap.
func TestDrainIsBounded(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		status int
		head   string
		most   int64
	}{
		{"after a decoded 2xx", http.StatusOK, string(walletsBody(1)), 512 << 10},
		{"after an error body", http.StatusNotFound, `{"error_code":"not_found"}`, 2 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, flood(tc.status, tc.head, 16<<20))
			inner := &http.Transport{}
			defer inner.CloseIdleConnections()
			counter := &bodyCounter{rt: inner}
			c := newServerClient(t, srv.URL, juspay.WithHTTPClient(&http.Client{Transport: counter}))

			start := time.Now()
			err := refreshAll(context.Background(), c)

			if tc.status == http.StatusOK {
				require.NoError(t, err)
			} else {
				var apiErr *juspay.APIError
				require.True(t, errors.As(err, &apiErr), "%v", err)
				assert.Equal(t, tc.status, apiErr.StatusCode)
			}
			assert.Less(t, time.Since(start), 20*time.Second, "did not hang")
			assert.Less(t, counter.read.Load(), tc.most, "drained a bounded amount")
			assert.Greater(t, counter.read.Load(), int64(128<<10), "drained some, for the connection's sake")
		})
	}
}

// streamer writes up to total bytes of body in chunks, counting what the
// connection accepted, until a write fails (the client went away).
type streamer struct {
	written atomic.Int64
	done    chan struct{}
}

func (s *streamer) serve(w http.ResponseWriter, total int64, contentLength bool) {
	defer close(s.done)
	w.Header().Set("Content-Type", "application/json")
	if contentLength {
		w.Header().Set("Content-Length", fmt.Sprint(total))
	}
	chunk := []byte(`{"list":[` + strings.Repeat(" ", 64<<10-9))
	for s.written.Load() < total {
		n, err := w.Write(chunk)
		s.written.Add(int64(n))
		if err != nil {
			return
		}
		chunk = []byte(strings.Repeat(" ", 64<<10))
	}
}

func TestE2EBodyOverCap(t *testing.T) {
	t.Parallel()
	const total = 50 << 20
	for _, tc := range []struct {
		name          string
		contentLength bool
	}{
		{"streamed", false},
		{"announced in Content-Length", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := &streamer{done: make(chan struct{})}
			srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) { s.serve(w, total, tc.contentLength) })
			c := newServerClient(t, srv.URL)

			start := time.Now()
			err := refreshAll(context.Background(), c)
			took := time.Since(start)

			require.Error(t, err)
			assert.Contains(t, err.Error(), "exceeds 10 MiB")
			assert.EqualValues(t, 1, srv.requests.Load(), "an oversize body is not retried")
			assert.Less(t, took, 10*time.Second)
			select {
			case <-s.done:
			case <-time.After(10 * time.Second):
				t.Fatal("the server is still writing: the client did not let go of the connection")
			}
			// What the server wrote is what the client read plus what the
			// two sockets' kernel buffers held when the client closed.
			assert.Less(t, s.written.Load(), int64(26<<20), "read no further than the cap")
			if tc.contentLength {
				// Only what the sockets buffer before the client closes
				// (about 0.5 MiB on Linux loopback), where reading to the
				// cap would let 10 MiB and more through.
				assert.Less(t, s.written.Load(), int64(4<<20), "an announced oversize body is not read at all")
			}
		})
	}
}
