package webhook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gojuspay/juspay"
)

// EventName is Juspay's name for what happened, as sent in "event_name".
// Juspay adds events over time and sends some only with newer webhook API
// versions (set in the dashboard), so a name without a constant here is kept
// as its own string: switch on the ones you act on and answer the others
// with nil, so Juspay stops delivering them.
type EventName string

// Juspay's order and transaction events. Order events carry the order
// (Event.Order); transaction events carry the transaction (Event.Txn).
const (
	// OrderSucceeded: the order was paid (its status is CHARGED).
	OrderSucceeded EventName = "ORDER_SUCCEEDED"
	// OrderFailed: an attempt to pay the order failed. Another attempt on
	// the same order may still succeed.
	OrderFailed EventName = "ORDER_FAILED"
	// OrderRefunded: a refund of the order succeeded (Order.Refunds holds
	// it); the order may be partly refunded.
	OrderRefunded EventName = "ORDER_REFUNDED"
	// OrderRefundFailed: a refund of the order failed.
	OrderRefundFailed EventName = "ORDER_REFUND_FAILED"
	// RefundManualReviewNeeded: the gateway has not said whether a refund
	// went through; Juspay reconciles it with the gateway.
	RefundManualReviewNeeded EventName = "REFUND_MANUAL_REVIEW_NEEDED"
	// TxnCreated: a payment attempt began. Juspay sends it with the order
	// (Event.Order), not the transaction.
	TxnCreated EventName = "TXN_CREATED"
	// TxnCharged: a payment attempt succeeded (Event.Txn).
	TxnCharged EventName = "TXN_CHARGED"
	// TxnFailed: a payment attempt failed (Event.Txn).
	TxnFailed EventName = "TXN_FAILED"
	// AutoRefundSucceeded: Juspay refunded a payment on its own (one that
	// arrived after the order was paid or failed), and the refund succeeded.
	AutoRefundSucceeded EventName = "AUTO_REFUND_SUCCEEDED"
	// AutoRefundFailed: such an automatic refund failed.
	AutoRefundFailed EventName = "AUTO_REFUND_FAILED"
	// OrderAuthorized: a pre-authorised payment is AUTHORIZED, waiting for
	// capture.
	OrderAuthorized EventName = "ORDER_AUTHORIZED"
)

// Events Juspay sends that its event table does not list; its published
// samples show them, with the order.
const (
	// RefundInitiated: a refund of the order was accepted and is PENDING.
	RefundInitiated EventName = "REFUND_INITIATED"
	// AutoRefundInitiated: Juspay began refunding a payment on its own.
	AutoRefundInitiated EventName = "AUTO_REFUND_INITIATED"
	// OrderPartialCharged: the order was paid in part (status
	// PARTIAL_CHARGED).
	OrderPartialCharged EventName = "ORDER_PARTIAL_CHARGED"
)

// Event is one webhook from Juspay.
//
// Order events (ORDER_*, REFUND_*, AUTO_REFUND_*, and TXN_CREATED) carry the
// order as Juspay's order status API reads it; TXN_CHARGED and TXN_FAILED
// carry the transaction instead. Other events (mandates, notifications)
// carry neither: their content is in Raw.
//
// Juspay masks fields in webhooks ("FILTERED", masked dates) and sends
// numbers and booleans as text; what cannot be read is left zero. Confirm
// an order with OrdersService.Get before moving goods or money, as Juspay
// advises: a webhook tells you to look, the order status is the record.
//
// Juspay may deliver one event more than once; ID is the key to deduplicate
// on.
type Event struct {
	ID      string            // "id", e.g. "evt_V2_714bdcbb817d4fa2b0f64bb9609557d4"
	Name    EventName         // "event_name"
	Created time.Time         // "date_created"; zero when Juspay masked it
	Order   *juspay.Order     // "content.order"; nil for transaction events
	Txn     *juspay.TxnDetail // "content.txn"; nil for order events
	Raw     json.RawMessage   // the body as received
}

// envelope is the outer shape of every webhook. Every field is kept raw,
// because Juspay sends masked values ("FILTERED") where an object or a date
// belongs, and one odd field must not cost the whole event.
type envelope struct {
	ID          json.RawMessage `json:"id"`
	EventName   json.RawMessage `json:"event_name"`
	DateCreated json.RawMessage `json:"date_created"`
	Content     json.RawMessage `json:"content"`
}

// content is what "content" holds for order and transaction events.
type content struct {
	Order json.RawMessage `json:"order"`
	Txn   json.RawMessage `json:"txn"`
}

// errNotJSON is the error for a body that is not a JSON object; Handler
// answers it with 400.
var errNotJSON = errors.New("webhook: body is not a JSON object")

// decodeEvent reads a webhook body. Only a body that is not a JSON object is
// an error; any field that cannot be read as its type is left zero.
func decodeEvent(body []byte) (*Event, error) {
	trimmed := bytes.TrimSpace(body)
	if !json.Valid(trimmed) || len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, errNotJSON
	}
	var env envelope
	if err := json.Unmarshal(trimmed, &env); err != nil {
		// Unreachable for a valid object whose fields are all raw; kept so
		// that a change to envelope cannot turn into a silent zero event.
		return nil, fmt.Errorf("%w: %v", errNotJSON, err)
	}
	e := &Event{
		ID:      text(env.ID),
		Name:    EventName(text(env.EventName)),
		Created: parseTime(text(env.DateCreated)),
		Raw:     append(json.RawMessage(nil), body...),
	}
	if err := e.decodeContent(env.Content); err != nil {
		return nil, err
	}
	return e, nil
}

// decodeContent fills the order or the transaction the event carries. An
// absent one (null, {}, "FILTERED") is left nil. Order and TxnDetail decode
// tolerantly: a value they cannot read is left zero, never an error.
func (e *Event) decodeContent(raw json.RawMessage) error {
	var c content
	if !filledObject(raw) || json.Unmarshal(raw, &c) != nil {
		return nil
	}
	if filledObject(c.Order) {
		e.Order = new(juspay.Order)
		if err := json.Unmarshal(c.Order, e.Order); err != nil {
			return fmt.Errorf("webhook: content.order: %w", err)
		}
	}
	if filledObject(c.Txn) {
		e.Txn = new(juspay.TxnDetail)
		if err := json.Unmarshal(c.Txn, e.Txn); err != nil {
			return fmt.Errorf("webhook: content.txn: %w", err)
		}
	}
	return nil
}

// filledObject reports whether raw is a JSON object with at least one
// member: Juspay writes an absent value as null, "", "FILTERED" or {}.
func filledObject(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	if len(raw) < 2 || raw[0] != '{' {
		return false
	}
	return len(bytes.TrimSpace(raw[1:len(raw)-1])) > 0
}

// text returns raw as a string when it is a JSON string or number, and ""
// for anything else (null, {}, an array).
func text(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	var s string
	if raw[0] == '"' {
		if json.Unmarshal(raw, &s) != nil {
			return ""
		}
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// timeLayouts are the timestamp layouts Juspay sends: RFC 3339 with "Z" or
// an offset (fractional seconds accepted), and an offset with no colon.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.999999999Z0700"}

// parseTime reads a Juspay timestamp, and returns the zero time for a masked
// or unreadable one ("1111111T07:24:53Z", "FILTERED").
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
