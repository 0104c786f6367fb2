package juspay_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

var sdkUserAgent = "juspay-go/" + juspay.Version + " go/" + runtime.Version()

func TestRefreshAllRequest(t *testing.T) {
	c, mt := newMockClient(t)
	rec := recordAll(mt, jsonResponder(200, emptyList))

	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.NoError(t, err)

	r, body := rec.only(t)
	testMethod(t, r, "GET")
	assert.Equal(t, "https://sandbox.juspay.in/customers/cth_eN4e4kR12CJV/wallets/refresh-balances", r.URL.String())
	testHeader(t, r, "Authorization", testAuthorization)
	testHeader(t, r, "x-merchantid", testMerchantID)
	testHeader(t, r, "x-routing-id", testCustomerID)
	testHeader(t, r, "version", "2023-06-30")
	testHeader(t, r, "Content-Type", "application/x-www-form-urlencoded")
	testHeader(t, r, "Accept", "application/json")
	testHeader(t, r, "User-Agent", sdkUserAgent)
	testFormValues(t, r, body, nil)
	assert.Len(t, r.Header, 7, "no header beyond the documented ones: %v", r.Header)
}

// TestRefreshAllAsAMerchantWould is the README's httpmock recipe: a fresh
// *http.Client activated with httpmock, passed with WithHTTPClient.
func TestRefreshAllAsAMerchantWould(t *testing.T) {
	hc := &http.Client{}
	httpmock.ActivateNonDefault(hc)
	t.Cleanup(func() { httpmock.DeactivateNonDefault(hc); httpmock.Reset() })

	httpmock.RegisterResponder("GET", "https://api.juspay.in/customers/cth_eN4e4kR12CJV/wallets/refresh-balances",
		httpmock.NewStringResponder(200, string(readSample(t, "refresh-all--response.json"))))

	client, err := juspay.NewClient("my_key",
		juspay.WithMerchantID("merchant_123"),
		juspay.WithEnvironment(juspay.Production),
		juspay.WithHTTPClient(hc))
	require.NoError(t, err)
	list, err := client.Wallets.RefreshAll(context.Background(), "cth_eN4e4kR12CJV")
	require.NoError(t, err)
	require.Len(t, list.Wallets, 1)
	assert.Equal(t, "PAYTM", list.Wallets[0].Wallet)
	assert.Equal(t, "109.55", list.Wallets[0].CurrentBalance.String())
	assert.Equal(t, 1, httpmock.GetTotalCallCount())
}

func TestRefreshAllOptionsShapeRequest(t *testing.T) {
	c, mt := newMockClient(t,
		juspay.WithRoutingID("cart_42"),
		juspay.WithAPIVersion("2024-01-15"),
		juspay.WithUserAgent("shop-backend/1.4"),
		juspay.WithHeader("X-Tenant", "north"),
		juspay.WithHeader("x-tenant", "south"),
		juspay.WithHeader("X-Trace-Id", "t-1"),
	)
	rec := recordAll(mt, jsonResponder(200, emptyList))

	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.NoError(t, err)

	r, _ := rec.only(t)
	testHeader(t, r, "x-routing-id", "cart_42")
	testHeader(t, r, "version", "2024-01-15")
	testHeader(t, r, "User-Agent", "shop-backend/1.4 "+sdkUserAgent)
	assert.Equal(t, []string{"north", "south"}, r.Header.Values("X-Tenant"), "WithHeader twice adds up")
	testHeader(t, r, "X-Trace-Id", "t-1")
	testHeader(t, r, "Authorization", testAuthorization)
	testHeader(t, r, "x-merchantid", testMerchantID)
}

// The customer ID is always exactly one path segment.
var customerIDSegments = []struct {
	id, escaped string
}{
	{"cth_eN4e4kR12CJV", "cth_eN4e4kR12CJV"},
	{"../x", "..%2Fx"},
	{"../../orders/o1", "..%2F..%2Forders%2Fo1"},
	{"a/b", "a%2Fb"},
	{"a?b#c", "a%3Fb%23c"},
	{"a b", "a%20b"},
	{"100%", "100%25"},
	{"%2F", "%252F"},
	{"ಗ್ರಾಹಕ", "%E0%B2%97%E0%B3%8D%E0%B2%B0%E0%B2%BE%E0%B2%B9%E0%B2%95"},
	{"...", "..."},
	{"a;b", "a%3Bb"},
	{`a\b`, "a%5Cb"},
}

