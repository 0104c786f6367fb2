package juspaytest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// Faults play in the order they were scheduled, one request each; the zero
// Fault lets a request through untouched, to fault the second request of a
// call but not the first.
func ExampleFault() {
	srv, client := sampleServer()
	defer srv.Close()

	srv.Fail(1, juspaytest.Fault{})
	srv.Fail(1, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))
	ctx := context.Background()
	list, err := client.Wallets.List(ctx, juspaytest.SampleCustomerID)
	fmt.Println("first:", len(list.Wallets), err)
	_, err = client.Wallets.List(ctx, juspaytest.SampleCustomerID, juspay.WithMaxRetries(0))
	fmt.Println("second unavailable:", errors.Is(err, juspay.ErrServer))
	// Output:
	// first: 2 <nil>
	// second unavailable: true
}

// A proxy's HTML 502 reaches the caller as an *APIError carrying the status
// and the page, once retries are spent.
func ExampleStatusFault() {
	srv, client := sampleServer()
	defer srv.Close()

	srv.Fail(1, juspaytest.StatusFault(http.StatusBadGateway,
		http.Header{"Content-Type": {"text/html"}}, "<html>502 Bad Gateway</html>"))
	_, err := client.Wallets.List(context.Background(), juspaytest.SampleCustomerID,
		juspay.WithMaxRetries(0))
	var apiErr *juspay.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, string(apiErr.Body))
	}
	// Output:
	// 502 <html>502 Bad Gateway</html>
}

// A reset before any answer: the debit never ran, but the SDK cannot know
// that, so it reports the outcome unknown rather than send it again. The
// order shows nothing was charged.
func ExampleResetFault() {
	srv, client := sampleServer()
	defer srv.Close()
	if err := srv.AddOrder("ord_1", "10"); err != nil {
		log.Fatal(err)
	}
	w := sampleWallet(client)

	srv.FailPath("/txns", 1, juspaytest.ResetFault())
	_, err := client.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
		OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	o, _ := srv.Order("ord_1")
	fmt.Println("outcome unknown:", errors.Is(err, juspay.ErrOutcomeUnknown), "order:", o.Status)
	// Output:
	// outcome unknown: true order: NEW
}

// An attempt held past the client's per-attempt timeout: the read is retried
// and the second attempt answers. Close ends a held request at once, so the
// long delay costs the test nothing.
func ExampleDelayFault() {
	srv, client := sampleServer()
	defer srv.Close()

	srv.Fail(1, juspaytest.DelayFault(time.Hour))
	list, err := client.Wallets.List(context.Background(), juspaytest.SampleCustomerID,
		juspay.WithTimeout(500*time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("wallets:", len(list.Wallets), "attempts:", len(srv.Requests()))
	// Output:
	// wallets: 2 attempts: 2
}

// The debit is made, then its answer is cut off mid-body: the caller learns
// of an unknown outcome, and Orders.Wait settles it by reading the order.
func ExampleCutBodyFault() {
	srv, client := sampleServer()
	defer srv.Close()
	if err := srv.AddOrder("ord_1", "10"); err != nil {
		log.Fatal(err)
	}
	w := sampleWallet(client)
	ctx := context.Background()

	srv.FailPath("/txns", 1, juspaytest.CutBodyFault())
	_, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	fmt.Println("outcome unknown:", errors.Is(err, juspay.ErrOutcomeUnknown))
	o, err := client.Orders.Wait(ctx, "ord_1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("order:", o.Status)
	// Output:
	// outcome unknown: true
	// order: CHARGED
}

// A complete response whose JSON stops halfway: the debit was made, and the
// caller learns of an unknown outcome it must settle by reading the order.
func ExampleTruncatedBodyFault() {
	srv, client := sampleServer()
	defer srv.Close()
	if err := srv.AddOrder("ord_1", "10"); err != nil {
		log.Fatal(err)
	}
	w := sampleWallet(client)

	srv.FailPath("/txns", 1, juspaytest.TruncatedBodyFault())
	_, err := client.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
		OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	o, _ := srv.Order("ord_1")
	fmt.Println("outcome unknown:", errors.Is(err, juspay.ErrOutcomeUnknown), "order:", o.Status)
	// Output:
	// outcome unknown: true order: CHARGED
}

// An endless-looking answer: the SDK stops reading at its 10 MiB limit and
// fails the call instead of filling memory.
func ExampleOversizedBodyFault() {
	srv, client := sampleServer()
	defer srv.Close()

	srv.Fail(1, juspaytest.OversizedBodyFault(64<<20))
	_, err := client.Wallets.List(context.Background(), juspaytest.SampleCustomerID,
		juspay.WithMaxRetries(0))
	fmt.Println("failed:", err != nil, "attempts:", len(srv.Requests()))
	// Output:
	// failed: true attempts: 1
}
