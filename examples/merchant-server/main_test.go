package main

import (
	"bytes"
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

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
	"github.com/gojuspay/juspay/webhook"
)

// TestMain fails the tests if a goroutine outlives them: a webhook delivery,
// a shop request or a server left running.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestDemo(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, demo(context.Background(), &out))
	text := out.String()
	for _, line := range []string{
		`"linked":true,"balance":250`,
		`"status":"CHARGED"`,
		"Juspay delivered ORDER_SUCCEEDED evt_",
		"the shop answered 200",
		"confirmed with Orders.Get: CHARGED",
		`"fulfilled":true,"webhooks":["ORDER_SUCCEEDED","TXN_CHARGED"]`,
		"verified: CHARGED (21)",
		"Thank you: your payment went through.",
		"400 Bad Request This link was not made by our payment provider.",
		"already handled",
		"waiting for the order to settle",
		"settled as CHARGED",
		`"balance":29.50`,
	} {
		assert.Contains(t, text, line)
	}
	assert.NotContains(t, text, "tk_", "no wallet token is printed")
}

// fixture is the shop served by httptest, against a fake Juspay that
// delivers its webhooks to it.
type fixture struct {
	fake  *juspaytest.Server
	s     *server
	shop  *httptest.Server
	creds webhook.Credentials
	key   string
}

func setup(t *testing.T, opts ...juspay.Option) *fixture {
	t.Helper()
	fake, client := juspaytest.Start(t)
	if len(opts) > 0 {
		var err error
		client, err = fake.NewClient(opts...)
		require.NoError(t, err)
	}
	f := &fixture{fake: fake, creds: webhook.Credentials{Username: "shop", Password: "test-webhook-password"}, key: "test-response-key"}
	f.s = &server{juspay: client, creds: []webhook.Credentials{f.creds}, responseKey: f.key, store: newStore(), log: io.Discard}
	f.shop = httptest.NewServer(f.s.routes())
	t.Cleanup(f.shop.Close)
	f.s.returnURL = f.shop.URL + "/juspay/return"
	fake.SetWebhook(f.shop.URL+"/juspay/webhook", f.creds.Username, f.creds.Password)
	return f
}

// call sends a JSON request to the shop and decodes its JSON answer.
func (f *fixture) call(t *testing.T, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, f.shop.URL+path, rd)
	require.NoError(t, err)
	resp, err := f.shop.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var m map[string]any
	_ = json.Unmarshal(raw, &m) // the return page is HTML
	if m == nil {
		m = map[string]any{"text": string(raw)}
	}
	return resp.StatusCode, m
}

// linkedWallet signs a customer up and links a Paytm wallet holding 250.
func (f *fixture) linkedWallet(t *testing.T, userID string) (customerID, walletID string) {
	t.Helper()
	status, m := f.call(t, "POST", "/customers", map[string]string{"user_id": userID, "mobile_number": "9999999999"})
	require.Equal(t, http.StatusOK, status, m)
	customerID = m["customer_id"].(string)
	status, m = f.call(t, "POST", "/customers/"+customerID+"/wallets", map[string]string{"wallet": "PAYTM", "mobile_number": "9999999999"})
	require.Equal(t, http.StatusOK, status, m)
	walletID = m["wallet"].(map[string]any)["wallet_id"].(string)
	otp, ok := f.fake.OTP(walletID)
	require.True(t, ok)
	status, m = f.call(t, "POST", "/customers/"+customerID+"/wallets/"+walletID+"/link", map[string]string{"otp": otp})
	require.Equal(t, http.StatusOK, status, m)
	require.Equal(t, true, m["linked"])
	return customerID, walletID
}

func (f *fixture) pay(t *testing.T, customerID, walletID, amount string) string {
	t.Helper()
	status, m := f.call(t, "POST", "/customers/"+customerID+"/orders", map[string]string{"amount": amount, "wallet_id": walletID})
	require.Equal(t, http.StatusOK, status, m)
	return m["order_id"].(string)
}

