package juspaytest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// The examples below share these helpers; Example shows what sampleServer
// does, and in a test juspaytest.Start(t) does it.

// sampleServer starts a fake Juspay holding the sample customer, and a
// client of the SDK for it. Close the server when done.
func sampleServer(opts ...juspaytest.ServerOption) (*juspaytest.Server, *juspay.Client) {
	srv := juspaytest.NewServer(opts...)
	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	return srv, client
}

// call sends one form request to the fake as any Juspay client would (Basic
// auth with the key and no password, x-merchantid, a form body) and returns
// the status and the JSON answer (nil for an empty body).
func call(srv *juspaytest.Server, method, path string, form url.Values) (int, map[string]any) {
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		log.Fatal(err)
	}
	req.SetBasicAuth(srv.APIKey, "")
	req.Header.Set("x-merchantid", srv.MerchantID)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil && !errors.Is(err, io.EOF) {
		log.Fatal(err)
	}
	return resp.StatusCode, m
}

// sampleWallet is the sample customer's PAYTM wallet (balance 95), with a
// fresh one-time token.
func sampleWallet(client *juspay.Client) *juspay.WalletAccount {
	w, err := client.Wallets.Get(context.Background(), "wlm_blUutbvo76578u")
	if err != nil {
		log.Fatal(err)
	}
	return w
}

// payFromSample creates an order and pays it from the sample customer's
// PAYTM wallet with the SDK's direct debit.
func payFromSample(srv *juspaytest.Server, client *juspay.Client, orderID, amount string) *juspay.Transaction {
	call(srv, http.MethodPost, "/orders", url.Values{"order_id": {orderID}, "amount": {amount}})
	txn, err := client.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
		OrderID: orderID, PaymentMethod: "PAYTM", DirectWalletToken: sampleWallet(client).Token})
	if err != nil {
		log.Fatal(err)
	}
	return txn
}

// Customers made through POST /customers get a Juspay ID and are found by
// it or by the merchant's object_reference_id.
func ExampleServer_Customer() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	status, created := call(srv, http.MethodPost, "/customers", url.Values{
		"object_reference_id": {"user-42"}, "mobile_number": {"9999999999"}})
	fmt.Println(status, strings.HasPrefix(created["id"].(string), "cst_"))

	status, again := call(srv, http.MethodPost, "/customers", url.Values{
		"object_reference_id": {"user-42"}, "mobile_number": {"9999999999"}})
	fmt.Println(status, again["error_code"])

	c, _ := srv.Customer("user-42")
	fmt.Println(c.ID == created["id"], c.MobileNumber)
	// Output:
	// 200 true
	// 400 unique
	// true 9999999999
}

// Read an order as the server holds it: a debit charged it.
func ExampleServer_Order() {
	srv, client := sampleServer()
	defer srv.Close()
	payFromSample(srv, client, "ord_1", "25.50")

	o, _ := srv.Order("ord_1")
	fmt.Println(o.Status, o.Amount, o.Currency, o.TxnID)
	_, status := call(srv, http.MethodGet, "/orders/ord_1", nil)
	fmt.Println(status["status"], status["txn_detail"].(map[string]any)["txn_flow_type"])
	// Output:
	// CHARGED 25.50 INR test_merchant-ord_1-1
	// CHARGED DIRECT_DEBIT
}

// Hold debits pending so that a test can read the order while it waits,
// then settle it.
func ExampleServer_HoldDebits() {
	srv, client := sampleServer()
	defer srv.Close()

	srv.HoldDebits(true)
	txn := payFromSample(srv, client, "ord_1", "10")
	o, _ := srv.Order("ord_1")
	fmt.Println(txn.Status, o.Status)

	if err := srv.SettleOrder("ord_1", "CHARGED"); err != nil {
		log.Fatal(err)
	}
	o, _ = srv.Order("ord_1")
	fmt.Println(o.Status)
	// Output:
	// PENDING_VBV PENDING_VBV
	// CHARGED
}

// A held debit can fail too: the order is then open to another attempt.
func ExampleServer_SettleOrder() {
	srv, client := sampleServer()
	defer srv.Close()

	srv.HoldDebits(true)
	payFromSample(srv, client, "ord_1", "10")
	if err := srv.SettleOrder("ord_1", "AUTHORIZATION_FAILED"); err != nil {
		log.Fatal(err)
	}
	_, status := call(srv, http.MethodGet, "/orders/ord_1", nil)
	fmt.Println(status["status"], status["status_id"])
	w, _ := srv.Wallet("wlm_blUutbvo76578u")
	fmt.Println("balance:", w.Balance)
	// Output:
	// AUTHORIZATION_FAILED 27
	// balance: 95
}

// A refund is PENDING until the test settles it; its key guards against a
// second one.
func ExampleServer_SettleRefund() {
	srv, client := sampleServer()
	defer srv.Close()
	payFromSample(srv, client, "ord_1", "10")

	refund := url.Values{"unique_request_id": {"rf_1"}, "amount": {"4"}}
	_, order := call(srv, http.MethodPost, "/orders/ord_1/refunds", refund)
	fmt.Println(order["refunds"].([]any)[0].(map[string]any)["status"])
	if err := srv.SettleRefund("ord_1", "rf_1", "SUCCESS"); err != nil {
		log.Fatal(err)
	}
	o, _ := srv.Order("ord_1")
	fmt.Println(o.Refunds[0].Status, o.AmountRefunded)

	status, again := call(srv, http.MethodPost, "/orders/ord_1/refunds", refund)
	fmt.Println(status, again["error_code"])
	// Output:
	// PENDING
	// SUCCESS 4
	// 400 duplicate.call
}

// Refunds can settle on their own, as Juspay's do once the gateway has them.
func ExampleServer_SettleRefundsAfter() {
	srv, client := sampleServer()
	defer srv.Close()
	payFromSample(srv, client, "ord_1", "10")

	srv.SettleRefundsAfter(10 * time.Millisecond)
	call(srv, http.MethodPost, "/orders/ord_1/refunds", url.Values{"unique_request_id": {"rf_1"}, "amount": {"10"}})
	for {
		if o, _ := srv.Order("ord_1"); o.Refunds[0].Status != "PENDING" {
			fmt.Println(o.Refunds[0].Status)
			break
		}
		time.Sleep(time.Millisecond)
	}
	// Output:
	// SUCCESS
}

// A reset after the debit was made: the client cannot know the outcome, and
// the order status tells it.
func ExampleResetAfterFault() {
	srv, client := sampleServer()
	defer srv.Close()
	call(srv, http.MethodPost, "/orders", url.Values{"order_id": {"ord_1"}, "amount": {"10"}})
	w := sampleWallet(client)

	srv.FailPath("/txns", 1, juspaytest.ResetAfterFault())
	_, err := client.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
		OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	fmt.Println("outcome unknown:", errors.Is(err, juspay.ErrOutcomeUnknown))
	_, status := call(srv, http.MethodGet, "/orders/ord_1", nil)
	fmt.Println("order:", status["status"])
	// Output:
	// outcome unknown: true
	// order: CHARGED
}

// A proxy's 503 after Juspay made the order: the order exists all the same.
func ExampleStatusAfterFault() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	srv.FailPath("/orders", 1, juspaytest.StatusAfterFault(http.StatusServiceUnavailable, nil, ""))
	status, _ := call(srv, http.MethodPost, "/orders", url.Values{"order_id": {"ord_1"}, "amount": {"10"}})
	o, ok := srv.Order("ord_1")
	fmt.Println(status, ok, o.Status)
	// Output:
	// 503 true NEW
}
