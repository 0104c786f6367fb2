package juspay

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http/httptrace"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestCappedBody(t *testing.T) {
	t.Parallel()
	const limit = 64

	t.Run("a body of exactly the cap is whole", func(t *testing.T) {
		body := &cappedBody{r: strings.NewReader(strings.Repeat("x", limit)), left: limit}
		data, err := io.ReadAll(body)
		require.NoError(t, err)
		assert.Len(t, data, limit)
		assert.False(t, body.overCap)
		assert.NoError(t, body.readErr)
	})

	t.Run("one byte more is an error, and nothing more is read", func(t *testing.T) {
		src := &countingReader{r: strings.NewReader(strings.Repeat("x", 10*limit))}
		body := &cappedBody{r: src, left: limit}
		data, err := io.ReadAll(body)
		assert.ErrorIs(t, err, errBodyTooLarge)
		assert.Len(t, data, limit)
		assert.True(t, body.overCap)
		assert.Equal(t, limit+1, src.n, "read the cap and the one byte that tells")

		n, err := body.Read(make([]byte, 10))
		assert.Zero(t, n)
		assert.ErrorIs(t, err, errBodyTooLarge, "stays over the cap")
		assert.Equal(t, limit+1, src.n)
	})

	t.Run("a connection failure is told from malformed JSON", func(t *testing.T) {
		body := &cappedBody{r: io.MultiReader(strings.NewReader(`{"list":`), errReader{syscall.ECONNRESET}), left: limit}
		_, err := io.ReadAll(body)
		assert.ErrorIs(t, err, syscall.ECONNRESET)
		assert.ErrorIs(t, body.readErr, syscall.ECONNRESET)
		assert.False(t, body.overCap)

		clean := &cappedBody{r: bytes.NewReader([]byte(`{"list":`)), left: limit}
		_, err = io.ReadAll(clean)
		assert.NoError(t, err)
		assert.NoError(t, clean.readErr, "EOF is not a failure")
	})
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestProvablyUnsent(t *testing.T) {
	t.Parallel()
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	dns := &net.DNSError{Err: "no such host", Name: "sandbox.juspay.in", IsNotFound: true}
	read := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	mock := errors.New("mock transport failed")

	// traced is a trace as net/http leaves it: it asked for a connection,
	// and got one or not.
	traced := func(gotConn bool) *connTrace {
		tr := new(connTrace)
		h := tr.hooks()
		h.GetConn("sandbox.juspay.in:443")
		if gotConn {
			h.GotConn(httptrace.GotConnInfo{})
		}
		return tr
	}

	for _, tc := range []struct {
		name   string
		trace  *connTrace
		err    error
		unsent bool
	}{
		{"no connection: dial failed", traced(false), dial, true},
		{"no connection: DNS failed", traced(false), dns, true},
		{"no connection: attempt timed out while dialing", traced(false), context.DeadlineExceeded, true},
		{"no connection: caller cancelled while dialing", traced(false), context.Canceled, true},
		{"connection: read failed", traced(true), read, false},
		{"connection: timed out", traced(true), context.DeadlineExceeded, false},
		{"connection: a dial error after it is not proof", traced(true), dial, false},
		// A transport that does not report (a mock, a custom RoundTripper):
		// only an error that is itself a failure to connect proves it.
		{"untraced dial failure", new(connTrace), dial, true},
		{"untraced DNS failure", new(connTrace), dns, true},
		{"untraced read failure", new(connTrace), read, false},
		{"untraced context end", new(connTrace), context.DeadlineExceeded, false},
		{"untraced other", new(connTrace), mock, false},
	} {
		assert.Equal(t, tc.unsent, tc.trace.provablyUnsent(tc.err), tc.name)
	}
}