// paidAndDelivered pays 10 from a newly linked wallet of userID and waits
// until the shop has taken both webhooks of the payment; it returns the
// order ID and the ORDER_SUCCEEDED delivery.
func (f *fixture) paidAndDelivered(t *testing.T, userID string) (string, juspaytest.Delivery) {
	t.Helper()
	customerID, walletID := f.linkedWallet(t, userID)
	orderID := f.pay(t, customerID, walletID, "10")
	d := waitDelivery(t, f.fake, "ORDER_SUCCEEDED")
	waitDelivery(t, f.fake, "TXN_CHARGED")
	return orderID, d
}

func mustAmount(t *testing.T, s string) juspay.Amount {
	t.Helper()
	a, err := juspay.ParseAmount(s)
	require.NoError(t, err)
	return a
}

func waitDelivery(t *testing.T, fake *juspaytest.Server, name string) juspaytest.Delivery {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	d, err := fake.WaitDelivery(ctx, name)
	require.NoError(t, err)
	return d
}

// orderGets counts the shop's order status reads of an order.
func orderGets(fake *juspaytest.Server, orderID string) int {
	n := 0
	for _, r := range fake.Requests() {
		if r.Method == http.MethodGet && r.Path == "/orders/"+orderID {
			n++
		}
	}
	return n
}

func TestWalletsShowBalancesAndNoToken(t *testing.T) {
	f := setup(t)
	customerID, walletID := f.linkedWallet(t, "user-1")
	status, m := f.call(t, "GET", "/customers/"+customerID+"/wallets", nil)
	require.Equal(t, http.StatusOK, status)
	wallets := m["wallets"].([]any)
	require.Len(t, wallets, 1)
	w := wallets[0].(map[string]any)
	assert.Equal(t, walletID, w["wallet_id"])
	assert.Equal(t, 250.0, w["balance"])
	assert.NotContains(t, w, "token", "a wallet's token pays for orders: it never leaves the server")
}

func TestLinkWithAWrongOTPLeavesTheWalletUnlinked(t *testing.T) {
	f := setup(t)
	_, m := f.call(t, "POST", "/customers", map[string]string{"user_id": "user-2", "mobile_number": "9999999999"})
	customerID := m["customer_id"].(string)
	_, m = f.call(t, "POST", "/customers/"+customerID+"/wallets", map[string]string{"wallet": "PAYTM", "mobile_number": "9999999999"})
	walletID := m["wallet"].(map[string]any)["wallet_id"].(string)
	status, m := f.call(t, "POST", "/customers/"+customerID+"/wallets/"+walletID+"/link", map[string]string{"otp": "000000"})
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, false, m["linked"])
}

func TestPayIsConfirmedByTheWebhook(t *testing.T) {
	f := setup(t)
	customerID, walletID := f.linkedWallet(t, "user-3")
	orderID := f.pay(t, customerID, walletID, "120.50")

	d := waitDelivery(t, f.fake, "ORDER_SUCCEEDED")
	assert.Equal(t, orderID, d.OrderID)
	assert.Equal(t, http.StatusOK, d.Status)
	// The fake delivers TXN_CHARGED right after ORDER_SUCCEEDED, and the shop
	// confirms each event on its own: wait for both before counting.
	txn := waitDelivery(t, f.fake, "TXN_CHARGED")
	assert.Equal(t, http.StatusOK, txn.Status)
	assert.Equal(t, 2, orderGets(f.fake, orderID), "each webhook was confirmed with Orders.Get")

	_, m := f.call(t, "GET", "/orders/"+orderID, nil)
	assert.Equal(t, "CHARGED", m["status"])
	assert.Equal(t, true, m["fulfilled"])
	assert.Contains(t, m["webhooks"], "ORDER_SUCCEEDED")
}

