package juspaytest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
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

// A handler that answers non-2xx gets the same event again, until it
// takes it.
func TestWebhookRedelivery(t *testing.T) {
	rc := newReceiver(t, 500, 503)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "shop", "s3cret"))
	chargedOrder(t, srv, "ord_1", "10")
	d := waitDelivery(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, 3, d.Attempt)
	assert.Equal(t, 200, d.Status)

	var attempts []juspaytest.Delivery
	for _, a := range srv.Deliveries() {
		if a.EventName == "ORDER_SUCCEEDED" {
			attempts = append(attempts, a)
		}
	}
	require.Len(t, attempts, 3)
	for i, a := range attempts {
		assert.Equal(t, d.EventID, a.EventID, "one event, one ID")
		assert.Equal(t, i+1, a.Attempt)
		assert.Equal(t, []int{500, 503, 200}[i], a.Status)
		assert.Equal(t, i == 2, a.Final)
		assert.Equal(t, d.Body, a.Body)
	}
}

// An attempt the handler refused shows in Deliveries at once, not after
// the wait before the next attempt; Close gives its event up.
func TestDeliveriesShowAnAttemptBeforeTheRetry(t *testing.T) {
	rc := newReceiver(t, 500)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "shop", "s3cret"), juspaytest.WithWebhookRetries(1, time.Hour))
	chargedOrder(t, srv, "ord_1", "10")
	var first juspaytest.Delivery
	deadline := time.Now().Add(30 * time.Second) // far less than the hour's wait
	for {
		if ds := srv.Deliveries(); len(ds) > 0 {
			first = ds[0]
			break
		}
		require.True(t, time.Now().Before(deadline), "the refused attempt is not shown")
		time.Sleep(time.Millisecond)
	}
	assert.Equal(t, "ORDER_SUCCEEDED", first.EventName)
	assert.Equal(t, 500, first.Status)
	assert.Equal(t, 1, first.Attempt)
	assert.False(t, first.Final, "a retry is due")

	requireCloses(t, srv)
	ds := srv.Deliveries()
	require.Len(t, ds, 1, "the retry was dropped")
	assert.True(t, ds[0].Final, "the event was given up")
}

// Deliveries are bounded: after the retries, the event is given up.
func TestWebhookGivesUp(t *testing.T) {
	rc := newReceiver(t, 503, 503, 503, 503)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "", ""), juspaytest.WithWebhookRetries(1, 0))
	chargedOrder(t, srv, "ord_1", "10")
	d := waitDelivery(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, 2, d.Attempt)
	assert.Equal(t, 503, d.Status)
	assert.True(t, d.Final)
	assert.False(t, rc.received()[0].auth, "no credentials, no Authorization")

	// An endpoint nobody listens on: no status, and why.
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	srv.SetWebhook(dead.URL, "shop", "s3cret")
	chargedOrder(t, srv, "ord_2", "10")
	d = waitDelivery(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, 0, d.Status)
	assert.NotEmpty(t, d.Err)
	assert.NotContains(t, d.Err, "s3cret")
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

// Without a webhook URL nothing is sent; WaitDelivery ends with its
// context or the server.
func TestWaitDeliveryEnds(t *testing.T) {
	srv := withSample(t)
	chargedOrder(t, srv, "ord_1", "10")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := srv.WaitDelivery(ctx, "ORDER_SUCCEEDED")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, srv.Deliveries())

	errc := make(chan error, 1)
	go func() {
		_, err := srv.WaitDelivery(context.Background(), "ORDER_SUCCEEDED")
		errc <- err
	}()
	srv.Close()
	assert.ErrorContains(t, <-errc, "closed")
}

// Close stops a delivery whose handler never answers, and the retries.
func TestCloseStopsDeliveries(t *testing.T) {
	entered := make(chan struct{}, 1)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Read the body, so that net/http watches the connection and ends
		// the context when the client goes.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case entered <- struct{}{}:
		default:
		}
		<-r.Context().Done()
	}))
	defer hang.Close()
	srv := juspaytest.NewServer(juspaytest.WithWebhook(hang.URL, "shop", "s3cret"), juspaytest.WithWebhookRetries(100, time.Hour))
	_, err := srv.AddCustomer(juspaytest.SampleCustomer())
	require.NoError(t, err)
	chargedOrder(t, srv, "ord_1", "10")
	<-entered
	requireCloses(t, srv)
	ds := srv.Deliveries()
	require.Len(t, ds, 1)
	assert.True(t, ds[0].Final, "the event was given up")
	assert.Equal(t, 0, ds[0].Status)
}

// The signed return query, checked against the published test vector.
func TestReturnQuery(t *testing.T) {
	srv := withSample(t)
	chargedOrder(t, srv, "ord_test_001", "1")
	q, err := srv.ReturnQuery("ord_test_001", "test_response_key_123")
	require.NoError(t, err)
	assert.Equal(t, url.Values{
		"order_id":            {"ord_test_001"},
		"status":              {"CHARGED"},
		"status_id":           {"21"},
		"signature":           {"5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%2Fd8hq6ANyZ8Mlg%3D"},
		"signature_algorithm": {"HMAC-SHA256"},
	}, q)
	assert.Contains(t, q.Encode(), "signature=5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%252Fd8hq6ANyZ8Mlg%253D", "as Juspay sends it in the URL")

	other, err := srv.ReturnQuery("ord_test_001", "another_key")
	require.NoError(t, err)
	assert.NotEqual(t, q.Get("signature"), other.Get("signature"))

	// A pending order returns its own status, signed.
	require.NoError(t, srv.AddOrder("ord_2", "1"))
	q, err = srv.ReturnQuery("ord_2", "test_response_key_123")
	require.NoError(t, err)
	assert.Equal(t, "NEW", q.Get("status"))
	assert.Equal(t, "10", q.Get("status_id"))

	_, err = srv.ReturnQuery("ord_none", "test_response_key_123")
	assert.Error(t, err)
	_, err = srv.ReturnQuery("ord_2", "")
	assert.Error(t, err)
}
