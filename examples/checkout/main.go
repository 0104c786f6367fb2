// Command checkout takes one wallet payment through Juspay from end to end:
// find or create the customer, link a Paytm wallet with its OTP, create an
// order, debit the wallet, read the order's status, and refund part of it.
// Each write is one that settles itself: the order create and the refund
// are keyed, so a lost answer is settled by reading, never by paying twice.
//
//	go run ./examples/checkout
//
// It talks to an embedded fake Juspay (package juspaytest), so it runs with
// no account: linking needs the OTP that reached the customer's phone,
// which only the fake can hand to a program.
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
	customerRef = "user-1001" // the shop's own ID for the customer
	orderID     = "ord_checkout_0001"
	refundKey   = "rf_checkout_0001_1" // kept with the refund in the shop's records
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
	client, err := srv.NewClient()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	fmt.Fprintf(out, "Talking to an embedded fake Juspay at %s\n\n", srv.URL)

	cust, w, err := customerWithWallet(ctx, srv, client, out)
	if err != nil {
		return err
	}
	route := juspay.WithRoutingID(cust.ID) // one routing ID for every call about the customer
	if err := pay(ctx, srv, client, out, cust.ID, w, route); err != nil {
		return err
	}
	return refund(ctx, srv, client, out, route)
}

// customerWithWallet finds or creates the customer and links a Paytm
// wallet for it with the OTP Paytm sent.
func customerWithWallet(ctx context.Context, srv *juspaytest.Server, client *juspay.Client, out io.Writer) (*juspay.Customer, *juspay.WalletAccount, error) {
	// 1. The customer: found by the shop's ID, created the first time.
	cust, created, err := client.Customers.GetOrCreate(ctx, &juspay.CreateCustomerParams{
		ObjectReferenceID: customerRef, MobileNumber: "9999999999", MobileCountryCode: "91",
	})
	if err != nil {
		return nil, nil, fmt.Errorf("customer: %w", err)
	}
	fmt.Fprintf(out, "1. customer %s (%s) created=%t\n", cust.ID, cust.ObjectReferenceID, created)

	// 2. Link a Paytm wallet with the OTP Paytm sent the customer.
	w, err := client.Wallets.Create(ctx, cust.ID, &juspay.CreateWalletParams{
		Gateway: "PAYTM", MobileNumber: cust.MobileNumber, Authenticate: true,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("wallet: %w", err)
	}
	otp, ok := srv.OTP(w.ID) // what the customer typed; here, read from the fake
	if !ok {
		return nil, nil, errors.New("the fake server sent no OTP")
	}
	if w, err = client.Wallets.Link(ctx, w.ID, otp, juspay.WithRoutingID(cust.ID)); err != nil {
		return nil, nil, fmt.Errorf("link: %w", err)
	}
	fmt.Fprintf(out, "2. wallet %s linked=%t balance=%s\n", w.Wallet, w.Linked, w.CurrentBalance)
	return cust, w, nil
}

// pay creates the order and debits the wallet for it; the debit's answer
// is lost on the way back, and the order's status settles it.
func pay(ctx context.Context, srv *juspaytest.Server, client *juspay.Client, out io.Writer, customerID string, w *juspay.WalletAccount, route juspay.Option) error {
	// 3. The order, keyed by its ID: a create retried can never make two.
	amount, err := juspay.ParseAmount("120.50")
	if err != nil {
		return err
	}
	o, err := client.Orders.Create(ctx, &juspay.CreateOrderParams{OrderID: orderID, Amount: amount, CustomerID: customerID})
	if err != nil {
		return fmt.Errorf("order: %w", err)
	}
	fmt.Fprintf(out, "3. order %s %s %s %s\n", o.OrderID, o.Amount, o.Currency, o.Status)

	// 4. Debit the wallet. Its answer is lost (a fault the fake plays):
	// the outcome is unknown, and only the order can say it.
	srv.FailPath("/txns", 1, juspaytest.ResetAfterFault())
	_, err = client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID: orderID, PaymentMethod: w.Wallet, DirectWalletToken: w.Token,
	}, route)
	switch {
	case errors.Is(err, juspay.ErrOutcomeUnknown):
		fmt.Fprintln(out, "4. debit sent, answer lost: never debit again blindly; wait for the order")
	case err != nil:
		return fmt.Errorf("debit: %w", err)
	default:
		fmt.Fprintln(out, "4. debit answered")
	}

	// 5. The order's status settles the debit.
	if o, err = client.Orders.Wait(ctx, orderID, route); err != nil {
		return fmt.Errorf("wait: %w", err)
	}
	if o.Status != juspay.TxnCharged {
		return fmt.Errorf("order %s ended %s, not paid", orderID, o.Status)
	}
	fmt.Fprintf(out, "5. order %s %s: paid %s %s by %s (%s)\n", o.OrderID, o.Status, o.Amount, o.Currency,
		o.PaymentMethod, o.Txn.TxnFlowType)
	return nil
}

// refund refunds part of the order under a key; its answer is lost too,
// and the retry with the same key settles it without refunding twice.
func refund(ctx context.Context, srv *juspaytest.Server, client *juspay.Client, out io.Writer, route juspay.Option) error {
	// 6. Refund part of it.
	amount, err := juspay.ParseAmount("20.50")
	if err != nil {
		return err
	}
	srv.FailPath("/orders/"+orderID+"/refunds", 1, juspaytest.ResetAfterFault())
	o, err := client.Orders.Refund(ctx, orderID, &juspay.RefundParams{UniqueRequestID: refundKey, Amount: amount}, route)
	if err != nil {
		return fmt.Errorf("refund: %w", err)
	}
	r, _ := o.FindRefund(refundKey)
	fmt.Fprintf(out, "6. refund %s of %s: %s (refunds on the order: %d)\n", r.UniqueRequestID, r.Amount, r.Status, len(o.Refunds))

	// 7. Later (here, once the fake's gateway has it), the refund is done.
	if err := srv.SettleRefund(orderID, refundKey, "SUCCESS"); err != nil {
		return err
	}
	if o, err = client.Orders.Get(ctx, orderID, route); err != nil {
		return fmt.Errorf("status: %w", err)
	}
	r, _ = o.FindRefund(refundKey)
	fmt.Fprintf(out, "7. refund %s %s; refunded %s of %s, fully refunded=%t\n", r.UniqueRequestID, r.Status,
		o.AmountRefunded, o.Amount, o.Refunded)
	return nil
}
