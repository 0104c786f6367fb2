package juspay_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/gojuspay/juspay"
)

// lifecycleFake stands in for Juspay in the examples: it answers every
// request with body. Real code points the client at Juspay (the default) or
// at juspaytest's fake server.
func lifecycleFake(body string) (*httptest.Server, *juspay.Client) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}))
	client, err := juspay.NewClient("your_api_key",
		juspay.WithMerchantID("merchant_123"),
		juspay.WithBaseURL(srv.URL),
	)
	if err != nil {
		log.Fatal(err)
	}
	return srv, client
}

func ExampleWalletsService_List() {
	srv, client := lifecycleFake(`{"object":"list","list":[
		{"id":"wlt_q23xzki3pazgtezo","object":"wallet_account","wallet":"MOBIKWIK","token":"tok_winysteev9eftrwcv6me","current_balance":250,"linked":true},
		{"id":"wlt_mu2xfwb4mr18flbs","object":"wallet_account","wallet":"FREECHARGE","token":null,"current_balance":null,"linked":false}],
		"count":2,"offset":0,"total":2}`)
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
	srv, client := lifecycleFake(`{"id":"wlt_yvuidaocnaupkvz3","object":"wallet_account","wallet":"MOBIKWIK",
		"token":null,"current_balance":null,"linked":false,"metadata":{"mobile_number":"9999999999"}}`)
	defer srv.Close()

	// Authenticate: true sends the customer an OTP at once.
	w, err := client.Wallets.Create(context.Background(), "cth_eN4e4kR12CJV", &juspay.CreateWalletParams{
		Gateway:      "MOBIKWIK",
		Authenticate: true,
		MobileNumber: "9999999999",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.ID, w.Wallet, "linked:", w.Linked)
	// Output: wlt_yvuidaocnaupkvz3 MOBIKWIK linked: false
}

func ExampleWalletsService_Link() {
	srv, client := lifecycleFake(`{"id":"wlt_q23xzki3pazgtezo","object":"wallet_account","wallet":"MOBIKWIK",
		"token":"tok_winysteev9eftrwcv6me","current_balance":250,"linked":true,"last_refreshed":"2016-08-01T08:07:52+0000"}`)
	defer srv.Close()

	otp := "123456" // what the customer typed
	w, err := client.Wallets.Link(context.Background(), "wlt_q23xzki3pazgtezo", otp,
		juspay.WithRoutingID("cth_eN4e4kR12CJV"))
	if err != nil {
		log.Fatal(err)
	}
	if !w.Linked {
		// A wrong OTP is not an error: Juspay answers 200 with linked false.
		fmt.Println("wrong OTP; ask again")
		return
	}
	fmt.Println(w) // the token is masked
	// Output: WalletAccount{ID: wlt_q23xzki3pazgtezo, Wallet: MOBIKWIK, Linked: true, CurrentBalance: 250, LastRefreshed: 2016-08-01T08:07:52Z, Token: [REDACTED]}
}

func ExamplePaymentsService_DirectDebit() {
	srv, client := lifecycleFake(`{"order_id":"ord_1001","txn_id":"merchant_123-ord_1001-1","status":"PENDING_VBV",
		"payment":{"authentication":{"method":"GET","url":"https://api.juspay.in/pay/start/guest/8646a7a0"}}}`)
	defer srv.Close()

	txn, err := client.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
		OrderID:           "ord_1001",
		PaymentMethod:     "MOBIKWIK",
		DirectWalletToken: "tok_winysteev9eftrwcv6me", // WalletAccount.Token, from List, Get or Link
	}, juspay.WithRoutingID("cth_eN4e4kR12CJV"))
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
		fmt.Println("paid")
	case juspay.TxnPendingVBV:
		a := txn.Payment.Authentication
		fmt.Println("top-up needed:", a.Method, a.URL)
	default:
		fmt.Println("not paid:", txn.Status)
	}
	// Output: top-up needed: GET https://api.juspay.in/pay/start/guest/8646a7a0
}

func ExampleCustomersService_CheckEligibility() {
	srv, client := lifecycleFake(`{"payment_methods_eligibility":[
		{"status":"SUCCESS","payment_method_type":"WALLET","payment_method":"LAZYPAY","is_eligible":true,"description":"Lazy Pay Wallet"},
		{"status":"USER_NOT_FOUND","payment_method_type":"WALLET","payment_method":"OLAPOSTPAID","is_eligible":false,
		 "gateway_error_code":"OC_011","gateway_error_message":"user not found"}]}`)
	defer srv.Close()

	amount, err := juspay.ParseAmount("1499.00")
	if err != nil {
		log.Fatal(err)
	}
	el, err := client.Customers.CheckEligibility(context.Background(), "cth_eN4e4kR12CJV",
		&juspay.EligibilityParams{Amount: &amount})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range el.PaymentMethods {
		if m.IsEligible {
			fmt.Println(m.PaymentMethod, "eligible")
		} else {
			fmt.Println(m.PaymentMethod, "not eligible:", m.Status, m.GatewayErrorMessage)
		}
	}
	// Output:
	// LAZYPAY eligible
	// OLAPOSTPAID not eligible: USER_NOT_FOUND user not found
}
