package juspay

// The wire types below point loose leaves (checkout_decode.go) at the
// public types' own fields, so each object is decoded in place, in one
// pass, and a field Juspay leaves out or masks stays zero.

type orderWire struct {
	ID                 *looseString                                   `json:"id"`
	OrderID            *looseString                                   `json:"order_id"`
	MerchantID         *looseString                                   `json:"merchant_id"`
	CustomerID         *looseString                                   `json:"customer_id"`
	CustomerEmail      *looseString                                   `json:"customer_email"`
	CustomerPhone      *looseString                                   `json:"customer_phone"`
	Status             *looseString                                   `json:"status"`
	StatusID           *looseInt                                      `json:"status_id"`
	Amount             *looseAmount                                   `json:"amount"`
	EffectiveAmount    looseAmountPtr                                 `json:"effective_amount"`
	AmountRefunded     *looseAmount                                   `json:"amount_refunded"`
	Currency           *looseString                                   `json:"currency"`
	Refunded           *looseBool                                     `json:"refunded"`
	ReturnURL          *looseString                                   `json:"return_url"`
	ProductID          *looseString                                   `json:"product_id"`
	Description        *looseString                                   `json:"description"`
	DateCreated        *looseTime                                     `json:"date_created"`
	LastUpdated        *looseTime                                     `json:"last_updated"`
	PaymentLinks       *PaymentLinks                                  `json:"payment_links"`
	TxnID              *looseString                                   `json:"txn_id"`
	TxnUUID            *looseString                                   `json:"txn_uuid"`
	PaymentMethodType  *looseString                                   `json:"payment_method_type"`
	PaymentMethod      *looseString                                   `json:"payment_method"`
	AuthType           *looseString                                   `json:"auth_type"`
	GatewayID          *looseInt                                      `json:"gateway_id"`
	GatewayReferenceID *looseString                                   `json:"gateway_reference_id"`
	BankErrorCode      *looseString                                   `json:"bank_error_code"`
	BankErrorMessage   *looseString                                   `json:"bank_error_message"`
	Txn                looseObject[TxnDetail, *TxnDetail]             `json:"txn_detail"`
	GatewayResponse    looseObject[GatewayResponse, *GatewayResponse] `json:"payment_gateway_response"`
	Refunds            looseList[Refund, *Refund]                     `json:"refunds"`
	ClientAuth         looseObject[ClientAuthToken, *ClientAuthToken] `json:"juspay"`
	udfWire
}

// UnmarshalJSON decodes an order tolerantly; see Order.
func (o *Order) UnmarshalJSON(data []byte) error {
	*o = Order{}
	w := orderWire{
		ID: (*looseString)(&o.ID), OrderID: (*looseString)(&o.OrderID),
		MerchantID: (*looseString)(&o.MerchantID), CustomerID: (*looseString)(&o.CustomerID),
		CustomerEmail: (*looseString)(&o.CustomerEmail), CustomerPhone: (*looseString)(&o.CustomerPhone),
		Status: (*looseString)(&o.Status), StatusID: (*looseInt)(&o.StatusID),
		Amount: (*looseAmount)(&o.Amount), EffectiveAmount: looseAmountPtr{&o.EffectiveAmount},
		AmountRefunded: (*looseAmount)(&o.AmountRefunded), Currency: (*looseString)(&o.Currency),
		Refunded: (*looseBool)(&o.Refunded), ReturnURL: (*looseString)(&o.ReturnURL),
		ProductID: (*looseString)(&o.ProductID), Description: (*looseString)(&o.Description),
		DateCreated: (*looseTime)(&o.DateCreated), LastUpdated: (*looseTime)(&o.LastUpdated),
		PaymentLinks: &o.PaymentLinks,
		TxnID:        (*looseString)(&o.TxnID), TxnUUID: (*looseString)(&o.TxnUUID),
		PaymentMethodType: (*looseString)(&o.PaymentMethodType), PaymentMethod: (*looseString)(&o.PaymentMethod),
		AuthType: (*looseString)(&o.AuthType), GatewayID: (*looseInt)(&o.GatewayID),
		GatewayReferenceID: (*looseString)(&o.GatewayReferenceID),
		BankErrorCode:      (*looseString)(&o.BankErrorCode), BankErrorMessage: (*looseString)(&o.BankErrorMessage),
		Txn:             looseObject[TxnDetail, *TxnDetail]{&o.Txn},
		GatewayResponse: looseObject[GatewayResponse, *GatewayResponse]{&o.GatewayResponse},
		Refunds:         looseList[Refund, *Refund]{&o.Refunds},
		ClientAuth:      looseObject[ClientAuthToken, *ClientAuthToken]{&o.ClientAuth},
		udfWire:         newUDFWire(&o.UDF),
	}
	return looseDecode(data, &w)
}

