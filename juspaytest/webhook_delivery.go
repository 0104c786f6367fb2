package juspaytest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"time"
)

// deliverLoop delivers queued events, one at a time, until Close.
func (s *Server) deliverLoop() {
	defer s.workers.Done()
	for {
		select {
		case <-s.done:
			return // queued events are dropped, as Close says
		default:
		}
		s.mu.Lock()
		var ev *event
		if len(s.outbox) > 0 {
			ev, s.outbox = s.outbox[0], s.outbox[1:]
		}
		s.mu.Unlock()
		if ev == nil {
			select {
			case <-s.wake:
				continue
			case <-s.done:
				return
			}
		}
		s.deliver(ev)
	}
}

// deliver sends one event until the handler takes it, the retries run out
// or the server closes. Each attempt is recorded as soon as it is answered,
// so that Deliveries shows it during the wait before the next.
func (s *Server) deliver(ev *event) {
	for attempt := 1; ; attempt++ {
		status, errText := s.post(ev)
		done := status >= 200 && status < 300 || attempt > ev.cfg.retries
		i := s.recordDelivery(Delivery{
			EventID: ev.id, EventName: ev.name, OrderID: ev.orderID, URL: ev.url, Attempt: attempt,
			Body: ev.body, Status: status, Err: errText, Final: done,
		})
		if done {
			return
		}
		t := time.NewTimer(ev.cfg.wait)
		select {
		case <-t.C:
		case <-s.done:
			t.Stop()
			s.giveUp(i) // Close drops the retries left: this attempt was the last
			return
		}
	}
}

// post makes one delivery attempt and returns the handler's status, or why
// there was none.
func (s *Server) post(ev *event) (int, string) {
	ctx, cancel := context.WithTimeout(s.hookCtx, webhookTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ev.url, bytes.NewReader(ev.body))
	if err != nil {
		return 0, err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "juspaytest-webhook")
	if ev.cfg.username != "" || ev.cfg.password != "" {
		req.SetBasicAuth(ev.cfg.username, ev.cfg.password)
	}
	resp, err := s.hookClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, ""
}
