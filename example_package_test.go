package juspay_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gojuspay/juspay"
)

// A wallet checkout from start to end: show the customer's linked wallets,
// create the order, debit the wallet with a fresh one-time token, and settle
// the outcome. Real code builds the client with juspay.NewClient(apiKey,
// juspay.WithMerchantID(...)) and talks to Juspay; this one talks to
// juspaytest's fake, so that `go test` runs it.
func Example() {
	srv, client := lifecycleServer()
	defer srv.Close()
	ctx := context.Background()
	const customerID = "cth_eN4e4kR12CJV"

	// 1. Which wallets can pay, with their balances.
	list, err := client.Wallets.RefreshAll(ctx, customerID)
	if err != nil {
		log.Fatal(err)
	}
	var payWith *juspay.WalletAccount
	for i, w := range list.Wallets {
		if w.Linked {
			payWith = &list.Wallets[i]
			fmt.Println("pay with", w.Wallet, "balance", w.CurrentBalance)
		}
	}
	if payWith == nil {
		fmt.Println("no linked wallet: offer to link one")
		return
	}

	// 2. The order, keyed by the merchant's own ID.
	amount, _ := juspay.ParseAmount("149.00")
	order, err := client.Orders.Create(ctx, &juspay.CreateOrderParams{
		OrderID: "ord_tour_1", Amount: amount, CustomerID: customerID,
	})
	if err != nil {
		log.Fatal(err)
	}

	// 3. The debit, with a token fresh from Get (tokens last 15 minutes).
	w, err := client.Wallets.Get(ctx, payWith.ID, juspay.WithRoutingID(customerID))
	if err != nil {
		log.Fatal(err)
	}
	txn, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID: order.OrderID, PaymentMethod: w.Wallet, DirectWalletToken: w.Token,
	}, juspay.WithRoutingID(customerID))
	var status juspay.TxnStatus
	switch {
	case errors.Is(err, juspay.ErrOutcomeUnknown):
		// Never debit twice: read the order until it settles.
		settled, werr := client.Orders.Wait(ctx, order.OrderID)
		if werr != nil {
			log.Fatal(werr)
		}
		status = settled.Status
	case err != nil:
		log.Fatal(err)
	default:
		status = txn.Status
	}

	// 4. Only CHARGED is paid.
	fmt.Println(order.OrderID, status, status == juspay.TxnCharged)
	// Output:
	// pay with MOBIKWIK balance 250
	// ord_tour_1 CHARGED true
}
