package juspaytest

import (
	"net/http"
	"time"
)

// Fault is one scripted misbehaviour, made by StatusFault, StatusAfterFault,
// DelayFault, ResetFault, ResetAfterFault, CutBodyFault, TruncatedBodyFault
// or OversizedBodyFault and scheduled with Server.Fail. A faulted request is
// recorded like any other. The zero Fault changes nothing: the request is
// answered as usual.
//
// Some faults play after the request has taken effect, so that a client
// meets an outcome it cannot know: StatusAfterFault, ResetAfterFault,
// CutBodyFault, TruncatedBodyFault, and DelayFault when the client waits it
// out. An order is created, a debit made, a refund started, and the client
// sees a 503, a reset or a broken body. Those are the faults that test how a
// client settles an unknown outcome (by reading the order, say). The others
// play instead of the request, which then has no effect.
type Fault struct {
	kind   faultKind
	status int
	header http.Header
	body   string
	delay  time.Duration
	size   int64
}

type faultKind int

const (
	faultNone faultKind = iota
	faultStatus
	faultStatusAfter
	faultDelay
	faultReset
	faultResetAfter
	faultCutBody
	faultTruncate
	faultOversize
)

// StatusFault answers status with header and body instead of the real
// answer, and before any check: a 429 with Retry-After, a proxy's 502 with an
// HTML body, an empty 503. The request has no effect. header may be nil; its
// values replace the server's own (x-request-id is set unless header sets
// it). A status outside 200-599 is answered as 500.
func StatusFault(status int, header http.Header, body string) Fault {
	if status < 200 || status > 599 {
		status = http.StatusInternalServerError
	}
	return Fault{kind: faultStatus, status: status, header: header.Clone(), body: body}
}

// StatusAfterFault runs the request as usual, so that it takes effect, then
// answers status with header and body instead of its real answer: a proxy's
// 503 or 504 after Juspay did the work. Its status, header and body are as
// StatusFault's.
func StatusAfterFault(status int, header http.Header, body string) Fault {
	f := StatusFault(status, header, body)
	f.kind = faultStatusAfter
	return f
}

// DelayFault holds the request for d, then answers it as usual. A request whose
// client gives up first (its timeout or context ended) has no effect; one held
// when the server closes has its connection reset.
func DelayFault(d time.Duration) Fault {
	return Fault{kind: faultDelay, delay: d}
}

// ResetFault resets the connection (a TCP RST) before any response is sent.
// The request has no effect. On a kept-alive connection, net/http's
// Transport may itself send a GET again once before its caller sees the
// error; the server records that attempt like any other.
func ResetFault() Fault {
	return Fault{kind: faultReset}
}

// ResetAfterFault runs the request as usual, so that it takes effect, then
// resets the connection before any response is sent: the client sees the
// same error as with ResetFault, but the order was created, the debit made,
// the refund started.
func ResetAfterFault() Fault {
	return Fault{kind: faultResetAfter}
}

// CutBodyFault answers as usual, with the full Content-Length, but sends only
// the first half of the body and then resets the connection. The request
// takes effect (a debit is made, a wallet linked): the client cannot know.
func CutBodyFault() Fault {
	return Fault{kind: faultCutBody}
}

// TruncatedBodyFault answers as usual but with only the first half of the
// JSON body, as a complete, well-formed HTTP response: the body does not
// parse. The request takes effect.
func TruncatedBodyFault() Fault {
	return Fault{kind: faultTruncate}
}

// OversizedBodyFault answers 200 with a body of size bytes of valid JSON
// (a list object padded with one long string; at least the object without
// padding), streamed without a Content-Length and never held in memory
// whole: a client must stop reading at its limit. The request has no effect.
func OversizedBodyFault(size int64) Fault {
	return Fault{kind: faultOversize, size: size}
}
