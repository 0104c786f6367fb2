package juspay_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

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
