package juspay_test

import (
	"context"
	"log"

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
