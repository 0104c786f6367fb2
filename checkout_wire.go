package juspay

import (
	"encoding/json"
	"time"
)

// The checkout types' wire types, decoded loosely (see the loose leaves in
// decode_loose.go), in one pass of encoding/json, then converted.

type orderWire struct {
	looseWire
	ID                 looseText           `json:"id"`
	OrderID            looseText           `json:"order_id"`
	MerchantID         looseText           `json:"merchant_id"`
	CustomerID         looseText           `json:"customer_id"`
	CustomerEmail      looseText           `json:"customer_email"`
	CustomerPhone      looseText           `json:"customer_phone"`
	Status             looseText           `json:"status"`
	StatusID           looseInt            `json:"status_id"`
	Amount             looseAmount         `json:"amount"`
	EffectiveAmount    looseAmount         `json:"effective_amount"`
	AmountRefunded     looseAmount         `json:"amount_refunded"`
	Currency           looseText           `json:"currency"`
	Refunded           looseBool           `json:"refunded"`
	ReturnURL          looseText           `json:"return_url"`
	ProductID          looseText           `json:"product_id"`
	Description        looseText           `json:"description"`
	UDF1               looseText           `json:"udf1"`
	UDF2               looseText           `json:"udf2"`
	UDF3               looseText           `json:"udf3"`
	UDF4               looseText           `json:"udf4"`
	UDF5               looseText           `json:"udf5"`
	UDF6               looseText           `json:"udf6"`
	UDF7               looseText           `json:"udf7"`
	UDF8               looseText           `json:"udf8"`
	UDF9               looseText           `json:"udf9"`
	UDF10              looseText           `json:"udf10"`
	DateCreated        looseTime           `json:"date_created"`
	LastUpdated        looseTime           `json:"last_updated"`
	PaymentLinks       paymentLinksWire    `json:"payment_links"`
	TxnID              looseText           `json:"txn_id"`
	TxnUUID            looseText           `json:"txn_uuid"`
	PaymentMethodType  looseText           `json:"payment_method_type"`
	PaymentMethod      looseText           `json:"payment_method"`
	AuthType           looseText           `json:"auth_type"`
	GatewayID          looseInt            `json:"gateway_id"`
	GatewayReferenceID looseText           `json:"gateway_reference_id"`
	BankErrorCode      looseText           `json:"bank_error_code"`
	BankErrorMessage   looseText           `json:"bank_error_message"`
	Txn                txnDetailWire       `json:"txn_detail"`
	GatewayResponse    gatewayResponseWire `json:"payment_gateway_response"`
	Refunds            []refundWire        `json:"refunds"`
	ClientAuth         clientAuthWire      `json:"juspay"`
}

func (w *orderWire) to(o *Order) {
	*o = Order{
		ID: string(w.ID), OrderID: string(w.OrderID), MerchantID: string(w.MerchantID),
		CustomerID: string(w.CustomerID), CustomerEmail: string(w.CustomerEmail), CustomerPhone: string(w.CustomerPhone),
		Status: TxnStatus(w.Status), StatusID: int(w.StatusID),
		Amount: w.Amount.v, EffectiveAmount: w.EffectiveAmount.ptr(), AmountRefunded: w.AmountRefunded.v,
		Currency: string(w.Currency), Refunded: bool(w.Refunded),
		ReturnURL: string(w.ReturnURL), ProductID: string(w.ProductID), Description: string(w.Description),
		UDF: [10]string{string(w.UDF1), string(w.UDF2), string(w.UDF3), string(w.UDF4), string(w.UDF5),
			string(w.UDF6), string(w.UDF7), string(w.UDF8), string(w.UDF9), string(w.UDF10)},
		DateCreated: time.Time(w.DateCreated), LastUpdated: time.Time(w.LastUpdated),
		TxnID: string(w.TxnID), TxnUUID: string(w.TxnUUID),
		PaymentMethodType: string(w.PaymentMethodType), PaymentMethod: string(w.PaymentMethod),
		AuthType: string(w.AuthType), GatewayID: int(w.GatewayID), GatewayReferenceID: string(w.GatewayReferenceID),
		BankErrorCode: string(w.BankErrorCode), BankErrorMessage: string(w.BankErrorMessage),
	}
	w.PaymentLinks.to(&o.PaymentLinks)
	nested(&w.Txn, &o.Txn)
	nested(&w.GatewayResponse, &o.GatewayResponse)
	nested(&w.ClientAuth, &o.ClientAuth)
	for i := range w.Refunds {
		if rw := &w.Refunds[i]; *rw != (refundWire{}) { // {} and masked elements are no refund
			o.Refunds = append(o.Refunds, Refund{})
			rw.to(&o.Refunds[len(o.Refunds)-1])
		}
	}
}

