package juspay_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// sampleServer starts a fake Juspay holding the customer of Juspay's
// published Refresh All Wallets sample. The examples talk to it so that
// `go test` runs the documentation.
func sampleServer() *juspaytest.Server {
	srv := juspaytest.NewServer()
	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
		panic(err)
	}
	return srv
}

// sampleClient is sampleServer with a client for it.
func sampleClient() (*juspaytest.Server, *juspay.Client) {
	srv := sampleServer()
	client, err := srv.NewClient()
	if err != nil {
		panic(err)
	}
	return srv, client
}

func ExampleNewClient() {
	srv := sampleServer()
	defer srv.Close()

	client, err := juspay.NewClient(srv.APIKey, // from the Juspay dashboard
		juspay.WithMerchantID(srv.MerchantID),
		juspay.WithBaseURL(srv.URL), // in production: juspay.WithEnvironment(juspay.Production)
		juspay.WithTimeout(20*time.Second),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	list, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(list.Wallets), "wallets")
	// Output: 2 wallets
}

func ExampleNewClient_invalid() {
	_, err := juspay.NewClient("key_123", juspay.WithMerchantID("merchant_123"),
		juspay.WithBaseURL("http://juspay.example.com"))
	fmt.Println(err)
	// Output: juspay: new client: WithBaseURL got base URL "http://juspay.example.com": plain http is only allowed for a loopback host; use https
}