// UnmarshalJSON decodes the links tolerantly; a masked link is "".
func (l *PaymentLinks) UnmarshalJSON(data []byte) error {
	*l = PaymentLinks{}
	return looseDecode(data, &struct {
		Web    *looseString `json:"web"`
		Mobile *looseString `json:"mobile"`
		Iframe *looseString `json:"iframe"`
	}{(*looseString)(&l.Web), (*looseString)(&l.Mobile), (*looseString)(&l.Iframe)})
}

// UnmarshalJSON decodes a transaction tolerantly; see TxnDetail.
func (t *TxnDetail) UnmarshalJSON(data []byte) error {
	*t = TxnDetail{}
	return looseDecode(data, &struct {
		TxnID             *looseString   `json:"txn_id"`
		TxnUUID           *looseString   `json:"txn_uuid"`
		OrderID           *looseString   `json:"order_id"`
		Status            *looseString   `json:"status"`
		StatusID          *looseInt      `json:"status_id"`
		ErrorCode         *looseString   `json:"error_code"`
		ErrorMessage      *looseString   `json:"error_message"`
		TxnAmount         looseAmountPtr `json:"txn_amount"`
		NetAmount         looseAmountPtr `json:"net_amount"`
		Currency          *looseString   `json:"currency"`
		Gateway           *looseString   `json:"gateway"`
		GatewayID         *looseInt      `json:"gateway_id"`
		PaymentMethod     *looseString   `json:"payment_method"`
		PaymentMethodType *looseString   `json:"payment_method_type"`
		TxnFlowType       *looseString   `json:"txn_flow_type"`
		Redirect          *looseBool     `json:"redirect"`
		ExpressCheckout   *looseBool     `json:"express_checkout"`
		Created           *looseTime     `json:"created"`
	}{
		(*looseString)(&t.TxnID), (*looseString)(&t.TxnUUID), (*looseString)(&t.OrderID),
		(*looseString)(&t.Status), (*looseInt)(&t.StatusID),
		(*looseString)(&t.ErrorCode), (*looseString)(&t.ErrorMessage),
		looseAmountPtr{&t.TxnAmount}, looseAmountPtr{&t.NetAmount},
		(*looseString)(&t.Currency), (*looseString)(&t.Gateway), (*looseInt)(&t.GatewayID),
		(*looseString)(&t.PaymentMethod), (*looseString)(&t.PaymentMethodType), (*looseString)(&t.TxnFlowType),
		(*looseBool)(&t.Redirect), (*looseBool)(&t.ExpressCheckout), (*looseTime)(&t.Created),
	})
}

// UnmarshalJSON decodes the gateway's response tolerantly.
func (g *GatewayResponse) UnmarshalJSON(data []byte) error {
	*g = GatewayResponse{}
	return looseDecode(data, &struct {
		TxnID       *looseString `json:"txn_id"`
		RRN         *looseString `json:"rrn"`
		EpgTxnID    *looseString `json:"epg_txn_id"`
		AuthIDCode  *looseString `json:"auth_id_code"`
		RespCode    *looseString `json:"resp_code"`
		RespMessage *looseString `json:"resp_message"`
		Created     *looseTime   `json:"created"`
	}{
		(*looseString)(&g.TxnID), (*looseString)(&g.RRN), (*looseString)(&g.EpgTxnID),
		(*looseString)(&g.AuthIDCode), (*looseString)(&g.RespCode), (*looseString)(&g.RespMessage),
		(*looseTime)(&g.Created),
	})
}

