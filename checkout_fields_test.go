package juspay_test

import (
	"fmt"
	"strconv"
	"time"

	"github.com/gojuspay/juspay"
)

// The field checks of the checkout samples (see order_samples_test.go):
// for each JSON field of a checkout object, how to read the expected value
// out of a sample, and the decoded one out of the SDK's type.

// kinds of field, for reading the expected value out of a sample.
const (
	kText = iota
	kInt
	kAmount
	kAmountPtr
	kBool
	kTime
)

// fieldCheck names one JSON field of an object and how to read it back from
// the decoded value as text.
type fieldCheck[T any] struct {
	key  string
	kind int
	got  func(*T) string
}

func amountText(a juspay.Amount) string { return a.String() }

func amountPtrText(a *juspay.Amount) string {
	if a == nil {
		return "<nil>"
	}
	return a.String()
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

var orderChecks = []fieldCheck[juspay.Order]{
	{"id", kText, func(o *juspay.Order) string { return o.ID }},
	{"order_id", kText, func(o *juspay.Order) string { return o.OrderID }},
	{"merchant_id", kText, func(o *juspay.Order) string { return o.MerchantID }},
	{"customer_id", kText, func(o *juspay.Order) string { return o.CustomerID }},
	{"customer_email", kText, func(o *juspay.Order) string { return o.CustomerEmail }},
	{"customer_phone", kText, func(o *juspay.Order) string { return o.CustomerPhone }},
	{"status", kText, func(o *juspay.Order) string { return string(o.Status) }},
	{"status_id", kInt, func(o *juspay.Order) string { return strconv.Itoa(o.StatusID) }},
	{"amount", kAmount, func(o *juspay.Order) string { return amountText(o.Amount) }},
	{"effective_amount", kAmountPtr, func(o *juspay.Order) string { return amountPtrText(o.EffectiveAmount) }},
	{"amount_refunded", kAmount, func(o *juspay.Order) string { return amountText(o.AmountRefunded) }},
	{"currency", kText, func(o *juspay.Order) string { return o.Currency }},
	{"refunded", kBool, func(o *juspay.Order) string { return strconv.FormatBool(o.Refunded) }},
	{"return_url", kText, func(o *juspay.Order) string { return o.ReturnURL }},
	{"product_id", kText, func(o *juspay.Order) string { return o.ProductID }},
	{"description", kText, func(o *juspay.Order) string { return o.Description }},
	{"date_created", kTime, func(o *juspay.Order) string { return timeText(o.DateCreated) }},
	{"last_updated", kTime, func(o *juspay.Order) string { return timeText(o.LastUpdated) }},
	{"txn_id", kText, func(o *juspay.Order) string { return o.TxnID }},
	{"txn_uuid", kText, func(o *juspay.Order) string { return o.TxnUUID }},
	{"payment_method_type", kText, func(o *juspay.Order) string { return o.PaymentMethodType }},
	{"payment_method", kText, func(o *juspay.Order) string { return o.PaymentMethod }},
	{"auth_type", kText, func(o *juspay.Order) string { return o.AuthType }},
	{"gateway_id", kInt, func(o *juspay.Order) string { return strconv.Itoa(o.GatewayID) }},
	{"gateway_reference_id", kText, func(o *juspay.Order) string { return o.GatewayReferenceID }},
	{"bank_error_code", kText, func(o *juspay.Order) string { return o.BankErrorCode }},
	{"bank_error_message", kText, func(o *juspay.Order) string { return o.BankErrorMessage }},
}

var txnChecks = []fieldCheck[juspay.TxnDetail]{
	{"txn_id", kText, func(t *juspay.TxnDetail) string { return t.TxnID }},
	{"txn_uuid", kText, func(t *juspay.TxnDetail) string { return t.TxnUUID }},
	{"order_id", kText, func(t *juspay.TxnDetail) string { return t.OrderID }},
	{"status", kText, func(t *juspay.TxnDetail) string { return string(t.Status) }},
	{"status_id", kInt, func(t *juspay.TxnDetail) string { return strconv.Itoa(t.StatusID) }},
	{"error_code", kText, func(t *juspay.TxnDetail) string { return t.ErrorCode }},
	{"error_message", kText, func(t *juspay.TxnDetail) string { return t.ErrorMessage }},
	{"txn_amount", kAmountPtr, func(t *juspay.TxnDetail) string { return amountPtrText(t.TxnAmount) }},
	{"net_amount", kAmountPtr, func(t *juspay.TxnDetail) string { return amountPtrText(t.NetAmount) }},
	{"currency", kText, func(t *juspay.TxnDetail) string { return t.Currency }},
	{"gateway", kText, func(t *juspay.TxnDetail) string { return t.Gateway }},
	{"gateway_id", kInt, func(t *juspay.TxnDetail) string { return strconv.Itoa(t.GatewayID) }},
	{"payment_method", kText, func(t *juspay.TxnDetail) string { return t.PaymentMethod }},
	{"payment_method_type", kText, func(t *juspay.TxnDetail) string { return t.PaymentMethodType }},
	{"txn_flow_type", kText, func(t *juspay.TxnDetail) string { return t.TxnFlowType }},
	{"redirect", kBool, func(t *juspay.TxnDetail) string { return strconv.FormatBool(t.Redirect) }},
	{"express_checkout", kBool, func(t *juspay.TxnDetail) string { return strconv.FormatBool(t.ExpressCheckout) }},
	{"created", kTime, func(t *juspay.TxnDetail) string { return timeText(t.Created) }},
}

var gatewayChecks = []fieldCheck[juspay.GatewayResponse]{
	{"txn_id", kText, func(g *juspay.GatewayResponse) string { return g.TxnID }},
	{"rrn", kText, func(g *juspay.GatewayResponse) string { return g.RRN }},
	{"epg_txn_id", kText, func(g *juspay.GatewayResponse) string { return g.EpgTxnID }},
	{"auth_id_code", kText, func(g *juspay.GatewayResponse) string { return g.AuthIDCode }},
	{"resp_code", kText, func(g *juspay.GatewayResponse) string { return g.RespCode }},
	{"resp_message", kText, func(g *juspay.GatewayResponse) string { return g.RespMessage }},
	{"created", kTime, func(g *juspay.GatewayResponse) string { return timeText(g.Created) }},
}

var refundChecks = []fieldCheck[juspay.Refund]{
	{"unique_request_id", kText, func(r *juspay.Refund) string { return r.UniqueRequestID }},
	{"id", kText, func(r *juspay.Refund) string { return r.ID }},
	{"ref", kText, func(r *juspay.Refund) string { return r.Ref }},
	{"arn", kText, func(r *juspay.Refund) string { return r.ARN }},
	{"status", kText, func(r *juspay.Refund) string { return string(r.Status) }},
	{"amount", kAmount, func(r *juspay.Refund) string { return amountText(r.Amount) }},
	{"sent_to_gateway", kBool, func(r *juspay.Refund) string { return strconv.FormatBool(r.SentToGateway) }},
	{"refund_type", kText, func(r *juspay.Refund) string { return r.RefundType }},
	{"refund_source", kText, func(r *juspay.Refund) string { return r.RefundSource }},
	{"initiated_by", kText, func(r *juspay.Refund) string { return r.InitiatedBy }},
	{"error_code", kText, func(r *juspay.Refund) string { return r.ErrorCode }},
	{"error_message", kText, func(r *juspay.Refund) string { return r.ErrorMessage }},
	{"created", kTime, func(r *juspay.Refund) string { return timeText(r.Created) }},
}

var customerChecks = []fieldCheck[juspay.Customer]{
	{"id", kText, func(c *juspay.Customer) string { return c.ID }},
	{"object", kText, func(c *juspay.Customer) string { return c.Object }},
	{"object_reference_id", kText, func(c *juspay.Customer) string { return c.ObjectReferenceID }},
	{"mobile_country_code", kText, func(c *juspay.Customer) string { return c.MobileCountryCode }},
	{"mobile_number", kText, func(c *juspay.Customer) string { return c.MobileNumber }},
	{"email_address", kText, func(c *juspay.Customer) string { return c.EmailAddress }},
	{"first_name", kText, func(c *juspay.Customer) string { return c.FirstName }},
	{"last_name", kText, func(c *juspay.Customer) string { return c.LastName }},
	{"date_created", kTime, func(c *juspay.Customer) string { return timeText(c.DateCreated) }},
	{"last_updated", kTime, func(c *juspay.Customer) string { return timeText(c.LastUpdated) }},
}

var authChecks = []fieldCheck[juspay.ClientAuthToken]{
	{"client_auth_token", kText, func(a *juspay.ClientAuthToken) string { return a.Token }},
	{"client_auth_token_expiry", kTime, func(a *juspay.ClientAuthToken) string { return timeText(a.Expiry) }},
}

// expected reads a sample's value as Juspay's docs describe it.
func expected(v any, kind int) string {
	absent := v == nil
	if s, ok := v.(string); ok && (s == "FILTERED" || s == "null") {
		absent = true
	}
	if _, ok := v.(map[string]any); ok {
		absent = true
	}
	switch kind {
	case kText:
		if absent {
			return ""
		}
		return fmt.Sprint(v)
	case kInt:
		if n, err := strconv.Atoi(fmt.Sprint(v)); err == nil && !absent {
			return strconv.Itoa(n)
		}
		return "0"
	case kAmount, kAmountPtr:
		if s := fmt.Sprint(v); !absent && s != "" {
			return s
		}
		if kind == kAmountPtr {
			return "<nil>"
		}
		return "0"
	case kBool:
		return strconv.FormatBool(fmt.Sprint(v) == "true")
	case kTime:
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700"} {
			if t, err := time.Parse(layout, fmt.Sprint(v)); err == nil && !absent {
				return t.UTC().Format(time.RFC3339Nano)
			}
		}
		return ""
	}
	panic("unknown kind")
}
