package juspay_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// walletOrder is order-status--wallet.json, written out by hand.
func walletOrder() *juspay.Order {
	return &juspay.Order{
		ID:             "ordeu_f19a2a9da6034a269f03424dbda0",
		OrderID:        "145678234",
		MerchantID:     "merchant_id",
		CustomerID:     "test_customer",
		CustomerEmail:  "test007@gmail.com",
		CustomerPhone:  "9999999999",
		Status:         juspay.TxnCharged,
		StatusID:       21,
		Amount:         *amt("1"),
		AmountRefunded: *amt("1"),
		Currency:       "INR",
		Refunded:       true,
		ReturnURL:      "https://api.juspay.in/end",
		DateCreated:    utc("2020-04-28T06:31:09Z"),
		PaymentLinks: juspay.PaymentLinks{
			Web:    "https://api.juspay.in/merchant/pay/ordeu_f19a2a9da6034a269f03424dbda0",
			Mobile: "https://api.juspay.in/merchant/pay/ordeu_f19a2a9da6034a269f03424dbda0?mobile=true",
			Iframe: "https://api.juspay.in/merchant/ipay/ordeu_f19a2a9da6034a269f03424dbda0",
		},
		TxnID:              "merchantId-145678234-1",
		TxnUUID:            "eulneT9JkaAPa1uv",
		PaymentMethodType:  "WALLET",
		PaymentMethod:      "GOOGLEPAY",
		GatewayID:          19,
		GatewayReferenceID: "gatewayreferenceId",
		Txn: &juspay.TxnDetail{
			TxnID: "merchantId-145678234-1", TxnUUID: "eulneT9JkaAPa1uv", OrderID: "145678234",
			Status: juspay.TxnCharged, TxnAmount: amt("1"), NetAmount: amt("1"), Currency: "INR",
			Gateway: "PAYTM_V2", GatewayID: 19, Created: utc("2020-04-28T06:31:37Z"),
		},
		GatewayResponse: &juspay.GatewayResponse{
			TxnID: "merchantId-145678234-1", RRN: "01491223245566834", EpgTxnID: "20200528800110849227184",
			RespCode: "01", RespMessage: "Txn Success", Created: utc("2020-04-28T06:54:35Z"),
		},
		Refunds: []juspay.Refund{{
			UniqueRequestID: "refund_1590649567", Ref: "2020052811128464733807", ARN: "0149717932",
			Status: juspay.RefundSuccess, Amount: *amt("1"), SentToGateway: true, InitiatedBy: "API",
			ErrorMessage: "Refund Successfull", Created: utc("2020-04-28T07:06:07Z"),
		}},
	}
}

func TestOrderDecodesWalletStatusSample(t *testing.T) {
	var o juspay.Order
	require.NoError(t, json.Unmarshal(readSample(t, "checkout/order-status--wallet.json"), &o))
	assert.Equal(t, walletOrder(), &o)
}

func TestOrderDecodesWebhookText(t *testing.T) {
	// A webhook's order: numbers and booleans as text, absent values as
	// {}, "FILTERED" and "null".
	var o juspay.Order
	require.NoError(t, json.Unmarshal([]byte(`{
		"order_id": "ord_1", "status": "CHARGED", "status_id": "21", "amount": "1000",
		"effective_amount": "999.50", "amount_refunded": "0", "refunded": "true", "gateway_id": "19",
		"customer_id": "FILTERED", "customer_email": null, "customer_phone": "null",
		"gateway_reference_id": {}, "udf1": "u1", "udf7": "FILTERED", "udf10": 42,
		"payment_links": {"web": "https://w", "mobile": "FILTERED"},
		"txn_detail": {"txn_amount": "1000", "net_amount": {}, "status_id": "21", "redirect": "true",
			"error_code": {}, "created": "2021-12-25T17:43:48+05:30"},
		"payment_gateway_response": "FILTERED",
		"refunds": [{"unique_request_id": "r1", "amount": "75", "sent_to_gateway": "true",
			"ref": "2.0220408111212802e+34", "status": "MANUAL_REVIEW"}],
		"juspay": {}
	}`), &o))
	assert.Equal(t, &juspay.Order{
		OrderID: "ord_1", Status: juspay.TxnCharged, StatusID: 21, Amount: *amt("1000"),
		EffectiveAmount: amt("999.50"), AmountRefunded: *amt("0"), Refunded: true, GatewayID: 19,
		UDF:          [10]string{0: "u1", 9: "42"},
		PaymentLinks: juspay.PaymentLinks{Web: "https://w"},
		Txn: &juspay.TxnDetail{TxnAmount: amt("1000"), StatusID: 21, Redirect: true,
			Created: time.Date(2021, 12, 25, 17, 43, 48, 0, time.FixedZone("", 5*3600+1800))},
		Refunds: []juspay.Refund{{UniqueRequestID: "r1", Amount: *amt("75"), SentToGateway: true,
			Ref: "2.0220408111212802e+34", Status: juspay.RefundManualReview}},
	}, &o)
	assert.Equal(t, utc("2021-12-25T12:13:48Z"), o.Txn.Created.UTC())
}

