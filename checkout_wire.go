package juspay

// Each checkout type reads its members from the loose reader
// (checkout_decode.go): one switch per type on the JSON key, the value read
// as the field's type, unknown keys skipped.

// UnmarshalJSON decodes an order tolerantly; see Order.
func (o *Order) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*o = Order{}
	return decodeObject(data, o.member)
}

func (o *Order) member(r *reader, key []byte) {
	switch string(key) {
	case "id":
		o.ID = r.text()
	case "order_id":
		o.OrderID = r.text()
	case "merchant_id":
		o.MerchantID = r.text()
	case "customer_id":
		o.CustomerID = r.text()
	case "customer_email":
		o.CustomerEmail = r.text()
	case "customer_phone":
		o.CustomerPhone = r.text()
	case "status":
		o.Status = TxnStatus(r.text())
	case "status_id":
		o.StatusID = r.integer()
	case "amount":
		o.Amount, _ = r.amount()
	case "effective_amount":
		o.EffectiveAmount = r.amountPtr()
	case "amount_refunded":
		o.AmountRefunded, _ = r.amount()
	case "currency":
		o.Currency = r.text()
	case "refunded":
		o.Refunded = r.boolean()
	case "return_url":
		o.ReturnURL = r.text()
	case "product_id":
		o.ProductID = r.text()
	case "description":
		o.Description = r.text()
	case "date_created":
		o.DateCreated = r.timestamp()
	case "last_updated":
		o.LastUpdated = r.timestamp()
	default:
		o.member2(r, key)
	}
}

func (o *Order) member2(r *reader, key []byte) {
	switch string(key) {
	case "payment_links":
		o.PaymentLinks = PaymentLinks{}
		r.object(func(key []byte) { o.PaymentLinks.member(r, key) })
	case "txn_id":
		o.TxnID = r.text()
	case "txn_uuid":
		o.TxnUUID = r.text()
	case "payment_method_type":
		o.PaymentMethodType = r.text()
	case "payment_method":
		o.PaymentMethod = r.text()
	case "auth_type":
		o.AuthType = r.text()
	case "gateway_id":
		o.GatewayID = r.integer()
	case "gateway_reference_id":
		o.GatewayReferenceID = r.text()
	case "bank_error_code":
		o.BankErrorCode = r.text()
	case "bank_error_message":
		o.BankErrorMessage = r.text()
	case "txn_detail":
		o.Txn = nested(r, (*TxnDetail).member)
	case "payment_gateway_response":
		o.GatewayResponse = nested(r, (*GatewayResponse).member)
	case "juspay":
		o.ClientAuth = nested(r, (*ClientAuthToken).member)
	case "refunds":
		o.Refunds = refunds(r)
	default:
		if i, ok := udfIndex(key); ok {
			o.UDF[i] = r.text()
			return
		}
		r.skip(0)
	}
}

// udfIndex maps "udf1" ... "udf10" to 0 ... 9.
func udfIndex(key []byte) (int, bool) {
	if len(key) < 4 || string(key[:3]) != "udf" {
		return 0, false
	}
	switch string(key[3:]) {
	case "1", "2", "3", "4", "5", "6", "7", "8", "9":
		return int(key[3] - '1'), true
	case "10":
		return 9, true
	}
	return 0, false
}

// nested reads an object into a new *T, nil for null, {} or anything that
// is not an object.
func nested[T any](r *reader, member func(*T, *reader, []byte)) *T {
	v, filled := new(T), false
	r.object(func(key []byte) {
		filled = true
		member(v, r, key)
	})
	if !filled {
		return nil
	}
	return v
}

// refunds reads a list of refunds, skipping the elements that are not
// objects with members; anything but an array is no refunds.
func refunds(r *reader) []Refund {
	var out []Refund
	r.array(func() {
		if rf := nested(r, (*Refund).member); rf != nil {
			out = append(out, *rf)
		}
	})
	return out
}

// UnmarshalJSON decodes the links tolerantly; a masked link is "".
func (l *PaymentLinks) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*l = PaymentLinks{}
	return decodeObject(data, l.member)
}

func (l *PaymentLinks) member(r *reader, key []byte) {
	switch string(key) {
	case "web":
		l.Web = r.text()
	case "mobile":
		l.Mobile = r.text()
	case "iframe":
		l.Iframe = r.text()
	default:
		r.skip(0)
	}
}

// UnmarshalJSON decodes a transaction tolerantly; see TxnDetail.
func (t *TxnDetail) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*t = TxnDetail{}
	return decodeObject(data, t.member)
}

