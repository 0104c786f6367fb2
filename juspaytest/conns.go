package juspaytest

import (
	"net"
	"net/http"
	"sync"
)

// connSet is the server's open connections. Once closeAll has run, a
// connection that opens or becomes active is closed at once, so a request
// arriving while the server shuts down cannot hold Close either.
type connSet struct {
	mu     sync.Mutex
	closed bool
	conns  map[net.Conn]struct{}
}

// track is the http.Server's ConnState hook.
func (cs *connSet) track(c net.Conn, state http.ConnState) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	switch state {
	case http.StateNew, http.StateActive, http.StateIdle:
		if cs.closed {
			_ = c.Close()
			return
		}
		if cs.conns == nil {
			cs.conns = map[net.Conn]struct{}{}
		}
		cs.conns[c] = struct{}{}
	case http.StateHijacked, http.StateClosed:
		// A hijacked connection belongs to the fault that took it, which
		// closes it itself.
		delete(cs.conns, c)
	}
}

// closeAll closes every open connection and every one that opens later.
func (cs *connSet) closeAll() {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.closed = true
	for c := range cs.conns {
		_ = c.Close()
	}
	cs.conns = nil
}
