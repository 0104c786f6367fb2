package juspay

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"unicode/utf8"
)

// PaymentsService calls Juspay's payment APIs. Reach it as Client.Payments.
type PaymentsService struct {
	client *Client
}

// DirectDebitParams says what to debit: which order, from which linked
// wallet. Every field is required. The rest of the form (merchant_id,
// payment_method_type=WALLET, redirect_after_payment=true, format=json) is
// filled in by DirectDebit.
type DirectDebitParams struct {
	// OrderID is the order to pay, as created at Juspay: at most 20
	// characters (Juspay: "less than 21").
	OrderID string
	// PaymentMethod is the wallet to debit, e.g. "PAYTM": the
	// WalletAccount's Wallet.
	PaymentMethod string
	// DirectWalletToken is the linked wallet's one-time Token, from List,
	// Get, Link or Refresh. It is valid for 15 minutes and for one debit
	// only, and it is a secret: it never appears in errors or logs.
	DirectWalletToken string
}

// maxOrderIDLen is Juspay's limit on an order ID: "less than 21" characters.
const maxOrderIDLen = 20

// directDebitForm is the body of POST /txns for a wallet debit.
type directDebitForm struct {
	OrderID              string `url:"order_id"`
	PaymentMethodType    string `url:"payment_method_type"`
	PaymentMethod        string `url:"payment_method"`
	DirectWalletToken    string `url:"direct_wallet_token"`
	RedirectAfterPayment bool   `url:"redirect_after_payment"`
	Format               string `url:"format"`
}

// TxnStatus is the status of an order's transaction, as Juspay names it. A
// status the SDK does not know decodes as its own string, so compare with
// the constants and treat anything else as not paid.
type TxnStatus string

// The order statuses Juspay documents. Only TxnCharged means paid.
const (
	// TxnNew is an order with no payment attempted yet.
	TxnNew TxnStatus = "NEW"
	// TxnPendingVBV waits for the customer: for a direct debit, the
	// wallet's balance was short and the customer must top up at
	// Payment.Authentication.
	TxnPendingVBV TxnStatus = "PENDING_VBV"
	// TxnCharged is paid.
	TxnCharged TxnStatus = "CHARGED"
	// TxnAuthorizing waits for the provider's answer; check the order's
	// status later.
	TxnAuthorizing TxnStatus = "AUTHORIZING"
	// TxnAuthenticationFailed is a customer who did not complete the
	// authentication (top-up, OTP, ...).
	TxnAuthenticationFailed TxnStatus = "AUTHENTICATION_FAILED"
	// TxnAuthorizationFailed is a payment the provider declined.
	TxnAuthorizationFailed TxnStatus = "AUTHORIZATION_FAILED"
	// TxnJuspayDeclined is a payment Juspay declined before it reached the
	// provider (risk rules, a bad token, ...).
	TxnJuspayDeclined TxnStatus = "JUSPAY_DECLINED"
	// TxnStarted is a payment Juspay has not yet found a gateway for: not
	// settled yet.
	TxnStarted TxnStatus = "STARTED"
	// TxnVBVSuccessful is a payment authenticated and waiting for its
	// authorization: not settled yet.
	TxnVBVSuccessful TxnStatus = "VBV_SUCCESSFUL"
	// TxnAuthorized is a pre-authorized payment, waiting to be captured or
	// voided.
	TxnAuthorized TxnStatus = "AUTHORIZED"
	// TxnAutoRefunded is a payment Juspay refunded by itself (a late
	// success on an order already paid, say).
	TxnAutoRefunded TxnStatus = "AUTO_REFUNDED"
	// TxnPartialCharged is an order paid in part, by some of several part
	// payments.
	TxnPartialCharged TxnStatus = "PARTIAL_CHARGED"
)

// Pending reports whether s is a status Juspay has not settled yet:
// TxnStarted, TxnPendingVBV, TxnVBVSuccessful or TxnAuthorizing. Such an
// order may still become TxnCharged or fail; Orders.Wait reads it until it
// is no longer Pending. Every other status, unknown ones included, is not
// pending.
func (s TxnStatus) Pending() bool {
	switch s {
	case TxnStarted, TxnPendingVBV, TxnVBVSuccessful, TxnAuthorizing:
		return true
	}
	return false
}

// Transaction is Juspay's answer to a payment: the order, its transaction
// and where the customer must go next, if anywhere.
//
// Status TxnCharged means the wallet was debited. TxnPendingVBV means the
// balance was short: send the customer's browser to
// Payment.Authentication to top up and pay. Any status may arrive, known or
// not; only TxnCharged is paid.
//
// A Transaction holds no merchant secret: the authentication URL and its
// params are meant for the customer's browser. Decoding is tolerant, as for
// WalletAccount: null is the zero value, IDs that arrive as numbers keep
// their digits, and unknown fields are ignored.
type Transaction struct {
	OrderID string     `json:"order_id"`
	TxnID   string     `json:"txn_id"`
	Status  TxnStatus  `json:"status"`  // see the TxnStatus constants
	Payment TxnPayment `json:"payment"` // where to send the customer when the wallet needs a top-up
}

