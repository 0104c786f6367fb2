package juspay_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gojuspay/juspay"
)

// One Client per merchant, shared by every request handler: it is safe for
// concurrent use, and its services group Juspay's APIs.
func ExampleClient() {
	srv, _ := lifecycleServer()
	defer srv.Close()

	client, err := juspay.NewClient(srv.APIKey, juspay.WithMerchantID(srv.MerchantID), juspay.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	c, err := client.Customers.Get(ctx, "cth_eN4e4kR12CJV")
	if err != nil {
		log.Fatal(err)
	}
	list, err := client.Wallets.List(ctx, c.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.ID, "has", len(list.Wallets), "wallets")
	// Output: cth_eN4e4kR12CJV has 2 wallets
}

// Customers come first: wallets exist only for a Juspay customer.
func ExampleCustomersService() {
	srv, client := lifecycleServer()
	defer srv.Close()

	c, created, err := client.Customers.GetOrCreate(context.Background(), &juspay.CreateCustomerParams{
		ObjectReferenceID: "shopper-42", // the merchant's own ID for the customer
		MobileNumber:      "9999999999",
		EmailAddress:      "shopper@example.com",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.ObjectReferenceID, created)
	// Output: shopper-42 true
}

// Payments debit a linked wallet for an order, with the wallet's one-time
// token.
func ExamplePaymentsService() {
	srv, client := lifecycleServer()
	defer srv.Close()
	ctx := context.Background()
	if err := srv.AddOrder("ord_2001", "99.00"); err != nil { // created by your checkout
		log.Fatal(err)
	}

	w, err := client.Wallets.Get(ctx, "wlt_q23xzki3pazgtezo")
	if err != nil {
		log.Fatal(err)
	}
	txn, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID: "ord_2001", PaymentMethod: w.Wallet, DirectWalletToken: w.Token,
	})
	if err != nil {
		log.Fatal(err) // on ErrOutcomeUnknown, settle with Orders.Wait before debiting again
	}
	fmt.Println(txn.OrderID, txn.Status == juspay.TxnCharged)
	// Output: ord_2001 true
}

// A wallet's lifecycle: authenticate, link with the OTP, pay, refresh, delink.
func ExampleWalletsService() {
	srv, client := lifecycleServer()
	defer srv.Close()
	ctx := context.Background()
	const walletID = "wlt_mu2xfwb4mr18flbs"

	if _, err := client.Wallets.Authenticate(ctx, walletID, nil); err != nil {
		log.Fatal(err)
	}
	otp, _ := srv.OTP(walletID) // what the customer typed
	w, err := client.Wallets.Link(ctx, walletID, otp)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Wallet, "linked:", w.Linked)

	w, err = client.Wallets.Delink(ctx, walletID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Wallet, "linked:", w.Linked)
	// Output:
	// FREECHARGE linked: true
	// FREECHARGE linked: false
}

// Authenticate sends the customer an OTP; the wallet stays unlinked until
// Link gets it.
func ExampleWalletsService_Authenticate() {
	srv, client := lifecycleServer()
	defer srv.Close()

	w, err := client.Wallets.Authenticate(context.Background(), "wlt_mu2xfwb4mr18flbs", nil,
		juspay.WithRoutingID("cth_eN4e4kR12CJV"))
	if errors.Is(err, juspay.ErrOutcomeUnknown) {
		// Not retried, so that the customer gets one OTP: ask them whether
		// it arrived before sending another.
		fmt.Println("did the OTP arrive?")
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	_, sent := srv.OTP(w.ID)
	fmt.Println(w.Wallet, "linked:", w.Linked, "otp sent:", sent)
	// Output: FREECHARGE linked: false otp sent: true
}

// Delink when the customer removes the wallet: its tokens stop working.
func ExampleWalletsService_Delink() {
	srv, client := lifecycleServer()
	defer srv.Close()

	w, err := client.Wallets.Delink(context.Background(), "wlt_q23xzki3pazgtezo",
		juspay.WithRoutingID("cth_eN4e4kR12CJV"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Wallet, "linked:", w.Linked)
	// Output: MOBIKWIK linked: false
}

// Get a linked wallet right before paying: each Get mints a fresh one-time
// token, valid for 15 minutes.
func ExampleWalletsService_Get() {
	srv, client := lifecycleServer()
	defer srv.Close()

	w, err := client.Wallets.Get(context.Background(), "wlt_q23xzki3pazgtezo",
		juspay.WithRoutingID("cth_eN4e4kR12CJV"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Wallet, w.Linked, w.CurrentBalance, "token:", w.Token != "")
	// Output: MOBIKWIK true 250 token: true
}

// Refresh asks the provider for one wallet's balance, say after the
// customer topped it up.
func ExampleWalletsService_Refresh() {
	srv, client := lifecycleServer()
	defer srv.Close()
	if err := srv.SetBalance("wlt_q23xzki3pazgtezo", "1250.50"); err != nil { // the customer topped up
		log.Fatal(err)
	}

	w, err := client.Wallets.Refresh(context.Background(), "wlt_q23xzki3pazgtezo")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Wallet, w.CurrentBalance)
	// Output: MOBIKWIK 1250.50
}

// The customer's number at the provider changed.
func ExampleWalletsService_UpdateMobileNumber() {
	srv, client := lifecycleServer()
	defer srv.Close()

	w, err := client.Wallets.UpdateMobileNumber(context.Background(), "wlt_q23xzki3pazgtezo", "8888888888")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Wallet, w.Metadata.MobileNumber)
	// Output: MOBIKWIK 8888888888
}
