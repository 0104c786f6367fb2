package main

import (
	"sync"

	"github.com/gojuspay/juspay"
)

// order is the shop's own record of an order. Juspay's order is the record
// of the payment; this one says what the shop did about it.
type order struct {
	ID         string           `json:"order_id"`
	CustomerID string           `json:"customer_id"`
	Amount     juspay.Amount    `json:"amount"`
	Status     juspay.TxnStatus `json:"status"`    // as last confirmed with Juspay
	Fulfilled  bool             `json:"fulfilled"` // goods shipped: happens once, whoever learns of the payment first
	Webhooks   []string         `json:"webhooks"`  // events received for it, confirmed and acted on
}

// store keeps orders and the webhook events already handled. A real shop
// keeps both in its database, the event IDs under a unique index.
type store struct {
	mu      sync.Mutex
	orders  map[string]*order
	handled map[string]bool // Event.ID -> handled (true) or being handled (false)
}

func newStore() *store {
	return &store{orders: map[string]*order{}, handled: map[string]bool{}}
}

func (st *store) add(o order) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.orders[o.ID] = &o
}

// get returns a copy of the order.
func (st *store) get(id string) (order, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	o, ok := st.orders[id]
	if !ok {
		return order{}, false
	}
	c := *o
	c.Webhooks = append([]string(nil), o.Webhooks...)
	return c, true
}

// settle records the status Juspay confirmed for an order, and reports
// whether this call is the one that fulfils it: only the first to see it
// CHARGED does, whether that is the debit's answer, Orders.Wait or a
// webhook.
func (st *store) settle(id string, status juspay.TxnStatus, event string) (fulfil bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	o, ok := st.orders[id]
	if !ok {
		return false
	}
	if event != "" {
		o.Webhooks = append(o.Webhooks, event)
	}
	// The debit's answer and a webhook race: a pending status read before
	// the charge (the debit's PENDING_VBV, answered after the customer
	// topped up and a webhook confirmed the charge) must not undo it.
	if o.Fulfilled && (status.Pending() || status == juspay.TxnNew) {
		return false
	}
	o.Status = status
	if status == juspay.TxnCharged && !o.Fulfilled {
		o.Fulfilled = true
		return true
	}
	return false
}

// eventClaim is what store.claim found for an event.
type eventClaim int

const (
	claimed    eventClaim = iota // this delivery handles the event
	handled                      // an earlier delivery handled it
	inProgress                   // another delivery of it is being handled now
)

// claim marks an event as being handled, in one step with the check, so
// that two deliveries of one event arriving together cannot both act on it
// (a check followed by a later mark lets both through). A real shop does
// the same with its database: insert the event ID under a unique index in
// the transaction that acts on it.
func (st *store) claim(eventID string) eventClaim {
	st.mu.Lock()
	defer st.mu.Unlock()
	if done, ok := st.handled[eventID]; ok {
		if done {
			return handled
		}
		return inProgress
	}
	st.handled[eventID] = false
	return claimed
}

// release ends a claim: the event is handled for good when ok, and is
// handled again when Juspay delivers it again otherwise (its work failed
// half-way).
func (st *store) release(eventID string, ok bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if ok {
		st.handled[eventID] = true
	} else {
		delete(st.handled, eventID)
	}
}
