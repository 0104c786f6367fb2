package webhook_test

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/webhook"
)

// Every webhook sample Juspay publishes is decoded here, and every field
// the SDK models is compared with the sample's own JSON, read by the
// generic decoder and the decoding rules the juspay package documents, written out below
// independently of the SDK's decoders: numbers and booleans may be text,
// null, {}, "null", "" and "FILTERED" are zero, masked dates are zero.

const samplesDir = "../testdata/samples/checkout"

func TestEverySampleDecodesFieldByField(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(samplesDir, "webhook--*.json"))
	require.NoError(t, err)
	require.Len(t, files, 18, "every published webhook sample")

	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			body, err := os.ReadFile(file)
			require.NoError(t, err)
			e, err := webhook.Parse(post(string(body), current), current)
			require.NoError(t, err)

			raw := decodeGeneric(t, body)
			assert.Equal(t, raw["id"], e.ID)
			assert.Equal(t, webhook.EventName(raw["event_name"].(string)), e.Name)
			assert.Equal(t, wantTime(raw["date_created"]), e.Created)
			assert.False(t, e.Created.IsZero(), "every sample's envelope has a readable date")
			assert.Equal(t, body, []byte(e.Raw), "Raw is the body byte for byte")

			content, _ := raw["content"].(map[string]any)
			switch {
			case content["order"] != nil:
				require.NotNil(t, e.Order)
				assert.Nil(t, e.Txn)
				checkOrder(t, "content.order", content["order"].(map[string]any), e.Order)
			case content["txn"] != nil:
				require.NotNil(t, e.Txn)
				assert.Nil(t, e.Order)
				checkTxn(t, "content.txn", content["txn"].(map[string]any), e.Txn)
			default:
				assert.Nil(t, e.Order, "a mandate event carries no order")
				assert.Nil(t, e.Txn)
			}
		})
	}
}

// decodeGeneric reads JSON into maps, keeping numbers as written.
func decodeGeneric(t *testing.T, body []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var m map[string]any
	require.NoError(t, dec.Decode(&m))
	return m
}

// wantText is a text field's value: a string (but "null" and "FILTERED"),
// a number's or a boolean's text; anything else is "".
func wantText(v any) string {
	switch v := v.(type) {
	case string:
		if v == "null" || v == "FILTERED" {
			return ""
		}
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// wantNumber is the text of a number written as a number or as numeric
// text, or "" for anything else.
func wantNumber(v any) string {
	var s string
	switch v := v.(type) {
	case json.Number:
		s = v.String()
	case string:
		s = strings.TrimSpace(v)
	default:
		return ""
	}
	if s == "" || !(s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
		return ""
	}
	var n json.Number
	if json.Unmarshal([]byte(s), &n) != nil {
		return ""
	}
	return s
}

func wantInt(v any) int {
	s := wantNumber(v)
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return int(f)
	}
	return 0
}

func wantAmount(v any) string {
	if s := wantNumber(v); s != "" {
		return s
	}
	return "0"
}

func wantBool(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(v, "true")
	}
	return false
}