func TestPaySettlesAnUnknownOutcomeWithWait(t *testing.T) {
	f := setup(t)
	customerID, walletID := f.linkedWallet(t, "user-4")
	f.fake.FailPath("/txns", 1, juspaytest.CutBodyFault()) // the debit lands, its answer does not
	orderID := f.pay(t, customerID, walletID, "100")

	_, m := f.call(t, "GET", "/orders/"+orderID, nil)
	assert.Equal(t, "CHARGED", m["status"])
	w, ok := f.fake.Wallet(walletID)
	require.True(t, ok)
	assert.Equal(t, "150", w.Balance, "debited once, never again to find out")
	debits := 0
	for _, r := range f.fake.Requests() {
		if r.Path == "/txns" {
			debits++
		}
	}
	assert.Equal(t, 1, debits)
}

func TestPayRefusesAnotherCustomersWallet(t *testing.T) {
	f := setup(t)
	_, walletID := f.linkedWallet(t, "user-5")
	otherID, _ := f.linkedWallet(t, "user-6")
	status, m := f.call(t, "POST", "/customers/"+otherID+"/orders", map[string]string{"amount": "10", "wallet_id": walletID})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, m["error"], "not one of the customer's wallets")
	w, _ := f.fake.Wallet(walletID)
	assert.Equal(t, "250", w.Balance)
}

// postEvent delivers a webhook body to the shop as Juspay would.
func (f *fixture) postEvent(t *testing.T, body string, creds webhook.Credentials) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, f.shop.URL+"/juspay/webhook", strings.NewReader(body))
	require.NoError(t, err)
	req.SetBasicAuth(creds.Username, creds.Password)
	resp, err := f.shop.Client().Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

func TestWebhookIsDeduplicatedByEventID(t *testing.T) {
	f := setup(t)
	orderID, d := f.paidAndDelivered(t, "user-7")
	before := orderGets(f.fake, orderID)

	assert.Equal(t, http.StatusOK, f.postEvent(t, string(d.Body), f.creds))
	assert.Equal(t, before, orderGets(f.fake, orderID), "a repeated event is not processed again")
	_, m := f.call(t, "GET", "/orders/"+orderID, nil)
	assert.Len(t, m["webhooks"], 2, "ORDER_SUCCEEDED and TXN_CHARGED, once each")
}

// A webhook alone never fulfils: the shop acts on the order as Juspay
// reports it, and this one is not paid.
func TestForgedWebhookForAnUnpaidOrderIsNotActedOn(t *testing.T) {
	f := setup(t)
	customerID, _ := f.linkedWallet(t, "user-8")
	require.NoError(t, f.fake.AddOrder("ord_unpaid_1", "10"))
	f.s.store.add(order{ID: "ord_unpaid_1", CustomerID: customerID, Status: "NEW", Amount: mustAmount(t, "10")})

	body := `{"id":"evt_V2_forged","event_name":"ORDER_SUCCEEDED","date_created":"2024-01-01T00:00:00Z",
		"content":{"order":{"order_id":"ord_unpaid_1","status":"CHARGED","amount":10}}}`
	assert.Equal(t, http.StatusOK, f.postEvent(t, body, f.creds))
	_, m := f.call(t, "GET", "/orders/ord_unpaid_1", nil)
	assert.Equal(t, "NEW", m["status"], "the status Orders.Get read, not the webhook's")
	assert.Equal(t, false, m["fulfilled"])

	assert.Equal(t, http.StatusUnauthorized, f.postEvent(t, body, webhook.Credentials{Username: "shop", Password: "guess"}))
}

