package juspay_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

func TestNewClientRefuses(t *testing.T) {
	mid := juspay.WithMerchantID(testMerchantID)
	tests := []struct {
		name   string
		key    string
		opts   []juspay.Option
		reason string // in the error
	}{
		{"empty API key", "", []juspay.Option{mid}, "API key"},
		{"missing merchant ID", testAPIKey, nil, "merchant ID"},
		{"empty merchant ID", testAPIKey, []juspay.Option{juspay.WithMerchantID("")}, "merchant ID"},
		{"base URL does not parse", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("https://[::1")}, "base URL"},
		{"base URL with a bad escape", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("https://%zz")}, "base URL"},
		{"base URL with a space in the host", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("https://exa mple.com")}, "base URL"},
		{"base URL without a scheme", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("sandbox.juspay.in")}, "base URL"},
		{"base URL of another scheme", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("ftp://sandbox.juspay.in")}, "base URL"},
		{"base URL without a host", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("https://")}, "base URL"},
		{"http to a public host", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("http://sandbox.juspay.in")}, "http"},
		{"http to a host named like loopback", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("http://127.0.0.1.example.com")}, "http"},
		{"http to localhost's lookalike", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("http://localhost.example.com")}, "http"},
		{"http to every interface", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("http://0.0.0.0:8080")}, "http"},
		{"http to a private address", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("http://10.0.0.1")}, "http"},
		{"credentials in the base URL", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("https://user:pass@sandbox.juspay.in")}, "credentials"},
		{"a query in the base URL", testAPIKey, []juspay.Option{mid, juspay.WithBaseURL("https://sandbox.juspay.in/?a=b")}, "query"},
		{"unknown environment", testAPIKey, []juspay.Option{mid, juspay.WithEnvironment("staging")}, "environment"},
		{"nil HTTP client", testAPIKey, []juspay.Option{mid, juspay.WithHTTPClient(nil)}, "client"},
		{"empty routing ID", testAPIKey, []juspay.Option{mid, juspay.WithRoutingID("")}, "routing ID"},
		{"negative retries", testAPIKey, []juspay.Option{mid, juspay.WithMaxRetries(-1)}, "WithMaxRetries"},
		{"zero initial backoff", testAPIKey, []juspay.Option{mid, juspay.WithRetryBackoff(0, 1)}, "WithRetryBackoff"},
		{"negative backoff", testAPIKey, []juspay.Option{mid, juspay.WithRetryBackoff(-1, 1)}, "WithRetryBackoff"},
		{"backoff max under initial", testAPIKey, []juspay.Option{mid, juspay.WithRetryBackoff(2, 1)}, "WithRetryBackoff"},
		{"negative timeout", testAPIKey, []juspay.Option{mid, juspay.WithTimeout(-1)}, "WithTimeout"},
		{"API version not a date", testAPIKey, []juspay.Option{mid, juspay.WithAPIVersion("v2")}, "API version"},
		{"API version not a real date", testAPIKey, []juspay.Option{mid, juspay.WithAPIVersion("2023-13-45")}, "API version"},
		{"API version empty", testAPIKey, []juspay.Option{mid, juspay.WithAPIVersion("")}, "API version"},
		{"API version with a time", testAPIKey, []juspay.Option{mid, juspay.WithAPIVersion("2023-06-30T00:00:00Z")}, "API version"},
		{"WithHeader with an invalid name", testAPIKey, []juspay.Option{mid, juspay.WithHeader("Bad Header", "x")}, "header name"},
		{"WithHeader with an empty name", testAPIKey, []juspay.Option{mid, juspay.WithHeader("", "x")}, "header name"},
		{"negative retry budget", testAPIKey, []juspay.Option{mid, juspay.WithRetryBudget(-1)}, "WithRetryBudget"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := juspay.NewClient(tt.key, tt.opts...)
			assert.Nil(t, c, "nothing is built")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.reason)
			assert.Regexp(t, "^juspay: ", err.Error())
		})
	}
}

