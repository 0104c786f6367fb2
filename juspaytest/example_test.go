package juspaytest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// A fake Juspay holding the customer of the Refresh All Wallets sample, and a
// client of the SDK talking to it. In a test, juspaytest.Start(t) does the
// first lines in one.
func Example() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}

	list, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range list.Wallets {
		fmt.Println(w.Wallet, w.Linked, w.CurrentBalance)
	}
	// Output:
	// MOBIKWIK true 100
	// PAYTM true 95
}

// Seed a customer of your own: balances are exact decimal text.
func ExampleServer_AddCustomer() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	_, err := srv.AddCustomer(juspaytest.Customer{
		ID: "cth_42",
		Wallets: []juspaytest.Wallet{
			{ID: "wlm_1", Gateway: "PAYTM", Linked: true, Balance: "100.50",
				Metadata: map[string]string{"mobile_number": "9999999999"}},
			{ID: "wlm_2", Gateway: "MOBIKWIK"}, // not linked: no token, no balance shown
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}

	list, err := client.Wallets.RefreshAll(context.Background(), "cth_42")
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range list.Wallets {
		fmt.Println(w.ID, w.Wallet, w.Linked, w.CurrentBalance, w.Metadata.MobileNumber)
	}
	// Output:
	// wlm_1 PAYTM true 100.50 9999999999
	// wlm_2 MOBIKWIK false <nil>
}

// Script the next requests to fail: the SDK retries a read through them, and
// the server records every attempt.
func ExampleServer_Fail() {
	srv, client := sampleServer()
	defer srv.Close()

	srv.Fail(1, juspaytest.StatusFault(http.StatusBadGateway,
		http.Header{"Content-Type": {"text/html"}}, "<html>502 Bad Gateway</html>"))
	srv.Fail(1, juspaytest.ResetFault())
	list, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("wallets:", len(list.Wallets), "attempts:", len(srv.Requests()))

	srv.Fail(1, juspaytest.StatusFault(http.StatusTooManyRequests,
		http.Header{"Retry-After": {"1"}}, `{"status":"Too Many Requests"}`))
	_, err = client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID, juspay.WithMaxRetries(0))
	fmt.Println("rate limited:", errors.Is(err, juspay.ErrRateLimited))
	// Output:
	// wallets: 2 attempts: 3
	// rate limited: true
}

// Link a wallet with the OTP the server sent, then debit it.
func ExampleServer_OTP() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	if _, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_42"}); err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	w, err := client.Wallets.Create(ctx, "cth_42", &juspay.CreateWalletParams{Gateway: "PAYTM", Authenticate: true})
	if err != nil {
		log.Fatal(err)
	}
	otp, _ := srv.OTP(w.ID)
	if w, err = client.Wallets.Link(ctx, w.ID, otp); err != nil {
		log.Fatal(err)
	}
	fmt.Println("linked:", w.Linked, "balance:", w.CurrentBalance)

	if err := srv.AddOrder("ord_1", "99.99"); err != nil {
		log.Fatal(err)
	}
	txn, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	if err != nil {
		log.Fatal(err)
	}
	after, _ := srv.Wallet(w.ID)
	fmt.Println(txn.Status, "balance now:", after.Balance)
	// Output:
	// linked: true balance: 250
	// CHARGED balance now: 150.01
}

// Check the headers a call sent.
func ExampleServer_LastRequest() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient(juspay.WithRoutingID("cart_7"))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID); err != nil {
		log.Fatal(err)
	}

	req, _ := srv.LastRequest()
	fmt.Println(req.Method, req.Path)
	fmt.Println("x-routing-id:", req.Header.Get("x-routing-id"))
	fmt.Println("version:", req.Header.Get("version"))
	// Output:
	// GET /customers/cth_eN4e4kR12CJV/wallets/refresh-balances
	// x-routing-id: cart_7
	// version: 2023-06-30
}

// A call that needed fewer attempts than were scripted leaves faults
// behind; clear them before a step that must run clean.
func ExampleServer_ClearFaults() {
	srv, client := sampleServer()
	defer srv.Close()

	srv.Fail(3, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))
	_, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID, juspay.WithMaxRetries(1))
	fmt.Println("unavailable:", errors.Is(err, juspay.ErrServer), "left:", srv.PendingFaults())

	fmt.Println("cleared:", srv.ClearFaults())
	list, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("wallets:", len(list.Wallets))
	// Output:
	// unavailable: true left: 1
	// cleared: 1
	// wallets: 2
}

// Prove that a call met every fault it was scripted with: the SDK retried a
// read through two resets.
func ExampleServer_PendingFaults() {
	srv, client := sampleServer()
	defer srv.Close()

	srv.Fail(2, juspaytest.ResetFault())
	_, err := client.Wallets.List(context.Background(), juspaytest.SampleCustomerID)
	fmt.Println("err:", err, "pending:", srv.PendingFaults())
	// Output:
	// err: <nil> pending: 0
}
