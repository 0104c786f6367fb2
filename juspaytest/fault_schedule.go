package juspaytest

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