// TestNewClientRefusesControlCharacters covers every header value a caller
// can set: a CR or LF would split the request's headers.
func TestNewClientRefusesControlCharacters(t *testing.T) {
	for _, bad := range []string{"\r", "\n", "\r\n", "\x00", "\x7f", "\t"} {
		cases := map[string]struct {
			key  string
			opts []juspay.Option
		}{
			"API key":     {"sk_" + bad + "live", nil},
			"merchant ID": {testAPIKey, []juspay.Option{juspay.WithMerchantID("merchant" + bad + "x")}},
			"routing ID":  {testAPIKey, []juspay.Option{juspay.WithRoutingID("cart" + bad + "x")}},
			"user agent":  {testAPIKey, []juspay.Option{juspay.WithUserAgent("shop/1.0" + bad + "x")}},
			"WithHeader":  {testAPIKey, []juspay.Option{juspay.WithHeader("X-Tenant", "north"+bad+"Injected: yes")}},
			"base URL":    {testAPIKey, []juspay.Option{juspay.WithBaseURL("https://sandbox.juspay.in/" + bad)}},
		}
		for name, tc := range cases {
			opts := append([]juspay.Option{juspay.WithMerchantID(testMerchantID)}, tc.opts...)
			c, err := juspay.NewClient(tc.key, opts...)
			assert.Nil(t, c, "%s with %q", name, bad)
			if assert.Error(t, err, "%s with %q", name, bad) {
				assert.NotContains(t, err.Error(), bad, "the error does not repeat the bad value")
			}
		}
	}
}

func TestNewClientAPIKeyErrorHidesKey(t *testing.T) {
	for _, key := range []string{testAPIKey + "\n", " " + testAPIKey, testAPIKey + "\r\n"} {
		_, err := juspay.NewClient(key, juspay.WithMerchantID(testMerchantID))
		require.Error(t, err)
		assertNoSecret(t, err.Error(), testAPIKey)
	}
}

// TestClientConcurrentCalls shares one client between goroutines whose
// calls each carry their own options; run with -race.
func TestClientConcurrentCalls(t *testing.T) {
	c, mt := newMockClient(t, juspay.WithHeader("X-Tenant", "shared"))
	rec := recordAll(mt, jsonResponder(200, string(readSample(t, "refresh-all--response.json"))))

	const n = 32
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("cth_%d", i)
			var opts []juspay.Option
			if i%2 == 0 {
				opts = append(opts, juspay.WithHeader("X-Tenant", id), juspay.WithRoutingID("route_"+id))
			}
			list, err := c.Wallets.RefreshAll(context.Background(), id, opts...)
			if assert.NoError(t, err) {
				assert.Len(t, list.Wallets, 1)
			}
		}()
	}
	wg.Wait()

	reqs := rec.all()
	require.Len(t, reqs, n)
	for _, r := range reqs {
		var i int
		_, err := fmt.Sscanf(r.URL.Path, "/customers/cth_%d/", &i)
		require.NoError(t, err)
		id := fmt.Sprintf("cth_%d", i)
		if i%2 == 0 {
			assert.Equal(t, []string{id}, r.Header.Values("X-Tenant"), "call %d: the call's replaces the client's", i)
			testHeader(t, r, "x-routing-id", "route_"+id)
		} else {
			assert.Equal(t, []string{"shared"}, r.Header.Values("X-Tenant"), "call %d", i)
			testHeader(t, r, "x-routing-id", id)
		}
	}
}

func TestNewClientRefusesMerchantIDWithWhiteSpace(t *testing.T) {
	for _, id := range []string{" m", "m ", "   ", "\tmerchant_123", "merchant_123\n"} {
		_, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(id))
		var ve *juspay.ValidationError
		require.ErrorAs(t, err, &ve, "%q", id)
		assert.Equal(t, "WithMerchantID", ve.Field)
		assert.Contains(t, ve.Reason, "merchant ID")
	}
	_, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID("merchant 123"))
	assert.NoError(t, err, "a space inside is the merchant's own business")
}
