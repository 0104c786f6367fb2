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
	"github.com/gojuspay/juspay/juspaytest"
)

// checkoutFake starts juspaytest's fake Juspay with the sample customer
// (cth_eN4e4kR12CJV, a linked Paytm wallet holding 95) and, when orderID is
// not "", an order of amount paid from that wallet. Real code points the
// client at Juspay instead.
func checkoutFake(orderID, amount string) (*juspaytest.Server, *juspay.Client) {
	srv := juspaytest.NewServer()
	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	if orderID != "" {
		ctx := context.Background()
		if _, err := client.Orders.Create(ctx, &juspay.CreateOrderParams{OrderID: orderID, Amount: mustAmount(amount)}); err != nil {
			log.Fatal(err)
		}
		w, err := client.Wallets.Get(ctx, "wlm_blUutbvo76578u")
		if err != nil {
			log.Fatal(err)
		}
		if _, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
			OrderID: orderID, PaymentMethod: w.Wallet, DirectWalletToken: w.Token}); err != nil {
			log.Fatal(err)
		}
	}
	return srv, client
}

func mustAmount(s string) juspay.Amount {
	a, err := juspay.ParseAmount(s)
	if err != nil {
		log.Fatal(err)
	}
	return a
}

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

func ExampleOrdersService_Create() {
	srv, client := checkoutFake("", "")
	defer srv.Close()

	o, err := client.Orders.Create(context.Background(), &juspay.CreateOrderParams{
		OrderID:    "ord_1001", // your key: a create retried with it is never made twice
		Amount:     mustAmount("120.50"),
		CustomerID: "cth_eN4e4kR12CJV", // needed to pay from a linked wallet
		UDF:        [10]string{0: "cart-7"},
		Metadata:   map[string]string{"webhook_url": "https://shop.example/juspay/webhook"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.OrderID, o.Status, o.Amount)
	// Output: ord_1001 NEW 120.50
}

func ExampleOrdersService_Get() {
	srv, client := checkoutFake("ord_1001", "25.50")
	defer srv.Close()

	o, err := client.Orders.Get(context.Background(), "ord_1001", juspay.WithRoutingID("cth_eN4e4kR12CJV"))
	if err != nil {
		log.Fatal(err)
	}
	if o.Status == juspay.TxnCharged {
		fmt.Println("paid", o.Amount, o.Currency, "by", o.PaymentMethodType, o.Txn.TxnFlowType)
	}
	_, err = client.Orders.Get(context.Background(), "ord_unknown")
	fmt.Println("unknown order:", errors.Is(err, juspay.ErrNotFound))
	// Output:
	// paid 25.50 INR by WALLET DIRECT_DEBIT
	// unknown order: true
}

func ExampleOrdersService_Update() {
	srv, client := checkoutFake("", "")
	defer srv.Close()
	if _, err := client.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1001", Amount: mustAmount("100")}); err != nil {
		log.Fatal(err)
	}

	// Only before a payment: the amount, the addresses and the UDFs.
	amount := mustAmount("90")
	o, err := client.Orders.Update(context.Background(), "ord_1001", &juspay.UpdateOrderParams{Amount: &amount})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.Amount)
	// Output: 90
}

func ExampleOrdersService_Refund() {
	srv, client := checkoutFake("ord_1001", "25.50")
	defer srv.Close()

	// Keep the key with the refund in your records: retrying with it can
	// never refund twice.
	o, err := client.Orders.Refund(context.Background(), "ord_1001", &juspay.RefundParams{
		UniqueRequestID: "rf_1001_1",
		Amount:          mustAmount("5.50"),
	})
	if err != nil {
		log.Fatal(err)
	}
	r, _ := o.FindRefund("rf_1001_1")
	fmt.Println(r.Status, r.Amount, "of", o.Amount)

	// The same key with another amount is not a second refund.
	_, err = client.Orders.Refund(context.Background(), "ord_1001", &juspay.RefundParams{
		UniqueRequestID: "rf_1001_1",
		Amount:          mustAmount("6"),
	})
	fmt.Println(errors.Is(err, juspay.ErrConflict))
	// Output:
	// PENDING 5.50 of 25.50
	// true
}