// nested converts an optional object into *out: nil for null, {} or a
// value that is not an object (all of which leave the wire zero).
func nested[W comparable, PW wire[W, T], T any](w *W, out **T) {
	var zero W
	if *w == zero {
		*out = nil
		return
	}
	*out = new(T)
	PW(w).to(*out)
}

type paymentLinksWire struct {
	looseWire
	Web    looseText `json:"web"`
	Mobile looseText `json:"mobile"`
	Iframe looseText `json:"iframe"`
}

func (w *paymentLinksWire) to(l *PaymentLinks) {
	*l = PaymentLinks{Web: string(w.Web), Mobile: string(w.Mobile), Iframe: string(w.Iframe)}
}

type txnDetailWire struct {
	looseWire
	TxnID             looseText   `json:"txn_id"`
	TxnUUID           looseText   `json:"txn_uuid"`
	OrderID           looseText   `json:"order_id"`
	Status            looseText   `json:"status"`
	StatusID          looseInt    `json:"status_id"`
	ErrorCode         looseText   `json:"error_code"`
	ErrorMessage      looseText   `json:"error_message"`
	TxnAmount         looseAmount `json:"txn_amount"`
	NetAmount         looseAmount `json:"net_amount"`
	Currency          looseText   `json:"currency"`
	Gateway           looseText   `json:"gateway"`
	GatewayID         looseInt    `json:"gateway_id"`
	PaymentMethod     looseText   `json:"payment_method"`
	PaymentMethodType looseText   `json:"payment_method_type"`
	TxnFlowType       looseText   `json:"txn_flow_type"`
	Redirect          looseBool   `json:"redirect"`
	ExpressCheckout   looseBool   `json:"express_checkout"`
	Created           looseTime   `json:"created"`
}

func (w *txnDetailWire) to(t *TxnDetail) {
	*t = TxnDetail{
		TxnID: string(w.TxnID), TxnUUID: string(w.TxnUUID), OrderID: string(w.OrderID),
		Status: TxnStatus(w.Status), StatusID: int(w.StatusID),
		ErrorCode: string(w.ErrorCode), ErrorMessage: string(w.ErrorMessage),
		TxnAmount: w.TxnAmount.ptr(), NetAmount: w.NetAmount.ptr(), Currency: string(w.Currency),
		Gateway: string(w.Gateway), GatewayID: int(w.GatewayID),
		PaymentMethod: string(w.PaymentMethod), PaymentMethodType: string(w.PaymentMethodType),
		TxnFlowType: string(w.TxnFlowType), Redirect: bool(w.Redirect), ExpressCheckout: bool(w.ExpressCheckout),
		Created: time.Time(w.Created),
	}
}

type gatewayResponseWire struct {
	looseWire
	TxnID       looseText `json:"txn_id"`
	RRN         looseText `json:"rrn"`
	EpgTxnID    looseText `json:"epg_txn_id"`
	AuthIDCode  looseText `json:"auth_id_code"`
	RespCode    looseText `json:"resp_code"`
	RespMessage looseText `json:"resp_message"`
	Created     looseTime `json:"created"`
}

func (w *gatewayResponseWire) to(g *GatewayResponse) {
	*g = GatewayResponse{TxnID: string(w.TxnID), RRN: string(w.RRN), EpgTxnID: string(w.EpgTxnID),
		AuthIDCode: string(w.AuthIDCode), RespCode: string(w.RespCode), RespMessage: string(w.RespMessage),
		Created: time.Time(w.Created)}
}

// refundWire is a Refund as Juspay sends it. Juspay names two fields two
// ways (arn or refund_arn, refund_source or gateway): the first is read,
// the second where the first is absent.
type refundWire struct {
	looseWire
	UniqueRequestID looseText   `json:"unique_request_id"`
	ID              looseText   `json:"id"`
	Ref             looseText   `json:"ref"`
	ARN             looseText   `json:"arn"`
	RefundARN       looseText   `json:"refund_arn"`
	Status          looseText   `json:"status"`
	Amount          looseAmount `json:"amount"`
	SentToGateway   looseBool   `json:"sent_to_gateway"`
	RefundType      looseText   `json:"refund_type"`
	RefundSource    looseText   `json:"refund_source"`
	Gateway         looseText   `json:"gateway"`
	InitiatedBy     looseText   `json:"initiated_by"`
	ErrorCode       looseText   `json:"error_code"`
	ErrorMessage    looseText   `json:"error_message"`
	Created         looseTime   `json:"created"`
}