func wantTime(v any) time.Time {
	s, _ := v.(string)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// filled is the sample's nested object, or nil where it is absent, {} or
// not an object.
func filled(v any) map[string]any {
	m, _ := v.(map[string]any)
	if len(m) == 0 {
		return nil
	}
	return m
}

func amountText(a *juspay.Amount) string {
	if a == nil {
		return ""
	}
	return a.String()
}

func checkOrder(t *testing.T, path string, raw map[string]any, o *juspay.Order) {
	t.Helper()
	at := func(key string) string { return path + "." + key }
	for key, got := range map[string]string{
		"id": o.ID, "order_id": o.OrderID, "merchant_id": o.MerchantID, "customer_id": o.CustomerID,
		"customer_email": o.CustomerEmail, "customer_phone": o.CustomerPhone, "status": string(o.Status),
		"currency": o.Currency, "return_url": o.ReturnURL, "product_id": o.ProductID,
		"description": o.Description, "txn_id": o.TxnID, "txn_uuid": o.TxnUUID,
		"payment_method_type": o.PaymentMethodType, "payment_method": o.PaymentMethod,
		"auth_type": o.AuthType, "gateway_reference_id": o.GatewayReferenceID,
		"bank_error_code": o.BankErrorCode, "bank_error_message": o.BankErrorMessage,
	} {
		assert.Equal(t, wantText(raw[key]), got, at(key))
	}
	for i := range o.UDF {
		key := "udf" + strconv.Itoa(i+1)
		assert.Equal(t, wantText(raw[key]), o.UDF[i], at(key))
	}
	assert.Equal(t, wantInt(raw["status_id"]), o.StatusID, at("status_id"))
	assert.Equal(t, wantInt(raw["gateway_id"]), o.GatewayID, at("gateway_id"))
	assert.Equal(t, wantAmount(raw["amount"]), o.Amount.String(), at("amount"))
	assert.Equal(t, wantAmount(raw["amount_refunded"]), o.AmountRefunded.String(), at("amount_refunded"))
	assert.Equal(t, wantNumber(raw["effective_amount"]), amountText(o.EffectiveAmount), at("effective_amount"))
	assert.Equal(t, wantBool(raw["refunded"]), o.Refunded, at("refunded"))
	assert.Equal(t, wantTime(raw["date_created"]), o.DateCreated, at("date_created"))
	assert.Equal(t, wantTime(raw["last_updated"]), o.LastUpdated, at("last_updated"))

	links := filled(raw["payment_links"])
	assert.Equal(t, juspay.PaymentLinks{
		Web: wantText(links["web"]), Mobile: wantText(links["mobile"]), Iframe: wantText(links["iframe"]),
	}, o.PaymentLinks, at("payment_links"))

	if txn := filled(raw["txn_detail"]); txn != nil {
		require.NotNil(t, o.Txn, at("txn_detail"))
		checkTxn(t, at("txn_detail"), txn, o.Txn)
	} else {
		assert.Nil(t, o.Txn, at("txn_detail"))
	}
	if g := filled(raw["payment_gateway_response"]); g != nil {
		require.NotNil(t, o.GatewayResponse, at("payment_gateway_response"))
		checkGatewayResponse(t, at("payment_gateway_response"), g, o.GatewayResponse)
	} else {
		assert.Nil(t, o.GatewayResponse, at("payment_gateway_response"))
	}
	var refunds []map[string]any
	list, _ := raw["refunds"].([]any)
	for _, r := range list {
		if m := filled(r); m != nil {
			refunds = append(refunds, m)
		}
	}
	require.Len(t, o.Refunds, len(refunds), at("refunds"))
	for i, r := range refunds {
		checkRefund(t, at("refunds["+strconv.Itoa(i)+"]"), r, &o.Refunds[i])
	}
	assert.Nil(t, o.ClientAuth, "webhooks carry no client auth token")
}

func checkTxn(t *testing.T, path string, raw map[string]any, txn *juspay.TxnDetail) {
	t.Helper()
	at := func(key string) string { return path + "." + key }
	for key, got := range map[string]string{
		"txn_id": txn.TxnID, "txn_uuid": txn.TxnUUID, "order_id": txn.OrderID, "status": string(txn.Status),
		"error_code": txn.ErrorCode, "error_message": txn.ErrorMessage, "currency": txn.Currency,
		"gateway": txn.Gateway, "payment_method": txn.PaymentMethod,
		"payment_method_type": txn.PaymentMethodType, "txn_flow_type": txn.TxnFlowType,
	} {
		assert.Equal(t, wantText(raw[key]), got, at(key))
	}
	assert.Equal(t, wantInt(raw["status_id"]), txn.StatusID, at("status_id"))
	assert.Equal(t, wantInt(raw["gateway_id"]), txn.GatewayID, at("gateway_id"))
	assert.Equal(t, wantNumber(raw["txn_amount"]), amountText(txn.TxnAmount), at("txn_amount"))
	assert.Equal(t, wantNumber(raw["net_amount"]), amountText(txn.NetAmount), at("net_amount"))
	assert.Equal(t, wantBool(raw["redirect"]), txn.Redirect, at("redirect"))
	assert.Equal(t, wantBool(raw["express_checkout"]), txn.ExpressCheckout, at("express_checkout"))
	assert.Equal(t, wantTime(raw["created"]), txn.Created, at("created"))
}

func checkGatewayResponse(t *testing.T, path string, raw map[string]any, g *juspay.GatewayResponse) {
	t.Helper()
	assert.Equal(t, juspay.GatewayResponse{
		TxnID: wantText(raw["txn_id"]), RRN: wantText(raw["rrn"]), EpgTxnID: wantText(raw["epg_txn_id"]),
		AuthIDCode: wantText(raw["auth_id_code"]), RespCode: wantText(raw["resp_code"]),
		RespMessage: wantText(raw["resp_message"]), Created: wantTime(raw["created"]),
	}, *g, path)
}

func checkRefund(t *testing.T, path string, raw map[string]any, r *juspay.Refund) {
	t.Helper()
	arn := wantText(raw["arn"])
	if arn == "" {
		arn = wantText(raw["refund_arn"])
	}
	source := wantText(raw["refund_source"])
	if source == "" {
		source = wantText(raw["gateway"])
	}
	assert.Equal(t, juspay.Refund{
		UniqueRequestID: wantText(raw["unique_request_id"]),
		ID:              wantText(raw["id"]),
		Ref:             wantText(raw["ref"]),
		ARN:             arn,
		Status:          juspay.RefundStatus(wantText(raw["status"])),
		Amount:          mustAmount(t, wantAmount(raw["amount"])),
		SentToGateway:   wantBool(raw["sent_to_gateway"]),
		RefundType:      wantText(raw["refund_type"]),
		RefundSource:    source,
		InitiatedBy:     wantText(raw["initiated_by"]),
		ErrorCode:       wantText(raw["error_code"]),
		ErrorMessage:    wantText(raw["error_message"]),
		Created:         wantTime(raw["created"]),
	}, *r, path)
}

func mustAmount(t *testing.T, s string) juspay.Amount {
	t.Helper()
	if s == "0" {
		return juspay.Amount{}
	}
	a, err := juspay.ParseAmount(s)
	require.NoError(t, err)
	return a
}
