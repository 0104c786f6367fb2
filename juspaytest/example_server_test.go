package juspaytest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
	"testing"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// The server answers as Juspay does, refusals included: an unknown customer
// is Juspay's 400 with its error code and message.
func ExampleServer() {
	srv, client := sampleServer()
	defer srv.Close()

	list, err := client.Wallets.List(context.Background(), juspaytest.SampleCustomerID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("wallets:", len(list.Wallets))

	_, err = client.Wallets.List(context.Background(), "cth_unknown")
	var apiErr *juspay.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.ErrorCode, apiErr.ErrorMessage)
	}
	// Output:
	// wallets: 2
	// 400 null_error Customer not found for given customerId.
}

// Outside a test (a main that demonstrates the SDK, a fixture shared by many
// tests), NewServer starts the fake; point any client at its URL with its
// credentials, and Close it when done.
func ExampleNewServer() {
	srv := juspaytest.NewServer()
	defer srv.Close()

	client, err := juspay.NewClient(srv.APIKey,
		juspay.WithBaseURL(srv.URL), juspay.WithMerchantID(srv.MerchantID))
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.Wallets.List(context.Background(), "cth_unknown")
	fmt.Println(strings.HasPrefix(srv.URL, "http://127.0.0.1:"), srv.APIKey, srv.MerchantID)
	fmt.Println("unknown customer:", errors.Is(err, juspay.ErrInvalidRequest))
	// Output:
	// true test_api_key test_merchant
	// unknown customer: true
}

// Start belongs in a merchant's test function, where it closes the server
// when the test ends and logs faults the test scripted but no request met.
// It needs the test's *testing.T, which an example does not have, so this
// example only compiles; Example and ExampleNewServer run the same calls.
func ExampleStart() {
	testRefreshWallets := func(t *testing.T) {
		srv, client := juspaytest.Start(t)
		if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
			t.Fatal(err)
		}
		list, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list.Wallets) != 2 {
			t.Errorf("got %d wallets, want 2", len(list.Wallets))
		}
	}
	_ = testRefreshWallets // a test function of the merchant's package
}

// A debit needs an order the server knows. An amount the wallet cannot cover
// leaves the order PENDING_VBV; AddOrder can then lower the amount of the
// unpaid order, and the next debit charges it.
func ExampleServer_AddOrder() {
	srv, client := sampleServer()
	defer srv.Close()
	debit := func(orderID string) juspay.TxnStatus {
		txn, err := client.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
			OrderID: orderID, PaymentMethod: "PAYTM", DirectWalletToken: sampleWallet(client).Token})
		if err != nil {
			log.Fatal(err)
		}
		return txn.Status
	}

	if err := srv.AddOrder("ord_1", "500"); err != nil {
		log.Fatal(err)
	}
	fmt.Println("500 from 95:", debit("ord_1"))
	if err := srv.AddOrder("ord_1", "50"); err != nil {
		log.Fatal(err)
	}
	fmt.Println("50 from 95:", debit("ord_1"))
	fmt.Println("paid order:", srv.AddOrder("ord_1", "10") != nil)
	// Output:
	// 500 from 95: PENDING_VBV
	// 50 from 95: CHARGED
	// paid order: true
}

// Close may be called more than once; a call after it fails at once instead
// of hanging the test.
func ExampleServer_Close() {
	srv, client := sampleServer()
	srv.Close()
	srv.Close()

	_, err := client.Wallets.List(context.Background(), juspaytest.SampleCustomerID,
		juspay.WithMaxRetries(0))
	fmt.Println("failed:", err != nil)
	// Output:
	// failed: true
}

// Fault one endpoint only: requests to other paths are answered as usual and
// leave the script alone.
func ExampleServer_FailPath() {
	srv, client := sampleServer()
	defer srv.Close()
	ctx := context.Background()
	refresh := "/customers/" + juspaytest.SampleCustomerID + "/wallets/refresh-balances"

	srv.FailPath(refresh, 1, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))
	if _, err := client.Wallets.List(ctx, juspaytest.SampleCustomerID); err != nil {
		log.Fatal(err)
	}
	fmt.Println("after List:", srv.PendingFaults())
	if _, err := client.Wallets.RefreshAll(ctx, juspaytest.SampleCustomerID); err != nil {
		log.Fatal(err)
	}
	fmt.Println("after RefreshAll:", srv.PendingFaults(), "requests:", len(srv.Requests()))
	// Output:
	// after List: 1
	// after RefreshAll: 0 requests: 3
}