func (w *refundWire) to(rf *Refund) {
	*rf = Refund{
		UniqueRequestID: string(w.UniqueRequestID), ID: string(w.ID), Ref: string(w.Ref),
		ARN: string(either(w.ARN, w.RefundARN)), Status: RefundStatus(w.Status), Amount: w.Amount.v,
		SentToGateway: bool(w.SentToGateway), RefundType: string(w.RefundType),
		RefundSource: string(either(w.RefundSource, w.Gateway)), InitiatedBy: string(w.InitiatedBy),
		ErrorCode: string(w.ErrorCode), ErrorMessage: string(w.ErrorMessage), Created: time.Time(w.Created),
	}
}

// either is a, or b where a is empty: for a field Juspay names two ways.
func either(a, b looseText) looseText {
	if a != "" {
		return a
	}
	return b
}

// customerWire is a Customer as Juspay sends it; one of Juspay's pages
// names the ID customer_id, read where id is absent.
type customerWire struct {
	looseWire
	ID                looseText      `json:"id"`
	CustomerID        looseText      `json:"customer_id"`
	Object            looseText      `json:"object"`
	ObjectReferenceID looseText      `json:"object_reference_id"`
	MobileCountryCode looseText      `json:"mobile_country_code"`
	MobileNumber      looseText      `json:"mobile_number"`
	EmailAddress      looseText      `json:"email_address"`
	FirstName         looseText      `json:"first_name"`
	LastName          looseText      `json:"last_name"`
	DateCreated       looseTime      `json:"date_created"`
	LastUpdated       looseTime      `json:"last_updated"`
	ClientAuth        clientAuthWire `json:"juspay"`
}

func (w *customerWire) to(c *Customer) {
	*c = Customer{
		ID: string(either(w.ID, w.CustomerID)), Object: string(w.Object), ObjectReferenceID: string(w.ObjectReferenceID),
		MobileCountryCode: string(w.MobileCountryCode), MobileNumber: string(w.MobileNumber),
		EmailAddress: string(w.EmailAddress), FirstName: string(w.FirstName), LastName: string(w.LastName),
		DateCreated: time.Time(w.DateCreated), LastUpdated: time.Time(w.LastUpdated),
	}
	nested(&w.ClientAuth, &c.ClientAuth)
}

type clientAuthWire struct {
	looseWire
	Token  looseText `json:"client_auth_token"`
	Expiry looseTime `json:"client_auth_token_expiry"`
}

func (w *clientAuthWire) to(t *ClientAuthToken) {
	*t = ClientAuthToken{Token: string(w.Token), Expiry: time.Time(w.Expiry)}
}

// UnmarshalJSON decodes an order tolerantly; see Order.
func (o *Order) UnmarshalJSON(data []byte) error { return decodeVia[orderWire](data, o) }

func (o *Order) decodeFrom(dec *json.Decoder) error { return decodeStreamVia[orderWire](dec, o) }

// UnmarshalJSON decodes the links tolerantly; a masked link is "".
func (l *PaymentLinks) UnmarshalJSON(data []byte) error { return decodeVia[paymentLinksWire](data, l) }

// UnmarshalJSON decodes a transaction tolerantly; see TxnDetail.
func (t *TxnDetail) UnmarshalJSON(data []byte) error { return decodeVia[txnDetailWire](data, t) }

// UnmarshalJSON decodes the gateway's response tolerantly.
func (g *GatewayResponse) UnmarshalJSON(data []byte) error {
	return decodeVia[gatewayResponseWire](data, g)
}

// UnmarshalJSON decodes a refund tolerantly; see Refund.
func (rf *Refund) UnmarshalJSON(data []byte) error { return decodeVia[refundWire](data, rf) }

// UnmarshalJSON decodes a customer tolerantly; see Customer.
func (c *Customer) UnmarshalJSON(data []byte) error { return decodeVia[customerWire](data, c) }

func (c *Customer) decodeFrom(dec *json.Decoder) error { return decodeStreamVia[customerWire](dec, c) }

// UnmarshalJSON decodes Juspay's "juspay" block: client_auth_token and
// client_auth_token_expiry.
func (t *ClientAuthToken) UnmarshalJSON(data []byte) error {
	return decodeVia[clientAuthWire](data, t)
}

func (t *ClientAuthToken) decodeFrom(dec *json.Decoder) error {
	return decodeStreamVia[clientAuthWire](dec, t)
}
