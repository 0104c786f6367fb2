package juspaytest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// webhookHandler is a merchant's webhook endpoint: it checks Juspay's Basic
// auth and prints the event it got.
func webhookHandler(user, pass string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != user || p != pass {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var e struct {
			EventName string `json:"event_name"`
			Content   struct {
				Order *struct {
					OrderID string `json:"order_id"`
					Status  string `json:"status"`
				} `json:"order"`
			} `json:"content"`
		}
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &e); err != nil {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		if e.Content.Order != nil {
			fmt.Println("handler:", e.EventName, e.Content.Order.OrderID, e.Content.Order.Status)
		}
		w.WriteHeader(http.StatusOK)
	})
}

// deliveringServer is sampleServer delivering its webhooks to a merchant
// endpoint that reads each one and answers 200; done closes both.
func deliveringServer() (srv *juspaytest.Server, client *juspay.Client, done func()) {
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
	}))
	srv, client = sampleServer(juspaytest.WithWebhook(shop.URL, "shop", "s3cret"))
	return srv, client, func() { srv.Close(); shop.Close() }
}

// waitFor waits up to 10 seconds for the next delivery of the event named.
func waitFor(srv *juspaytest.Server, name string) juspaytest.Delivery {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	d, err := srv.WaitDelivery(ctx, name)
	if err != nil {
		log.Fatal(err)
	}
	return d
}

// A debit that charges sends ORDER_SUCCEEDED to the merchant's handler,
// with the credentials set on the server.
func ExampleWithWebhook() {
	shop := httptest.NewServer(webhookHandler("shop", "s3cret"))
	defer shop.Close()
	srv, client := sampleServer(juspaytest.WithWebhook(shop.URL, "shop", "s3cret"))
	defer srv.Close()
	payFromSample(srv, client, "ord_1", "10")

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	d, err := srv.WaitDelivery(ctx, "ORDER_SUCCEEDED")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("answered:", d.Status)
	// Output:
	// handler: ORDER_SUCCEEDED ord_1 CHARGED
	// answered: 200
}

// Point the server at a handler started after it, such as the merchant
// server under test.
func ExampleServer_SetWebhook() {
	srv, client := sampleServer()
	defer srv.Close()
	shop := httptest.NewServer(webhookHandler("shop", "s3cret"))
	defer shop.Close()
	srv.SetWebhook(shop.URL, "shop", "s3cret")

	payFromSample(srv, client, "ord_1", "10")
	call(srv, http.MethodPost, "/orders/ord_1/refunds", url.Values{"unique_request_id": {"rf_1"}, "amount": {"10"}})
	if err := srv.SettleRefund("ord_1", "rf_1", "SUCCESS"); err != nil {
		log.Fatal(err)
	}
	waitFor(srv, "ORDER_REFUNDED")
	// Output:
	// handler: ORDER_SUCCEEDED ord_1 CHARGED
	// handler: ORDER_REFUNDED ord_1 CHARGED
}

// A handler that fails gets the event again; every attempt is recorded.
func ExampleWithWebhookRetries() {
	failures := 2
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if failures > 0 { // the fake delivers one attempt at a time
			failures--
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	defer shop.Close()
	srv, client := sampleServer(juspaytest.WithWebhook(shop.URL, "shop", "s3cret"),
		juspaytest.WithWebhookRetries(5, time.Millisecond))
	defer srv.Close()
	payFromSample(srv, client, "ord_1", "10")
	waitFor(srv, "ORDER_SUCCEEDED")

	for _, d := range srv.Deliveries() {
		if d.EventName == "ORDER_SUCCEEDED" {
			fmt.Println(d.Attempt, d.Status, d.Final)
		}
	}
	// Output:
	// 1 500 false
	// 2 500 false
	// 3 200 true
}

// Read every delivery attempt, with the body sent.
func ExampleServer_Deliveries() {
	srv, client, done := deliveringServer()
	defer done()
	payFromSample(srv, client, "ord_1", "10")
	waitFor(srv, "TXN_CHARGED")

	for _, d := range srv.Deliveries() {
		var body struct {
			Content map[string]json.RawMessage `json:"content"`
		}
		if err := json.Unmarshal(d.Body, &body); err != nil {
			log.Fatal(err)
		}
		for part := range body.Content {
			fmt.Println(d.EventName, "content."+part, d.Status)
		}
	}
	// Output:
	// ORDER_SUCCEEDED content.order 200
	// TXN_CHARGED content.txn 200
}

// Wait for an event; each call returns the next one of that name.
func ExampleServer_WaitDelivery() {
	srv, client, done := deliveringServer()
	defer done()
	payFromSample(srv, client, "ord_1", "10")
	payFromSample(srv, client, "ord_2", "20")

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for range 2 {
		d, err := srv.WaitDelivery(ctx, "ORDER_SUCCEEDED")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(d.OrderID, d.Status)
	}
	// Output:
	// ord_1 200
	// ord_2 200
}

// Test a handler against what production sends: numbers and booleans as
// text, masked values.
func ExampleServer_MaskWebhooks() {
	srv, client, done := deliveringServer()
	defer done()
	srv.MaskWebhooks(true)
	payFromSample(srv, client, "ord_1", "10.50")
	d := waitFor(srv, "ORDER_SUCCEEDED")

	var e struct {
		Content struct {
			Order map[string]any `json:"order"`
		} `json:"content"`
	}
	if err := json.Unmarshal(d.Body, &e); err != nil {
		log.Fatal(err)
	}
	o := e.Content.Order
	fmt.Printf("%q %q %q %q\n", o["amount"], o["status_id"], o["refunded"], o["customer_email"])
	// Output:
	// "10.50" "21" "false" "FILTERED"
}

// The signed query Juspay appends to the return URL when the customer's
// browser comes back, for a handler that verifies it: Juspay's published
// test vector.
func ExampleServer_ReturnQuery() {
	srv, client := sampleServer()
	defer srv.Close()
	payFromSample(srv, client, "ord_test_001", "1")

	q, err := srv.ReturnQuery("ord_test_001", "test_response_key_123")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q.Get("status"), q.Get("status_id"), q.Get("signature_algorithm"))
	fmt.Println(q.Get("signature")) // as r.URL.Query() holds it
	// The browser comes back to "https://shop.example/return?" + q.Encode().

	// Output:
	// CHARGED 21 HMAC-SHA256
	// 5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%2Fd8hq6ANyZ8Mlg%3D
}
