package juspaytest

import (
	"errors"
	"fmt"
	"maps"
)

// orderState is one order: made by AddOrder or Create Order, paid by
// debits, refunded by refunds. Every field is guarded by Server.mu.
type orderState struct {
	id, orderID, amount, currency            string
	customerID, customerEmail, customerPhone string
	returnURL, description, productID        string
	udf                                      [10]string
	metadata                                 map[string]string
	dateCreated, lastUpdated, status         string
	charged                                  bool // a debit has paid it: it is CHARGED for good
	txn                                      *txnState
	refunds                                  []*refundState
}

// txnState is an order's latest payment attempt.
type txnState struct {
	txnID, txnUUID, status, gateway, created string
	walletID                                 string
	reserved                                 bool // the amount was taken from the wallet while the debit was held
	errorCode, errorMessage                  string
	pg                                       *pgResponseJSON // the gateway's answer, once it gave one
}

// Order is an order as the server holds it, as Server.Order reports it.
type Order struct {
	// OrderID is the merchant's order_id.
	OrderID string
	// ID is Juspay's ID for it, e.g. "ordeh_...".
	ID string
	// Amount and Currency are as created (or updated), e.g. "100.50", "INR".
	Amount   string
	Currency string
	// CustomerID is the customer_id it was created with, if any.
	CustomerID string
	// Status is Juspay's order status: NEW, PENDING_VBV, CHARGED, or the
	// failure SettleOrder gave its latest attempt.
	Status string
	// TxnID is the latest payment attempt's ID, "" before any.
	TxnID string
	// AmountRefunded is the sum of its refunds that did not fail, PENDING
	// ones included, as Juspay counts it.
	AmountRefunded string
	// UDF and Metadata are the udf1...udf10 and metadata.<key> values it
	// was created (or updated) with.
	UDF      [10]string
	Metadata map[string]string
	// Refunds are its refunds, oldest first.
	Refunds []Refund
}

// Refund is one refund of an order, as Server.Order reports it.
type Refund struct {
	// UniqueRequestID is the merchant's key for it.
	UniqueRequestID string
	// Amount is decimal text, e.g. "10.50".
	Amount string
	// Status is PENDING, SUCCESS, FAILURE or MANUAL_REVIEW.
	Status string
}

// statusIDs are Juspay's status_id for each order and transaction status.
var statusIDs = map[string]int{
	"NEW": 10, "STARTED": 20, "CHARGED": 21, "JUSPAY_DECLINED": 22, "PENDING_VBV": 23,
	"AUTHENTICATION_FAILED": 26, "AUTHORIZATION_FAILED": 27,
}

// newOrder stores a NEW order and returns it.
func (st *store) newOrder(orderID, amount string) *orderState {
	t := now()
	o := &orderState{
		id: "ordeh_" + randomHex(16), orderID: orderID, amount: amount, currency: "INR",
		dateCreated: t, lastUpdated: t, status: "NEW",
	}
	st.orders[orderID] = o
	return o
}

// AddOrder creates an order with its amount, as Juspay's Create Order would
// (in INR, with no customer), or changes the amount of one not yet paid.
// Orders can also be created through POST /orders. A direct debit or an
// eligibility check by order_id needs the order: for one the server was
// not told about, both answer 400 with error_code null_error, "Order not
// found for given orderId.", as Juspay refuses an order it never created.
//
// A debit against the order is CHARGED when the wallet's balance covers the
// amount (and the balance goes down by it), else PENDING_VBV, after which the
// order may be debited again (see HoldDebits for a debit held pending). Once
// CHARGED, the order is paid: another debit answers 400 with error_code
// invalid_request, whatever the token. AddOrder fails for an empty ID, an
// amount that is not decimal text greater than 0 (Juspay refuses such an
// order, and a debit of it would credit the wallet), or an order already
// CHARGED.
func (s *Server) AddOrder(orderID, amount string) error {
	if orderID == "" {
		return errors.New("juspaytest: AddOrder: empty order ID")
	}
	if !isPositive(amount) {
		return fmt.Errorf("juspaytest: AddOrder: %q is not decimal text greater than 0, like 100.50", amount)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.store.orders[orderID]
	switch {
	case o == nil:
		s.store.newOrder(orderID, amount)
	case o.charged:
		return fmt.Errorf("juspaytest: AddOrder: order %q is already CHARGED", orderID)
	default:
		o.amount, o.lastUpdated = amount, now()
	}
	return nil
}

// Order reports the order with the merchant's order ID as it stands now:
// its status, latest attempt and refunds.
func (s *Server) Order(orderID string) (Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.store.orders[orderID]
	if o == nil {
		return Order{}, false
	}
	out := Order{
		OrderID: o.orderID, ID: o.id, Amount: o.amount, Currency: o.currency, CustomerID: o.customerID,
		Status: o.status, AmountRefunded: o.refundedAmount(), UDF: o.udf, Metadata: maps.Clone(o.metadata),
	}
	if o.txn != nil {
		out.TxnID = o.txn.txnID
	}
	for _, r := range o.refunds {
		out.Refunds = append(out.Refunds, Refund{UniqueRequestID: r.uniqueRequestID, Amount: r.amount, Status: r.status})
	}
	return out, true
}