// Options given to NewClient win over the server's defaults: here no retries,
// so a single 503 reaches the caller.
func ExampleServer_NewClient() {
	srv := juspaytest.NewServer()
	defer srv.Close()
	client, err := srv.NewClient(juspay.WithMaxRetries(0))
	if err != nil {
		log.Fatal(err)
	}

	srv.Fail(1, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))
	_, err = client.Wallets.List(context.Background(), "cth_42")
	fmt.Println("server error:", errors.Is(err, juspay.ErrServer), "attempts:", len(srv.Requests()))
	// Output:
	// server error: true attempts: 1
}

// Every attempt is recorded, retries included, with the form it sent.
func ExampleServer_Requests() {
	srv, client := sampleServer()
	defer srv.Close()
	ctx := context.Background()

	srv.Fail(1, juspaytest.StatusFault(http.StatusBadGateway, nil, ""))
	if _, err := client.Wallets.List(ctx, juspaytest.SampleCustomerID); err != nil {
		log.Fatal(err)
	}
	_, err := client.Wallets.Create(ctx, juspaytest.SampleCustomerID,
		&juspay.CreateWalletParams{Gateway: "AMAZONPAY"})
	if err != nil {
		log.Fatal(err)
	}

	for _, r := range srv.Requests() {
		fmt.Printf("%s %s form:%s\n", r.Method, r.Path, r.Form.Encode())
	}
	// Output:
	// GET /customers/cth_eN4e4kR12CJV/wallets form:
	// GET /customers/cth_eN4e4kR12CJV/wallets form:
	// POST /customers/cth_eN4e4kR12CJV/wallets form:gateway=AMAZONPAY
}

// Lower a wallet's balance to make the next debit fall short.
func ExampleServer_SetBalance() {
	srv, client := sampleServer()
	defer srv.Close()
	if err := srv.SetBalance("wlm_blUutbvo76578u", "5.00"); err != nil {
		log.Fatal(err)
	}
	if err := srv.AddOrder("ord_1", "10"); err != nil {
		log.Fatal(err)
	}

	txn, err := client.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
		OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: sampleWallet(client).Token})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(txn.Status)
	fmt.Println("not a balance:", srv.SetBalance("wlm_blUutbvo76578u", "five") != nil)
	// Output:
	// PENDING_VBV
	// not a balance: true
}

// Check what a payment did to the wallet, as the provider sees it.
func ExampleServer_Wallet() {
	srv, client := sampleServer()
	defer srv.Close()
	before, _ := srv.Wallet("wlm_blUutbvo76578u")
	payFromSample(srv, client, "ord_1", "20.50")

	after, _ := srv.Wallet("wlm_blUutbvo76578u")
	fmt.Println(after.Gateway, after.Linked, before.Balance, "->", after.Balance)
	_, ok := srv.Wallet("wlm_unknown")
	fmt.Println("unknown:", ok)
	// Output:
	// PAYTM true 95 -> 74.50
	// unknown: false
}

// A suite can keep the credentials of its fake in one place and start every
// server with them.
func ExampleServerOption() {
	staging := []juspaytest.ServerOption{
		juspaytest.WithAPIKey("key_staging"),
		juspaytest.WithMerchantID("shop_staging"),
	}
	srv := juspaytest.NewServer(staging...)
	defer srv.Close()
	fmt.Println(srv.APIKey, srv.MerchantID)
	// Output:
	// key_staging shop_staging
}

// Test code that builds its client from its own configuration: the server
// accepts the key that configuration holds, and refuses any other.
func ExampleWithAPIKey() {
	srv := juspaytest.NewServer(juspaytest.WithAPIKey("key_from_config"))
	defer srv.Close()
	for _, key := range []string{"key_from_config", "test_api_key"} {
		client, err := juspay.NewClient(key,
			juspay.WithBaseURL(srv.URL), juspay.WithMerchantID(srv.MerchantID))
		if err != nil {
			log.Fatal(err)
		}
		_, err = client.Wallets.List(context.Background(), "cth_42")
		fmt.Println(key, "refused:", errors.Is(err, juspay.ErrAuthentication))
	}
	// Output:
	// key_from_config refused: false
	// test_api_key refused: true
}

// The merchant ID is sent on every call as x-merchantid; the server accepts
// only its own.
func ExampleWithMerchantID() {
	srv := juspaytest.NewServer(juspaytest.WithMerchantID("shop_42"))
	defer srv.Close()
	if _, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_42"}); err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Wallets.List(context.Background(), "cth_42"); err != nil {
		log.Fatal(err)
	}
	req, _ := srv.LastRequest()
	fmt.Println("x-merchantid:", req.Header.Get("x-merchantid"))

	_, err = client.Wallets.List(context.Background(), "cth_42", juspay.WithMerchantID("shop_7"))
	fmt.Println("other merchant refused:", err != nil)
	// Output:
	// x-merchantid: shop_42
	// other merchant refused: true
}
