package juspaytest

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
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

// failedStatuses are the outcomes SettleOrder may give a held debit besides
// CHARGED.
var failedStatuses = map[string]bool{"AUTHENTICATION_FAILED": true, "AUTHORIZATION_FAILED": true, "JUSPAY_DECLINED": true}

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

// HoldDebits makes the debits that follow, while hold is true, answer
// PENDING_VBV even when the wallet's balance covers the order: the amount is
// taken from the balance at once, and the order stays PENDING_VBV until
// SettleOrder says how the debit ended. It is how a test makes Orders.Wait
// wait. HoldDebits(false) lets later debits charge at once again; debits
// already held stay held.
func (s *Server) HoldDebits(hold bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.holdDebits = hold
}

// SettleOrder ends the pending payment attempt of an order (a debit held by
// HoldDebits, or one left PENDING_VBV for want of balance) with status:
// "CHARGED", or a failure, "AUTHENTICATION_FAILED", "AUTHORIZATION_FAILED"
// or "JUSPAY_DECLINED". A held debit that fails gives its amount back to
// the wallet; one left pending for want of balance is charged without
// touching the balance (the customer paid on the top-up page). A failed
// attempt leaves the order open to another debit. The webhooks of the
// outcome are sent as for any debit. It fails for an unknown order, one
// with no pending attempt, or another status.
func (s *Server) SettleOrder(orderID, status string) error {
	if status != "CHARGED" && !failedStatuses[status] {
		return fmt.Errorf("juspaytest: SettleOrder: status %q is not CHARGED, AUTHENTICATION_FAILED, AUTHORIZATION_FAILED or JUSPAY_DECLINED", status)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.store.orders[orderID]
	if o == nil {
		return fmt.Errorf("juspaytest: SettleOrder: no order %q", orderID)
	}
	if o.txn == nil || o.txn.status != "PENDING_VBV" {
		return fmt.Errorf("juspaytest: SettleOrder: order %q has no pending payment attempt", orderID)
	}
	if status == "CHARGED" {
		s.charge(o)
		return nil
	}
	if o.txn.reserved {
		ws := s.store.wallets[o.txn.walletID]
		ws.Balance = add(ws.Balance, o.amount)
		o.txn.reserved = false
	}
	s.fail(o, status)
	return nil
}

// charge marks an order's latest attempt, and the order, CHARGED.
func (s *Server) charge(o *orderState) {
	o.charged = true
	o.status, o.txn.status = "CHARGED", "CHARGED"
	o.txn.pg = &pgResponseJSON{
		TxnID: o.txn.txnID, RRN: digits(12), EpgTxnID: digits(20), AuthIDCode: randomHex(3),
		RespCode: "01", RespMessage: "Txn Success", Created: now(),
	}
	o.lastUpdated = now()
	s.orderEvents(o)
}

// fail marks an order's latest attempt, and the order, with a failure.
func (s *Server) fail(o *orderState, status string) {
	o.status, o.txn.status = status, status
	o.txn.errorCode, o.txn.errorMessage = status, "The wallet provider declined the debit."
	o.txn.pg = &pgResponseJSON{
		TxnID: o.txn.txnID, RRN: "", EpgTxnID: "", AuthIDCode: "",
		RespCode: "FAILED", RespMessage: "Txn Failed", Created: now(),
	}
	o.lastUpdated = now()
	s.orderEvents(o)
}

// createOrder serves POST /orders. order_id (under 21 characters) and
// amount (greater than 0, at most two decimal places) are required; currency
// defaults to INR. Juspay does not document a create with an order_id it
// already holds: the server answers it with the order as it stands,
// unchanged, so a client sees the amount and currency it really has.
func (s *Server) createOrder(c *call) reply {
	f := c.form
	orderID := f.Get("order_id")
	if orderID == "" || utf8.RuneCountInString(orderID) > maxOrderID {
		return invalidOrderInput("order_id", "Missing field or Invalid Value")
	}
	if rep, ok := checkAmount(f.Get("amount")); !ok {
		return rep
	}
	currency := f.Get("currency")
	if currency == "" {
		currency = "INR"
	}
	if !isCurrency(currency) {
		return invalidOrderInput("currency", "Missing field or Invalid Value")
	}
	if o := s.store.orders[orderID]; o != nil {
		return reply{http.StatusOK, s.orderView(o, false, c.option("options.get_client_auth_token"))}
	}
	o := s.store.newOrder(orderID, f.Get("amount"))
	o.currency = currency
	o.customerID, o.customerEmail, o.customerPhone = f.Get("customer_id"), f.Get("customer_email"), f.Get("customer_phone")
	o.returnURL, o.description, o.productID = f.Get("return_url"), f.Get("description"), f.Get("product_id")
	setUDF(o, f.Get)
	for k, v := range f {
		if name, ok := strings.CutPrefix(k, "metadata."); ok && len(v) > 0 {
			if o.metadata == nil {
				o.metadata = map[string]string{}
			}
			o.metadata[name] = v[0]
		}
	}
	return reply{http.StatusOK, s.orderView(o, false, c.option("options.get_client_auth_token"))}
}

// checkAmount checks an order amount as Create and Update Order do.
func checkAmount(amount string) (reply, bool) {
	switch {
	case amount == "" || len(amount) > maxAmount || !isDecimal(amount):
		return invalidOrderInput("amount", "Missing field or Invalid Value"), false
	case decimal(amount).Sign() <= 0 || fracDigits(amount) > 2:
		return invalidOrderInput("amount", "Invalid amount"), false
	}
	return reply{}, true
}

// setUDF sets the udf1...udf10 the form sent.
func setUDF(o *orderState, get func(string) string) {
	for i := range o.udf {
		if v := get("udf" + strconv.Itoa(i+1)); v != "" {
			o.udf[i] = v
		}
	}
}

// isCurrency reports whether s looks like an ISO 4217 code: three capitals.
func isCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// getOrder serves GET /orders/{order_id}: the order status, with its
// latest attempt (txn_detail, payment_gateway_response) and refunds; with
// options.add_full_gateway_response=true, the gateway's own answer too
// (payment_gateway_response.gateway_response). An unknown order is Juspay's
// 400 with "status": "NOT_FOUND", status_id 40.
func (s *Server) getOrder(c *call) reply {
	o := s.store.orders[c.params[0]]
	if o == nil {
		return orderNotFoundStatus(c.params[0])
	}
	v := s.orderView(o, true, false)
	if c.option("options.add_full_gateway_response") {
		v = withGatewayResponse(v)
	}
	return reply{http.StatusOK, v}
}

// updateOrder serves POST /orders/{order_id}: amount, udf1...udf10 (the
// address fields are accepted and not shown). A CHARGED order cannot
// change: a 400 whose error_info code is INVALID_ACTION.
func (s *Server) updateOrder(c *call) reply {
	o := s.store.orders[c.params[0]]
	if o == nil {
		return orderNotFoundStatus(c.params[0])
	}
	if o.charged {
		return invalidAction("Order is already charged; it cannot be updated.")
	}
	if amount := c.form.Get("amount"); c.form.Has("amount") {
		if rep, ok := checkAmount(amount); !ok {
			return rep
		}
		o.amount = amount
	}
	setUDF(o, c.form.Get)
	o.lastUpdated = now()
	return reply{http.StatusOK, s.orderView(o, false, false)}
}
