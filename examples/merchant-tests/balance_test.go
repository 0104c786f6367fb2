package checkout

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

func TestSpendable(t *testing.T) {
	srv, client := juspaytest.Start(t) // a fake Juspay, closed when the test ends
	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
		t.Fatal(err)
	}
	got, err := Spendable(context.Background(), client, juspaytest.SampleCustomerID)
	if err != nil || got != 19500 { // MOBIKWIK 100 + PAYTM 95, in paise
		t.Fatalf("Spendable = %d, %v; want 19500", got, err)
	}
}

func TestSpendableWrongKey(t *testing.T) {
	srv, _ := juspaytest.Start(t)
	bad, err := juspay.NewClient("not-the-key", juspay.WithMerchantID(srv.MerchantID), juspay.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Spendable(context.Background(), bad, juspaytest.SampleCustomerID)
	if !errors.Is(err, juspay.ErrAuthentication) {
		t.Fatalf("err = %v; want a 401", err)
	}
}

func TestSpendableRetriesA503(t *testing.T) {
	srv, client := juspaytest.Start(t)
	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
		t.Fatal(err)
	}
	srv.Fail(1, juspaytest.StatusFault(http.StatusServiceUnavailable, nil, ""))
	got, err := Spendable(context.Background(), client, juspaytest.SampleCustomerID)
	if err != nil || got != 19500 {
		t.Fatalf("Spendable = %d, %v; want 19500 after one retry", got, err)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Fatalf("%d requests; want 2 (a 503, then the retry)", n)
	}
}

func TestSpendableWithHTTPMock(t *testing.T) {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder(http.MethodGet, "https://sandbox.juspay.in/customers/cth_1/wallets/refresh-balances",
		httpmock.NewStringResponder(http.StatusOK, `{"object":"list","list":[
			{"wallet":"PAYTM","linked":true,"current_balance":"100.50"},
			{"wallet":"MOBIKWIK","linked":"false","current_balance":null}]}`))
	client, err := juspay.NewClient("test_key",
		juspay.WithMerchantID("merchant_123"),
		juspay.WithHTTPClient(&http.Client{Transport: mock}),
	)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Spendable(context.Background(), client, "cth_1")
	if err != nil || got != 10050 {
		t.Fatalf("Spendable = %d, %v; want 10050", got, err)
	}
}
