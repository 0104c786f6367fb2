package webhook_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
	"github.com/gojuspay/juspay/webhook"
)

// juspaytest writes its webhooks and signs its return queries from its own
// code, as Juspay documents them: here the two meet.

const paytmWallet = "wlm_blUutbvo76578u" // SampleCustomer's linked PAYTM wallet, balance 95

// paidOrder has the fake Juspay charge an order from the sample PAYTM
// wallet, as a debit in production would.
func paidOrder(t *testing.T, srv *juspaytest.Server, client *juspay.Client, orderID string) {
	t.Helper()
	ctx := context.Background()
	_, err := srv.AddCustomer(juspaytest.SampleCustomer())
	require.NoError(t, err)
	require.NoError(t, srv.AddOrder(orderID, "10"))
	w, err := client.Wallets.Get(ctx, paytmWallet)
	require.NoError(t, err)
	txn, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: orderID, PaymentMethod: w.Wallet, DirectWalletToken: w.Token})
	require.NoError(t, err)
	require.Equal(t, juspay.TxnCharged, txn.Status)
}

func waitFor(t *testing.T, srv *juspaytest.Server, name string) juspaytest.Delivery {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	d, err := srv.WaitDelivery(ctx, name)
	require.NoError(t, err)
	return d
}

func TestHandlerReceivesJuspaytestDeliveries(t *testing.T) {
	for _, masked := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "masked as production"}[masked]
		t.Run(name, func(t *testing.T) {
			srv, client := juspaytest.Start(t)
			var mu sync.Mutex
			got := map[webhook.EventName]*webhook.Event{}
			hooks := httptest.NewServer(webhook.Handler(func(ctx context.Context, e *webhook.Event) error {
				mu.Lock()
				defer mu.Unlock()
				got[e.Name] = e
				return nil
			}, current, previous))
			t.Cleanup(hooks.Close)
			srv.SetWebhook(hooks.URL, previous.Username, previous.Password) // the old pair, mid-rotation
			srv.MaskWebhooks(masked)

			paidOrder(t, srv, client, "ord_e2e_1")
			for _, name := range []string{"ORDER_SUCCEEDED", "TXN_CHARGED"} {
				d := waitFor(t, srv, name)
				assert.Equal(t, http.StatusOK, d.Status, name)
				assert.Equal(t, 1, d.Attempt, name)
			}
			mu.Lock()
			defer mu.Unlock()
			order := got[webhook.OrderSucceeded]
			require.NotNil(t, order)
			require.NotNil(t, order.Order)
			assert.Equal(t, "ord_e2e_1", order.Order.OrderID)
			assert.Equal(t, juspay.TxnCharged, order.Order.Status)
			assert.Equal(t, 21, order.Order.StatusID)
			assert.Equal(t, "10", order.Order.Amount.String())
			assert.False(t, order.Created.IsZero())
			assert.Regexp(t, `^evt_V2_`, order.ID)
			txn := got[webhook.TxnCharged]
			require.NotNil(t, txn)
			require.NotNil(t, txn.Txn)
			assert.Nil(t, txn.Order)
			assert.Equal(t, "ord_e2e_1", txn.Txn.OrderID)
			assert.Equal(t, juspay.TxnCharged, txn.Txn.Status)
			if masked {
				assert.Empty(t, order.Order.CustomerID, "FILTERED reads as empty")
				assert.Zero(t, order.Order.DateCreated, "a masked date reads as zero")
			}
		})
	}
}

func TestJuspaytestRedeliversWhileTheHandlerFails(t *testing.T) {
	srv, client := juspaytest.Start(t)
	var mu sync.Mutex
	calls := 0
	hooks := httptest.NewServer(webhook.Handler(func(ctx context.Context, e *webhook.Event) error {
		if e.Name != webhook.OrderSucceeded {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		calls++
		if calls == 1 {
			return context.DeadlineExceeded // say, the database timed out
		}
		return nil
	}, current))
	t.Cleanup(hooks.Close)
	srv.SetWebhook(hooks.URL, current.Username, current.Password)

	paidOrder(t, srv, client, "ord_e2e_2")
	d := waitFor(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, http.StatusOK, d.Status)
	assert.Equal(t, 2, d.Attempt, "the 500 made Juspay deliver again")
	var first juspaytest.Delivery
	for _, x := range srv.Deliveries() {
		if x.EventID == d.EventID && x.Attempt == 1 {
			first = x
		}
	}
	assert.Equal(t, http.StatusInternalServerError, first.Status)
}

func TestJuspaytestWithWrongCredentialsGets401(t *testing.T) {
	srv, client := juspaytest.Start(t)
	hooks := httptest.NewServer(webhook.Handler(func(ctx context.Context, e *webhook.Event) error {
		t.Error("an unauthenticated event reached the func")
		return nil
	}, current))
	t.Cleanup(hooks.Close)
	srv.SetWebhook(hooks.URL, current.Username, "not-the-password")

	paidOrder(t, srv, client, "ord_e2e_3")
	d := waitFor(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, http.StatusUnauthorized, d.Status)
	assert.True(t, d.Final)
}

func TestVerifyReturnOfJuspaytestsQuery(t *testing.T) {
	srv, client := juspaytest.Start(t)
	paidOrder(t, srv, client, "ord_e2e_4")
	q, err := srv.ReturnQuery("ord_e2e_4", "the-response-key")
	require.NoError(t, err)

	// As net/http decodes the URL Juspay redirects to.
	r := httptest.NewRequest(http.MethodGet, "/return?"+q.Encode(), nil)
	ret, err := webhook.VerifyReturn("the-response-key", r.URL.Query())
	require.NoError(t, err)
	assert.Equal(t, "ord_e2e_4", ret.OrderID)
	assert.Equal(t, juspay.TxnCharged, ret.Status)
	assert.Equal(t, 21, ret.StatusID)

	_, err = webhook.VerifyReturn("another-key", r.URL.Query())
	assert.ErrorIs(t, err, webhook.ErrBadSignature)
}
