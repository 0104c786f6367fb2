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