// An order paid at Juspay for another amount than the shop priced is not
// fulfilled.
func TestWebhookForAnotherAmountIsNotActedOn(t *testing.T) {
	f := setup(t)
	customerID, walletID := f.linkedWallet(t, "user-12")
	f.fake.SetWebhook("", "", "") // this test delivers by hand
	require.NoError(t, f.fake.AddOrder("ord_priced_1", "20"))
	f.s.store.add(order{ID: "ord_priced_1", CustomerID: customerID, Status: "NEW", Amount: mustAmount(t, "10")})
	ctx := context.Background()
	w, err := f.s.juspay.Wallets.Get(ctx, walletID)
	require.NoError(t, err)
	txn, err := f.s.juspay.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_priced_1", PaymentMethod: w.Wallet, DirectWalletToken: w.Token})
	require.NoError(t, err)
	require.Equal(t, juspay.TxnCharged, txn.Status)

	body := `{"id":"evt_V2_priced","event_name":"ORDER_SUCCEEDED","content":{"order":{"order_id":"ord_priced_1","status":"CHARGED"}}}`
	assert.Equal(t, http.StatusOK, f.postEvent(t, body, f.creds))
	_, m := f.call(t, "GET", "/orders/ord_priced_1", nil)
	assert.Equal(t, false, m["fulfilled"])
	assert.Empty(t, m["webhooks"])
}

// While the order cannot be read, the handler answers 500 (Juspay delivers
// the event again), and the event is handled when it comes again.
func TestWebhookIsRetriedWhileTheOrderCannotBeRead(t *testing.T) {
	f := setup(t)
	orderID, d := f.paidAndDelivered(t, "user-9")
	again := strings.Replace(string(d.Body), d.EventID, d.EventID+"_2", 1) // a new event about the order
	before := orderGets(f.fake, orderID)

	// Every attempt of one Orders.Get (the SDK retries a 503 twice).
	f.fake.FailPath("/orders/"+orderID, 3, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))
	assert.Equal(t, http.StatusInternalServerError, f.postEvent(t, again, f.creds))
	assert.Equal(t, http.StatusOK, f.postEvent(t, again, f.creds))
	assert.Equal(t, before+3+1, orderGets(f.fake, orderID), "three failed attempts, then read again when delivered again")
}

// Juspay's production payloads mask fields and write numbers as text; the
// shop only needs the order ID from them.
func TestMaskedWebhooks(t *testing.T) {
	f := setup(t)
	f.fake.MaskWebhooks(true)
	customerID, walletID := f.linkedWallet(t, "user-11")
	orderID := f.pay(t, customerID, walletID, "10")
	for _, name := range []string{"ORDER_SUCCEEDED", "TXN_CHARGED"} {
		d := waitDelivery(t, f.fake, name)
		assert.Equal(t, http.StatusOK, d.Status)
		assert.Contains(t, string(d.Body), "FILTERED")
	}
	_, m := f.call(t, "GET", "/orders/"+orderID, nil)
	assert.ElementsMatch(t, []any{"ORDER_SUCCEEDED", "TXN_CHARGED"}, m["webhooks"])
}

func TestReturnURL(t *testing.T) {
	f := setup(t)
	customerID, walletID := f.linkedWallet(t, "user-10")
	orderID := f.pay(t, customerID, walletID, "10")
	q, err := f.fake.ReturnQuery(orderID, f.key)
	require.NoError(t, err)

	status, m := f.call(t, "GET", "/juspay/return?"+q.Encode(), nil)
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, m["text"], "your payment went through")

	for name, edit := range map[string]func(url.Values){
		"another order": func(q url.Values) { q.Set("order_id", "ord_other") },
		"no signature":  func(q url.Values) { q.Del("signature") },
		"another key": func(q url.Values) {
			q2, _ := f.fake.ReturnQuery(orderID, "not-the-key")
			q.Set("signature", q2.Get("signature"))
		},
		"another status": func(q url.Values) { q.Set("status", "AUTHORIZED") },
	} {
		t.Run(name, func(t *testing.T) {
			q, err := f.fake.ReturnQuery(orderID, f.key)
			require.NoError(t, err)
			edit(q)
			status, m := f.call(t, "GET", "/juspay/return?"+q.Encode(), nil)
			assert.Equal(t, http.StatusBadRequest, status)
			assert.Contains(t, m["text"], "not made by our payment provider")
		})
	}
}

