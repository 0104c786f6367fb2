package main

import (
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/webhook"
)

// Whoever learns of the charge first fulfils the order, once; a pending
// status read before the charge, arriving after it, does not undo it.
func TestSettleFulfilsOnceAndKeepsTheCharge(t *testing.T) {
	st := newStore()
	st.add(order{ID: "ord_1", Status: juspay.TxnNew})
	assert.False(t, st.settle("ord_1", juspay.TxnPendingVBV, ""))
	assert.True(t, st.settle("ord_1", juspay.TxnCharged, "ORDER_SUCCEEDED"), "the first to see CHARGED fulfils")
	assert.False(t, st.settle("ord_1", juspay.TxnCharged, "TXN_CHARGED"), "only once")
	assert.False(t, st.settle("ord_1", juspay.TxnPendingVBV, ""), "the debit's stale answer")
	o, ok := st.get("ord_1")
	assert.True(t, ok)
	assert.Equal(t, juspay.TxnCharged, o.Status)
	assert.True(t, o.Fulfilled)
	assert.Equal(t, []string{"ORDER_SUCCEEDED", "TXN_CHARGED"}, o.Webhooks)
	assert.False(t, st.settle("ord_none", juspay.TxnCharged, ""), "not the shop's order")
}

// An event is claimed by one delivery at a time, released for another try
// when its work fails, and handled for good when it succeeds.
func TestClaimEvent(t *testing.T) {
	st := newStore()
	assert.Equal(t, claimed, st.claim("evt_1"))
	assert.Equal(t, inProgress, st.claim("evt_1"))
	st.release("evt_1", false)
	assert.Equal(t, claimed, st.claim("evt_1"), "a failed attempt frees the event")
	st.release("evt_1", true)
	assert.Equal(t, handled, st.claim("evt_1"))
	assert.Equal(t, claimed, st.claim("evt_2"))
}

// A handler that panics half-way (net/http recovers it and drops the
// connection, so Juspay delivers again) leaves the event free to be handled
// by the next delivery.
func TestPanicReleasesTheEvent(t *testing.T) {
	s := &server{store: newStore(), log: io.Discard} // no Juspay client: confirming the order panics
	s.store.add(order{ID: "ord_1"})
	e := &webhook.Event{ID: "evt_1", Name: webhook.OrderSucceeded, Order: &juspay.Order{OrderID: "ord_1"}}
	assert.Panics(t, func() { _ = s.onEvent(context.Background(), e) })
	assert.Equal(t, claimed, s.store.claim("evt_1"))
}
