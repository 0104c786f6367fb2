// Command wallet-lifecycle walks a wallet through Juspay's whole flow:
// create it and send an OTP, link it with the OTP, refresh its balance,
// check pay-later eligibility, debit it directly, and delink it.
//
//	go run ./examples/wallet-lifecycle
//
// It always talks to an embedded fake Juspay (package juspaytest): linking
// needs the OTP that reached the customer's phone, which only the fake can
// hand to a program.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

const (
	customerID = "cth_lifecycle_demo"
	orderID    = "ord_demo_0001"
	// wrongOTP is never the one sent: juspaytest's OTPs run from 100000
	// to 999999.
	wrongOTP = "000000"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out io.Writer) error {
	srv := juspaytest.NewServer()
	defer srv.Close()
	if _, err := srv.AddCustomer(juspaytest.Customer{ID: customerID}); err != nil {
		return err
	}
	if err := srv.AddOrder(orderID, "120.50"); err != nil {
		return err
	}
	client, err := srv.NewClient()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	// Juspay asks for the same routing ID on every call about one customer.
	route := juspay.WithRoutingID(customerID)
	fmt.Fprintf(out, "Talking to an embedded fake Juspay at %s\n\n", srv.URL)

	// 1. Create a Paytm wallet and have Paytm send the customer an OTP.
	w, err := client.Wallets.Create(ctx, customerID, &juspay.CreateWalletParams{
		Gateway:      "PAYTM",
		MobileNumber: "9999999999",
		Authenticate: true,
	})
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	fmt.Fprintf(out, "created  %s  linked=%t\n", w.ID, w.Linked)

	// 2. A wrong OTP is not an error: the wallet just stays unlinked.
	w, err = client.Wallets.Link(ctx, w.ID, wrongOTP, route)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	fmt.Fprintf(out, "link with a wrong OTP  linked=%t\n", w.Linked)

	// 3. The OTP the customer typed (here, read from the fake server).
	otp, ok := srv.OTP(w.ID)
	if !ok {
		return errors.New("the fake server sent no OTP")
	}
	w, err = client.Wallets.Link(ctx, w.ID, otp, route)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	fmt.Fprintf(out, "link with the OTP      linked=%t balance=%s\n", w.Linked, w.CurrentBalance)

	// 4. Refresh the balance, then see which wallets can pay the order.
	w, err = client.Wallets.Refresh(ctx, w.ID, route)
	if err != nil {
		return fmt.Errorf("refresh: %w", err)
	}
	fmt.Fprintf(out, "refreshed  %s\n", w) // a WalletAccount prints with its token masked

	amount, err := juspay.ParseAmount("120.50")
	if err != nil {
		return err
	}
	el, err := client.Customers.CheckEligibility(ctx, customerID, &juspay.EligibilityParams{Amount: &amount})
	if err != nil {
		return fmt.Errorf("eligibility: %w", err)
	}
	for _, m := range el.PaymentMethods {
		fmt.Fprintf(out, "eligible for %s?  %s %t\n", amount, m.PaymentMethod, m.IsEligible)
	}

	// 5. Debit the order with the wallet's one-time token.
	debit := func(w *juspay.WalletAccount) (*juspay.Transaction, error) {
		return client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
			OrderID: orderID, PaymentMethod: w.Wallet, DirectWalletToken: w.Token,
		}, route)
	}
	txn, err := debit(w)
	switch {
	case errors.Is(err, juspay.ErrOutcomeUnknown):
		return fmt.Errorf("debit: check order %s before charging again: %w", orderID, err)
	case err != nil:
		return fmt.Errorf("debit: %w", err)
	}
	fmt.Fprintf(out, "debit %s  status=%s txn=%s\n", txn.OrderID, txn.Status, txn.TxnID)

	// 6. The token was single-use, and the order is paid: debiting again is
	// refused, with the spent token as with a fresh one.
	refused := func(what string, w *juspay.WalletAccount) error {
		var apiErr *juspay.APIError
		if _, err := debit(w); !errors.As(err, &apiErr) {
			return fmt.Errorf("%s should fail, got %v", what, err)
		}
		fmt.Fprintf(out, "%s  %d %s\n", what, apiErr.StatusCode, apiErr.ErrorCode)
		return nil
	}
	if err := refused("debit again with the same token", w); err != nil {
		return err
	}
	fresh, err := client.Wallets.Get(ctx, w.ID, route)
	if err != nil {
		return fmt.Errorf("get: %w", err)
	}
	if err := refused("debit the paid order with a fresh token", fresh); err != nil {
		return err
	}

	w, err = client.Wallets.Refresh(ctx, w.ID, route)
	if err != nil {
		return fmt.Errorf("refresh: %w", err)
	}
	fmt.Fprintf(out, "balance after the debit  %s\n", w.CurrentBalance)

	// 7. Delink: the wallet stays, unlinked and without a balance.
	w, err = client.Wallets.Delink(ctx, w.ID, route)
	if err != nil {
		return fmt.Errorf("delink: %w", err)
	}
	fmt.Fprintf(out, "delinked  linked=%t balance=%v\n", w.Linked, w.CurrentBalance)
	return nil
}
