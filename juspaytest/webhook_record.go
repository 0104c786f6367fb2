package juspaytest

import (
	"bytes"
	"context"
	"errors"
)

// Delivery is one attempt to deliver a webhook, and how the handler
// answered it.
type Delivery struct {
	// EventID is the event's "id", e.g. "evt_V2_...": the same on every
	// attempt at one event, as a handler that deduplicates relies on.
	EventID string
	// EventName is the event's "event_name", e.g. "ORDER_SUCCEEDED".
	EventName string
	// OrderID is the merchant's order ID the event is about.
	OrderID string
	// URL is where it was sent.
	URL string
	// Attempt is 1 for the first delivery of the event, 2 for the next.
	Attempt int
	// Body is the JSON body as sent.
	Body []byte
	// Status is the handler's HTTP status; 0 when no answer came.
	Status int
	// Err says why no answer came (a refused connection, a timeout); ""
	// when one did.
	Err string
	// Final reports whether this is the event's last attempt: the handler
	// answered 2xx, the retries ran out, or the server closed.
	Final bool
}

// Deliveries returns every webhook delivery attempt so far, oldest first,
// retries included: an attempt shows as soon as the handler answers it (or
// fails to), before the wait for the next. An attempt that was not Final
// becomes Final when Close gives up its event. The result is the caller's
// own copy.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneAll(s.deliveries)
}

// WaitDelivery waits until an event named eventName has been delivered for
// good (its Final attempt: accepted, or given up) and returns that attempt.
// Each event is returned once: a second call waits for the next event of
// that name. It fails when ctx ends or the server closes first.
func (s *Server) WaitDelivery(ctx context.Context, eventName string) (Delivery, error) {
	for {
		s.mu.Lock()
		for i, d := range s.deliveries {
			if d.Final && d.EventName == eventName && !s.waited[i] {
				s.waited[i] = true
				s.mu.Unlock()
				return d.clone(), nil
			}
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return Delivery{}, ctx.Err()
		case <-s.done:
			return Delivery{}, errors.New("juspaytest: WaitDelivery: the server closed before a " + eventName + " delivery")
		}
	}
}

func (d Delivery) clone() Delivery {
	d.Body = bytes.Clone(d.Body)
	return d
}

// recordDelivery adds a delivery attempt, wakes WaitDelivery, and returns
// the attempt's index.
func (s *Server) recordDelivery(d Delivery) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deliveries = append(s.deliveries, d)
	s.waited = append(s.waited, false)
	s.notify()
	return len(s.deliveries) - 1
}

// giveUp marks the attempt at index i as its event's last.
func (s *Server) giveUp(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deliveries[i].Final = true
	s.notify()
}

// notify wakes WaitDelivery, with s.mu held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}
