package juspay

import (
	"log/slog"
	"time"
)

// Order is an order at Juspay, as Create, Get (order status), Update and
// Refund answer it, and as Juspay's webhooks carry it in content.order.
//
// Status is the order's status: TxnCharged is paid; Pending statuses are
// not settled yet (see Wait); anything else, including a status the SDK has
// no constant for, is not paid. Validate Amount and Currency against your
// own records before fulfilling, as Juspay asks.
//
// Decoding is tolerant, because Juspay's answers and its webhooks write the
// same object differently: numbers may arrive as numbers or as numeric text
// ("1000", "21"), booleans as true or "true", and absent values as null,
// {}, "null", "" or "FILTERED" (webhooks mask fields that way), all of
// which leave the field zero. A value that cannot be read as its field's
// type is left zero rather than failing the whole order; only a body that
// is not JSON is an error. Unknown fields are ignored, and unknown statuses
// keep their own string.
//
// ClientAuth holds a secret: Format and LogValue leave it out.
type Order struct {
	ID                 string    // Juspay's, e.g. "ordeu_8bdd..."
	OrderID            string    // the merchant's
	MerchantID         string    //
	CustomerID         string    //
	CustomerEmail      string    //
	CustomerPhone      string    //
	Status             TxnStatus // Juspay uses one set of statuses for orders and their transactions
	StatusID           int       // Juspay's number for Status, e.g. 21 for CHARGED
	Amount             Amount    //
	EffectiveAmount    *Amount   // after offers and surcharges; nil when not sent
	AmountRefunded     Amount    // refunds initiated, PENDING ones included
	Currency           string    // e.g. "INR"
	Refunded           bool      // true only once fully refunded
	ReturnURL          string    //
	ProductID          string    //
	Description        string    //
	UDF                [10]string
	DateCreated        time.Time
	LastUpdated        time.Time
	PaymentLinks       PaymentLinks
	TxnID              string // the latest payment attempt, e.g. "merchant-order_1-1"
	TxnUUID            string
	PaymentMethodType  string // e.g. "WALLET"
	PaymentMethod      string // e.g. "PAYTM"
	AuthType           string
	GatewayID          int
	GatewayReferenceID string
	BankErrorCode      string           // the gateway's reason for a failed attempt
	BankErrorMessage   string           //
	Txn                *TxnDetail       // "txn_detail"; nil before any payment attempt
	GatewayResponse    *GatewayResponse // "payment_gateway_response"; nil when not sent
	Refunds            []Refund         // every refund of the order, in Juspay's order
	ClientAuth         *ClientAuthToken // Juspay's "juspay" block; nil unless asked for
}

// PaymentLinks are the order's links to Juspay's payment page.
type PaymentLinks struct{ Web, Mobile, Iframe string }

// TxnDetail is one payment attempt of an order: "txn_detail" in an order,
// and content.txn in Juspay's transaction webhooks. It decodes as
// tolerantly as Order.
type TxnDetail struct {
	TxnID, TxnUUID, OrderID          string
	Status                           TxnStatus
	StatusID                         int
	ErrorCode, ErrorMessage          string
	TxnAmount, NetAmount             *Amount // nil when not sent
	Currency                         string
	Gateway                          string // e.g. "PAYTM_V2"
	GatewayID                        int
	PaymentMethod, PaymentMethodType string
	TxnFlowType                      string // e.g. "DIRECT_DEBIT"
	Redirect, ExpressCheckout        bool
	Created                          time.Time
}

// GatewayResponse is what the payment gateway answered for the latest
// attempt ("payment_gateway_response").
type GatewayResponse struct {
	TxnID, RRN, EpgTxnID, AuthIDCode, RespCode, RespMessage string
	Created                                                 time.Time
}

// Refund is one refund of an order, as Orders.Refund and Get list it in
// Order.Refunds. Its Status is the truth about the refund: RefundSuccess is
// done, RefundPending is queued (Juspay holds refunds up to 15 minutes
// before sending them to the gateway), RefundFailure must be tried again
// with a new UniqueRequestID, and RefundManualReview must be reconciled with
// the gateway by hand. It decodes as tolerantly as Order.
type Refund struct {
	UniqueRequestID string       // the merchant's key for the refund
	ID, Ref, ARN    string       // the gateway's references, where sent
	Status          RefundStatus //
	Amount          Amount       //
	SentToGateway   bool         //
	RefundType      string       // "STANDARD" or "INSTANT"
	RefundSource    string       // the gateway, e.g. "RAZORPAY"
	InitiatedBy     string       // "API", "AUTO_REFUNDED", a merchant ID, ...
	ErrorCode       string       //
	ErrorMessage    string       // may hold success text ("Refund Successfull")
	Created         time.Time    //
}

// RefundStatus is the status of one refund. A status the SDK does not know
// decodes as its own string.
type RefundStatus string

// The refund statuses Juspay documents.
const (
	// RefundPending is a refund queued at Juspay or at the gateway; every
	// refund starts so.
	RefundPending RefundStatus = "PENDING"
	// RefundSuccess is a refund the gateway made.
	RefundSuccess RefundStatus = "SUCCESS"
	// RefundFailure is a refund the gateway could not make: try again
	// with a new UniqueRequestID.
	RefundFailure RefundStatus = "FAILURE"
	// RefundManualReview is a refund the gateway answered ambiguously (or
	// one pending for more than 10 days): reconcile it with the gateway.
	RefundManualReview RefundStatus = "MANUAL_REVIEW"
)

// FindRefund returns the order's refund with the given unique request ID,
// and whether there is one.
func (o *Order) FindRefund(uniqueRequestID string) (*Refund, bool) {
	if o == nil {
		return nil, false
	}
	for i := range o.Refunds {
		if o.Refunds[i].UniqueRequestID == uniqueRequestID {
			return &o.Refunds[i], true
		}
	}
	return nil, false
}

// LogValue presents the order to log/slog by its IDs, status and amounts,
// leaving out the client auth token and the customer's contact details.
// Without it, slog's JSON handler would encode the whole order, token
// included.
func (o Order) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("id", o.ID),
		slog.String("order_id", o.OrderID),
		slog.String("status", string(o.Status)),
		slog.String("amount", o.Amount.String()),
		slog.String("currency", o.Currency),
		slog.String("amount_refunded", o.AmountRefunded.String()),
	}
	if o.TxnID != "" {
		attrs = append(attrs, slog.String("txn_id", o.TxnID))
	}
	if o.ClientAuth != nil {
		attrs = append(attrs, slog.Any("client_auth", o.ClientAuth))
	}
	return slog.GroupValue(attrs...)
}
