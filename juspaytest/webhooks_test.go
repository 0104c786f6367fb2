package juspaytest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// received is one webhook as the merchant's handler got it.
type received struct {
	user, pass string
	auth       bool
	method     string
	ctype      string
	body       []byte
}

// receiver is a merchant's webhook endpoint that answers the statuses it
// was given in turn, then 200.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	statuses []int
	got      []received
}

func newReceiver(t *testing.T, statuses ...int) *receiver {
	t.Helper()
	rc := &receiver{statuses: statuses}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		user, pass, ok := r.BasicAuth()
		rc.mu.Lock()
		rc.got = append(rc.got, received{user, pass, ok, r.Method, r.Header.Get("Content-Type"), body})
		status := http.StatusOK
		if len(rc.statuses) > 0 {
			status, rc.statuses = rc.statuses[0], rc.statuses[1:]
		}
		rc.mu.Unlock()
		w.WriteHeader(status)
	}))
	t.Cleanup(rc.Close)
	return rc
}

func (rc *receiver) received() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]received(nil), rc.got...)
}

func waitDelivery(t *testing.T, srv *juspaytest.Server, name string) juspaytest.Delivery {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	d, err := srv.WaitDelivery(ctx, name)
	require.NoError(t, err, "no %s delivery", name)
	return d
}

// decodeJSON decodes a webhook body, numbers kept as their text.
func decodeJSON(t *testing.T, b []byte) map[string]any {
	t.Helper()
	return response{body: b}.json(t)
}

// A debit that charges sends ORDER_SUCCEEDED and TXN_CHARGED, with Basic
// auth, in the envelope and shape of Juspay's samples.
func TestWebhookOnCharge(t *testing.T) {
	rc := newReceiver(t)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "shop", "s3cret"))
	chargedOrder(t, srv, "ord_1", "10")

	d := waitDelivery(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, 200, d.Status)
	assert.True(t, d.Final)
	assert.Equal(t, 1, d.Attempt)
	assert.Equal(t, "ord_1", d.OrderID)
	assert.Equal(t, rc.URL, d.URL)
	assert.True(t, strings.HasPrefix(d.EventID, "evt_V2_"), d.EventID)
	m := decodeJSON(t, d.Body)
	assert.Equal(t, d.EventID, m["id"])
	assert.Equal(t, "ORDER_SUCCEEDED", m["event_name"])
	_, err := time.Parse(time.RFC3339, m["date_created"].(string))
	assert.NoError(t, err)
	order := m["content"].(map[string]any)["order"].(map[string]any)
	assert.Equal(t, "ord_1", order["order_id"])
	assert.Equal(t, "CHARGED", order["status"])
	assert.Equal(t, "21", string(order["status_id"].(jsonNumber)))
	assert.Equal(t, "10", string(order["amount"].(jsonNumber)))
	// The order is the order status, at the moment of the event: keys the
	// sample's card payment and page flow hold are left out.
	var sample map[string]any
	require.NoError(t, json.Unmarshal(checkout(t, "webhook--order-succeeded.json"), &sample))
	// txn_detail.metadata is the sample's payment page's, gateway_response
	// its card gateway's own fields.
	sampleContent := sample["content"].(map[string]any)["order"].(map[string]any)
	delete(sampleContent["txn_detail"].(map[string]any), "metadata")
	delete(sampleContent["payment_gateway_response"].(map[string]any), "gateway_response")
	sampleOrder, _ := json.Marshal(sample["content"].(map[string]any)["order"])
	gotOrder, _ := json.Marshal(order)
	assertCoversExcept(t, sampleOrder, gotOrder, "offers", "metadata", "card", "maximum_eligible_refund_amount")
	status := requireOK(t, do(t, srv, http.MethodGet, "/orders/ord_1?options.add_full_gateway_response=true", nil))
	delete(status, "last_updated")
	delete(order, "last_updated")
	assert.Equal(t, status, order)

	d = waitDelivery(t, srv, "TXN_CHARGED")
	m = decodeJSON(t, d.Body)
	txn := m["content"].(map[string]any)["txn"].(map[string]any)
	assert.Equal(t, "CHARGED", txn["status"])
	assert.Equal(t, "21", string(txn["status_id"].(jsonNumber)))
	assert.Equal(t, "ord_1", txn["order_id"])
	assert.Equal(t, status["txn_id"], txn["txn_id"])
	require.NoError(t, json.Unmarshal(checkout(t, "webhook--txn-charged.json"), &sample))
	sampleTxn, _ := json.Marshal(sample["content"].(map[string]any)["txn"])
	gotTxn, _ := json.Marshal(txn)
	assertCoversExcept(t, sampleTxn, gotTxn, "card")

	got := rc.received()
	require.Len(t, got, 2)
	for _, r := range got {
		assert.True(t, r.auth)
		assert.Equal(t, "shop", r.user)
		assert.Equal(t, "s3cret", r.pass)
		assert.Equal(t, http.MethodPost, r.method)
		assert.Equal(t, "application/json", r.ctype)
	}
	assert.Equal(t, "ORDER_SUCCEEDED", decodeJSON(t, got[0].body)["event_name"], "in the order they happened")
}

