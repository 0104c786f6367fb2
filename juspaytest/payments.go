package juspaytest

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxOrderID is Juspay's limit on order_id: "less than 21 characters".
const maxOrderID = 20

// maxAmount bounds the digits of an amount in a form; real ones are short.
const maxAmount = 64

// directDebit serves POST /txns with payment_method_type=WALLET: a debit of a
// linked wallet through its one-time token.
//
// The order must be one AddOrder or POST /orders made: an unknown order_id answers 400 with
// error_code null_error, "Order not found for given orderId.", as Juspay
// refuses to pay an order it never created. When the wallet's balance covers
// the order's amount the answer is CHARGED and the balance goes down; else it
// is PENDING_VBV with the URL where the customer would top up. Either way the
// token is spent: using it again answers 400 with error_code EXPIRED, as does
// a token revoked by a delink. An order already CHARGED is paid for good:
// another debit of it, even with a fresh token, answers 400 with error_code
// invalid_request and spends nothing.
func (s *Server) directDebit(c *call) reply {
	orderID := c.form.Get("order_id")
	order, tok, ws, rep := s.checkDebit(c.form)
	if rep.status != 0 {
		return rep
	}
	t := s.debit(orderID, order, tok, ws)
	return reply{http.StatusOK, s.debitAnswer(orderID, t)}
}

// checkDebit finds the order a debit pays and the token and wallet it pays
// with, or else returns the 400 refusing it. It spends nothing.
func (s *Server) checkDebit(f url.Values) (*orderState, *tokenState, *walletState, reply) {
	if rep := s.checkDebitForm(f); rep.status != 0 {
		return nil, nil, nil, rep
	}
	order := s.store.orders[f.Get("order_id")]
	if order == nil {
		return nil, nil, nil, orderNotFound()
	}
	tok := s.store.tokens[f.Get("direct_wallet_token")]
	if tok == nil {
		return nil, nil, nil, invalid("invalid_request", "Invalid direct_wallet_token.")
	}
	if tok.spent {
		return nil, nil, nil, invalid("EXPIRED", "direct_wallet_token has expired or was already used.")
	}
	ws := s.store.wallets[tok.walletID]
	if f.Get("payment_method") != ws.Gateway {
		return nil, nil, nil, invalid("invalid_request", "payment_method does not match the wallet of direct_wallet_token.")
	}
	if order.charged {
		return nil, nil, nil, invalid("invalid_request", "Order is already CHARGED: it cannot be paid again.")
	}
	if !isPositive(order.amount) {
		// AddOrder refuses such an amount; this keeps a debit from ever
		// crediting a wallet, whatever put the order here.
		return nil, nil, nil, invalid("invalid_request", "Order amount must be greater than 0.")
	}
	if order.txn != nil && order.txn.reserved {
		return nil, nil, nil, invalid("invalid_request", "Another transaction for this order is in progress.")
	}
	return order, tok, ws, reply{}
}

// checkDebitForm checks the fields of a debit, before any state is read. It
// returns a zero reply when they pass.
func (s *Server) checkDebitForm(f url.Values) reply {
	for _, name := range []string{"order_id", "merchant_id", "payment_method_type", "payment_method", "direct_wallet_token"} {
		if f.Get(name) == "" {
			return invalid("invalid_request", "Missing field "+name+".")
		}
	}
	switch {
	case utf8.RuneCountInString(f.Get("order_id")) > maxOrderID:
		return invalid("invalid_request", "order_id must be less than 21 characters.")
	case f.Get("merchant_id") != s.MerchantID:
		return invalid("invalid_request", "merchant_id does not match the header x-merchantid.")
	case f.Get("payment_method_type") != "WALLET":
		return invalid("invalid_request", "payment_method_type must be WALLET for a direct wallet debit.")
	case f.Get("format") != "json":
		return invalid("invalid_request", "format must be json: this server does not answer with a redirect.")
	}
	return reply{}
}

// debit spends the token and makes the order's next attempt: CHARGED at once
// when the wallet's balance covers the amount (unless HoldDebits holds it,
// the amount reserved), else PENDING_VBV with the balance untouched.
func (s *Server) debit(orderID string, order *orderState, tok *tokenState, ws *walletState) *txnState {
	tok.spent = true
	s.store.attempts[orderID]++

	t := &txnState{
		txnID:   fmt.Sprintf("%s-%s-%d", s.MerchantID, orderID, s.store.attempts[orderID]),
		txnUUID: "eul" + randomHex(8), status: "PENDING_VBV", gateway: ws.Gateway, walletID: ws.ID, created: now(),
	}
	order.txn, order.status, order.lastUpdated = t, "PENDING_VBV", now()
	covered := decimal(ws.Balance).Cmp(decimal(order.amount)) >= 0
	if covered {
		ws.Balance = subtract(ws.Balance, order.amount)
		t.reserved = s.store.holdDebits
		if !t.reserved {
			s.charge(order)
		}
	}
	return t
}

