package webhook

import (
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// String names the event and the order it is about, leaving Raw out: a
// body can be long, and what Juspay puts in it (a client auth token, the
// customer's details) does not belong in logs.
func (e Event) String() string {
	var b strings.Builder
	b.WriteString("webhook.Event{ID: " + e.ID + ", Name: " + string(e.Name))
	if !e.Created.IsZero() {
		b.WriteString(", Created: " + e.Created.Format(time.RFC3339))
	}
	switch {
	case e.Order != nil:
		b.WriteString(", Order: " + e.Order.OrderID + " " + string(e.Order.Status))
	case e.Txn != nil:
		b.WriteString(", Txn: " + e.Txn.TxnID + " " + string(e.Txn.Status))
	}
	b.WriteString("}")
	return b.String()
}

// Format prints String for every verb, so that no verb walks the event
// into Raw or the order's fields.
func (e Event) Format(f fmt.State, verb rune) { fmt.Fprint(f, e.String()) }

// LogValue presents the event to log/slog by its ID, name, date, and the
// order (or transaction) and status it is about; never Raw.
func (e Event) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("id", e.ID), slog.String("name", string(e.Name))}
	if !e.Created.IsZero() {
		attrs = append(attrs, slog.Time("created", e.Created))
	}
	switch {
	case e.Order != nil:
		attrs = append(attrs, slog.String("order_id", e.Order.OrderID), slog.String("status", string(e.Order.Status)))
	case e.Txn != nil:
		attrs = append(attrs, slog.String("order_id", e.Txn.OrderID), slog.String("txn_id", e.Txn.TxnID),
			slog.String("status", string(e.Txn.Status)))
	}
	return slog.GroupValue(attrs...)
}