func TestWebhookOnFailureAndRefunds(t *testing.T) {
	rc := newReceiver(t)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "shop", "s3cret"))
	require.NoError(t, srv.AddOrder("ord_1", "10"))
	srv.HoldDebits(true)
	requireOK(t, do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken)))
	assert.Empty(t, srv.Deliveries(), "a held debit has no outcome yet")
	require.NoError(t, srv.SettleOrder("ord_1", "AUTHENTICATION_FAILED"))
	order := decodeJSON(t, waitDelivery(t, srv, "ORDER_FAILED").Body)["content"].(map[string]any)["order"].(map[string]any)
	assert.Equal(t, "AUTHENTICATION_FAILED", order["status"])
	txn := decodeJSON(t, waitDelivery(t, srv, "TXN_FAILED").Body)["content"].(map[string]any)["txn"].(map[string]any)
	assert.Equal(t, "AUTHENTICATION_FAILED", txn["status"])

	srv.HoldDebits(false)
	chargedOrder(t, srv, "ord_2", "10")
	requireOK(t, do(t, srv, http.MethodPost, "/orders/ord_2/refunds", refundForm("rf_1", "4")))
	requireOK(t, do(t, srv, http.MethodPost, "/orders/ord_2/refunds", refundForm("rf_2", "6")))
	require.NoError(t, srv.SettleRefund("ord_2", "rf_1", "SUCCESS"))
	require.NoError(t, srv.SettleRefund("ord_2", "rf_2", "FAILURE"))
	order = decodeJSON(t, waitDelivery(t, srv, "ORDER_REFUNDED").Body)["content"].(map[string]any)["order"].(map[string]any)
	refunds := order["refunds"].([]any)
	assert.Equal(t, "SUCCESS", refunds[0].(map[string]any)["status"])
	assert.Equal(t, "PENDING", refunds[1].(map[string]any)["status"], "the order as it was when rf_1 settled")
	order = decodeJSON(t, waitDelivery(t, srv, "ORDER_REFUND_FAILED").Body)["content"].(map[string]any)["order"].(map[string]any)
	assert.Equal(t, "FAILURE", order["refunds"].([]any)[1].(map[string]any)["status"])
	assert.Equal(t, "4", string(order["amount_refunded"].(jsonNumber)))
}

// Masked payloads carry production's quirks.
func TestMaskedWebhook(t *testing.T) {
	rc := newReceiver(t)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "shop", "s3cret"))
	srv.MaskWebhooks(true)
	chargedOrder(t, srv, "ord_1", "10.50")
	m := decodeJSON(t, waitDelivery(t, srv, "ORDER_SUCCEEDED").Body)
	assert.Equal(t, "ORDER_SUCCEEDED", m["event_name"])
	_, err := time.Parse(time.RFC3339, m["date_created"].(string))
	assert.NoError(t, err, "the envelope is not masked")
	order := m["content"].(map[string]any)["order"].(map[string]any)
	assert.Equal(t, "ord_1", order["order_id"])
	assert.Equal(t, "10.50", order["amount"], "numbers as text")
	assert.Equal(t, "21", order["status_id"])
	assert.Equal(t, "false", order["refunded"], "booleans as text")
	assert.Equal(t, "FILTERED", order["customer_email"])
	assert.Equal(t, "FILTERED", order["customer_id"])
	assert.Equal(t, "FILTERED", order["udf6"])
	assert.Equal(t, "FILTERED", order["maximum_eligible_refund_amount"])
	assert.True(t, strings.HasPrefix(order["date_created"].(string), "1111111T"), order["date_created"])
	detail := order["txn_detail"].(map[string]any)
	assert.Equal(t, map[string]any{}, detail["tax_amount"], "null as {}")
	assert.Equal(t, "FILTERED", detail["txn_flow_type"])
	assert.Equal(t, "false", detail["redirect"])

	txn := decodeJSON(t, waitDelivery(t, srv, "TXN_CHARGED").Body)["content"].(map[string]any)["txn"].(map[string]any)
	assert.Equal(t, "10.50", txn["txn_amount"])

	srv.MaskWebhooks(false)
	chargedOrder(t, srv, "ord_2", "10")
	order = decodeJSON(t, waitDelivery(t, srv, "ORDER_SUCCEEDED").Body)["content"].(map[string]any)["order"].(map[string]any)
	assert.Equal(t, "10", string(order["amount"].(jsonNumber)))
}

// An order's metadata.webhook_url takes its events, with the same
// credentials.
func TestWebhookPerOrderURL(t *testing.T) {
	main, other := newReceiver(t), newReceiver(t)
	srv := withSample(t, juspaytest.WithWebhook(main.URL, "shop", "s3cret"))
	form := orderForm("ord_1", "10")
	form.Set("metadata.webhook_url", other.URL+"/hooks")
	requireOK(t, do(t, srv, http.MethodPost, "/orders", form))
	requireOK(t, do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken)))
	d := waitDelivery(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, other.URL+"/hooks", d.URL)
	waitDelivery(t, srv, "TXN_CHARGED")
	assert.Empty(t, main.received())
	require.Len(t, other.received(), 2)
	assert.Equal(t, "s3cret", other.received()[0].pass)
}
