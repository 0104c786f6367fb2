package juspay_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/gojuspay/juspay"
)

func ExampleCustomersService_Create() {
	srv, client := checkoutFake("", "")
	defer srv.Close()

	c, err := client.Customers.Create(context.Background(), &juspay.CreateCustomerParams{
		ObjectReferenceID: "user-1001", // your own ID for the customer
		MobileNumber:      "9999999999",
		MobileCountryCode: "91",
		EmailAddress:      "asha@example.com",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasPrefix(c.ID, "cst_"), c.ObjectReferenceID, c.MobileNumber)
	// Output: true user-1001 9999999999
}

func ExampleCustomersService_GetOrCreate() {
	srv, client := checkoutFake("", "")
	defer srv.Close()
	p := &juspay.CreateCustomerParams{ObjectReferenceID: "user-1001", MobileNumber: "9999999999"}

	// Safe to call on every checkout: the customer is created once.
	first, created, err := client.Customers.GetOrCreate(context.Background(), p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created:", created)
	again, created, err := client.Customers.GetOrCreate(context.Background(), p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created:", created, "same customer:", again.ID == first.ID)
	// Output:
	// created: true
	// created: false same customer: true
}

func ExampleCustomersService_Get() {
	srv, client := checkoutFake("", "")
	defer srv.Close()

	c, err := client.Customers.Get(context.Background(), "cth_eN4e4kR12CJV")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.ID)
	_, err = client.Customers.Get(context.Background(), "cth_nobody")
	fmt.Println(errors.Is(err, juspay.ErrNotFound))
	// Output:
	// cth_eN4e4kR12CJV
	// true
}

func ExampleCustomersService_Update() {
	srv, client := checkoutFake("", "")
	defer srv.Close()

	c, err := client.Customers.Update(context.Background(), "cth_eN4e4kR12CJV", &juspay.UpdateCustomerParams{
		EmailAddress: "asha@example.com", // empty fields stay as they are
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.EmailAddress)
	// Output: asha@example.com
}

func ExampleCustomersService_NewClientAuthToken() {
	srv, client := checkoutFake("", "")
	defer srv.Close()

	tok, err := client.Customers.NewClientAuthToken(context.Background(), "cth_eN4e4kR12CJV")
	if err != nil {
		log.Fatal(err)
	}
	// Hand tok.Token to Juspay's SDK in the customer's app; printed, it is masked.
	fmt.Println(tok.Token != "", tok.Expiry.After(time.Now()))
	fmt.Println(strings.HasPrefix(tok.String(), "ClientAuthToken{Token: [redacted]"))
	// Output:
	// true true
	// true
}

func ExampleCustomer() {
	var c juspay.Customer
	if err := json.Unmarshal([]byte(`{"id":"cst_om2l6ctlptxwxuzj","object_reference_id":"user-1001",
		"date_created":"2016-08-02T08:07:52+0000","juspay":{"client_auth_token":"tkn_8649cd66",
		"client_auth_token_expiry":"2020-03-17T14:45:26Z"}}`), &c); err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.ID, c.DateCreated.Format(time.RFC3339))
	fmt.Printf("%+v\n", c.ClientAuth)
	// Output:
	// cst_om2l6ctlptxwxuzj 2016-08-02T08:07:52Z
	// ClientAuthToken{Token: [redacted], Expiry: 2020-03-17T14:45:26Z}
}

func ExampleClientAuthToken() {
	tok := juspay.ClientAuthToken{Token: "tkn_24543c6a278f45d680d09edb32e78061"}
	fmt.Println(tok)
	fmt.Printf("%+v\n", &tok)
	// Output:
	// ClientAuthToken{Token: [redacted]}
	// ClientAuthToken{Token: [redacted]}
}

func ExampleClientAuthToken_String() {
	tok := juspay.ClientAuthToken{Token: "tkn_24543c6a278f45d680d09edb32e78061",
		Expiry: time.Date(2020, 3, 17, 14, 28, 37, 0, time.UTC)}
	fmt.Println(tok.String())
	// Output: ClientAuthToken{Token: [redacted], Expiry: 2020-03-17T14:28:37Z}
}

func ExampleClientAuthToken_Format() {
	// Every verb prints String: %#v and %x walk nothing.
	tok := juspay.ClientAuthToken{Token: "tkn_24543c6a278f45d680d09edb32e78061"}
	fmt.Printf("%#v\n%x\n", tok, tok)
	// Output:
	// ClientAuthToken{Token: [redacted]}
	// ClientAuthToken{Token: [redacted]}
}

func ExampleClientAuthToken_LogValue() {
	tok := &juspay.ClientAuthToken{Token: "tkn_24543c6a278f45d680d09edb32e78061",
		Expiry: time.Date(2020, 3, 17, 14, 28, 37, 0, time.UTC)}
	textLogger().Info("minted", "token", tok)
	// Output: level=INFO msg=minted token.token=[redacted] token.expiry=2020-03-17T14:28:37.000Z
}

func ExampleCustomer_LogValue() {
	c := &juspay.Customer{ID: "cst_om2l6ctlptxwxuzj", ObjectReferenceID: "user-1001", MobileNumber: "9999999999",
		ClientAuth: &juspay.ClientAuthToken{Token: "tkn_24543c6a278f45d680d09edb32e78061"}}
	textLogger().Info("customer", "customer", c)
	// Output: level=INFO msg=customer customer.id=cst_om2l6ctlptxwxuzj customer.object_reference_id=user-1001 customer.client_auth.token=[redacted] customer.client_auth.expiry=0001-01-01T00:00:00.000Z
}

func ExampleCreateCustomerParams() {
	p := &juspay.CreateCustomerParams{
		ObjectReferenceID: "user-1001",  // required, unique per customer
		MobileNumber:      "9999999999", // required: digits only
		MobileCountryCode: "91",         // no "+"
		ClientAuthToken:   true,         // also mint a token for the app
	}
	fmt.Println(p.ObjectReferenceID)
	// Output: user-1001
}

func ExampleUpdateCustomerParams() {
	// Only the fields set are sent.
	p := &juspay.UpdateCustomerParams{FirstName: "Asha", LastName: "Rao"}
	fmt.Printf("%q %q\n", p.FirstName, p.EmailAddress)
	// Output: "Asha" ""
}
