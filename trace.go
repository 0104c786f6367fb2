package juspay

import (
	"crypto/tls"
	"errors"
	"net"
	"net/http/httptrace"
	"sync/atomic"
)

// connTrace records what became of one attempt's connection: whether one
// was ever obtained, so that a write's failure can be proven to have
// happened before anything was sent, and whether it was a kept-alive one on
// which no answer began, so that a read can tell a stale connection from a
// failing server.
type connTrace struct {
	traced   atomic.Bool // the transport reported at all (custom transports may not)
	gotConn  atomic.Bool
	reused   atomic.Bool // the connection had served an earlier request
	answered atomic.Bool // a first byte of the response arrived
	hooks    httptrace.ClientTrace
}

// newConnTrace returns a trace whose hooks record into it, allocated with
// it. Every attempt makes one, so it hooks only what the retry policy asks
// of its kind of request: a write, whether its request provably never left
// (provablyUnsent); a read, whether it met a stale connection (staleConn).
// The policy never asks a write whether its connection was stale, nor a
// read whether its request left.
func newConnTrace(write bool) *connTrace {
	t := new(connTrace)
	t.hooks.GotConn = func(info httptrace.GotConnInfo) {
		t.reused.Store(info.Reused)
		t.gotConn.Store(true)
	}
	if write {
		t.hooks.GetConn = func(string) { t.traced.Store(true) }
	} else {
		t.hooks.GotFirstResponseByte = func() { t.answered.Store(true) }
	}
	return t
}

// staleConn reports whether a failed request met a kept-alive connection
// that broke before any byte of an answer: most often one the server closed
// as idle while the request was on its way. net/http used to replay such a
// request at once on a new connection; it no longer may (see
// newAttemptRequest), so the retry policy does the same for a read.
func (t *connTrace) staleConn() bool {
	return t != nil && t.reused.Load() && !t.answered.Load()
}

// provablyUnsent reports whether a failed request certainly never left
// (a nil trace, as for a read, is one the transport did not report to):
// net/http never had a connection to write it on, or, where the transport
// does not report (a mock, a custom RoundTripper), the error itself is a
// failure to resolve, dial or handshake.
func (t *connTrace) provablyUnsent(err error) bool {
	if t != nil && t.traced.Load() {
		// net/http reports GotConn once a connection is ready to write
		// on: after the dial and the TLS handshake (and a proxy's
		// CONNECT), before the first byte of the request, for HTTP/1 and
		// HTTP/2 alike. Without it nothing was written, whatever the
		// error says: a handshake that failed with a plain EOF or a reset
		// (a server that accepts and hangs up, a middlebox), a dial cut
		// by the attempt timeout, which leaves a bare context error.
		return !t.gotConn.Load()
	}
	return isConnectError(err)
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
