package juspaytest_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func orderForm(orderID, amount string) url.Values {
	return url.Values{
		"order_id":               {orderID},
		"amount":                 {amount},
		"currency":               {"INR"},
		"customer_id":            {juspaytest.SampleCustomerID},
		"customer_email":         {"test@gmail.com"},
		"customer_phone":         {"9999999999"},
		"return_url":             {"https://shop.example/return"},
		"udf1":                   {"cart-7"},
		"metadata.PAYTM:CUST_ID": {"cust-7"},
	}
}

func TestCreateOrder(t *testing.T) {
	srv := withSample(t)
	form := orderForm("ord_1", "1.50")
	form.Set("options.get_client_auth_token", "true")
	r := do(t, srv, http.MethodPost, "/orders", form)
	m := requireOK(t, r)
	assertCovers(t, checkout(t, "create-order--response.json"), r.body)
	assert.Equal(t, "NEW", m["status"])
	assert.Equal(t, "10", string(m["status_id"].(jsonNumber)))
	assert.Equal(t, "1.50", string(m["amount"].(jsonNumber)))
	assert.Equal(t, "0", string(m["amount_refunded"].(jsonNumber)))
	assert.Equal(t, false, m["refunded"])
	assert.Equal(t, "ord_1", m["order_id"])
	assert.Equal(t, srv.MerchantID, m["merchant_id"])
	assert.Equal(t, "cart-7", m["udf1"])
	assert.Equal(t, "https://shop.example/return", m["return_url"])
	id := m["id"].(string)
	assert.True(t, strings.HasPrefix(id, "ordeh_"), id)
	links := m["payment_links"].(map[string]any)
	assert.Equal(t, srv.URL+"/merchant/pay/"+id, links["web"])
	assert.True(t, strings.HasPrefix(m["juspay"].(map[string]any)["client_auth_token"].(string), "tkn_"))

	o, ok := srv.Order("ord_1")
	require.True(t, ok)
	assert.Equal(t, juspaytest.Order{
		OrderID: "ord_1", ID: id, Amount: "1.50", Currency: "INR", CustomerID: juspaytest.SampleCustomerID,
		Status: "NEW", AmountRefunded: "0", UDF: [10]string{"cart-7"},
		Metadata: map[string]string{"PAYTM:CUST_ID": "cust-7"},
	}, o)

	// Without the option, no token; the currency defaults to INR.
	r = do(t, srv, http.MethodPost, "/orders", url.Values{"order_id": {"ord_2"}, "amount": {"100"}})
	m = requireOK(t, r)
	assert.NotContains(t, m, "juspay")
	assert.Equal(t, "INR", m["currency"])
}

// A create with an order_id the server holds changes nothing and answers
// the order as it stands.
func TestCreateOrderRepeat(t *testing.T) {
	srv := withSample(t)
	first := requireOK(t, do(t, srv, http.MethodPost, "/orders", orderForm("ord_1", "10")))
	again := requireOK(t, do(t, srv, http.MethodPost, "/orders", orderForm("ord_1", "20")))
	assert.Equal(t, first["id"], again["id"])
	assert.Equal(t, "10", string(again["amount"].(jsonNumber)))
	o, _ := srv.Order("ord_1")
	assert.Equal(t, "10", o.Amount)
}

func TestCreateOrderErrors(t *testing.T) {
	srv := withSample(t)
	form := orderForm("ord_1", "1")
	form.Set("currency", "inr")
	requireSample(t, do(t, srv, http.MethodPost, "/orders", form), 400, "error--create-order-invalid-currency.json")

	tests := []struct {
		name, orderID, amount, field, reason string
	}{
		{"no amount", "ord_1", "", "amount", "Missing field or Invalid Value"},
		{"text amount", "ord_1", "ten", "amount", "Missing field or Invalid Value"},
		{"negative amount", "ord_1", "-1", "amount", "Invalid amount"},
		{"zero amount", "ord_1", "0", "amount", "Invalid amount"},
		{"three decimals", "ord_1", "100.153", "amount", "Invalid amount"},
		{"no order ID", "", "1", "order_id", "Missing field or Invalid Value"},
		{"long order ID", strings.Repeat("o", 21), "1", "order_id", "Missing field or Invalid Value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, srv, http.MethodPost, "/orders", orderForm(tt.orderID, tt.amount))
			want := strings.NewReplacer(`"currency"`, `"`+tt.field+`"`, "Missing field or Invalid Value", tt.reason).
				Replace(string(checkout(t, "error--create-order-invalid-currency.json")))
			require.Equal(t, 400, r.status)
			assert.Equal(t, normalise(t, []byte(want)), normalise(t, r.body))
		})
	}
	_, ok := srv.Order("ord_1")
	assert.False(t, ok, "a refused create adds nothing")
}