// debitAnswer is the answer to a debit whose attempt is t: with the URL
// where the customer would top up while it is PENDING_VBV.
func (s *Server) debitAnswer(orderID string, t *txnState) txnJSON {
	txn := txnJSON{OrderID: orderID, TxnID: t.txnID, Status: t.status}
	if t.status == "PENDING_VBV" {
		txn.Payment = &paymentJSON{Authentication: authenticationJSON{
			Method: http.MethodGet,
			URL:    s.URL + "/pay/start/guest/" + randomHex(16),
		}}
	}
	return txn
}

// orderNotFound answers an order_id that neither AddOrder nor POST /orders made: a 400 in the
// shape Juspay documents for an unknown customer.
func orderNotFound() reply {
	return invalid("null_error", "Order not found for given orderId.")
}

// eligibility serves POST /customers/{customer_id}/eligibility.
//
// The amount is the form's amount, or else the amount of the order_id, which
// must be one AddOrder or POST /orders made (else 400, error_code null_error, as a debit).
// Each of the customer's wallets is one entry: a linked wallet is eligible
// when its balance covers the amount, and shows the balance; an unlinked one
// answers as Juspay's SIMPL sample does: eligible with eligibility_strategy
// USER, gateway_error_code linking_required and balance 0. Each top-level key of
// gateway_data that names a gateway the customer has no wallet with is an
// entry with status USER_NOT_FOUND, as in Juspay's error sample.
func (s *Server) eligibility(c *call) reply {
	customerID, ok := s.store.resolve(c.params[0])
	if !ok {
		return customerNotFound()
	}
	amount, rep := s.eligibilityAmount(c.form)
	if rep.status != 0 {
		return rep
	}
	var gatewayData map[string]json.RawMessage
	if gd := c.form.Get("gateway_data"); gd != "" {
		if err := json.Unmarshal([]byte(gd), &gatewayData); err != nil {
			return invalid("invalid_request", "gateway_data must be a JSON object.")
		}
	}

	out := eligibilityJSON{PaymentMethods: []methodEligibilityJSON{}}
	has := map[string]bool{}
	for _, id := range s.store.customers[customerID] {
		ws := s.store.wallets[id]
		has[ws.Gateway] = true
		out.PaymentMethods = append(out.PaymentMethods, walletEligibility(ws, amount))
	}
	for _, gateway := range slices.Sorted(maps.Keys(gatewayData)) {
		if has[gateway] {
			continue
		}
		out.PaymentMethods = append(out.PaymentMethods, methodEligibilityJSON{
			Status:              "USER_NOT_FOUND",
			PaymentMethodType:   "WALLET",
			PaymentMethod:       gateway,
			GatewayErrorCode:    "user_not_found",
			GatewayErrorMessage: "user not found",
			Description:         description(gateway),
		})
	}
	return reply{http.StatusOK, out}
}

// eligibilityAmount is the amount an eligibility check asks about: the
// form's amount, or else its order's. The reply is zero when there is one.
func (s *Server) eligibilityAmount(f url.Values) (string, reply) {
	amount := f.Get("amount")
	switch orderID := f.Get("order_id"); {
	case amount != "":
		if !isPositive(amount) {
			return "", invalid("invalid_request", "amount must be a decimal number greater than 0.")
		}
	case orderID != "":
		order := s.store.orders[orderID]
		if order == nil {
			return "", orderNotFound()
		}
		amount = order.amount
	default:
		return "", invalid("invalid_request", "Missing field amount or order_id.")
	}
	return amount, reply{}
}

// walletEligibility is one of the customer's wallets as an eligibility check
// shows it for amount.
func walletEligibility(ws *walletState, amount string) methodEligibilityJSON {
	e := methodEligibilityJSON{
		Status:              "SUCCESS",
		PaymentMethodType:   "WALLET",
		PaymentMethod:       ws.Gateway,
		EligibilityStrategy: "TRANSACTION",
		Description:         description(ws.Gateway),
		DueDate:             ws.DueDate,
	}
	switch {
	case !ws.Linked:
		// As Juspay's SIMPL sample answers: eligible as a user, with a
		// balance of 0 until the wallet is linked.
		e.IsEligible = true
		e.EligibilityStrategy = "USER"
		e.GatewayErrorCode, e.GatewayErrorMessage = "linking_required", "linking_required"
		e.Balance = json.RawMessage("0")
	case decimal(ws.Balance).Cmp(decimal(amount)) >= 0:
		e.IsEligible = true
		e.Balance = number(ws.Balance)
	default:
		e.GatewayErrorCode, e.GatewayErrorMessage = "insufficient_balance", "Insufficient balance"
		e.Balance = number(ws.Balance)
	}
	return e
}

// description names a gateway as Juspay's samples do: "Paytm Wallet".
func description(gateway string) string {
	if gateway == "" {
		return "Wallet"
	}
	r, n := utf8.DecodeRuneInString(gateway)
	return strings.ToUpper(string(r)) + strings.ToLower(gateway[n:]) + " Wallet"
}