// TxnPayment is the payment part of a Transaction.
type TxnPayment struct {
	Authentication TxnAuthentication `json:"authentication"` // where the customer goes to top up
}

// TxnAuthentication is where to send the customer's browser to complete a
// payment: GET the URL, or POST Params to it as a form.
type TxnAuthentication struct {
	Method string `json:"method"` // "GET" or "POST"
	URL    string `json:"url"`
	// Params are the form fields to POST, for Method "POST" only. Their
	// names vary by provider: pass them all on, never assume one. A value
	// that arrives as a number keeps its digits; an object or array keeps
	// its JSON.
	Params map[string]string `json:"params"`
}

// DirectDebit debits a linked wallet for an order, with the wallet's
// one-time token. A write: see Retries in the package doc (on
// ErrOutcomeUnknown, check the order's status before debiting again).
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/wallet-direct-debit
//
// It sends POST /txns with the order, the wallet and its token, and fills
// in merchant_id (the merchant ID in force for the call, a per-call
// WithMerchantID included), payment_method_type=WALLET,
// redirect_after_payment=true and format=json. No x-routing-id is sent
// unless WithRoutingID gives one (pass the customer ID, as Juspay
// recommends). Check the answer's Status: only TxnCharged is paid, and
// TxnPendingVBV asks the customer to top up. p, an order ID of at most 20
// characters, a payment method and a token are required: without them the
// call fails before anything is sent. The token never appears in errors or
// logs.
func (s *PaymentsService) DirectDebit(ctx context.Context, p *DirectDebitParams, opts ...Option) (*Transaction, error) {
	const op = "direct debit"
	if p == nil {
		return nil, invalid(op, "params", "are nil; OrderID, PaymentMethod and DirectWalletToken are required")
	}
	if err := checkOrderID(op, p.OrderID, true); err != nil {
		return nil, err
	}
	if strings.TrimSpace(p.PaymentMethod) == "" {
		return nil, invalid(op, "PaymentMethod", "is empty")
	}
	if strings.TrimSpace(p.DirectWalletToken) == "" {
		return nil, invalid(op, "DirectWalletToken", "is empty")
	}
	form, err := formOf(op, directDebitForm{
		OrderID:              p.OrderID,
		PaymentMethodType:    "WALLET",
		PaymentMethod:        p.PaymentMethod,
		DirectWalletToken:    p.DirectWalletToken,
		RedirectAfterPayment: true,
		Format:               "json",
	})
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/txns", write: true, form: form,
		secrets: secretsOf(p.DirectWalletToken), merchantIDField: "merchant_id"}
	return send[Transaction](ctx, s.client, r, opts)
}

// checkOrderID refuses an order ID Juspay would: longer than 20 characters,
// or (where one is required) empty.
func checkOrderID(op, id string, required bool) error {
	switch {
	case strings.TrimSpace(id) == "" && required:
		return invalid(op, "OrderID", "is empty")
	case utf8.RuneCountInString(id) > maxOrderIDLen:
		return invalid(op, "OrderID", "%q is %d characters; Juspay allows at most %d",
			truncate(id, 40), utf8.RuneCountInString(id), maxOrderIDLen)
	}
	return nil
}

// transactionWire is a Transaction as the tolerant reader decodes it.
type transactionWire struct {
	OrderID flexString `json:"order_id"`
	TxnID   flexString `json:"txn_id"`
	Status  flexString `json:"status"`
	Payment struct {
		Authentication txnAuthenticationWire `json:"authentication"`
	} `json:"payment"`
}

type txnAuthenticationWire struct {
	Method flexString          `json:"method"`
	URL    flexString          `json:"url"`
	Params map[string]flexText `json:"params"`
}

func (w *txnAuthenticationWire) to(a *TxnAuthentication) {
	*a = TxnAuthentication{Method: string(w.Method), URL: string(w.URL), Params: textMap(w.Params)}
}

// UnmarshalJSON decodes a transaction tolerantly; see Transaction.
func (t *Transaction) UnmarshalJSON(data []byte) error {
	return decodeVia[transactionWire](data, t)
}

func (t *Transaction) decodeFrom(dec *json.Decoder) error {
	return decodeStreamVia[transactionWire](dec, t)
}

func (w *transactionWire) to(t *Transaction) {
	*t = Transaction{OrderID: string(w.OrderID), TxnID: string(w.TxnID), Status: TxnStatus(w.Status)}
	w.Payment.Authentication.to(&t.Payment.Authentication)
}

// UnmarshalJSON decodes the authentication tolerantly, as Transaction does:
// Params values of any shape keep their text.
func (a *TxnAuthentication) UnmarshalJSON(data []byte) error {
	return decodeVia[txnAuthenticationWire](data, a)
}
