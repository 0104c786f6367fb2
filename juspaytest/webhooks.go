package juspaytest

import (
	"bytes"
	"encoding/json"
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