func TestOrderDecodingLeavesUnreadableValuesZero(t *testing.T) {
	// Each value has the wrong shape for its field: each is left zero, and
	// the rest of the order still decodes.
	var o juspay.Order
	require.NoError(t, json.Unmarshal([]byte(`{
		"id": {"nested": true}, "order_id": ["a"], "status_id": "twenty", "amount": true,
		"effective_amount": "FILTERED", "amount_refunded": {}, "refunded": 1, "gateway_id": 1.5,
		"date_created": "1111111T07:00:40Z", "last_updated": 1639802535,
		"payment_links": [1, 2], "txn_detail": "FILTERED", "payment_gateway_response": [],
		"refunds": [1, "x", null, {}, {"unique_request_id": "kept"}], "juspay": "FILTERED",
		"currency": "INR"
	}`), &o))
	assert.Equal(t, &juspay.Order{Currency: "INR", Refunds: []juspay.Refund{{UniqueRequestID: "kept"}}}, &o)
}

func TestOrderDecodingTimestampLayouts(t *testing.T) {
	want := utc("2016-08-02T08:07:52Z")
	for _, ts := range []string{"2016-08-02T08:07:52Z", "2016-08-02T08:07:52+0000", "2016-08-02T13:37:52+05:30",
		"2016-08-02T08:07:52.000Z", "2016-08-02T08:07:52.000+00:00"} {
		var o juspay.Order
		require.NoError(t, json.Unmarshal([]byte(`{"date_created":"`+ts+`"}`), &o))
		assert.True(t, want.Equal(o.DateCreated), "%s gave %v", ts, o.DateCreated)
	}
}

func TestCheckoutDecodingRefusesOnlyWhatIsNotJSON(t *testing.T) {
	for _, body := range []string{`{"order_id": "a"`, `<html>`, ``, `{"a":1}}`} {
		assert.Error(t, json.Unmarshal([]byte(body), new(juspay.Order)), "order %q", body)
		assert.Error(t, json.Unmarshal([]byte(body), new(juspay.Customer)), "customer %q", body)
		assert.Error(t, json.Unmarshal([]byte(body), new(juspay.Refund)), "refund %q", body)
		assert.Error(t, json.Unmarshal([]byte(body), new(juspay.TxnDetail)), "txn %q", body)
	}
	for _, body := range []string{`null`, `"FILTERED"`, `{}`, `[]`, `42`} {
		o := juspay.Order{OrderID: "stale"}
		assert.NoError(t, json.Unmarshal([]byte(body), &o), body)
		if body != "null" {
			assert.Equal(t, juspay.Order{}, o, body)
		}
		assert.NoError(t, json.Unmarshal([]byte(body), new(juspay.Customer)), body)
		assert.NoError(t, json.Unmarshal([]byte(body), new(juspay.Refund)), body)
		assert.NoError(t, json.Unmarshal([]byte(body), new(juspay.TxnDetail)), body)
	}
}

func TestCustomerDecodesIDFallback(t *testing.T) {
	// One of Juspay's pages calls the ID customer_id.
	var c juspay.Customer
	require.NoError(t, json.Unmarshal([]byte(`{"customer_id":"cst_1","object_reference_id":"ref"}`), &c))
	assert.Equal(t, "cst_1", c.ID)
	require.NoError(t, json.Unmarshal([]byte(`{"id":"cst_2","customer_id":"other"}`), &c))
	assert.Equal(t, "cst_2", c.ID)
}