func ExampleOrdersService_Wait() {
	srv, client := checkoutFake("", "")
	defer srv.Close()
	ctx := context.Background()
	if _, err := client.Orders.Create(ctx, &juspay.CreateOrderParams{OrderID: "ord_1001", Amount: mustAmount("10")}); err != nil {
		log.Fatal(err)
	}
	w, err := client.Wallets.Get(ctx, "wlm_blUutbvo76578u")
	if err != nil {
		log.Fatal(err)
	}
	srv.FailPath("/txns", 1, juspaytest.ResetAfterFault()) // the debit's answer is lost

	_, err = client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1001", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	if errors.Is(err, juspay.ErrOutcomeUnknown) {
		// Never debit again blindly: the order's status settles it.
		ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		o, err := client.Orders.Wait(ctx, "ord_1001")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("settled:", o.Status)
	}
	// Output: settled: CHARGED
}

// A webhook's order decodes into Order, whatever Juspay writes as text or
// masks.
func ExampleOrder() {
	var o juspay.Order
	err := json.Unmarshal([]byte(`{"order_id":"ord_1001","status":"CHARGED","status_id":"21",
		"amount":"120.50","refunded":"false","customer_email":"FILTERED","udf1":"cart-7",
		"txn_detail":{"txn_flow_type":"DIRECT_DEBIT","tax_amount":{}},"date_created":"2024-06-19T11:28:37Z"}`), &o)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.OrderID, o.Status, o.StatusID, o.Amount, o.Refunded, o.CustomerEmail == "", o.UDF[0])
	fmt.Println(o.Txn.TxnFlowType, o.DateCreated.Format(time.RFC3339))
	// Output:
	// ord_1001 CHARGED 21 120.50 false true cart-7
	// DIRECT_DEBIT 2024-06-19T11:28:37Z
}

func ExampleOrder_FindRefund() {
	o := juspay.Order{Refunds: []juspay.Refund{
		{UniqueRequestID: "rf_1", Status: juspay.RefundSuccess, Amount: mustAmount("5")},
		{UniqueRequestID: "rf_2", Status: juspay.RefundFailure, Amount: mustAmount("7")},
	}}
	if r, ok := o.FindRefund("rf_2"); ok && r.Status == juspay.RefundFailure {
		fmt.Println("refund", r.UniqueRequestID, "failed: try again with a new key")
	}
	// Output: refund rf_2 failed: try again with a new key
}

func ExampleTxnStatus_Pending() {
	for _, s := range []juspay.TxnStatus{juspay.TxnCharged, juspay.TxnPendingVBV, juspay.TxnAuthorizing, juspay.TxnAuthorizationFailed} {
		fmt.Println(s, s.Pending())
	}
	// Output:
	// CHARGED false
	// PENDING_VBV true
	// AUTHORIZING true
	// AUTHORIZATION_FAILED false
}

// Juspay's transaction webhooks carry a TxnDetail in content.txn.
func ExampleTxnDetail() {
	var event struct {
		Content struct {
			Txn juspay.TxnDetail `json:"txn"`
		} `json:"content"`
	}
	if err := json.Unmarshal([]byte(`{"event_name":"TXN_FAILED","content":{"txn":{"txn_id":"ms-ord_1-1",
		"status":"AUTHORIZATION_FAILED","status_id":27,"txn_amount":8,"error_code":"03",
		"error_message":"Not sufficient funds","txn_flow_type":"FILTERED"}}}`), &event); err != nil {
		log.Fatal(err)
	}
	t := event.Content.Txn
	fmt.Println(t.TxnID, t.Status, t.TxnAmount, t.ErrorMessage, t.TxnFlowType == "")
	// Output: ms-ord_1-1 AUTHORIZATION_FAILED 8 Not sufficient funds true
}

func ExampleRefund() {
	var r juspay.Refund
	if err := json.Unmarshal([]byte(`{"unique_request_id":"rf_1","status":"MANUAL_REVIEW",
		"sent_to_gateway":"true","amount":"1476","ref":"2.0220408111212802e+34"}`), &r); err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.UniqueRequestID, r.Status, r.SentToGateway, r.Amount, r.Ref)
	// Output: rf_1 MANUAL_REVIEW true 1476 2.0220408111212802e+34
}

