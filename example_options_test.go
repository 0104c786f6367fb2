package juspay_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// One Option type serves both places: given to NewClient it sets the
// client's default, given to a call it overrides it for that call only. An
// invalid value fails before anything is sent.
func ExampleOption() {
	srv, client := lifecycleServer()
	defer srv.Close()
	ctx := context.Background()

	// Three attempts by default; this call makes one only.
	srv.Fail(1, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))
	_, err := client.Wallets.Get(ctx, "wlt_q23xzki3pazgtezo", juspay.WithMaxRetries(0))
	fmt.Println(errors.Is(err, juspay.ErrServer), len(srv.Requests()))

	_, err = client.Wallets.Get(ctx, "wlt_q23xzki3pazgtezo", juspay.WithTimeout(-time.Second))
	var verr *juspay.ValidationError
	fmt.Println(errors.As(err, &verr), verr.Field, len(srv.Requests()))
	// Output:
	// true 1
	// true WithTimeout 1
}

func ExampleWithMerchantID() {
	srv, _ := lifecycleServer()
	defer srv.Close()

	client, err := juspay.NewClient(srv.APIKey,
		juspay.WithMerchantID(srv.MerchantID), // from the Juspay dashboard
		juspay.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Wallets.List(context.Background(), "cth_eN4e4kR12CJV"); err != nil {
		log.Fatal(err)
	}
	req, _ := srv.LastRequest()
	fmt.Println(req.Header.Get("x-merchantid"))

	_, err = juspay.NewClient(srv.APIKey) // the merchant ID is required
	fmt.Println(errors.Is(err, juspay.ErrInvalidArgument))
	// Output:
	// test_merchant
	// true
}

// Production sends every call to Juspay's live API; Sandbox is the default.
func ExampleWithEnvironment() {
	client, err := juspay.NewClient("key_from_dashboard",
		juspay.WithMerchantID("merchant_123"),
		juspay.WithEnvironment(juspay.Production))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(client) // never shows the key
	// Output: juspay.Client{BaseURL: https://api.juspay.in, MerchantID: merchant_123, APIKey: [redacted]}
}

// A base URL points the client at a proxy, or at a fake Juspay in tests.
// Plain http is refused except on a loopback host.
func ExampleWithBaseURL() {
	client, err := juspay.NewClient("key_from_dashboard",
		juspay.WithMerchantID("merchant_123"),
		juspay.WithBaseURL("https://juspay-proxy.internal.example.com/juspay"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(client)
	// Output: juspay.Client{BaseURL: https://juspay-proxy.internal.example.com/juspay, MerchantID: merchant_123, APIKey: [redacted]}
}

// Pass the customer ID as routing ID with every call about that customer,
// as Juspay recommends; wallet calls send none on their own.
func ExampleWithRoutingID() {
	srv, client := lifecycleServer()
	defer srv.Close()

	w, err := client.Wallets.Get(context.Background(), "wlt_q23xzki3pazgtezo",
		juspay.WithRoutingID("cth_eN4e4kR12CJV"))
	if err != nil {
		log.Fatal(err)
	}
	req, _ := srv.LastRequest()
	fmt.Println(w.Wallet, req.Header.Get("x-routing-id"))
	// Output: MOBIKWIK cth_eN4e4kR12CJV
}

// An older API version is sent as the version header. UpdateMobileNumber
// needs 2019-09-17 or later, and refuses before sending anything otherwise.
func ExampleWithAPIVersion() {
	srv, _ := lifecycleServer()
	defer srv.Close()
	client, _ := srv.NewClient(juspay.WithAPIVersion("2019-01-01"))

	if _, err := client.Wallets.List(context.Background(), "cth_eN4e4kR12CJV"); err != nil {
		log.Fatal(err)
	}
	req, _ := srv.LastRequest()
	fmt.Println(req.Header.Get("version"))

	_, err := client.Wallets.UpdateMobileNumber(context.Background(), "wlt_q23xzki3pazgtezo", "8888888888")
	fmt.Println(errors.Is(err, juspay.ErrInvalidArgument), len(srv.Requests()))
	// Output:
	// 2019-01-01
	// true 1
}

// An extra header, for a proxy or for Juspay's support. The headers the SDK
// manages are refused: they have their own options.
func ExampleWithHeader() {
	srv, _ := lifecycleServer()
	defer srv.Close()
	client, _ := srv.NewClient(juspay.WithHeader("X-Shop-Region", "south"))

	_, err := client.Wallets.List(context.Background(), "cth_eN4e4kR12CJV",
		juspay.WithHeader("X-Shop-Region", "north")) // this call only
	if err != nil {
		log.Fatal(err)
	}
	req, _ := srv.LastRequest()
	fmt.Println(req.Header.Values("X-Shop-Region"))

	_, err = srv.NewClient(juspay.WithHeader("Authorization", "Basic abc"))
	fmt.Println(errors.Is(err, juspay.ErrInvalidArgument))
	// Output:
	// [north]
	// true
}

// Zero retries: a failed read fails at once, after one attempt.
func ExampleWithMaxRetries() {
	srv, _ := lifecycleServer()
	defer srv.Close()
	client, _ := srv.NewClient(juspay.WithMaxRetries(0))
	srv.Fail(1, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))

	_, err := client.Wallets.List(context.Background(), "cth_eN4e4kR12CJV")
	fmt.Println(errors.Is(err, juspay.ErrServer), len(srv.Requests()))
	// Output: true 1
}

// A small budget: one retry after an error response spends 5 tokens, so
// in an outage the client stops retrying as soon as the budget runs dry.
func ExampleWithRetryBudget() {
	srv, _ := lifecycleServer()
	defer srv.Close()
	client, _ := srv.NewClient(
		juspay.WithRetryBudget(5),
		juspay.WithMaxRetries(5),
		juspay.WithRetryBackoff(time.Millisecond, time.Millisecond),
	)
	srv.Fail(10, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))

	var resp juspay.Response
	_, err := client.Wallets.List(context.Background(), "cth_eN4e4kR12CJV", juspay.WithResponseInto(&resp))
	fmt.Println(errors.Is(err, juspay.ErrServer), resp.Attempts)
	// Output: true 2
}

// Each attempt is bounded: a read that runs out of time is retried.
func ExampleWithTimeout() {
	srv, _ := lifecycleServer()
	defer srv.Close()
	client, _ := srv.NewClient(
		juspay.WithTimeout(time.Second), // per attempt; the call as a whole is bounded by ctx
		juspay.WithRetryBackoff(time.Millisecond, time.Millisecond),
	)
	srv.Fail(1, juspaytest.DelayFault(time.Hour)) // the first attempt hangs

	var resp juspay.Response
	list, err := client.Wallets.List(context.Background(), "cth_eN4e4kR12CJV", juspay.WithResponseInto(&resp))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(list.Wallets), "wallets after", resp.Attempts, "attempts")
	// Output: 2 wallets after 2 attempts
}

// The app's name goes in front of the SDK's own User-Agent, so Juspay's
// logs tell the merchant's services apart.
func ExampleWithUserAgent() {
	srv, _ := lifecycleServer()
	defer srv.Close()
	client, _ := srv.NewClient(juspay.WithUserAgent("shop-backend/1.4"))

	if _, err := client.Wallets.List(context.Background(), "cth_eN4e4kR12CJV"); err != nil {
		log.Fatal(err)
	}
	req, _ := srv.LastRequest()
	ua := strings.Fields(req.Header.Get("User-Agent"))
	fmt.Println(ua[0], strings.HasPrefix(ua[1], "juspay-go/"))
	// Output: shop-backend/1.4 true
}
