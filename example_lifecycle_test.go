package juspay_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// lifecycleServer starts juspaytest's fake Juspay holding one customer with
// a linked MOBIKWIK wallet and an unlinked FREECHARGE one, and a client for
// it. Real code points the client at Juspay (the default).
func lifecycleServer() (*juspaytest.Server, *juspay.Client) {
	srv := juspaytest.NewServer()
	_, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_eN4e4kR12CJV", Wallets: []juspaytest.Wallet{
		{ID: "wlt_q23xzki3pazgtezo", Gateway: "MOBIKWIK", Linked: true, Balance: "250"},
		{ID: "wlt_mu2xfwb4mr18flbs", Gateway: "FREECHARGE"},
	}})
	if err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	return srv, client
}

func ExampleWalletsService_List() {
	srv, client := lifecycleServer()
	defer srv.Close()

	list, err := client.Wallets.List(context.Background(), "cth_eN4e4kR12CJV")
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range list.Wallets {
		if w.Linked {
			fmt.Println(w.Wallet, "linked, balance", w.CurrentBalance)
		} else {
			fmt.Println(w.Wallet, "not linked: Authenticate, then Link with the OTP")
		}
	}
	// Output:
	// MOBIKWIK linked, balance 250
	// FREECHARGE not linked: Authenticate, then Link with the OTP
}

func ExampleWalletsService_Create() {
	srv, client := lifecycleServer()
	defer srv.Close()

	// Authenticate: true sends the customer an OTP at once.
	w, err := client.Wallets.Create(context.Background(), "cth_eN4e4kR12CJV", &juspay.CreateWalletParams{
		Gateway:      "PAYTM",
		Authenticate: true,
		MobileNumber: "9999999999",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Wallet, "linked:", w.Linked)
	// Output: PAYTM linked: false
}

func ExampleWalletsService_Link() {
	srv, client := lifecycleServer()
	defer srv.Close()
	ctx := context.Background()

	const walletID = "wlt_mu2xfwb4mr18flbs"
	if _, err := client.Wallets.Authenticate(ctx, walletID, nil); err != nil { // sends the OTP
		log.Fatal(err)
	}
	otp, _ := srv.OTP(walletID) // what the customer typed
	w, err := client.Wallets.Link(ctx, walletID, otp, juspay.WithRoutingID("cth_eN4e4kR12CJV"))
	if err != nil {
		log.Fatal(err)
	}
	if !w.Linked {
		// A wrong OTP is not an error: Juspay answers 200 with linked false.
		fmt.Println("wrong OTP; ask again")
		return
	}
	fmt.Println(w.Wallet, "linked:", w.Linked)
	// Output: FREECHARGE linked: true
}

func ExamplePaymentsService_DirectDebit() {
	srv, client := lifecycleServer()
	defer srv.Close()
	ctx := context.Background()
	if err := srv.AddOrder("ord_1001", "100.00"); err != nil { // created by your checkout
		log.Fatal(err)
	}
	w, err := client.Wallets.Get(ctx, "wlt_q23xzki3pazgtezo") // a fresh one-time token
	if err != nil {
		log.Fatal(err)
	}

	var resp juspay.Response
	txn, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID:           "ord_1001",
		PaymentMethod:     w.Wallet,
		DirectWalletToken: w.Token,
	}, juspay.WithRoutingID("cth_eN4e4kR12CJV"), juspay.WithResponseInto(&resp))
	switch {
	case errors.Is(err, juspay.ErrOutcomeUnknown):
		// The debit may have gone through: check the order's status before
		// debiting again. It was not retried.
		fmt.Println("outcome unknown; check the order status")
		return
	case err != nil:
		log.Fatal(err)
	}
	switch txn.Status {
	case juspay.TxnCharged:
		fmt.Println("paid; request id recorded:", resp.RequestID != "")
	case juspay.TxnPendingVBV:
		fmt.Println("top-up needed:", txn.Payment.Authentication.Method)
	default:
		fmt.Println("not paid:", txn.Status)
	}
	// Output: paid; request id recorded: true
}

func ExampleCustomersService_CheckEligibility() {
	srv, client := lifecycleServer()
	defer srv.Close()

	amount, err := juspay.ParseAmount("300.00")
	if err != nil {
		log.Fatal(err)
	}
	el, err := client.Customers.CheckEligibility(context.Background(), "cth_eN4e4kR12CJV",
		&juspay.EligibilityParams{Amount: &amount})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range el.PaymentMethods {
		// A gateway's own refusal arrives here too, in m.Status and
		// m.GatewayErrorCode, not as an error.
		fmt.Println(m.PaymentMethod, "eligible:", m.IsEligible)
	}
	// Output:
	// MOBIKWIK eligible: false
	// FREECHARGE eligible: true
}