func (t *TxnDetail) member(r *reader, key []byte) {
	switch string(key) {
	case "txn_id":
		t.TxnID = r.text()
	case "txn_uuid":
		t.TxnUUID = r.text()
	case "order_id":
		t.OrderID = r.text()
	case "status":
		t.Status = TxnStatus(r.text())
	case "status_id":
		t.StatusID = r.integer()
	case "error_code":
		t.ErrorCode = r.text()
	case "error_message":
		t.ErrorMessage = r.text()
	case "txn_amount":
		t.TxnAmount = r.amountPtr()
	case "net_amount":
		t.NetAmount = r.amountPtr()
	case "currency":
		t.Currency = r.text()
	case "gateway":
		t.Gateway = r.text()
	case "gateway_id":
		t.GatewayID = r.integer()
	case "payment_method":
		t.PaymentMethod = r.text()
	case "payment_method_type":
		t.PaymentMethodType = r.text()
	case "txn_flow_type":
		t.TxnFlowType = r.text()
	case "redirect":
		t.Redirect = r.boolean()
	case "express_checkout":
		t.ExpressCheckout = r.boolean()
	case "created":
		t.Created = r.timestamp()
	default:
		r.skip(0)
	}
}

// UnmarshalJSON decodes the gateway's response tolerantly.
func (g *GatewayResponse) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*g = GatewayResponse{}
	return decodeObject(data, g.member)
}

func (g *GatewayResponse) member(r *reader, key []byte) {
	switch string(key) {
	case "txn_id":
		g.TxnID = r.text()
	case "rrn":
		g.RRN = r.text()
	case "epg_txn_id":
		g.EpgTxnID = r.text()
	case "auth_id_code":
		g.AuthIDCode = r.text()
	case "resp_code":
		g.RespCode = r.text()
	case "resp_message":
		g.RespMessage = r.text()
	case "created":
		g.Created = r.timestamp()
	default:
		r.skip(0)
	}
}

// UnmarshalJSON decodes a refund tolerantly; see Refund. Juspay's refund
// object names two fields two ways (arn or refund_arn, refund_source or
// gateway): the first is read, the second where the first is absent.
func (rf *Refund) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*rf = Refund{}
	return decodeObject(data, rf.member)
}

func (rf *Refund) member(r *reader, key []byte) {
	switch string(key) {
	case "unique_request_id":
		rf.UniqueRequestID = r.text()
	case "id":
		rf.ID = r.text()
	case "ref":
		rf.Ref = r.text()
	case "arn":
		if s := r.text(); s != "" {
			rf.ARN = s
		}
	case "refund_arn":
		if s := r.text(); rf.ARN == "" {
			rf.ARN = s
		}
	case "status":
		rf.Status = RefundStatus(r.text())
	case "amount":
		rf.Amount, _ = r.amount()
	case "sent_to_gateway":
		rf.SentToGateway = r.boolean()
	case "refund_type":
		rf.RefundType = r.text()
	case "refund_source":
		if s := r.text(); s != "" {
			rf.RefundSource = s
		}
	case "gateway":
		if s := r.text(); rf.RefundSource == "" {
			rf.RefundSource = s
		}
	case "initiated_by":
		rf.InitiatedBy = r.text()
	case "error_code":
		rf.ErrorCode = r.text()
	case "error_message":
		rf.ErrorMessage = r.text()
	case "created":
		rf.Created = r.timestamp()
	default:
		r.skip(0)
	}
}

// UnmarshalJSON decodes a customer tolerantly; see Customer. One of
// Juspay's pages names the ID customer_id: it is read where id is absent.
func (c *Customer) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*c = Customer{}
	var altID string
	err := decodeObject(data, func(r *reader, key []byte) {
		switch string(key) {
		case "id":
			c.ID = r.text()
		case "customer_id":
			altID = r.text()
		case "object":
			c.Object = r.text()
		case "object_reference_id":
			c.ObjectReferenceID = r.text()
		case "mobile_country_code":
			c.MobileCountryCode = r.text()
		case "mobile_number":
			c.MobileNumber = r.text()
		case "email_address":
			c.EmailAddress = r.text()
		case "first_name":
			c.FirstName = r.text()
		case "last_name":
			c.LastName = r.text()
		case "date_created":
			c.DateCreated = r.timestamp()
		case "last_updated":
			c.LastUpdated = r.timestamp()
		case "juspay":
			c.ClientAuth = nested(r, (*ClientAuthToken).member)
		default:
			r.skip(0)
		}
	})
	if c.ID == "" {
		c.ID = altID
	}
	return err
}

// UnmarshalJSON decodes Juspay's "juspay" block: client_auth_token and
// client_auth_token_expiry.
func (t *ClientAuthToken) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*t = ClientAuthToken{}
	return decodeObject(data, t.member)
}

func (t *ClientAuthToken) member(r *reader, key []byte) {
	switch string(key) {
	case "client_auth_token":
		t.Token = r.text()
	case "client_auth_token_expiry":
		t.Expiry = r.timestamp()
	default:
		r.skip(0)
	}
}