// UnmarshalJSON decodes a refund tolerantly; see Refund. Juspay's refund
// object names a few fields two ways (arn or refund_arn, refund_source or
// gateway): the first is read, the second where the first is absent.
func (r *Refund) UnmarshalJSON(data []byte) error {
	*r = Refund{}
	var refundARN, gateway string
	err := looseDecode(data, &struct {
		UniqueRequestID *looseString `json:"unique_request_id"`
		ID              *looseString `json:"id"`
		Ref             *looseString `json:"ref"`
		ARN             *looseString `json:"arn"`
		RefundARN       *looseString `json:"refund_arn"`
		Status          *looseString `json:"status"`
		Amount          *looseAmount `json:"amount"`
		SentToGateway   *looseBool   `json:"sent_to_gateway"`
		RefundType      *looseString `json:"refund_type"`
		RefundSource    *looseString `json:"refund_source"`
		Gateway         *looseString `json:"gateway"`
		InitiatedBy     *looseString `json:"initiated_by"`
		ErrorCode       *looseString `json:"error_code"`
		ErrorMessage    *looseString `json:"error_message"`
		Created         *looseTime   `json:"created"`
	}{
		(*looseString)(&r.UniqueRequestID), (*looseString)(&r.ID), (*looseString)(&r.Ref),
		(*looseString)(&r.ARN), (*looseString)(&refundARN), (*looseString)(&r.Status),
		(*looseAmount)(&r.Amount), (*looseBool)(&r.SentToGateway), (*looseString)(&r.RefundType),
		(*looseString)(&r.RefundSource), (*looseString)(&gateway), (*looseString)(&r.InitiatedBy),
		(*looseString)(&r.ErrorCode), (*looseString)(&r.ErrorMessage), (*looseTime)(&r.Created),
	})
	if r.ARN == "" {
		r.ARN = refundARN
	}
	if r.RefundSource == "" {
		r.RefundSource = gateway
	}
	return err
}

// UnmarshalJSON decodes a customer tolerantly; see Customer. Some of
// Juspay's pages name the ID customer_id: it is read where id is absent.
func (c *Customer) UnmarshalJSON(data []byte) error {
	*c = Customer{}
	var altID string
	err := looseDecode(data, &struct {
		ID                *looseString                                   `json:"id"`
		CustomerID        *looseString                                   `json:"customer_id"`
		Object            *looseString                                   `json:"object"`
		ObjectReferenceID *looseString                                   `json:"object_reference_id"`
		MobileCountryCode *looseString                                   `json:"mobile_country_code"`
		MobileNumber      *looseString                                   `json:"mobile_number"`
		EmailAddress      *looseString                                   `json:"email_address"`
		FirstName         *looseString                                   `json:"first_name"`
		LastName          *looseString                                   `json:"last_name"`
		DateCreated       *looseTime                                     `json:"date_created"`
		LastUpdated       *looseTime                                     `json:"last_updated"`
		ClientAuth        looseObject[ClientAuthToken, *ClientAuthToken] `json:"juspay"`
	}{
		(*looseString)(&c.ID), (*looseString)(&altID), (*looseString)(&c.Object),
		(*looseString)(&c.ObjectReferenceID), (*looseString)(&c.MobileCountryCode),
		(*looseString)(&c.MobileNumber), (*looseString)(&c.EmailAddress),
		(*looseString)(&c.FirstName), (*looseString)(&c.LastName),
		(*looseTime)(&c.DateCreated), (*looseTime)(&c.LastUpdated),
		looseObject[ClientAuthToken, *ClientAuthToken]{&c.ClientAuth},
	})
	if c.ID == "" {
		c.ID = altID
	}
	return err
}

// UnmarshalJSON decodes Juspay's "juspay" block: client_auth_token and
// client_auth_token_expiry.
func (t *ClientAuthToken) UnmarshalJSON(data []byte) error {
	*t = ClientAuthToken{}
	return looseDecode(data, &struct {
		Token  *looseString `json:"client_auth_token"`
		Expiry *looseTime   `json:"client_auth_token_expiry"`
	}{(*looseString)(&t.Token), (*looseTime)(&t.Expiry)})
}
