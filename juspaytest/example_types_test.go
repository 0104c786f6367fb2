package juspaytest_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"strings"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// Seed a customer known by the merchant's own ID: the server gives it a
// Juspay ID, and finds it by either.
func ExampleCustomer() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	c, err := srv.AddCustomer(juspaytest.Customer{
		ObjectReferenceID: "user-42",
		MobileNumber:      "9999999999",
		FirstName:         "Asha",
		Wallets:           []juspaytest.Wallet{{Gateway: "PAYTM", Linked: true}},
	})
	if err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}

	got, err := client.Customers.Get(context.Background(), "user-42")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasPrefix(c.ID, "cst_"), got.ID == c.ID, got.FirstName)
	fmt.Println(c.Wallets[0].Gateway, c.Wallets[0].Balance)
	// Output:
	// true true Asha
	// PAYTM 250
}

// The sample customer answers Refresh All Wallets with Juspay's published
// sample, so a test can compare against the documentation.
func ExampleSampleCustomer() {
	c := juspaytest.SampleCustomer()
	fmt.Println(c.ID)
	for _, w := range c.Wallets {
		fmt.Println(w.ID, w.Gateway, w.Linked, w.Balance)
		for _, d := range w.SubDetails {
			fmt.Println("  ", d.PaymentMethod, d.Balance)
		}
	}
	// Output:
	// cth_eN4e4kR12CJV
	// wlm_vT890Ngjknnknb89 MOBIKWIK true 100
	//    MOBIKWIK 100
	// wlm_blUutbvo76578u PAYTM true 95
	//    PAYTM_POSTPAID 22222
	//    PAYTM 95
}

// Each delivery attempt records the event, the order it is about and how the
// handler answered; the event ID stays the same across retries.
func ExampleDelivery() {
	srv, client, done := deliveringServer()
	defer done()
	payFromSample(srv, client, "ord_1", "10")

	d := waitFor(srv, "ORDER_SUCCEEDED")
	fmt.Println(d.EventName, d.OrderID, d.Attempt, d.Status, d.Final)
	fmt.Println(strings.HasPrefix(d.EventID, "evt_V2_"), d.Err == "")
	// Output:
	// ORDER_SUCCEEDED ord_1 1 200 true
	// true true
}

// Read an order back to check what the code under test did to it.
func ExampleOrder() {
	srv, client := sampleServer()
	defer srv.Close()
	payFromSample(srv, client, "ord_1", "40")

	o, ok := srv.Order("ord_1")
	fmt.Println(ok, o.OrderID, o.Status, o.Amount, o.Currency, o.TxnID != "")
	_, ok = srv.Order("ord_unknown")
	fmt.Println(ok)
	// Output:
	// true ord_1 CHARGED 40 INR true
	// false
}

// A refund stays PENDING until the test settles it; Server.Order lists the
// order's refunds with their status.
func ExampleRefund() {
	srv, client := sampleServer()
	defer srv.Close()
	payFromSample(srv, client, "ord_1", "40")
	_, err := client.Orders.Refund(context.Background(), "ord_1", &juspay.RefundParams{
		UniqueRequestID: "rf_1", Amount: juspay.AmountFromMinorUnits(1500)})
	if err != nil {
		log.Fatal(err)
	}
	if err := srv.SettleRefund("ord_1", "rf_1", "SUCCESS"); err != nil {
		log.Fatal(err)
	}

	o, _ := srv.Order("ord_1")
	for _, rf := range o.Refunds {
		fmt.Println(rf.UniqueRequestID, rf.Amount, rf.Status)
	}
	fmt.Println("refunded:", o.AmountRefunded)
	// Output:
	// rf_1 15.00 SUCCESS
	// refunded: 15.00
}

// A recorded request keeps its path as sent, still escaped, its query, its
// headers and its form.
func ExampleRequest() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	call(srv, http.MethodPost, "/customers/a%2Fb?options.get_client_auth_token=true",
		url.Values{"first_name": {"Asha"}})

	r, _ := srv.LastRequest()
	fmt.Println(r.Method, r.Path)
	fmt.Println(r.Query.Get("options.get_client_auth_token"), r.Form.Get("first_name"))
	fmt.Println(r.Header.Get("x-merchantid"), strings.HasPrefix(r.ID, "req_"))
	// Output:
	// POST /customers/a%2Fb
	// true Asha
	// test_merchant true
}

// Give a wallet the balances of its payment methods, such as Paytm Postpaid;
// the SDK reads them as the wallet's SubDetails.
func ExampleSubDetail() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	_, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_42", Wallets: []juspaytest.Wallet{{
		ID: "wlm_1", Gateway: "PAYTM", Linked: true, Balance: "95",
		SubDetails: []juspaytest.SubDetail{{PaymentMethod: "PAYTM_POSTPAID", Balance: "22222"}},
	}}})
	if err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}

	w, err := client.Wallets.Get(context.Background(), "wlm_1")
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range w.SubDetails {
		fmt.Println(d.PaymentMethod, d.PaymentMethodType, d.CurrentBalance)
	}
	// Output:
	// PAYTM_POSTPAID WALLET 22222
}

// Seed a wallet with what a test needs (a balance, metadata, the layout of
// last_refreshed to serve) and read back what the server filled in.
func ExampleWallet() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	c, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_42", Wallets: []juspaytest.Wallet{{
		Gateway: "MOBIKWIK", Linked: true, Balance: "10.25",
		LastRefreshed: "2016-08-02T08:07:52+0000",
		Metadata:      map[string]string{"mobile_number": "9999999999"},
	}}})
	if err != nil {
		log.Fatal(err)
	}
	w := c.Wallets[0]
	fmt.Println(w.ID, w.JuspayBankCode, w.Token != "")

	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	got, err := client.Wallets.Get(context.Background(), w.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got.CurrentBalance, got.LastRefreshed.UTC().Format("2006-01-02 15:04"), got.Metadata.MobileNumber)
	// Output:
	// wlm_000001 JP_MOBIKWIK true
	// 10.25 2016-08-02 08:07 9999999999
}
