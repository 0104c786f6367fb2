package juspaytest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"
)

// Webhook retries unless WithWebhookRetries says otherwise: a handler that
// answers non-2xx gets the event again, quickly, a few times, as Juspay
// delivers again (on a schedule of minutes to hours that a test cannot wait
// for).
const (
	defaultWebhookRetries = 3
	defaultWebhookWait    = 10 * time.Millisecond
	webhookTimeout        = 10 * time.Second // one delivery attempt
)

// hookConfig is where and how the server delivers webhooks.
type hookConfig struct {
	url, username, password string
	retries                 int
	wait                    time.Duration
	mask                    bool
}

// event is one webhook waiting to be delivered: its body is made when the
// event happens, as Juspay snapshots the order then.
type event struct {
	id, name, orderID, url string
	body                   []byte
	cfg                    hookConfig
}

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

// WithWebhook makes the server deliver webhooks to url with Basic auth
// username:password, as Juspay does with the credentials set in its
// dashboard; see SetWebhook.
func WithWebhook(url, username, password string) ServerOption {
	return func(s *Server) { s.hook.url, s.hook.username, s.hook.password = url, username, password }
}

// WithWebhookRetries sets how many times an event is delivered again while
// the handler answers non-2xx or cannot be reached, and the wait between
// attempts. The defaults are 3 and 10ms; n < 0 is taken as 0 and a wait
// <= 0 as none.
func WithWebhookRetries(n int, wait time.Duration) ServerOption {
	return func(s *Server) { s.hook.retries, s.hook.wait = max(n, 0), max(wait, 0) }
}

// SetWebhook makes the server deliver the webhooks of events from now on to
// url, with Basic auth username:password (no Authorization header when both
// are empty); url "" stops deliveries. An order created with
// metadata.webhook_url has its events sent there instead, with the same
// credentials, as Juspay does.
//
// The server POSTs, as JSON in the envelope of Juspay's samples (id
// "evt_V2_...", event_name, date_created, content), ORDER_SUCCEEDED
// (content.order) and TXN_CHARGED (content.txn) when a debit charges,
// ORDER_FAILED and TXN_FAILED when SettleOrder fails one, and
// ORDER_REFUNDED, ORDER_REFUND_FAILED or REFUND_MANUAL_REVIEW_NEEDED when a
// refund settles. content.order is the order as GET /orders/{order_id}
// shows it at that moment. Deliveries run one at a time, in the order the
// events happened, apart from the request that caused them; Deliveries and
// WaitDelivery report them. Close stops them.
func (s *Server) SetWebhook(url, username, password string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook.url, s.hook.username, s.hook.password = url, username, password
}

// MaskWebhooks makes the payloads of events from now on carry the quirks of
// the payloads Juspay sends in production (see its webhook samples): every
// number and boolean inside content as text ("21", "true"), null as {},
// customer_id, customer_email, customer_phone, udf6...udf10 and
// txn_flow_type as "FILTERED", a "maximum_eligible_refund_amount" of
// "FILTERED", and the order's date_created with its date masked
// ("1111111T07:00:40Z"). The envelope (id, event_name, date_created) is
// left as is. MaskWebhooks(false) sends plain payloads again.
func (s *Server) MaskWebhooks(mask bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook.mask = mask
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

// emit queues the webhook of an event, with s.mu held. content is the
// value of the payload's content object.
func (s *Server) emit(name, orderID, orderHook string, content map[string]any) {
	cfg := s.hook
	if cfg.url == "" || s.closed {
		return
	}
	ev := &event{id: "evt_V2_" + randomHex(16), name: name, orderID: orderID, url: cfg.url, cfg: cfg}
	if orderHook != "" {
		ev.url = orderHook
	}
	body, err := webhookBody(ev, content, cfg.mask)
	if err != nil {
		// Only the server's own wire structs reach here, and they encode.
		return
	}
	ev.body = body
	s.outbox = append(s.outbox, ev)
	if !s.delivering {
		s.delivering = true
		s.workers.Add(1)
		go s.deliverLoop()
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

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

// webhookBody is the JSON of an event, masked as production's when mask.
func webhookBody(ev *event, content map[string]any, mask bool) ([]byte, error) {
	c, err := encodeJSON(content)
	if err != nil {
		return nil, err
	}
	if mask {
		if c, err = maskPayload(c); err != nil {
			return nil, err
		}
	}
	return encodeJSON(struct {
		ID          string          `json:"id"`
		EventName   string          `json:"event_name"`
		DateCreated string          `json:"date_created"`
		Content     json.RawMessage `json:"content"`
	}{ev.id, ev.name, now(), c})
}

// encodeJSON writes v as Juspay would, "<" and "&" as themselves.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
