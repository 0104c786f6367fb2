package juspay

import (
	"encoding/json"
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
// ClientAuth holds a secret: formatting and LogValue mask it. encoding/json
// writes an Order in Juspay's own shape, so that it can be stored and
// decoded again, the client auth token included: never log its JSON.
type Order struct {
	ID                 string           `json:"id"`       // Juspay's, e.g. "ordeu_8bdd..."
	OrderID            string           `json:"order_id"` // the merchant's
	MerchantID         string           `json:"merchant_id"`
	CustomerID         string           `json:"customer_id"`
	CustomerEmail      string           `json:"customer_email"`
	CustomerPhone      string           `json:"customer_phone"`
	Status             TxnStatus        `json:"status"`           // Juspay uses one set of statuses for orders and their transactions
	StatusID           int              `json:"status_id"`        // Juspay's number for Status, e.g. 21 for CHARGED
	Amount             Amount           `json:"amount"`           // in rupees (or Currency's unit), exactly as Juspay sent it
	EffectiveAmount    *Amount          `json:"effective_amount"` // after offers and surcharges; nil when not sent
	AmountRefunded     Amount           `json:"amount_refunded"`  // refunds initiated, PENDING ones included
	Currency           string           `json:"currency"`         // e.g. "INR"
	Refunded           bool             `json:"refunded"`         // true only once fully refunded
	ReturnURL          string           `json:"return_url"`
	ProductID          string           `json:"product_id"`
	Description        string           `json:"description"`
	UDF                [10]string       `json:"-"` // udf1 ... udf10
	DateCreated        time.Time        `json:"date_created"`
	LastUpdated        time.Time        `json:"last_updated"`
	PaymentLinks       PaymentLinks     `json:"payment_links"`
	TxnID              string           `json:"txn_id"` // the latest payment attempt, e.g. "merchant-order_1-1"
	TxnUUID            string           `json:"txn_uuid"`
	PaymentMethodType  string           `json:"payment_method_type"` // e.g. "WALLET"
	PaymentMethod      string           `json:"payment_method"`      // e.g. "PAYTM"
	AuthType           string           `json:"auth_type"`
	GatewayID          int              `json:"gateway_id"`
	GatewayReferenceID string           `json:"gateway_reference_id"`
	BankErrorCode      string           `json:"bank_error_code"` // the gateway's reason for a failed attempt
	BankErrorMessage   string           `json:"bank_error_message"`
	Txn                *TxnDetail       `json:"txn_detail"`               // nil before any payment attempt
	GatewayResponse    *GatewayResponse `json:"payment_gateway_response"` // nil when not sent
	Refunds            []Refund         `json:"refunds"`                  // every refund of the order, in Juspay's order
	ClientAuth         *ClientAuthToken `json:"juspay,omitempty"`         // Juspay's "juspay" block; nil unless asked for
}

// PaymentLinks are the order's links to Juspay's payment page.
type PaymentLinks struct {
	Web    string `json:"web"`
	Mobile string `json:"mobile"`
	Iframe string `json:"iframe"`
}

// TxnDetail is one payment attempt of an order: "txn_detail" in an order,
// and content.txn in Juspay's transaction webhooks. It decodes as
// tolerantly as Order.
type TxnDetail struct {
	TxnID             string    `json:"txn_id"`
	TxnUUID           string    `json:"txn_uuid"`
	OrderID           string    `json:"order_id"`
	Status            TxnStatus `json:"status"`
	StatusID          int       `json:"status_id"`
	ErrorCode         string    `json:"error_code"`
	ErrorMessage      string    `json:"error_message"`
	TxnAmount         *Amount   `json:"txn_amount"` // nil when not sent
	NetAmount         *Amount   `json:"net_amount"` // nil when not sent
	Currency          string    `json:"currency"`
	Gateway           string    `json:"gateway"` // e.g. "PAYTM_V2"
	GatewayID         int       `json:"gateway_id"`
	PaymentMethod     string    `json:"payment_method"`
	PaymentMethodType string    `json:"payment_method_type"`
	TxnFlowType       string    `json:"txn_flow_type"` // e.g. "DIRECT_DEBIT"
	Redirect          bool      `json:"redirect"`
	ExpressCheckout   bool      `json:"express_checkout"`
	Created           time.Time `json:"created"`
}

// GatewayResponse is what the payment gateway answered for the latest
// attempt ("payment_gateway_response").
type GatewayResponse struct {
	TxnID       string    `json:"txn_id"`
	RRN         string    `json:"rrn"`
	EpgTxnID    string    `json:"epg_txn_id"`
	AuthIDCode  string    `json:"auth_id_code"`
	RespCode    string    `json:"resp_code"`
	RespMessage string    `json:"resp_message"`
	Created     time.Time `json:"created"`
}

// Refund is one refund of an order, as Orders.Refund and Get list it in
// Order.Refunds. Its Status is the truth about the refund: RefundSuccess is
// done, RefundPending is queued (Juspay holds refunds up to 15 minutes
// before sending them to the gateway), RefundFailure must be tried again
// with a new UniqueRequestID, and RefundManualReview must be reconciled with
// the gateway by hand. It decodes as tolerantly as Order.
type Refund struct {
	UniqueRequestID string       `json:"unique_request_id"` // the merchant's key for the refund
	ID              string       `json:"id"`                // the gateway's reference, where sent
	Ref             string       `json:"ref"`               // the gateway's refund ID, where sent
	ARN             string       `json:"arn"`               // the acquirer's reference, where sent
	Status          RefundStatus `json:"status"`            // PENDING until the gateway settles it
	Amount          Amount       `json:"amount"`            // the amount refunded, exactly as Juspay sent it
	SentToGateway   bool         `json:"sent_to_gateway"`
	RefundType      string       `json:"refund_type"`   // "STANDARD" or "INSTANT"
	RefundSource    string       `json:"refund_source"` // the gateway, e.g. "RAZORPAY"
	InitiatedBy     string       `json:"initiated_by"`  // "API", "AUTO_REFUNDED", a merchant ID, ...
	ErrorCode       string       `json:"error_code"`
	ErrorMessage    string       `json:"error_message"` // may hold success text ("Refund Successfull")
	Created         time.Time    `json:"created"`
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
// with the client auth token masked and the customer's contact details left
// out. Without it, slog's JSON handler would encode the whole order, token
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

// MarshalJSON writes the order in Juspay's shape, UDF as udf1 ... udf10,
// so that json.Unmarshal reads it back whole.
func (o Order) MarshalJSON() ([]byte, error) {
	type plain Order // without this method
	u := &o.UDF
	return json.Marshal(struct {
		plain
		U1  string `json:"udf1"`
		U2  string `json:"udf2"`
		U3  string `json:"udf3"`
		U4  string `json:"udf4"`
		U5  string `json:"udf5"`
		U6  string `json:"udf6"`
		U7  string `json:"udf7"`
		U8  string `json:"udf8"`
		U9  string `json:"udf9"`
		U10 string `json:"udf10"`
	}{plain(o), u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9]})
}
