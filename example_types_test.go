package juspay_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// Juspay sends amounts as numbers or strings; an Amount keeps their exact
// digits, so balances are compared and summed in paise, never in float64.
func ExampleAmount() {
	var w struct {
		Balance juspay.Amount `json:"current_balance"`
	}
	if err := json.Unmarshal([]byte(`{"current_balance": "109.55"}`), &w); err != nil {
		log.Fatal(err)
	}
	balance, _ := w.Balance.MinorUnits()
	price, _ := juspay.ParseAmount("100.00")
	due, _ := price.MinorUnits()
	fmt.Println(w.Balance, "covers", price, ":", balance >= due)
	// Output: 109.55 covers 100.00 : true
}

// Float64 is for display and charts only: it may round.
func ExampleAmount_Float64() {
	a, _ := juspay.ParseAmount("1250.50")
	fmt.Printf("₹%.1f\n", a.Float64())
	// Output: ₹1250.5
}

func ExampleAmount_Sign() {
	for _, s := range []string{"-20.00", "0.00", "95"} {
		a, _ := juspay.ParseAmount(s)
		fmt.Println(s, a.Sign())
	}
	// Output:
	// -20.00 -1
	// 0.00 0
	// 95 1
}

// String keeps the digits as Juspay sent them, trailing zeros included.
func ExampleAmount_String() {
	a, _ := juspay.ParseAmount("100.50")
	fmt.Println(a.String(), juspay.AmountFromMinorUnits(9500).String())
	// Output: 100.50 95.00
}

// GatewayReferenceID picks one of several accounts the merchant holds with
// one provider.
func ExampleAuthenticateWalletParams() {
	srv, client := lifecycleServer()
	defer srv.Close()

	_, err := client.Wallets.Authenticate(context.Background(), "wlt_mu2xfwb4mr18flbs",
		&juspay.AuthenticateWalletParams{GatewayReferenceID: "freecharge_main"})
	if err != nil {
		log.Fatal(err)
	}
	req, _ := srv.LastRequest()
	fmt.Println(req.Form.Get("command"), req.Form.Get("gateway_reference_id"))
	// Output: authenticate freecharge_main
}

// A wallet for a number other than the customer's, with the OTP sent at
// once.
func ExampleCreateWalletParams() {
	srv, client := lifecycleServer()
	defer srv.Close()

	w, err := client.Wallets.Create(context.Background(), "cth_eN4e4kR12CJV", &juspay.CreateWalletParams{
		Gateway:      "PAYTM",
		MobileNumber: "7777777777",
		Authenticate: true,
	})
	if err != nil {
		log.Fatal(err)
	}
	_, sent := srv.OTP(w.ID)
	fmt.Println(w.Wallet, w.Metadata.MobileNumber, "otp sent:", sent)
	// Output: PAYTM 7777777777 otp sent: true
}

// Every field is required, and checked before anything is sent.
func ExampleDirectDebitParams() {
	srv, client := lifecycleServer()
	defer srv.Close()

	_, err := client.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
		OrderID:           "ord_2024_0001_shopper_42", // Juspay allows at most 20 characters
		PaymentMethod:     "MOBIKWIK",
		DirectWalletToken: "tk_from_wallets_get",
	})
	fmt.Println(err)
	fmt.Println(len(srv.Requests()), "requests sent")
	// Output:
	// juspay: direct debit: OrderID "ord_2024_0001_shopper_42" is 24 characters; Juspay allows at most 20
	// 0 requests sent
}

