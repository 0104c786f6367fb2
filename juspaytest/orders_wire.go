package juspaytest

import (
	"encoding/json"
	"hash/fnv"
	"maps"
	"math/big"
	"math/rand/v2"
	"strings"
)

// The order JSON the server writes, field for field as Juspay's published
// order samples (create, update, order status, refund) show it. Amounts are
// json.RawMessage holding the stored decimal text, as for balances.

// orderJSON is Juspay's order object. Create and Update answer its short
// form; Order Status and Refund add the latest attempt and the refunds.
type orderJSON struct {
	UDF1               string            `json:"udf1"`
	UDF2               string            `json:"udf2"`
	UDF3               string            `json:"udf3"`
	UDF4               string            `json:"udf4"`
	UDF5               string            `json:"udf5"`
	UDF6               string            `json:"udf6"`
	UDF7               string            `json:"udf7"`
	UDF8               string            `json:"udf8"`
	UDF9               string            `json:"udf9"`
	UDF10              string            `json:"udf10"`
	TxnUUID            string            `json:"txn_uuid,omitempty"`
	TxnID              string            `json:"txn_id,omitempty"`
	TxnDetail          *txnDetailJSON    `json:"txn_detail,omitempty"`
	StatusID           int               `json:"status_id"`
	Status             string            `json:"status"`
	ReturnURL          string            `json:"return_url"`
	Refunds            []refundJSON      `json:"refunds,omitempty"`
	Refunded           bool              `json:"refunded"`
	ProductID          string            `json:"product_id"`
	Description        string            `json:"description,omitempty"`
	PaymentMethodType  string            `json:"payment_method_type,omitempty"`
	PaymentMethod      string            `json:"payment_method,omitempty"`
	PaymentLinks       paymentLinks      `json:"payment_links"`
	PaymentGateway     *pgResponseJSON   `json:"payment_gateway_response,omitempty"`
	OrderID            string            `json:"order_id"`
	Metadata           map[string]string `json:"metadata,omitempty"`
	MerchantID         string            `json:"merchant_id"`
	Juspay             *clientAuthJSON   `json:"juspay,omitempty"`
	ID                 string            `json:"id"`
	GatewayReferenceID *string           `json:"gateway_reference_id,omitempty"`
	GatewayID          int               `json:"gateway_id,omitempty"`
	EffectiveAmount    json.RawMessage   `json:"effective_amount"`
	DateCreated        string            `json:"date_created"`
	LastUpdated        string            `json:"last_updated"`
	CustomerPhone      string            `json:"customer_phone"`
	CustomerID         string            `json:"customer_id"`
	CustomerEmail      string            `json:"customer_email"`
	Currency           string            `json:"currency"`
	BankErrorMessage   *string           `json:"bank_error_message,omitempty"`
	BankErrorCode      *string           `json:"bank_error_code,omitempty"`
	AuthType           *string           `json:"auth_type,omitempty"`
	AmountRefunded     json.RawMessage   `json:"amount_refunded"`
	Amount             json.RawMessage   `json:"amount"`
}

type paymentLinks struct {
	Web    string `json:"web"`
	Mobile string `json:"mobile"`
	Iframe string `json:"iframe"`
}

// txnDetailJSON is an order's txn_detail, and the content.txn of a
// transaction webhook (which adds payment_gateway_response).
type txnDetailJSON struct {
	TxnUUID           string          `json:"txn_uuid"`
	TxnID             string          `json:"txn_id"`
	TxnAmount         json.RawMessage `json:"txn_amount"`
	TaxAmount         json.RawMessage `json:"tax_amount"`
	SurchargeAmount   json.RawMessage `json:"surcharge_amount"`
	Status            string          `json:"status"`
	StatusID          int             `json:"status_id"`
	Redirect          bool            `json:"redirect"`
	OrderID           string          `json:"order_id"`
	NetAmount         json.RawMessage `json:"net_amount"`
	GatewayID         int             `json:"gateway_id"`
	Gateway           string          `json:"gateway"`
	ExpressCheckout   bool            `json:"express_checkout"`
	ErrorMessage      string          `json:"error_message"`
	ErrorCode         string          `json:"error_code"`
	Currency          string          `json:"currency"`
	Created           string          `json:"created"`
	PaymentMethod     string          `json:"payment_method"`
	PaymentMethodType string          `json:"payment_method_type"`
	TxnFlowType       string          `json:"txn_flow_type"`
	PaymentGateway    *pgResponseJSON `json:"payment_gateway_response,omitempty"`
}

// pgResponseJSON is the payment_gateway_response of an attempt.
type pgResponseJSON struct {
	TxnID       string `json:"txn_id"`
	RRN         string `json:"rrn"`
	RespMessage string `json:"resp_message"`
	RespCode    string `json:"resp_code"`
	EpgTxnID    string `json:"epg_txn_id"`
	Created     string `json:"created"`
	AuthIDCode  string `json:"auth_id_code"`
	// GatewayResponse is the gateway's own answer, shown on request
	// (options.add_full_gateway_response) and in webhooks.
	GatewayResponse map[string]string `json:"gateway_response,omitempty"`
}

// withGatewayResponse returns v with its payment_gateway_response holding
// the gateway's own answer too, as Juspay shows it on request.
func withGatewayResponse(v orderJSON) orderJSON {
	if v.PaymentGateway != nil {
		v.PaymentGateway = v.PaymentGateway.full()
	}
	return v
}