func ExampleNewClientFromEnv() {
	srv := sampleServer()
	defer srv.Close()
	os.Setenv("JUSPAY_API_KEY", srv.APIKey)
	os.Setenv("JUSPAY_MERCHANT_ID", srv.MerchantID)
	os.Setenv("JUSPAY_BASE_URL", srv.URL) // unset: JUSPAY_ENVIRONMENT, or the sandbox
	defer os.Unsetenv("JUSPAY_API_KEY")
	defer os.Unsetenv("JUSPAY_MERCHANT_ID")
	defer os.Unsetenv("JUSPAY_BASE_URL")

	client, err := juspay.NewClientFromEnv(juspay.WithUserAgent("shop-backend/1.4"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(portless(client.String())) // never shows the key
	// Output: juspay.Client{BaseURL: http://127.0.0.1:PORT, MerchantID: test_merchant, APIKey: [redacted]}
}

func ExampleWalletsService_RefreshAll() {
	srv := sampleServer()
	defer srv.Close()
	client, _ := srv.NewClient()

	list, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range list.Wallets {
		fmt.Println(w.Wallet, w.Linked, w.CurrentBalance, w.LastRefreshed.Format(time.RFC3339))
		for _, d := range w.SubDetails {
			fmt.Println("  ", d.PaymentMethod, d.CurrentBalance)
		}
	}
	// Output:
	// MOBIKWIK true 100 2023-09-11T08:29:47Z
	//    MOBIKWIK 100
	// PAYTM true 95 2023-09-11T08:29:46Z
	//    PAYTM_POSTPAID 22222
	//    PAYTM 95
}

// Errors are classified by HTTP status with errors.Is; errors.As gives
// Juspay's fields.
func ExampleAPIError() {
	srv := sampleServer()
	defer srv.Close()
	client, _ := srv.NewClient()

	_, err := client.Wallets.RefreshAll(context.Background(), "cth_unknown")
	var apiErr *juspay.APIError
	switch {
	case errors.Is(err, juspay.ErrAuthentication):
		fmt.Println("rotate the key")
	case errors.Is(err, juspay.ErrInvalidRequest) && errors.As(err, &apiErr):
		fmt.Println(apiErr.StatusCode, apiErr.ErrorCode, apiErr.ErrorMessage)
	case err != nil:
		fmt.Println(err)
	}
	// Output: 400 null_error Customer not found for given customerId.
}

// A 401 for a wrong key, and an expired context, through errors.Is.
func ExampleAPIError_sentinels() {
	srv := sampleServer()
	defer srv.Close()
	wrongKey, _ := juspay.NewClient("not-the-key", juspay.WithMerchantID(srv.MerchantID), juspay.WithBaseURL(srv.URL))
	_, err := wrongKey.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	fmt.Println(errors.Is(err, juspay.ErrAuthentication))

	client, _ := srv.NewClient()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = client.Wallets.RefreshAll(ctx, juspaytest.SampleCustomerID)
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// true
	// true
}

func ExampleParseAmount() {
	a, err := juspay.ParseAmount("100.50")
	if err != nil {
		fmt.Println(err)
		return
	}
	paise, _ := a.MinorUnits()
	fmt.Println(a, paise)

	_, err = juspay.ParseAmount("1,000")
	fmt.Println(err)
	// Output:
	// 100.50 10050
	// juspay: invalid amount "1,000": not a decimal number
}

func ExampleAmount_MinorUnits() {
	for _, s := range []string{"95", "109.55", "1.005"} {
		a, _ := juspay.ParseAmount(s)
		paise, err := a.MinorUnits()
		fmt.Println(paise, err)
	}
	// Output:
	// 9500 <nil>
	// 10955 <nil>
	// 0 juspay: amount 1.005 is not a whole number of paise
}

func ExampleWalletAccount_String() {
	srv := sampleServer()
	defer srv.Close()
	client, _ := srv.NewClient()
	list, _ := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)

	fmt.Println(list.Wallets[1]) // the token is masked; read w.Token to pay with it
	// Output: WalletAccount{ID: wlm_blUutbvo76578u, Wallet: PAYTM, Linked: true, CurrentBalance: 95, LastRefreshed: 2023-09-11T08:29:46Z, Token: [redacted]}
}

// A transport-level mock: give the client an *http.Client whose Transport
// is httpmock's.
func ExampleWithHTTPClient() {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder(http.MethodGet, "https://sandbox.juspay.in/customers/cth_1/wallets/refresh-balances",
		httpmock.NewStringResponder(http.StatusOK, `{"object":"list","list":[{"wallet":"PAYTM","linked":"true","current_balance":"100.50"}]}`))

	client, _ := juspay.NewClient("test_key", juspay.WithMerchantID("merchant_123"),
		juspay.WithHTTPClient(&http.Client{Transport: mock}))
	list, err := client.Wallets.RefreshAll(context.Background(), "cth_1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(list.Wallets[0].Wallet, list.Wallets[0].Linked, list.Wallets[0].CurrentBalance)
	// Output: PAYTM true 100.50
}

// Retries and their waits are logged: a debug record per attempt and a warn
// record per retry, never a key, token or body.
func ExampleWithLogger() {
	srv := sampleServer()
	defer srv.Close()
	srv.Fail(1, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))

	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelWarn,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "wait" || a.Key == "request_id" {
				return slog.Attr{} // vary from run to run
			}
			return a
		},
	}))
	client, _ := srv.NewClient(juspay.WithLogger(logger))
	_, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	fmt.Println(err)
	// Output:
	// level=WARN msg="juspay: retrying" op="refresh all wallets" attempt=1 status=503
	// <nil>
}

func ExampleWithRetryBackoff() {
	srv := sampleServer()
	defer srv.Close()
	srv.Fail(3, juspaytest.StatusFault(http.StatusBadGateway, http.Header{"Content-Type": {"text/html"}}, "<html>Bad Gateway</html>"))

	client, _ := srv.NewClient(
		juspay.WithMaxRetries(2), // three attempts in all
		juspay.WithRetryBackoff(time.Millisecond, 5*time.Millisecond), // 1ms, then 2ms, less jitter
	)
	_, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	fmt.Println(errors.Is(err, juspay.ErrServer), len(srv.Requests()))
	// Output: true 3
}

func ExampleEnvironment_BaseURL() {
	fmt.Println(juspay.Sandbox.BaseURL())
	fmt.Println(juspay.Production.BaseURL())
	// Output:
	// https://sandbox.juspay.in
	// https://api.juspay.in
}

// portless hides the port of a loopback URL, for stable example output.
func portless(s string) string {
	if i := strings.Index(s, "127.0.0.1:"); i >= 0 {
		j := i + len("127.0.0.1:")
		k := j
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		return s[:j] + "PORT" + s[k:]
	}
	return s
}