func TestGetUnknownOrder(t *testing.T) {
	srv := newServer(t)
	requireSample(t, do(t, srv, http.MethodGet, "/orders/173824171", nil), 400, "error--order-not-found.json")
	requireSample(t, do(t, srv, http.MethodPost, "/orders/173824171", url.Values{"amount": {"1"}}), 400, "error--order-not-found.json")
}

// After a direct debit the order status carries the attempt, in the shape
// of Juspay's wallet sample.
func TestOrderStatusAfterDebit(t *testing.T) {
	srv := withSample(t)
	requireOK(t, do(t, srv, http.MethodPost, "/orders", orderForm("ord_1", "1")))
	before := requireOK(t, do(t, srv, http.MethodGet, "/orders/ord_1", nil))
	assert.NotContains(t, before, "txn_detail", "no attempt yet")
	assert.NotContains(t, before, "txn_id")

	requireOK(t, do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken)))
	r := do(t, srv, http.MethodGet, "/orders/ord_1?options.add_full_gateway_response=true", nil)
	m := requireOK(t, r)
	// payer_vpa is the sample's UPI-app wallet's; refunds come with a refund.
	assertCoversExcept(t, checkout(t, "order-status--wallet.json"), r.body, "payer_vpa", "refunds")
	assert.Equal(t, "CHARGED", m["status"])
	assert.Equal(t, "21", string(m["status_id"].(jsonNumber)))
	assert.Equal(t, "WALLET", m["payment_method_type"])
	assert.Equal(t, "PAYTM", m["payment_method"])
	assert.Equal(t, srv.MerchantID+"-ord_1-1", m["txn_id"])
	txn := m["txn_detail"].(map[string]any)
	assert.Equal(t, "CHARGED", txn["status"])
	assert.Equal(t, "DIRECT_DEBIT", txn["txn_flow_type"])
	assert.Equal(t, m["txn_id"], txn["txn_id"])
	assert.Equal(t, m["txn_uuid"], txn["txn_uuid"])
	assert.Equal(t, "1", string(txn["txn_amount"].(jsonNumber)))
	assert.Equal(t, "ord_1", txn["order_id"])
	pg := m["payment_gateway_response"].(map[string]any)
	assert.Equal(t, m["txn_id"], pg["txn_id"])
	assert.Equal(t, "Txn Success", pg["resp_message"])
	assert.Equal(t, "Txn Success", pg["gateway_response"].(map[string]any)["resMessage"])
	plain := requireOK(t, do(t, srv, http.MethodGet, "/orders/ord_1", nil))
	assert.NotContains(t, plain["payment_gateway_response"], "gateway_response", "only on request")
	o, _ := srv.Order("ord_1")
	assert.Equal(t, "CHARGED", o.Status)
	assert.Equal(t, m["txn_id"], o.TxnID)
}

func TestUpdateOrder(t *testing.T) {
	srv := withSample(t)
	requireOK(t, do(t, srv, http.MethodPost, "/orders", orderForm("ord_1", "100")))
	r := do(t, srv, http.MethodPost, "/orders/ord_1", url.Values{"amount": {"90"}, "udf2": {"gift"}})
	m := requireOK(t, r)
	assertCoversExcept(t, checkout(t, "update-order--response.json"), r.body, "offers")
	assert.Equal(t, "90", string(m["amount"].(jsonNumber)))
	assert.Equal(t, "gift", m["udf2"])
	assert.Equal(t, "cart-7", m["udf1"], "a udf not sent is left as it was")

	r = do(t, srv, http.MethodPost, "/orders/ord_1", url.Values{"amount": {"0"}})
	require.Equal(t, 400, r.status)
	o, _ := srv.Order("ord_1")
	assert.Equal(t, "90", o.Amount)

	// Once CHARGED, an order cannot change.
	require.NoError(t, srv.AddOrder("ord_1", "1"))
	requireOK(t, do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken)))
	r = do(t, srv, http.MethodPost, "/orders/ord_1", url.Values{"amount": {"2"}})
	require.Equal(t, 400, r.status)
	info := r.json(t)["error_info"].(map[string]any)
	assert.Equal(t, "INVALID_ACTION", info["code"])
}