func ExampleRefundStatus() {
	for _, s := range []juspay.RefundStatus{juspay.RefundPending, juspay.RefundSuccess, juspay.RefundFailure, juspay.RefundManualReview} {
		switch s {
		case juspay.RefundSuccess:
			fmt.Println(s, "done")
		case juspay.RefundFailure:
			fmt.Println(s, "retry with a new UniqueRequestID")
		case juspay.RefundManualReview:
			fmt.Println(s, "reconcile with the gateway")
		default:
			fmt.Println(s, "read the order again later")
		}
	}
	// Output:
	// PENDING read the order again later
	// SUCCESS done
	// FAILURE retry with a new UniqueRequestID
	// MANUAL_REVIEW reconcile with the gateway
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

func ExampleCreateOrderParams() {
	p := &juspay.CreateOrderParams{
		OrderID:         "ord_1001",
		Amount:          mustAmount("120.50"), // sent as "120.50", exactly
		CustomerID:      "cth_eN4e4kR12CJV",
		BillingAddress:  &juspay.Address{FirstName: "Asha", City: "Pune", PostalCode: "411001"},
		Metadata:        map[string]string{"PAYTM:CUST_ID": "cust-1001"},
		ClientAuthToken: true,
	}
	fmt.Println(p.OrderID, p.Amount)
	// Output: ord_1001 120.50
}

func ExampleRefundParams() {
	srv, client := checkoutFake("ord_1001", "25.50")
	defer srv.Close()
	_, err := client.Orders.Refund(context.Background(), "ord_1001", &juspay.RefundParams{
		UniqueRequestID: "rf_1001_refund_number_2", // over 20 characters
		Amount:          mustAmount("5.505"),
	})
	fmt.Println(errors.Is(err, juspay.ErrInvalidArgument), err)
	// Output: true juspay: refund order: UniqueRequestID "rf_1001_refund_number_2" is 23 characters; Juspay allows at most 20
}

// The orders service is reached from a client; its writes settle their own
// unknown outcomes.
func ExampleOrdersService() {
	srv, client := checkoutFake("", "")
	defer srv.Close()
	srv.FailPath("/orders", 1, juspaytest.ResetAfterFault()) // the create's answer is lost

	o, err := client.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1001", Amount: mustAmount("10")})
	fmt.Println(o.OrderID, o.Status, err)
	// Output: ord_1001 NEW <nil>
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

func ExampleUpdateOrderParams() {
	amount := mustAmount("90.00")
	p := &juspay.UpdateOrderParams{Amount: &amount, UDF: [10]string{2: "coupon-10"}}
	fmt.Println(p.Amount, p.UDF[2])
	// Output: 90.00 coupon-10
}

func ExampleAddress() {
	// Sent as billing_address_first_name, billing_address_city, ...
	a := &juspay.Address{FirstName: "Asha", Line1: "1 MG Road", City: "Pune", PostalCode: "411001", CountryCodeISO: "IND"}
	fmt.Println(a.City, a.CountryCodeISO)
	// Output: Pune IND
}

func ExamplePaymentLinks() {
	srv, client := checkoutFake("", "")
	defer srv.Close()
	o, err := client.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1001", Amount: mustAmount("10")})
	if err != nil {
		log.Fatal(err)
	}
	// Juspay's payment page for the order, should the customer pay there.
	fmt.Println(strings.Contains(o.PaymentLinks.Web, "ord"))
	// Output: true
}

func ExampleGatewayResponse() {
	srv, client := checkoutFake("ord_1001", "25.50")
	defer srv.Close()
	o, err := client.Orders.Get(context.Background(), "ord_1001")
	if err != nil {
		log.Fatal(err)
	}
	// What the wallet's gateway answered: quote it to the gateway's support.
	fmt.Println(o.GatewayResponse != nil, o.GatewayResponse.TxnID == o.TxnID)
	// Output: true true
}