// full is a copy of pg with the gateway's own answer.
func (pg *pgResponseJSON) full() *pgResponseJSON {
	if pg == nil {
		return nil
	}
	c := *pg
	c.GatewayResponse = map[string]string{
		"resCode": pg.RespCode, "resMessage": pg.RespMessage, "authCode": pg.AuthIDCode, "txnId": pg.EpgTxnID,
	}
	return &c
}

// refundJSON is one entry of an order's refunds.
type refundJSON struct {
	UniqueRequestID string          `json:"unique_request_id"`
	Status          string          `json:"status"`
	SentToGateway   bool            `json:"sent_to_gateway"`
	RefundType      string          `json:"refund_type"`
	RefundSource    string          `json:"refund_source"`
	Ref             *string         `json:"ref"`
	InitiatedBy     string          `json:"initiated_by"`
	ID              *string         `json:"id"`
	ErrorMessage    string          `json:"error_message"`
	ErrorCode       *string         `json:"error_code"`
	Created         string          `json:"created"`
	ARN             *string         `json:"arn,omitempty"`
	Amount          json.RawMessage `json:"amount"`
}

// orderView renders an order: its short form, or with full the latest
// attempt and the refunds too; withToken adds a fresh client auth token.
func (s *Server) orderView(o *orderState, full, withToken bool) orderJSON {
	v := orderJSON{
		UDF1: o.udf[0], UDF2: o.udf[1], UDF3: o.udf[2], UDF4: o.udf[3], UDF5: o.udf[4],
		UDF6: o.udf[5], UDF7: o.udf[6], UDF8: o.udf[7], UDF9: o.udf[8], UDF10: o.udf[9],
		StatusID: statusIDs[o.status], Status: o.status, ReturnURL: o.returnURL,
		ProductID: o.productID, Description: o.description,
		PaymentLinks: paymentLinks{
			Web:    s.URL + "/merchant/pay/" + o.id,
			Mobile: s.URL + "/merchant/pay/" + o.id + "?mobile=true",
			Iframe: s.URL + "/merchant/ipay/" + o.id,
		},
		OrderID: o.orderID, MerchantID: s.MerchantID, ID: o.id,
		EffectiveAmount: number(o.amount), DateCreated: o.dateCreated, LastUpdated: o.lastUpdated,
		CustomerPhone: o.customerPhone, CustomerID: o.customerID, CustomerEmail: o.customerEmail,
		Currency: o.currency, AmountRefunded: number(o.refundedAmount()), Amount: number(o.amount),
		Refunded: decimal(o.refundedAmount()).Cmp(decimal(o.amount)) == 0,
	}
	if len(o.metadata) > 0 {
		v.Metadata = maps.Clone(o.metadata) // encoded after the lock is released
	}
	if withToken {
		v.Juspay = newClientAuth()
	}
	if !full {
		return v
	}
	for _, r := range o.refunds {
		v.Refunds = append(v.Refunds, refundView(r))
	}
	if t := o.txn; t != nil {
		empty := ""
		v.TxnUUID, v.TxnID = t.txnUUID, t.txnID
		v.PaymentMethodType, v.PaymentMethod = "WALLET", t.gateway
		v.GatewayID, v.GatewayReferenceID = gatewayID(t.gateway), &empty
		v.BankErrorCode, v.BankErrorMessage, v.AuthType = &t.errorCode, &t.errorMessage, &empty
		d := s.txnView(o)
		v.TxnDetail, v.PaymentGateway = &d, t.pg
	}
	return v
}

// txnView renders an order's latest attempt as txn_detail.
func (s *Server) txnView(o *orderState) txnDetailJSON {
	t := o.txn
	return txnDetailJSON{
		TxnUUID: t.txnUUID, TxnID: t.txnID, TxnAmount: number(o.amount),
		Status: t.status, StatusID: statusIDs[t.status], OrderID: o.orderID, NetAmount: number(o.amount),
		GatewayID: gatewayID(t.gateway), Gateway: t.gateway,
		ErrorMessage: t.errorMessage, ErrorCode: t.errorCode, Currency: o.currency, Created: t.created,
		PaymentMethod: t.gateway, PaymentMethodType: "WALLET", TxnFlowType: "DIRECT_DEBIT",
	}
}

// refundedAmount is the sum of the order's refunds that did not fail,
// PENDING ones included, as Juspay's amount_refunded counts them.
func (o *orderState) refundedAmount() string {
	sum, scale := new(big.Rat), 0
	for _, r := range o.refunds {
		if r.status != "FAILURE" {
			sum.Add(sum, decimal(r.amount))
			scale = max(scale, fracDigits(r.amount))
		}
	}
	return sum.FloatString(scale)
}

// gatewayID is a stable gateway_id for a wallet gateway; Juspay's own are
// numbers of its choosing (19 for PAYTM_V2 in its sample).
func gatewayID(gateway string) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(gateway))
	return int(h.Sum32()%900) + 100
}

// digits returns n random decimal digits: reference numbers.
func digits(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + rand.IntN(10)))
	}
	return b.String()
}

// add returns a + b as decimal text with as many fraction digits as the
// longer of the two: exact, never float64.
func add(a, b string) string {
	scale := max(fracDigits(a), fracDigits(b))
	return new(big.Rat).Add(decimal(a), decimal(b)).FloatString(scale)
}
