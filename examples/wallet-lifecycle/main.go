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

	w, err := link(ctx, srv, client, out, route)
	if err != nil {
		return err
	}
	if w, err = checkFunds(ctx, client, out, w, route); err != nil {
		return err
	}
	if err := payOnce(ctx, client, out, w, route); err != nil {
		return err
	}
	return delink(ctx, client, out, w.ID, route)
}

// link creates a Paytm wallet for the customer and links it with the OTP
// Paytm sent, after a wrong one that leaves it unlinked.
func link(ctx context.Context, srv *juspaytest.Server, client *juspay.Client, out io.Writer, route juspay.Option) (*juspay.WalletAccount, error) {
	// 1. Create a Paytm wallet and have Paytm send the customer an OTP.
	w, err := client.Wallets.Create(ctx, customerID, &juspay.CreateWalletParams{
		Gateway:      "PAYTM",
		MobileNumber: "9999999999",
		Authenticate: true,
	})
	if err != nil {
		return nil, fmt.Errorf("create: %w", err)
	}
	fmt.Fprintf(out, "created  %s  linked=%t\n", w.ID, w.Linked)

	// 2. A wrong OTP is not an error: the wallet just stays unlinked.
	w, err = client.Wallets.Link(ctx, w.ID, wrongOTP, route)
	if err != nil {
		return nil, fmt.Errorf("link: %w", err)
	}
	fmt.Fprintf(out, "link with a wrong OTP  linked=%t\n", w.Linked)

	// 3. The OTP the customer typed (here, read from the fake server).
	otp, ok := srv.OTP(w.ID)
	if !ok {
		return nil, errors.New("the fake server sent no OTP")
	}
	w, err = client.Wallets.Link(ctx, w.ID, otp, route)
	if err != nil {
		return nil, fmt.Errorf("link: %w", err)
	}
	fmt.Fprintf(out, "link with the OTP      linked=%t balance=%s\n", w.Linked, w.CurrentBalance)
	return w, nil
}

// checkFunds refreshes the wallet's balance and asks which of the
// customer's wallets can pay the order.
func checkFunds(ctx context.Context, client *juspay.Client, out io.Writer, w *juspay.WalletAccount, route juspay.Option) (*juspay.WalletAccount, error) {
	// 4. Refresh the balance, then see which wallets can pay the order.
	w, err := client.Wallets.Refresh(ctx, w.ID, route)
	if err != nil {
		return nil, fmt.Errorf("refresh: %w", err)
	}
	fmt.Fprintf(out, "refreshed  %s\n", w) // a WalletAccount prints with its token masked

	amount, err := juspay.ParseAmount("120.50")
	if err != nil {
		return nil, err
	}
	el, err := client.Customers.CheckEligibility(ctx, customerID, &juspay.EligibilityParams{Amount: &amount})
	if err != nil {
		return nil, fmt.Errorf("eligibility: %w", err)
	}
	for _, m := range el.PaymentMethods {
		fmt.Fprintf(out, "eligible for %s?  %s %t\n", amount, m.PaymentMethod, m.IsEligible)
	}
	return w, nil
}

// payOnce debits the order with the wallet's token, shows that the order
// cannot be paid twice, and shows the balance the debit left.
func payOnce(ctx context.Context, client *juspay.Client, out io.Writer, w *juspay.WalletAccount, route juspay.Option) error {
	// 5. Debit the order with the wallet's one-time token.
	txn, err := debit(ctx, client, w, route)
	switch {
	case errors.Is(err, juspay.ErrOutcomeUnknown):
		return fmt.Errorf("debit: check order %s before charging again: %w", orderID, err)
	case err != nil:
		return fmt.Errorf("debit: %w", err)
	}
	fmt.Fprintf(out, "debit %s  status=%s txn=%s\n", txn.OrderID, txn.Status, txn.TxnID)

	// 6. The token was single-use, and the order is paid: debiting again is
	// refused, with the spent token as with a fresh one.
	if err := refused(ctx, client, out, "debit again with the same token", w, route); err != nil {
		return err
	}
	fresh, err := client.Wallets.Get(ctx, w.ID, route)
	if err != nil {
		return fmt.Errorf("get: %w", err)
	}
	if err := refused(ctx, client, out, "debit the paid order with a fresh token", fresh, route); err != nil {
		return err
	}

	w, err = client.Wallets.Refresh(ctx, w.ID, route)
	if err != nil {
		return fmt.Errorf("refresh: %w", err)
	}
	fmt.Fprintf(out, "balance after the debit  %s\n", w.CurrentBalance)
	return nil
}

// debit debits the order with the wallet's current one-time token.
func debit(ctx context.Context, client *juspay.Client, w *juspay.WalletAccount, route juspay.Option) (*juspay.Transaction, error) {
	return client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID: orderID, PaymentMethod: w.Wallet, DirectWalletToken: w.Token,
	}, route)
}

// refused debits the order again and prints how Juspay refused it; it
// fails if Juspay did not.
func refused(ctx context.Context, client *juspay.Client, out io.Writer, what string, w *juspay.WalletAccount, route juspay.Option) error {
	var apiErr *juspay.APIError
	if _, err := debit(ctx, client, w, route); !errors.As(err, &apiErr) {
		return fmt.Errorf("%s should fail, got %v", what, err)
	}
	fmt.Fprintf(out, "%s  %d %s\n", what, apiErr.StatusCode, apiErr.ErrorCode)
	return nil
}

// delink delinks the wallet.
func delink(ctx context.Context, client *juspay.Client, out io.Writer, walletID string, route juspay.Option) error {
	// 7. Delink: the wallet stays, unlinked and without a balance.
	w, err := client.Wallets.Delink(ctx, walletID, route)
	if err != nil {
		return fmt.Errorf("delink: %w", err)
	}
	fmt.Fprintf(out, "delinked  linked=%t balance=%v\n", w.Linked, w.CurrentBalance)
	return nil
}
