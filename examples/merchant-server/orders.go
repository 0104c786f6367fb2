package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gojuspay/juspay"
)

// payTimeout bounds the whole payment, settling an unknown outcome
// included: long enough for Orders.Wait to see a debit through, short enough
// for a page to wait on.
const payTimeout = 90 * time.Second

// pay creates an order and pays it from one of the customer's linked
// wallets.
func (s *server) pay(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Amount   juspay.Amount `json:"amount"`
		WalletID string        `json:"wallet_id"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	customer := r.PathValue("customer")
	// Money is moving: a customer closing the tab must not end the call
	// half-way and leave the debit's outcome unknown.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), payTimeout)
	defer cancel()
	route := juspay.WithRoutingID(customer) // Juspay asks for one routing ID per customer

	acct, err := s.customerWallet(ctx, customer, req.WalletID)
	if err != nil {
		s.writeJuspayError(w, "pay", err)
		return
	}
	if !acct.Linked {
		writeError(w, http.StatusConflict, "link the wallet first")
		return
	}
	orderID, err := newOrderID()
	if err != nil {
		writeError(w, http.StatusInternalServerError, "no order ID")
		return
	}
	if _, err := s.juspay.Orders.Create(ctx, &juspay.CreateOrderParams{
		OrderID:     orderID,
		Amount:      req.Amount,
		CustomerID:  customer,
		ReturnURL:   s.returnURL,
		Description: "Order " + orderID,
	}); err != nil {
		// Create settles its own unknown outcomes (it is keyed by the
		// order ID), so an error here means there is no order.
		s.writeJuspayError(w, "create order", err)
		return
	}
	s.store.add(order{ID: orderID, CustomerID: customer, Amount: req.Amount, Status: juspay.TxnNew})
	s.logf("order %s created for %s", orderID, req.Amount)

	status, topUp, err := s.debit(ctx, orderID, acct.ID, route)
	if err != nil {
		s.writeJuspayError(w, "pay", err)
		return
	}
	if s.store.settle(orderID, status, "") {
		s.logf("order %s paid: fulfilled from the debit's answer", orderID)
	}
	answer := map[string]any{"order_id": orderID, "status": status}
	if topUp != "" {
		answer["top_up_url"] = topUp // not enough balance: the customer tops up there
	}
	writeJSON(w, http.StatusOK, answer)
}

// debit pays the order with the wallet's one-time token, and settles an
// unknown outcome by asking Juspay what became of the order.
func (s *server) debit(ctx context.Context, orderID, walletID string, route juspay.Option) (juspay.TxnStatus, string, error) {
	// A wallet's token pays once and expires: fetch a fresh one.
	acct, err := s.juspay.Wallets.Get(ctx, walletID, route)
	if err != nil {
		return "", "", err
	}
	txn, err := s.juspay.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID:           orderID,
		PaymentMethod:     acct.Wallet,
		DirectWalletToken: acct.Token,
	}, route)
	switch {
	case err == nil:
		s.logf("debit of %s answered %s", orderID, txn.Status)
		if txn.Status == juspay.TxnPendingVBV {
			return txn.Status, txn.Payment.Authentication.URL, nil
		}
		return txn.Status, "", nil
	case errors.Is(err, juspay.ErrOutcomeUnknown):
		// The debit may have happened. Never debit again to find out:
		// read the order until its status settles.
		s.logf("debit of %s: no answer (%v); waiting for the order to settle", orderID, err)
		o, werr := s.juspay.Orders.Wait(ctx, orderID, route)
		if werr != nil {
			return "", "", fmt.Errorf("debit outcome unknown, and the order did not settle: %w", werr)
		}
		s.logf("order %s settled as %s", orderID, o.Status)
		return o.Status, "", nil
	default:
		return "", "", err
	}
}

// getOrder shows the shop's record of an order.
func (s *server) getOrder(w http.ResponseWriter, r *http.Request) {
	o, ok := s.store.get(r.PathValue("order"))
	if !ok {
		writeError(w, http.StatusNotFound, "no such order")
		return
	}
	writeJSON(w, http.StatusOK, o)
}

// newOrderID returns a fresh order ID of 20 characters, the most Juspay
// allows.
func newOrderID() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return "ord_" + hex.EncodeToString(b), nil
}
