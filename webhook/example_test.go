package webhook_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
	"github.com/gojuspay/juspay/webhook"
)

// A Handler mounted on a server receives Juspay's events; here an
// httptest server stands in for the merchant's, and a plain POST for Juspay.
func ExampleHandler() {
	creds := webhook.Credentials{Username: "shop", Password: "s3cret-from-the-dashboard"}
	mux := http.NewServeMux()
	mux.Handle("/juspay/webhook", webhook.Handler(func(ctx context.Context, e *webhook.Event) error {
		fmt.Println("received", e.Name, e.ID)
		return nil // 200: Juspay stops delivering this event
	}, creds))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	body := `{"id":"evt_V2_1","event_name":"ORDER_SUCCEEDED","date_created":"2023-08-10T07:00:48Z","content":{"order":{"order_id":"ord_1","status":"CHARGED"}}}`
	for _, password := range []string{"guess", creds.Password} {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/juspay/webhook", strings.NewReader(body))
		req.SetBasicAuth("shop", password)
		resp, err := srv.Client().Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
		fmt.Println(resp.Status)
	}
	// Output:
	// 401 Unauthorized
	// received ORDER_SUCCEEDED evt_V2_1
	// 200 OK
}

// Parse serves a server that answers Juspay in its own way; Handler is
// Parse with net/http's answers.
func ExampleParse() {
	creds := webhook.Credentials{Username: "shop", Password: "s3cret-from-the-dashboard"}
	handle := func(w http.ResponseWriter, r *http.Request) {
		e, err := webhook.Parse(r, creds)
		var tooLarge *http.MaxBytesError
		switch {
		case errors.Is(err, webhook.ErrUnauthorized):
			w.WriteHeader(http.StatusUnauthorized)
		case errors.As(err, &tooLarge):
			w.WriteHeader(http.StatusRequestEntityTooLarge)
		case err != nil:
			w.WriteHeader(http.StatusBadRequest)
		default:
			fmt.Println("event", e.ID, e.Name)
		}
	}

	req := httptest.NewRequest(http.MethodPost, "/juspay/webhook",
		strings.NewReader(`{"id":"evt_V2_2","event_name":"ORDER_FAILED","content":{}}`))
	req.SetBasicAuth(creds.Username, creds.Password)
	handle(httptest.NewRecorder(), req)
	// Output:
	// event evt_V2_2 ORDER_FAILED
}

// During a rotation, accept the new and the old password; the dashboard
// changes in between. Formatting or logging Credentials masks the password.
func ExampleCredentials() {
	newCreds := webhook.Credentials{Username: "shop", Password: "n3w-from-the-dashboard"}
	oldCreds := webhook.Credentials{Username: "shop", Password: "0ld-from-the-dashboard"}
	fulfil := func(ctx context.Context, e *webhook.Event) error { return nil }

	mux := http.NewServeMux()
	mux.Handle("POST /juspay/webhook", webhook.Handler(fulfil, newCreds, oldCreds))

	fmt.Println(newCreds)
	fmt.Printf("%+v\n", oldCreds)
	slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})).Info("webhook ready", "creds", newCreds)
	// Output:
	// {shop [redacted]}
	// {Username:shop Password:[redacted]}
	// level=INFO msg="webhook ready" creds.username=shop creds.password=[redacted]
}

// Check the return URL before showing the customer a result: here, the
// published test vector.
func ExampleVerifyReturn() {
	// As net/http decodes it, from r.URL.Query().
	query, _ := url.ParseQuery("order_id=ord_test_001&status=CHARGED&status_id=21" +
		"&signature=5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%252Fd8hq6ANyZ8Mlg%253D&signature_algorithm=HMAC-SHA256")

	ret, err := webhook.VerifyReturn("test_response_key_123", query)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ret.OrderID, ret.Status, ret.StatusID)

	query.Set("status", "FAILED") // not what Juspay signed
	_, err = webhook.VerifyReturn("test_response_key_123", query)
	fmt.Println(errors.Is(err, webhook.ErrBadSignature))
	// Output:
	// ord_test_001 CHARGED 21
	// true
}

// Params holds every parameter Juspay signed, the merchant's own ones on
// the return URL included.
func ExampleReturn() {
	query := url.Values{
		"order_id": {"ord_test_001"}, "status": {"CHARGED"}, "status_id": {"21"},
		"signature": {"5ayZ0xz7B9yihnWtM4sPXwRaKIUdN/d8hq6ANyZ8Mlg="}, "signature_algorithm": {"HMAC-SHA256"},
	}
	ret, err := webhook.VerifyReturn("test_response_key_123", query)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ret.Params.Encode())
	// Output:
	// order_id=ord_test_001&status=CHARGED&status_id=21
}

