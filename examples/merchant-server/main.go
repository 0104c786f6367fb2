// Command merchant-server is a small merchant backend on juspay-go, written
// to be copied: it shows a customer's wallets and balances, links a wallet
// with an OTP, pays an order from a linked wallet, receives Juspay's
// webhooks and checks the signed return URL.
//
//	go run ./examples/merchant-server
//
// Run with no credentials, it starts an embedded fake Juspay (package
// juspaytest) that delivers webhooks to it, drives one customer through the
// whole flow with plain HTTP calls, prints each step and exits.
//
// With JUSPAY_API_KEY and JUSPAY_MERCHANT_ID set, it serves on ADDR (default
// :8080) against Juspay until interrupted. It also needs
// JUSPAY_WEBHOOK_USERNAME and JUSPAY_WEBHOOK_PASSWORD (the webhook Basic
// auth set in the dashboard; JUSPAY_WEBHOOK_OLD_PASSWORD too during a
// rotation), JUSPAY_RESPONSE_KEY (the dashboard's Response Key) and
// PUBLIC_URL (where Juspay reaches this server, for the return URL).
//
// The shop's API (JSON):
//
//	POST /customers                                    sign up: {"user_id","mobile_number","email"}
//	GET  /customers/{customer}/wallets                 wallets and balances
//	POST /customers/{customer}/wallets                 add a wallet and send an OTP: {"wallet","mobile_number"}
//	POST /customers/{customer}/wallets/{wallet}/link   link with the OTP: {"otp"}
//	POST /customers/{customer}/orders                  pay: {"amount","wallet_id"}
//	GET  /orders/{order}                               the shop's record of an order
//
// and Juspay's endpoints: POST /juspay/webhook (set it in the dashboard) and
// GET /juspay/return (the orders' return URL).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/webhook"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	run := demo
	if os.Getenv("JUSPAY_API_KEY") != "" {
		run = serve
	}
	if err := run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// serve runs the server against Juspay, configured from the environment.
func serve(ctx context.Context, out io.Writer) error {
	client, err := juspay.NewClientFromEnv()
	if err != nil {
		return err
	}
	creds := []webhook.Credentials{{Username: os.Getenv("JUSPAY_WEBHOOK_USERNAME"), Password: os.Getenv("JUSPAY_WEBHOOK_PASSWORD")}}
	if old := os.Getenv("JUSPAY_WEBHOOK_OLD_PASSWORD"); old != "" {
		creds = append(creds, webhook.Credentials{Username: creds[0].Username, Password: old})
	}
	s := &server{
		juspay:      client,
		creds:       creds,
		responseKey: os.Getenv("JUSPAY_RESPONSE_KEY"),
		returnURL:   os.Getenv("PUBLIC_URL") + "/juspay/return",
		store:       newStore(),
		log:         out,
	}
	switch {
	case creds[0].Username == "" || creds[0].Password == "":
		return errors.New("set JUSPAY_WEBHOOK_USERNAME and JUSPAY_WEBHOOK_PASSWORD as in Juspay's dashboard")
	case s.responseKey == "":
		return errors.New("set JUSPAY_RESPONSE_KEY to the Response Key of Juspay's dashboard")
	case os.Getenv("PUBLIC_URL") == "":
		return errors.New("set PUBLIC_URL to where Juspay reaches this server, e.g. https://shop.example.com")
	}
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8080"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "serving on %s; webhooks at %s/juspay/webhook\n", ln.Addr(), os.Getenv("PUBLIC_URL"))
	return listen(ctx, ln, s.routes())
}

// listen serves h on ln until ctx ends, then shuts down gracefully.
func listen(ctx context.Context, ln net.Listener, h http.Handler) error {
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      payTimeout + 10*time.Second, // a payment may wait for its outcome
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Wait for the requests in flight as long as a payment may take: a
	// debit cut off by the process exiting is an outcome nobody settles.
	shutdown, cancel := context.WithTimeout(context.Background(), payTimeout+10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
