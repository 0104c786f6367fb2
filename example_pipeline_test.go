package juspay_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

func ExampleWithResponseInto() {
	srv, client := sampleClient()
	defer srv.Close()

	var resp juspay.Response
	_, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID,
		juspay.WithResponseInto(&resp))
	if err != nil {
		log.Fatal(err)
	}
	// Keep resp.RequestID with the record of the call: it is what Juspay's
	// support asks for.
	fmt.Println(resp.StatusCode, resp.Attempts, resp.RequestID != "")
	// Output: 200 1 true
}

func ExampleValidationError() {
	client, err := juspay.NewClient("your_api_key", juspay.WithMerchantID("merchant_123"))
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
		OrderID:           "order-2024-000000012345", // 23 characters
		PaymentMethod:     "PAYTM",
		DirectWalletToken: "tk_from_the_wallet",
	})
	var ve *juspay.ValidationError
	switch {
	case errors.As(err, &ve): // also errors.Is(err, juspay.ErrInvalidArgument)
		// The caller's mistake, found before anything was sent: a 400 of
		// the merchant's own, not a 502.
		fmt.Println(http.StatusBadRequest, ve.Field)
		fmt.Println(ve)
	case err != nil:
		fmt.Println(http.StatusBadGateway)
	}
	// Output:
	// 400 OrderID
	// juspay: direct debit: OrderID "order-2024-000000012345" is 23 characters; Juspay allows at most 20
}

func ExampleClient_Do() {
	srv, client := sampleClient()
	defer srv.Close()

	// An endpoint read as raw JSON, with the client's auth, headers,
	// retries and redaction. IDs in the path are escaped by the caller.
	var page struct {
		Count int `json:"count"`
	}
	err := client.Do(context.Background(), http.MethodGet, "/customers/"+juspaytest.SampleCustomerID+"/wallets", nil, &page,
		juspay.WithRoutingID(juspaytest.SampleCustomerID))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Count, "wallets")
	// Output: 2 wallets
}

func ExampleAmountFromMinorUnits() {
	a := juspay.AmountFromMinorUnits(10050) // paise, as your ledger keeps them
	fmt.Println(a)
	// Output: 100.50
}
