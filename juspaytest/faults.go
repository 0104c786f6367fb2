package juspaytest

import (
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
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

type pendingFault struct {
	path  string // the escaped path it is limited to; "" for every path
	left  int
	fault Fault
}

// Fail scripts the next n requests, whatever their path, to meet f. Faults
// scheduled by Fail and FailPath are played in the order they were
// scheduled: Fail(2, a) then Fail(1, b) plays a, a, b. n <= 0 schedules
// nothing.
//
// A scheduled fault stays until a request uses it: one that a call never
// needed (the call gave up before its retries ran out, or hit another path)
// meets the next requests, even those of a later step of the same test.
// Check PendingFaults to see that a call used its script, and ClearFaults
// before a step that must run clean. Start logs the uses still pending when
// its test ends.
func (s *Server) Fail(n int, f Fault) {
	s.schedule("", n, f)
}

// FailPath is Fail limited to requests whose escaped path is path, exactly as
// sent, e.g. "/customers/cth_1/wallets/refresh-balances" or "/wallets/a%2Fb";
// requests to other paths are answered as usual and do not count.
func (s *Server) FailPath(path string, n int, f Fault) {
	if path == "" {
		path = "/"
	}
	s.schedule(path, n, f)
}

// ClearFaults drops every fault scheduled by Fail and FailPath that no
// request has used yet, and returns how many uses it dropped. Requests
// already being faulted (a delay under way) play on.
func (s *Server) ClearFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := pendingUses(s.faults)
	s.faults = nil
	return n
}

// PendingFaults returns how many scheduled fault uses no request has taken
// yet: Fail(3, f) then two requests leaves 1. A test can assert it is 0 to
// prove a call met every fault it was scripted with.
func (s *Server) PendingFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return pendingUses(s.faults)
}

func pendingUses(faults []*pendingFault) int {
	n := 0
	for _, p := range faults {
		n += p.left
	}
	return n
}

func (s *Server) schedule(path string, n int, f Fault) {
	if n <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &pendingFault{path: path, left: n, fault: f})
}

// takeFault takes one use of the first scheduled fault that matches path.
func (s *Server) takeFault(path string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, p := range s.faults {
		if p.path != "" && p.path != path {
			continue
		}
		p.left--
		if p.left == 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		return p.fault, true
	}
	return Fault{}, false
}

// play answers a request with fault f; answer runs the request for real.
func (s *Server) play(w http.ResponseWriter, r *http.Request, f Fault, answer func() (int, []byte)) {
	switch f.kind {
	case faultStatus:
		for k, v := range f.header {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(f.body)))
		w.WriteHeader(f.status)
		_, _ = io.WriteString(w, f.body)
	case faultStatusAfter:
		answer()
		s.play(w, r, Fault{kind: faultStatus, status: f.status, header: f.header, body: f.body}, answer)
	case faultResetAfter:
		answer()
		reset(w)
	case faultDelay:
		if !s.wait(r.Context(), f.delay) {
			reset(w)
			return
		}
		writeAnswer(w, answer)
	case faultReset:
		reset(w)
	case faultCutBody:
		status, body := answer()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		_, _ = w.Write(body[:len(body)/2])
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		reset(w)
	case faultTruncate:
		writeAnswer(w, func() (int, []byte) {
			status, body := answer()
			return status, body[:len(body)/2]
		})
	case faultOversize:
		s.stream(w, r, f.size)
	default:
		writeAnswer(w, answer)
	}
}

// wait sleeps for d; it reports false when the request's context or the
// server ended first.
func (s *Server) wait(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
	case <-s.done:
	}
	return false
}

// reset closes the request's connection with a TCP RST (SO_LINGER 0), so
// the client sees "connection reset by peer" rather than a clean EOF.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		// Not an HTTP/1 connection: abort the response, the only other way
		// net/http offers to drop it.
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// stream writes a valid JSON body of size bytes, a chunk at a time, until it
// is written, the client stops reading, or the server closes.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, size int64) {
	const head, tail = `{"object":"list","list":[],"offset":0,"count":0,"total":0,"padding":"`, `"}`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	if _, err := io.WriteString(w, head); err != nil {
		return
	}
	chunk := []byte(strings.Repeat("x", 32<<10))
	for left := size - int64(len(head)+len(tail)); left > 0; {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			reset(w)
			return
		default:
		}
		n := min(left, int64(len(chunk)))
		if _, err := w.Write(chunk[:n]); err != nil {
			return
		}
		left -= n
	}
	_, _ = io.WriteString(w, tail)
}
