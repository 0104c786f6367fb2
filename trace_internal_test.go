package juspay

import (
	"context"
	"errors"
	"net"
	"net/http/httptrace"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestProvablyUnsent(t *testing.T) {
	t.Parallel()
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	dns := &net.DNSError{Err: "no such host", Name: "sandbox.juspay.in", IsNotFound: true}
	read := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	mock := errors.New("mock transport failed")

	// traced is a trace as net/http leaves it: it asked for a connection,
	// and got one or not.
	traced := func(gotConn bool) *connTrace {
		tr := newConnTrace(true)
		h := &tr.hooks
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

func TestStaleConn(t *testing.T) {
	t.Parallel()
	trace := func(reused, answered bool) *connTrace {
		tr := newConnTrace(false)
		h := &tr.hooks
		h.GotConn(httptrace.GotConnInfo{Reused: reused, WasIdle: reused})
		if answered {
			h.GotFirstResponseByte()
		}
		return tr
	}
	assert.True(t, trace(true, false).staleConn(), "a kept-alive connection that broke before any answer")
	assert.False(t, trace(true, true).staleConn(), "an answer had begun")
	assert.False(t, trace(false, false).staleConn(), "a new connection")
	assert.False(t, new(connTrace).staleConn(), "no connection at all")
	var none *connTrace
	assert.False(t, none.staleConn())
}

// TestConnTraceHooks checks that each kind of request is traced for what
// the retry policy asks of it, and no more.
func TestConnTraceHooks(t *testing.T) {
	t.Parallel()
	w := newConnTrace(true)
	assert.NotNil(t, w.hooks.GetConn, "a write must be able to prove it never left")
	assert.NotNil(t, w.hooks.GotConn)
	r := newConnTrace(false)
	assert.NotNil(t, r.hooks.GotFirstResponseByte, "a read must tell a stale connection from an answer")
	assert.NotNil(t, r.hooks.GotConn)
}
