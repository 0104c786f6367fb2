package juspay

import (
	"crypto/tls"
	"errors"
	"net"
	"net/http/httptrace"
	"sync/atomic"
)

// connTrace records, for a write, whether a connection was ever obtained,
// so a failure can be proven to have happened before anything was sent.
type connTrace struct {
	traced  atomic.Bool // the transport reported at all (custom transports may not)
	gotConn atomic.Bool
}

func (t *connTrace) hooks() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		GetConn: func(string) { t.traced.Store(true) },
		GotConn: func(httptrace.GotConnInfo) { t.gotConn.Store(true) },
	}
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
