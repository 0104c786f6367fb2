package juspaytest_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func refundForm(key, amount string) url.Values {
	return url.Values{"unique_request_id": {key}, "amount": {amount}}
}

// chargedOrder makes a CHARGED order of amount, paid from the sample's
// PAYTM wallet.
func chargedOrder(t *testing.T, srv *juspaytest.Server, orderID, amount string) {
	t.Helper()
	requireOK(t, do(t, srv, http.MethodPost, "/orders", orderForm(orderID, amount)))
	token := requireOK(t, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil))["token"].(string)
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, orderID, "PAYTM", token))
	require.Equal(t, "CHARGED", requireOK(t, r)["status"])
}

func TestRefund(t *testing.T) {
	srv := withSample(t)
	chargedOrder(t, srv, "ord_1", "10")
	r := do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_1", "4"))
	m := requireOK(t, r)
	// card, offers, metadata, rewards_breakup and bank_pg belong to the
	// sample's card payment.
	assertCoversExcept(t, checkout(t, "refund-order--response.json"), r.body, "card", "offers", "metadata", "rewards_breakup", "bank_pg")
	assert.Equal(t, "CHARGED", m["status"], "a refund leaves the order CHARGED")
	assert.Equal(t, "4", string(m["amount_refunded"].(jsonNumber)), "a PENDING refund counts")
	assert.Equal(t, false, m["refunded"], "only a full refund sets refunded")
	refunds := m["refunds"].([]any)
	require.Len(t, refunds, 1)
	rf := refunds[0].(map[string]any)
	assert.Equal(t, "rf_1", rf["unique_request_id"])
	assert.Equal(t, "PENDING", rf["status"])
	assert.Equal(t, false, rf["sent_to_gateway"])
	assert.Nil(t, rf["ref"])
	assert.Nil(t, rf["id"])
	assert.Equal(t, "4", string(rf["amount"].(jsonNumber)))

	// The key is Juspay's guard against a double refund.
	requireSample(t, do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_1", "4")), 400, "error--refund-duplicate-in-progress.json")
	require.NoError(t, srv.SettleRefund("ord_1", "rf_1", "SUCCESS"))
	requireSample(t, do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_1", "4")), 400, "error--refund-duplicate.json")

	rf = requireOK(t, do(t, srv, http.MethodGet, "/orders/ord_1", nil))["refunds"].([]any)[0].(map[string]any)
	assert.Equal(t, "SUCCESS", rf["status"])
	assert.Equal(t, true, rf["sent_to_gateway"])
	assert.NotEmpty(t, rf["ref"])
	assert.NotEmpty(t, rf["arn"])

	// What is left can be refunded, no more.
	requireSample(t, do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_2", "6.01")), 400, "error--refund-amount-exceeded.json")
	m = requireOK(t, do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_2", "6")))
	assert.Equal(t, true, m["refunded"])
	assert.Equal(t, "10", string(m["amount_refunded"].(jsonNumber)))

	o, _ := srv.Order("ord_1")
	assert.Equal(t, []juspaytest.Refund{
		{UniqueRequestID: "rf_1", Amount: "4", Status: "SUCCESS"},
		{UniqueRequestID: "rf_2", Amount: "6", Status: "PENDING"},
	}, o.Refunds)
	assert.Equal(t, "10", o.AmountRefunded)
}

func TestRefundErrors(t *testing.T) {
	srv := withSample(t)
	requireSample(t, do(t, srv, http.MethodPost, "/orders/TEST1r32766/refunds", refundForm("rf_1", "1")), 400, "error--refund-order-not-found.json")
	requireOK(t, do(t, srv, http.MethodPost, "/orders", orderForm("ord_1", "10")))
	requireSample(t, do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_1", "1")), 400, "error--refund-order-not-successful.json")
	chargedOrder(t, srv, "ord_2", "10")
	for _, form := range []url.Values{refundForm("", "1"), refundForm("rf_1", ""), {}} {
		requireSample(t, do(t, srv, http.MethodPost, "/orders/ord_2/refunds", form), 400, "error--refund-mandatory-fields-missing.json")
	}
	for _, amount := range []string{"0", "-1", "1.005", "one"} {
		requireSample(t, do(t, srv, http.MethodPost, "/orders/ord_2/refunds", refundForm("rf_1", amount)), 400, "error--refund-amount-zero.json")
	}
	r := do(t, srv, http.MethodPost, "/orders/ord_2/refunds", refundForm("rf_123456789012345678901", "1"))
	assert.Equal(t, "invalid.unique_request_id", requireError(t, r, 400, "ERROR", "invalid.unique_request_id")["error_code"])
	o, _ := srv.Order("ord_2")
	assert.Empty(t, o.Refunds, "no refused refund was made")
}

// A failed refund no longer counts against what the order can refund.
func TestSettleRefund(t *testing.T) {
	srv := withSample(t)
	chargedOrder(t, srv, "ord_1", "10")
	requireOK(t, do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_1", "10")))
	require.Error(t, srv.SettleRefund("ord_1", "rf_1", "PENDING"))
	require.Error(t, srv.SettleRefund("ord_1", "rf_none", "SUCCESS"))
	require.Error(t, srv.SettleRefund("ord_none", "rf_1", "SUCCESS"))
	require.NoError(t, srv.SettleRefund("ord_1", "rf_1", "FAILURE"))
	require.Error(t, srv.SettleRefund("ord_1", "rf_1", "SUCCESS"), "already settled")
	m := requireOK(t, do(t, srv, http.MethodGet, "/orders/ord_1", nil))
	assert.Equal(t, "0", string(m["amount_refunded"].(jsonNumber)))
	rf := m["refunds"].([]any)[0].(map[string]any)
	assert.Equal(t, "FAILURE", rf["status"])
	assert.NotEmpty(t, rf["error_code"])
	requireOK(t, do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_2", "10")))
	require.NoError(t, srv.SettleRefund("ord_1", "rf_2", "MANUAL_REVIEW"))
	o, _ := srv.Order("ord_1")
	assert.Equal(t, "MANUAL_REVIEW", o.Refunds[1].Status)
}

// SettleRefundsAfter settles refunds on their own.
func TestSettleRefundsAfter(t *testing.T) {
	rc := newReceiver(t)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "shop", "pw"))
	chargedOrder(t, srv, "ord_1", "10")
	srv.SettleRefundsAfter(time.Millisecond)
	m := requireOK(t, do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_1", "1")))
	assert.Equal(t, "PENDING", m["refunds"].([]any)[0].(map[string]any)["status"], "PENDING when made")
	// The refund settles on its own, and its webhook says when.
	d := waitDelivery(t, srv, "ORDER_REFUNDED")
	assert.Equal(t, "ord_1", d.OrderID)
	o, _ := srv.Order("ord_1")
	assert.Equal(t, "SUCCESS", o.Refunds[0].Status)
	// Close stops a refund still waiting: nothing outlives the server.
	srv.SettleRefundsAfter(time.Hour)
	requireOK(t, do(t, srv, http.MethodPost, "/orders/ord_1/refunds", refundForm("rf_2", "1")))
	srv.Close()
	o, _ = srv.Order("ord_1")
	assert.Equal(t, "PENDING", o.Refunds[1].Status)
}