func TestTxnStatusPending(t *testing.T) {
	pending := []juspay.TxnStatus{juspay.TxnStarted, juspay.TxnPendingVBV, juspay.TxnVBVSuccessful, juspay.TxnAuthorizing}
	for _, s := range pending {
		assert.True(t, s.Pending(), s)
	}
	settled := []juspay.TxnStatus{juspay.TxnNew, juspay.TxnCharged, juspay.TxnAuthenticationFailed,
		juspay.TxnAuthorizationFailed, juspay.TxnJuspayDeclined, juspay.TxnAuthorized, juspay.TxnAutoRefunded,
		juspay.TxnPartialCharged, "COD_INITIATED", "CREATED", "", "pending_vbv"}
	for _, s := range settled {
		assert.False(t, s.Pending(), s)
	}
}

func TestFindRefund(t *testing.T) {
	o := &juspay.Order{Refunds: []juspay.Refund{{UniqueRequestID: "r1", Amount: *amt("1")}, {UniqueRequestID: "r2", Amount: *amt("2")}}}
	r, ok := o.FindRefund("r2")
	require.True(t, ok)
	assert.Equal(t, "2", r.Amount.String())
	r.Status = juspay.RefundSuccess // points into the order
	assert.Equal(t, juspay.RefundSuccess, o.Refunds[1].Status)
	_, ok = o.FindRefund("r3")
	assert.False(t, ok)
	_, ok = (*juspay.Order)(nil).FindRefund("r1")
	assert.False(t, ok)
}

func TestCheckoutDecodingKeepsUnknownStatuses(t *testing.T) {
	var o juspay.Order
	require.NoError(t, json.Unmarshal([]byte(`{"status":"TO_BE_CHARGED","txn_detail":{"status":"VOID_INITIATED"},
		"refunds":[{"unique_request_id":"r1","status":"QUEUED"}]}`), &o))
	assert.Equal(t, juspay.TxnStatus("TO_BE_CHARGED"), o.Status)
	assert.False(t, o.Status.Pending())
	require.NotNil(t, o.Txn)
	assert.Equal(t, juspay.TxnStatus("VOID_INITIATED"), o.Txn.Status)
	assert.Equal(t, juspay.RefundStatus("QUEUED"), o.Refunds[0].Status)
}

func TestCustomerAndRefundDecodeLoosely(t *testing.T) {
	// The customer and refund read the same forms as the order: text for
	// numbers and booleans, masked values, and every timestamp layout.
	var c juspay.Customer
	require.NoError(t, json.Unmarshal([]byte(`{"id":"cst_1","mobile_number":9988776655,"mobile_country_code":"91",
		"email_address":"FILTERED","first_name":null,"last_name":{},"object_reference_id":"null",
		"date_created":"2016-08-02T08:07:52+0000","last_updated":"2016-08-02T13:37:52.250+05:30",
		"juspay":{"client_auth_token":"tkn_1","client_auth_token_expiry":"2020-03-17T14:28:37.5Z"}}`), &c))
	assert.Equal(t, juspay.Customer{
		ID: "cst_1", MobileNumber: "9988776655", MobileCountryCode: "91",
		DateCreated: utc("2016-08-02T08:07:52Z"), LastUpdated: c.LastUpdated,
		ClientAuth: &juspay.ClientAuthToken{Token: "tkn_1", Expiry: utc("2020-03-17T14:28:37.5Z")},
	}, c)
	assert.True(t, utc("2016-08-02T08:07:52.25Z").Equal(c.LastUpdated), c.LastUpdated)

	var rf juspay.Refund
	require.NoError(t, json.Unmarshal([]byte(`{"unique_request_id":"r1","amount":"75.5","sent_to_gateway":"TRUE",
		"id":null,"ref":{},"refund_arn":"arn_1","gateway":"PAYTM","error_code":"","created":"FILTERED"}`), &rf))
	assert.Equal(t, juspay.Refund{UniqueRequestID: "r1", Amount: *amt("75.5"), SentToGateway: true,
		ARN: "arn_1", RefundSource: "PAYTM"}, rf)
}
