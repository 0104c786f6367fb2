// Command refresh-all-wallets prints a customer's wallets: whether each is
// linked, its balance, when Juspay last refreshed it, and its sub-details.
//
//	go run ./examples/refresh-all-wallets [customer_id]
//
// With JUSPAY_API_KEY and JUSPAY_MERCHANT_ID set, it asks Juspay (the sandbox
// unless JUSPAY_ENVIRONMENT=production or JUSPAY_BASE_URL says otherwise).
// Without them it starts an embedded fake Juspay (package juspaytest) seeded
// with the customer of Juspay's published sample, so it runs with no
// account and no network.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	client, where, stop, err := connect()
	if err != nil {
		return err
	}
	defer stop()

	customerID := juspaytest.SampleCustomerID
	if len(args) > 0 {
		customerID = args[0]
	}
	fmt.Fprintf(out, "Talking to %s\n", where)

	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	list, err := client.Wallets.RefreshAll(ctx, customerID)
	var apiErr *juspay.APIError
	switch {
	case errors.Is(err, juspay.ErrAuthentication):
		return fmt.Errorf("the API key was refused (check JUSPAY_API_KEY): %w", err)
	case errors.Is(err, juspay.ErrInvalidRequest) && errors.As(err, &apiErr):
		return fmt.Errorf("customer %q was refused: %s: %w", customerID, apiErr.ErrorMessage, err)
	case err != nil:
		return err
	}

	fmt.Fprintf(out, "Customer %s has %d wallet(s)\n\n", customerID, len(list.Wallets))
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "WALLET\tLINKED\tBALANCE\tLAST REFRESHED\tSUB-DETAILS")
	for _, w := range list.Wallets {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", w.Wallet, yesNo(w.Linked), balance(w.CurrentBalance),
			when(w.LastRefreshed), subDetails(w.SubDetails))
	}
	return tw.Flush()
}

// connect builds a client from the environment, or, with no API key set,
// for an embedded fake Juspay holding the sample customer.
func connect() (client *juspay.Client, where string, stop func(), err error) {
	if os.Getenv(juspay.EnvAPIKey) != "" {
		client, err := juspay.NewClientFromEnv(juspay.WithUserAgent("refresh-all-wallets-example"))
		if err != nil {
			return nil, "", nil, err
		}
		return client, "Juspay at " + baseURL(), func() {}, nil
	}
	srv := juspaytest.NewServer()
	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
		srv.Close()
		return nil, "", nil, err
	}
	client, err = srv.NewClient()
	if err != nil {
		srv.Close()
		return nil, "", nil, err
	}
	return client, "an embedded fake Juspay at " + srv.URL + " (set " + juspay.EnvAPIKey + " and " +
		juspay.EnvMerchantID + " to use your sandbox)", srv.Close, nil
}

func baseURL() string {
	if u := os.Getenv(juspay.EnvBaseURL); u != "" {
		return u
	}
	env := juspay.Environment(os.Getenv(juspay.EnvEnvironment))
	if env == "" {
		env = juspay.Sandbox
	}
	return env.BaseURL()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func balance(a *juspay.Amount) string {
	if a == nil {
		return "-"
	}
	return a.String()
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}

func subDetails(ds []juspay.WalletSubDetail) string {
	if len(ds) == 0 {
		return "-"
	}
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.PaymentMethod + " " + balance(d.CurrentBalance)
	}
	return strings.Join(parts, ", ")
}