// Check an existing order's amount instead of giving one.
func ExampleEligibilityParams() {
	srv, client := lifecycleServer()
	defer srv.Close()
	if err := srv.AddOrder("ord_3001", "120.00"); err != nil {
		log.Fatal(err)
	}

	el, err := client.Customers.CheckEligibility(context.Background(), "cth_eN4e4kR12CJV",
		&juspay.EligibilityParams{OrderID: "ord_3001"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(el.PaymentMethods), "methods checked")
	// Output: 2 methods checked
}

// Offer only the pay-later methods the customer is eligible for; a
// gateway's refusal is in the answer, not an error.
func ExampleEligibility() {
	var el juspay.Eligibility
	err := json.Unmarshal([]byte(`{"payment_methods_eligibility": [
		{"payment_method": "LAZYPAY", "is_eligible": true, "status": "SUCCESS", "balance": "2000"},
		{"payment_method": "SIMPL", "is_eligible": "false", "status": "PENDING_DUES",
		 "gateway_error_code": "pending_dues", "gateway_error_message": "Clear your dues"}]}`), &el)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range el.PaymentMethods {
		if m.IsEligible {
			fmt.Println("offer", m.PaymentMethod)
		}
	}
	// Output: offer LAZYPAY
}

func ExamplePaymentMethodEligibility() {
	var m juspay.PaymentMethodEligibility
	err := json.Unmarshal([]byte(`{"payment_method": "SIMPL", "payment_method_type": "WALLET",
		"is_eligible": false, "status": "PENDING_DUES", "due_date": "03 December 2019",
		"gateway_error_code": "pending_dues", "gateway_error_message": "Clear your dues", "balance": 0}`), &m)
	if err != nil {
		log.Fatal(err)
	}
	if !m.IsEligible {
		fmt.Println(m.PaymentMethod, m.Status, m.GatewayErrorMessage, "by", m.DueDate)
	}
	// Output: SIMPL PENDING_DUES Clear your dues by 03 December 2019
}

// An environment read from configuration; an unknown one is refused.
func ExampleEnvironment() {
	for _, env := range []juspay.Environment{"production", "staging"} {
		_, err := juspay.NewClient("key_from_dashboard", juspay.WithMerchantID("merchant_123"),
			juspay.WithEnvironment(env))
		fmt.Printf("%s %q %v\n", env, env.BaseURL(), errors.Is(err, juspay.ErrInvalidArgument))
	}
	// Output:
	// production "https://api.juspay.in" false
	// staging "" true
}

// Newer Juspay errors carry error_info, with the fields at fault.
func ExampleErrorInfo() {
	srv, client := lifecycleServer()
	defer srv.Close()
	srv.Fail(1, juspaytest.StatusFault(http.StatusBadRequest, http.Header{"Content-Type": {"application/json"}},
		`{"status": "Bad Request", "error_code": "INVALID_INPUT", "error_message": "Invalid input data",
		  "error_info": {"code": "INVALID_INPUT", "category": "USER_ERROR", "user_message": "Invalid input data",
		  "developer_message": "mobile_number is invalid",
		  "fields": [{"field_name": "mobile_number", "reason": "must be 10 digits"}]}}`))

	_, err := client.Wallets.UpdateMobileNumber(context.Background(), "wlt_q23xzki3pazgtezo", "12345")
	var apiErr *juspay.APIError
	if errors.As(err, &apiErr) && apiErr.Info != nil {
		fmt.Println(apiErr.Info.Code, apiErr.Info.Category, apiErr.Info.UserMessage)
	}
	// Output: INVALID_INPUT USER_ERROR Invalid input data
}

// Show the customer which field to correct.
func ExampleFieldError() {
	var info juspay.ErrorInfo
	err := json.Unmarshal([]byte(`{"code": "INVALID_INPUT", "category": "USER_ERROR",
		"fields": [{"field_name": "mobile_number", "reason": "must be 10 digits"}]}`), &info)
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range info.Fields {
		fmt.Println(f.FieldName+":", f.Reason)
	}
	// Output: mobile_number: must be 10 digits
}

// Record the request ID of every debit: Juspay's support asks for it.
func ExampleResponse() {
	srv, client := lifecycleServer()
	defer srv.Close()
	srv.Fail(1, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))

	var resp juspay.Response
	_, err := client.Wallets.List(context.Background(), "cth_eN4e4kR12CJV",
		juspay.WithResponseInto(&resp), juspay.WithRetryBackoff(time.Millisecond, time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, resp.Attempts, resp.RequestID != "")
	// Output: 200 2 true
}