// Switch on the events you act on, and answer the others with nil.
func ExampleEventName() {
	route := func(e *webhook.Event) string {
		switch e.Name {
		case webhook.OrderSucceeded, webhook.TxnCharged:
			return "confirm the order, then fulfil it"
		case webhook.OrderRefunded, webhook.OrderRefundFailed, webhook.RefundManualReviewNeeded:
			return "confirm the order, then update the refund"
		default:
			return "ignore"
		}
	}
	fmt.Println(route(&webhook.Event{Name: webhook.OrderSucceeded}))
	fmt.Println(route(&webhook.Event{Name: "MANDATE_CREATED"}))
	// Output:
	// confirm the order, then fulfil it
	// ignore
}

func ExampleErrUnauthorized() {
	req := httptest.NewRequest(http.MethodPost, "/juspay/webhook", strings.NewReader(`{}`))
	req.SetBasicAuth("shop", "guess")
	_, err := webhook.Parse(req, webhook.Credentials{Username: "shop", Password: "s3cret"})
	fmt.Println(errors.Is(err, webhook.ErrUnauthorized))
	// Output: true
}

func ExampleErrBadSignature() {
	_, err := webhook.VerifyReturn("test_response_key_123", url.Values{"order_id": {"ord_test_001"}, "status": {"CHARGED"}})
	fmt.Println(errors.Is(err, webhook.ErrBadSignature))
	fmt.Println(err)
	// Output:
	// true
	// webhook: return URL signature does not verify: no signature parameter
}

// A body over MaxBodySize is refused with an *http.MaxBytesError, unread
// when its Content-Length says so.
func ExampleMaxBodySize() {
	req := httptest.NewRequest(http.MethodPost, "/juspay/webhook", io.LimitReader(zeros{}, webhook.MaxBodySize+1))
	req.SetBasicAuth("shop", "s3cret")
	_, err := webhook.Parse(req, webhook.Credentials{Username: "shop", Password: "s3cret"})
	var tooLarge *http.MaxBytesError
	fmt.Println(errors.As(err, &tooLarge), tooLarge.Limit)
	// Output: true 1048576
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// Order events carry the order as Juspay's order status API reads it, with
// Juspay's text numbers and masked values already read; transaction events
// carry the transaction.
func ExampleEvent() {
	body := `{
	  "id": "evt_V2_132b474fe46b4518a561ad1aa18b4e42",
	  "event_name": "ORDER_REFUNDED",
	  "date_created": "2023-08-10T07:49:01Z",
	  "content": {"order": {
	    "order_id": "ord_1", "status": "CHARGED", "status_id": "21", "amount": "1000",
	    "customer_email": "FILTERED", "refunded": "true",
	    "refunds": [{"unique_request_id": "rf_1", "status": "SUCCESS", "amount": "1000"}]
	  }}
	}`
	req := httptest.NewRequest(http.MethodPost, "/juspay/webhook", strings.NewReader(body))
	req.SetBasicAuth("shop", "s3cret")
	e, err := webhook.Parse(req, webhook.Credentials{Username: "shop", Password: "s3cret"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.ID, e.Name, e.Created.Format(time.RFC3339))
	o := e.Order
	fmt.Println(o.OrderID, o.Status, o.StatusID, o.Amount, o.Refunded, o.CustomerEmail == "")
	if r, ok := o.FindRefund("rf_1"); ok {
		fmt.Println("refund", r.UniqueRequestID, r.Status, r.Amount)
	}
	fmt.Println(e.Txn == nil)
	// Output:
	// evt_V2_132b474fe46b4518a561ad1aa18b4e42 ORDER_REFUNDED 2023-08-10T07:49:01Z
	// ord_1 CHARGED 21 1000 true true
	// refund rf_1 SUCCESS 1000
	// true
}

// Test a handler the way production calls it: juspaytest delivers its
// webhooks, with Basic auth, when its orders are paid.
func Example_testingWithJuspaytest() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	client, _ := srv.NewClient()
	creds := webhook.Credentials{Username: "shop", Password: "test-password"}
	hooks := httptest.NewServer(webhook.Handler(func(ctx context.Context, e *webhook.Event) error {
		if e.Name == webhook.OrderSucceeded {
			fmt.Println("handler:", e.Name, e.Order.OrderID, e.Order.Status)
		}
		return nil
	}, creds))
	defer hooks.Close()
	srv.SetWebhook(hooks.URL, creds.Username, creds.Password)

	// A debit that charges: Juspay sends ORDER_SUCCEEDED and TXN_CHARGED.
	ctx := context.Background()
	_, _ = srv.AddCustomer(juspaytest.SampleCustomer())
	_ = srv.AddOrder("ord_1", "10")
	w, err := client.Wallets.Get(ctx, "wlm_blUutbvo76578u")
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID: "ord_1", PaymentMethod: w.Wallet, DirectWalletToken: w.Token}); err != nil {
		fmt.Println(err)
		return
	}
	d, err := srv.WaitDelivery(ctx, "ORDER_SUCCEEDED")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("juspaytest:", d.EventName, "answered", d.Status)
	// Output:
	// handler: ORDER_SUCCEEDED ord_1 CHARGED
	// juspaytest: ORDER_SUCCEEDED answered 200
}
