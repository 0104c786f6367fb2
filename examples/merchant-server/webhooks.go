package main

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/webhook"
)

// errInProgress answers a delivery of an event that another delivery is
// handling at the same moment. It answers 500, so Juspay delivers it again
// later, when it is handled (200) or free to be handled again (the other
// delivery failed): answering 200 now could lose the event.
var errInProgress = errors.New("event is being handled by another delivery")

// onEvent handles one webhook. Returning an error answers 500, and Juspay
// delivers the event again; nil answers 200.
func (s *server) onEvent(ctx context.Context, e *webhook.Event) error {
	// Juspay may deliver an event more than once, even twice at the same
	// time: the event ID is the key, claimed before any work. An event
	// without one cannot be told from another: it is acted on each time,
	// which confirming with Orders.Get and fulfilling once make safe.
	if e.ID == "" {
		return s.act(ctx, e)
	}
	switch s.store.claim(e.ID) {
	case handled:
		s.logf("webhook %s %s: already handled", e.Name, e.ID)
		return nil
	case inProgress:
		s.logf("webhook %s %s: being handled by another delivery", e.Name, e.ID)
		return errInProgress
	}
	// Released in a defer, so that a panic in act (which net/http
	// recovers) frees the event for the next delivery rather than leaving
	// it claimed for good.
	handledOK := false
	defer func() { s.store.release(e.ID, handledOK) }()
	err := s.act(ctx, e)
	handledOK = err == nil
	return err
}

// act does what an event asks, once the event is claimed.
func (s *server) act(ctx context.Context, e *webhook.Event) error {
	switch e.Name {
	case webhook.OrderSucceeded, webhook.OrderFailed, webhook.TxnCharged, webhook.TxnFailed,
		webhook.OrderRefunded, webhook.OrderRefundFailed, webhook.RefundManualReviewNeeded:
	default:
		return nil // not an event this shop acts on
	}
	orderID := eventOrderID(e)
	mine, ok := s.store.get(orderID)
	if !ok {
		s.logf("webhook %s %s: order %q is not ours; ignored", e.Name, e.ID, orderID)
		return nil
	}
	// The webhook is a prompt to look, not the record: ask Juspay for the
	// order, as Juspay advises, and act on what it says.
	o, err := s.juspay.Orders.Get(ctx, orderID, juspay.WithRoutingID(mine.CustomerID))
	if err != nil {
		return fmt.Errorf("confirm order %s: %w", orderID, err) // 500: Juspay delivers again
	}
	// Juspay asks merchants to check the amount (and currency) before
	// fulfilling: the order at Juspay must be the one the shop priced.
	if !sameAmount(o.Amount, mine.Amount) || o.Currency != "INR" {
		s.logf("webhook %s %s: order %s is for %s %s at Juspay, %s INR here; not acted on",
			e.Name, e.ID, orderID, o.Amount, o.Currency, mine.Amount)
		return nil
	}
	s.logf("webhook %s %s: order %s confirmed with Orders.Get: %s", e.Name, e.ID, orderID, o.Status)
	if s.store.settle(orderID, o.Status, string(e.Name)) {
		s.logf("order %s paid: fulfilled from the webhook", orderID)
	}
	return nil
}

// sameAmount compares two amounts in paise: "1" and "1.00" are the same.
func sameAmount(a, b juspay.Amount) bool {
	pa, errA := a.MinorUnits()
	pb, errB := b.MinorUnits()
	return errA == nil && errB == nil && pa == pb
}

// eventOrderID is the merchant's order ID an event is about.
func eventOrderID(e *webhook.Event) string {
	switch {
	case e.Order != nil:
		return e.Order.OrderID
	case e.Txn != nil:
		return e.Txn.OrderID
	}
	return ""
}

// onReturn is the order's return URL: the customer's browser arrives here
// from Juspay's page with the order's status, signed with the response key.
func (s *server) onReturn(w http.ResponseWriter, r *http.Request) {
	ret, err := webhook.VerifyReturn(s.responseKey, r.URL.Query())
	if errors.Is(err, webhook.ErrBadSignature) {
		s.logf("return with a bad signature refused: %v", err)
		http.Error(w, "This link was not made by our payment provider.", http.StatusBadRequest)
		return
	}
	if err != nil {
		http.Error(w, "Cannot check this link.", http.StatusInternalServerError)
		return
	}
	s.logf("return for order %s verified: %s (%d)", ret.OrderID, ret.Status, ret.StatusID)
	// The signed status is what Juspay knew at the redirect; the order
	// page shows the shop's record, which the webhook and Orders.Get keep.
	msg := "Your payment is being processed."
	switch {
	case ret.Status == juspay.TxnCharged:
		msg = "Thank you: your payment went through."
	case !ret.Status.Pending() && ret.Status != juspay.TxnNew:
		msg = "Your payment did not go through."
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<p>Order %s: %s</p>\n", html.EscapeString(ret.OrderID), html.EscapeString(msg))
}