// gate holds the first read of one order until it is opened, so that a test
// can act while a webhook is half-way through being handled.
type gate struct {
	base    *http.Transport
	entered chan struct{} // closed when the held read arrives
	open    chan struct{} // close it to let the held read through

	mu   sync.Mutex
	path string // the order read to hold; "" holds none
	held bool
}

func newGate(t *testing.T) *gate {
	g := &gate{base: http.DefaultTransport.(*http.Transport).Clone(), entered: make(chan struct{}), open: make(chan struct{})}
	t.Cleanup(g.base.CloseIdleConnections)
	return g
}

func (g *gate) hold(orderID string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.path = "/orders/" + orderID
}

func (g *gate) RoundTrip(r *http.Request) (*http.Response, error) {
	g.mu.Lock()
	first := !g.held && g.path != "" && r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, g.path)
	if first {
		g.held = true
	}
	g.mu.Unlock()
	if first {
		close(g.entered)
		<-g.open
	}
	return g.base.RoundTrip(r)
}

// Juspay may deliver one event twice at the same moment (a redelivery
// while the first attempt is still being handled): it is acted on once, and
// the delivery that arrives during the work answers 500, so that Juspay
// delivers it again instead of taking it as handled before it is.
func TestConcurrentDeliveriesOfOneEventAreHandledOnce(t *testing.T) {
	g := newGate(t)
	f := setup(t, juspay.WithHTTPClient(&http.Client{Transport: g}))
	orderID, d := f.paidAndDelivered(t, "user-13")
	again := strings.Replace(string(d.Body), d.EventID, d.EventID+"_2", 1) // a new event about the order
	before := orderGets(f.fake, orderID)

	g.hold(orderID)
	first := make(chan int, 1)
	go func() {
		req, err := http.NewRequest(http.MethodPost, f.shop.URL+"/juspay/webhook", strings.NewReader(again))
		if err != nil {
			first <- 0
			return
		}
		req.SetBasicAuth(f.creds.Username, f.creds.Password)
		resp, err := f.shop.Client().Do(req)
		if err != nil {
			first <- 0
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	select {
	case <-g.entered: // the first delivery is confirming the order
	case status := <-first:
		t.Fatalf("the first delivery ended (%d) without confirming the order", status)
	}
	assert.Equal(t, http.StatusInternalServerError, f.postEvent(t, again, f.creds), "the same event, while it is being handled")
	close(g.open)
	assert.Equal(t, http.StatusOK, <-first)
	assert.Equal(t, http.StatusOK, f.postEvent(t, again, f.creds), "delivered again once handled")

	assert.Equal(t, before+1, orderGets(f.fake, orderID), "confirmed once")
	_, m := f.call(t, "GET", "/orders/"+orderID, nil)
	assert.Equal(t, []any{"ORDER_SUCCEEDED", "TXN_CHARGED", "ORDER_SUCCEEDED"}, m["webhooks"], "the new event acted on once")
}

// An event without an ID cannot be deduplicated: each delivery is confirmed
// with Orders.Get, and none is mistaken for another.
func TestWebhookWithoutAnIDIsActedOnEachTime(t *testing.T) {
	f := setup(t)
	orderID, _ := f.paidAndDelivered(t, "user-14")
	before := orderGets(f.fake, orderID)

	body := `{"event_name":"ORDER_SUCCEEDED","content":{"order":{"order_id":"` + orderID + `","status":"CHARGED"}}}`
	assert.Equal(t, http.StatusOK, f.postEvent(t, body, f.creds))
	assert.Equal(t, http.StatusOK, f.postEvent(t, body, f.creds))
	assert.Equal(t, before+2, orderGets(f.fake, orderID))
	_, m := f.call(t, "GET", "/orders/"+orderID, nil)
	assert.Equal(t, true, m["fulfilled"])
}