func TestRefreshAllEscapesCustomerID(t *testing.T) {
	for _, tt := range customerIDSegments {
		c, mt := newMockClient(t)
		rec := recordAll(mt, jsonResponder(200, emptyList))

		_, err := c.Wallets.RefreshAll(context.Background(), tt.id)
		require.NoError(t, err, tt.id)

		r, _ := rec.only(t)
		assert.Equal(t, "/customers/"+tt.escaped+"/wallets/refresh-balances", r.URL.RequestURI(), tt.id)
		assert.Equal(t, "sandbox.juspay.in", r.URL.Host, tt.id)
		testHeader(t, r, "x-routing-id", tt.id)
	}
}

// TestRefreshAllEscapesCustomerIDOnTheWire checks the request line a real
// server reads, in case net/http cleaned or re-escaped the path.
func TestRefreshAllEscapesCustomerIDOnTheWire(t *testing.T) {
	got := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- r.RequestURI
		_, _ = w.Write([]byte(emptyList))
	}))
	t.Cleanup(srv.Close)

	c, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID), juspay.WithBaseURL(srv.URL))
	require.NoError(t, err)
	for _, tt := range customerIDSegments {
		_, err := c.Wallets.RefreshAll(context.Background(), tt.id)
		require.NoError(t, err, tt.id)
		assert.Equal(t, "/customers/"+tt.escaped+"/wallets/refresh-balances", <-got, tt.id)
	}
	srv.CloseClientConnections()
}

func TestRefreshAllRefusesCustomerID(t *testing.T) {
	for _, id := range []string{"", ".", "..", "cth\r\n1", "cth\x00"} {
		c, mt := newMockClient(t)
		rec := recordAll(mt, jsonResponder(200, emptyList))

		list, err := c.Wallets.RefreshAll(context.Background(), id)
		assert.Nil(t, list, "%q", id)
		if assert.Error(t, err, "%q", id) {
			assert.Contains(t, err.Error(), "juspay: refresh all wallets: customerID", "%q", id)
		}
		assert.Zero(t, rec.count(), "nothing is sent for %q", id)
	}
}

func TestRefreshAllDecodesResponse(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("GET", refreshURL(testCustomerID),
		jsonResponder(200, string(readSample(t, "refresh-all-wallets--spec.json"))))

	list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.NoError(t, err)
	assert.Equal(t, specList, inUTC(*list))
}

func TestRefreshAllDocumentedErrors(t *testing.T) {
	tests := []struct {
		status   int
		body     string
		sentinel error
		want     juspay.APIError
	}{
		{
			400, `{"status":"Invalid Request","error_code":"null_error","error_message":"Customer not found for given customerId."}`,
			juspay.ErrInvalidRequest,
			juspay.APIError{StatusCode: 400, Status: "Invalid Request", ErrorCode: "null_error", ErrorMessage: "Customer not found for given customerId."},
		},
		{
			401, `{"status":"Invalid Authentication","error_code":"access_denied","error_message":"Invalid Authentication"}`,
			juspay.ErrAuthentication,
			juspay.APIError{StatusCode: 401, Status: "Invalid Authentication", ErrorCode: "access_denied", ErrorMessage: "Invalid Authentication"},
		},
	}
	for _, tt := range tests {
		c, mt := newMockClient(t)
		mt.RegisterResponder("GET", refreshURL(testCustomerID), jsonResponder(tt.status, tt.body))

		list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		assert.Nil(t, list)
		assert.ErrorIs(t, err, tt.sentinel)
		var apiErr *juspay.APIError
		require.ErrorAs(t, err, &apiErr)
		tt.want.Body = []byte(tt.body)
		assertAPIError(t, tt.want, apiErr)
		assert.Equal(t, 1, mt.GetTotalCallCount(), "a %d is not retried", tt.status)
	}
}
