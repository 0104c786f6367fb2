package juspay_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
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

// TestBaseURLErrorHidesCredentials: url.Parse's error quotes the whole URL,
// so the error of a base URL that does not parse must not wrap it as is.
func TestBaseURLErrorHidesCredentials(t *testing.T) {
	_, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID),
		juspay.WithBaseURL("https://user:pa55word@proxy.example/%zz"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "base URL that does not parse")
	assert.NotContains(t, err.Error(), "pa55word")
}

func TestWithHeaderRefusesManagedHeaders(t *testing.T) {
	managed := []string{
		"Authorization", "authorization", "AUTHORIZATION",
		"x-merchantid", "X-MERCHANTID", "X-MerchantId",
		"x-routing-id", "X-ROUTING-ID",
		"version", "Version", "VERSION",
		"content-type", "Content-Type", "CONTENT-TYPE",
		"accept", "ACCEPT",
		"user-agent", "User-Agent", "USER-AGENT",
		"host", "content-length", "transfer-encoding", "connection",
		// net/http replays a request carrying these: a write could be sent twice.
		"Idempotency-Key", "idempotency-key", "X-Idempotency-Key",
	}
	for _, key := range managed {
		c, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID), juspay.WithHeader(key, "x"))
		assert.Nil(t, c, key)
		assert.ErrorContains(t, err, "WithHeader", key)

		// And for one call, where nothing is sent.
		c, mt := newMockClient(t)
		rec := recordAll(mt, jsonResponder(200, emptyList))
		_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithHeader(key, "x"))
		assert.ErrorContains(t, err, "WithHeader", key)
		assert.Zero(t, rec.count(), key)
	}
}

// TestNewClientAllowsLoopbackHTTP checks each loopback form is accepted and
// actually used.
func TestNewClientAllowsLoopbackHTTP(t *testing.T) {
	tests := []struct {
		base, host, prefix string
	}{
		{"http://127.0.0.1", "127.0.0.1", ""},
		{"http://127.0.0.1:8080", "127.0.0.1:8080", ""},
		{"http://127.4.5.6:9", "127.4.5.6:9", ""},
		{"http://[::1]", "[::1]", ""},
		{"http://[::1]:8443/", "[::1]:8443", ""},
		{"http://localhost", "localhost", ""},
		{"http://LOCALHOST:3000/fake", "LOCALHOST:3000", "/fake"},
		{"https://proxy.example.com/juspay/", "proxy.example.com", "/juspay"},
	}
	for _, tt := range tests {
		c, mt := newMockClient(t, juspay.WithBaseURL(tt.base))
		rec := recordAll(mt, jsonResponder(200, emptyList))
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.NoError(t, err, tt.base)
		r, _ := rec.only(t)
		assert.Equal(t, tt.host, r.URL.Host, tt.base)
		assert.Equal(t, tt.prefix+"/customers/"+testCustomerID+"/wallets/refresh-balances", r.URL.Path, tt.base)
	}
}

func TestEnvironments(t *testing.T) {
	assert.Equal(t, "https://sandbox.juspay.in", juspay.Sandbox.BaseURL())
	assert.Equal(t, "https://api.juspay.in", juspay.Production.BaseURL())

	for env, host := range map[juspay.Environment]string{"": "sandbox.juspay.in", juspay.Sandbox: "sandbox.juspay.in", juspay.Production: "api.juspay.in"} {
		var opts []juspay.Option
		if env != "" {
			opts = append(opts, juspay.WithEnvironment(env))
		}
		c, mt := newMockClient(t, opts...)
		rec := recordAll(mt, jsonResponder(200, emptyList))
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.NoError(t, err)
		r, _ := rec.only(t)
		assert.Equal(t, "https", r.URL.Scheme)
		assert.Equal(t, host, r.URL.Host, "environment %q", env)
	}

	// The last of WithEnvironment and WithBaseURL wins.
	c, mt := newMockClient(t, juspay.WithBaseURL("https://proxy.example.com"), juspay.WithEnvironment(juspay.Production))
	rec := recordAll(mt, jsonResponder(200, emptyList))
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.NoError(t, err)
	r, _ := rec.only(t)
	assert.Equal(t, "api.juspay.in", r.URL.Host)
}

// clearEnv unsets every variable NewClientFromEnv reads, whatever the
// machine running the tests has set.
func clearEnv(t *testing.T) {
	for _, name := range []string{juspay.EnvAPIKey, juspay.EnvMerchantID, juspay.EnvEnvironment, juspay.EnvBaseURL} {
		t.Setenv(name, "")
	}
}

// fromEnvRequest builds a client from the environment with opts, makes one
// call through a mock transport and returns the request sent.
func fromEnvRequest(t *testing.T, opts ...juspay.Option) *http.Request {
	t.Helper()
	mt := httpmock.NewMockTransport()
	rec := recordAll(mt, jsonResponder(200, emptyList))
	c, err := juspay.NewClientFromEnv(append([]juspay.Option{juspay.WithHTTPClient(&http.Client{Transport: mt})}, opts...)...)
	require.NoError(t, err)
	_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.NoError(t, err)
	r, _ := rec.only(t)
	return r
}

func TestNewClientFromEnv(t *testing.T) {
	t.Run("key and merchant", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("JUSPAY_API_KEY", testAPIKey)
		t.Setenv("JUSPAY_MERCHANT_ID", "merchant_env")
		r := fromEnvRequest(t)
		testHeader(t, r, "Authorization", testAuthorization)
		testHeader(t, r, "x-merchantid", "merchant_env")
		assert.Equal(t, "sandbox.juspay.in", r.URL.Host, "sandbox by default")
	})
	t.Run("environment", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("JUSPAY_API_KEY", testAPIKey)
		t.Setenv("JUSPAY_MERCHANT_ID", "merchant_env")
		t.Setenv("JUSPAY_ENVIRONMENT", "production")
		assert.Equal(t, "api.juspay.in", fromEnvRequest(t).URL.Host)
		t.Setenv("JUSPAY_ENVIRONMENT", "sandbox")
		assert.Equal(t, "sandbox.juspay.in", fromEnvRequest(t).URL.Host)
	})
	t.Run("base URL", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("JUSPAY_API_KEY", testAPIKey)
		t.Setenv("JUSPAY_MERCHANT_ID", "merchant_env")
		t.Setenv("JUSPAY_BASE_URL", "http://127.0.0.1:9999/jp")
		r := fromEnvRequest(t)
		assert.Equal(t, "127.0.0.1:9999", r.URL.Host)
		assert.Equal(t, "/jp/customers/"+testCustomerID+"/wallets/refresh-balances", r.URL.Path)
	})
	t.Run("base URL wins over environment", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("JUSPAY_API_KEY", testAPIKey)
		t.Setenv("JUSPAY_MERCHANT_ID", "merchant_env")
		t.Setenv("JUSPAY_ENVIRONMENT", "production")
		t.Setenv("JUSPAY_BASE_URL", "https://proxy.example.com")
		assert.Equal(t, "proxy.example.com", fromEnvRequest(t).URL.Host)
	})
	t.Run("options win over the environment", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("JUSPAY_API_KEY", testAPIKey)
		t.Setenv("JUSPAY_MERCHANT_ID", "merchant_env")
		t.Setenv("JUSPAY_ENVIRONMENT", "sandbox")
		t.Setenv("JUSPAY_BASE_URL", "https://proxy.example.com")
		r := fromEnvRequest(t, juspay.WithMerchantID("merchant_opt"), juspay.WithEnvironment(juspay.Production))
		testHeader(t, r, "x-merchantid", "merchant_opt")
		assert.Equal(t, "api.juspay.in", r.URL.Host)

		r = fromEnvRequest(t, juspay.WithBaseURL("http://localhost:1234"))
		assert.Equal(t, "localhost:1234", r.URL.Host)
	})
	t.Run("merchant from an option", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("JUSPAY_API_KEY", testAPIKey)
		testHeader(t, fromEnvRequest(t, juspay.WithMerchantID("merchant_opt")), "x-merchantid", "merchant_opt")
	})
}

func TestNewClientFromEnvErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // the variable named
	}{
		{"no key", map[string]string{"JUSPAY_MERCHANT_ID": "m"}, "JUSPAY_API_KEY"},
		{"no merchant", map[string]string{"JUSPAY_API_KEY": testAPIKey}, "JUSPAY_MERCHANT_ID"},
		{"bad environment", map[string]string{"JUSPAY_API_KEY": testAPIKey, "JUSPAY_MERCHANT_ID": "m", "JUSPAY_ENVIRONMENT": "staging"}, "JUSPAY_ENVIRONMENT"},
		{"environment in capitals", map[string]string{"JUSPAY_API_KEY": testAPIKey, "JUSPAY_MERCHANT_ID": "m", "JUSPAY_ENVIRONMENT": "PRODUCTION"}, "JUSPAY_ENVIRONMENT"},
		{"bad base URL", map[string]string{"JUSPAY_API_KEY": testAPIKey, "JUSPAY_MERCHANT_ID": "m", "JUSPAY_BASE_URL": "http://juspay.example.com"}, "JUSPAY_BASE_URL"},
		{"bad merchant", map[string]string{"JUSPAY_API_KEY": testAPIKey, "JUSPAY_MERCHANT_ID": "m\r\nX: y"}, "JUSPAY_MERCHANT_ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearEnv(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			c, err := juspay.NewClientFromEnv()
			assert.Nil(t, c)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assertNoSecret(t, err.Error())
		})
	}
}

// TestCallOptionsOverrideForOneCall makes each call with an override, then
// one without: the override applies to its call only.
func TestCallOptionsOverrideForOneCall(t *testing.T) {
	other := httpmock.NewMockTransport()
	otherRec := recordAll(other, jsonResponder(200, emptyList))

	tests := []struct {
		name  string
		opt   juspay.Option
		check func(t *testing.T, r *http.Request, overridden bool)
	}{
		{"merchant ID", juspay.WithMerchantID("merchant_call"), func(t *testing.T, r *http.Request, o bool) {
			testHeader(t, r, "x-merchantid", pick(o, "merchant_call", testMerchantID))
		}},
		{"routing ID", juspay.WithRoutingID("cart_9"), func(t *testing.T, r *http.Request, o bool) {
			testHeader(t, r, "x-routing-id", pick(o, "cart_9", testCustomerID))
		}},
		{"API version", juspay.WithAPIVersion("2025-01-01"), func(t *testing.T, r *http.Request, o bool) {
			testHeader(t, r, "version", pick(o, "2025-01-01", "2023-06-30"))
		}},
		{"user agent", juspay.WithUserAgent("batch/2"), func(t *testing.T, r *http.Request, o bool) {
			testHeader(t, r, "User-Agent", pick(o, "batch/2 ", "")+sdkUserAgent)
		}},
		{"header", juspay.WithHeader("X-Tenant", "call"), func(t *testing.T, r *http.Request, o bool) {
			want := []string{"client"}
			if o {
				want = append(want, "call")
			}
			assert.Equal(t, want, r.Header.Values("X-Tenant"))
		}},
		{"base URL", juspay.WithBaseURL("https://proxy.example.com/jp"), func(t *testing.T, r *http.Request, o bool) {
			assert.Equal(t, pick(o, "proxy.example.com", "sandbox.juspay.in"), r.URL.Host)
			assert.Equal(t, pick(o, "/jp", "")+"/customers/"+testCustomerID+"/wallets/refresh-balances", r.URL.Path)
		}},
		{"environment", juspay.WithEnvironment(juspay.Production), func(t *testing.T, r *http.Request, o bool) {
			assert.Equal(t, pick(o, "api.juspay.in", "sandbox.juspay.in"), r.URL.Host)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newMockClient(t, juspay.WithHeader("X-Tenant", "client"))
			rec := recordAll(mt, jsonResponder(200, emptyList))
			for _, override := range []bool{true, false, true} {
				var opts []juspay.Option
				if override {
					opts = append(opts, tt.opt)
				}
				_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, opts...)
				require.NoError(t, err)
				reqs := rec.all()
				tt.check(t, reqs[len(reqs)-1], override)
			}
		})
	}

	t.Run("HTTP client", func(t *testing.T) {
		c, mt := newMockClient(t)
		rec := recordAll(mt, jsonResponder(200, emptyList))
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithHTTPClient(&http.Client{Transport: other}))
		require.NoError(t, err)
		assert.Equal(t, 1, otherRec.count())
		assert.Zero(t, rec.count())
		_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.NoError(t, err)
		assert.Equal(t, 1, otherRec.count())
		assert.Equal(t, 1, rec.count())
	})
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

func TestInvalidCallOptionSendsNothing(t *testing.T) {
	bad := map[string]juspay.Option{
		"merchant ID":  juspay.WithMerchantID(""),
		"routing ID":   juspay.WithRoutingID("a\nb"),
		"API version":  juspay.WithAPIVersion("latest"),
		"header":       juspay.WithHeader("Authorization", "Basic x"),
		"header value": juspay.WithHeader("X-Tenant", "a\r\nb"),
		"base URL":     juspay.WithBaseURL("http://evil.example.com"),
		"environment":  juspay.WithEnvironment("prod"),
		"HTTP client":  juspay.WithHTTPClient(nil),
		"retries":      juspay.WithMaxRetries(-2),
		"backoff":      juspay.WithRetryBackoff(0, 0),
		"timeout":      juspay.WithTimeout(-5),
		"user agent":   juspay.WithUserAgent("a\x00b"),
		"retry budget": juspay.WithRetryBudget(10), // configures a client, not a call
	}
	for name, opt := range bad {
		c, mt := newMockClient(t)
		rec := recordAll(mt, jsonResponder(200, emptyList))
		list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithMaxRetries(1), opt)
		assert.Nil(t, list, name)
		assert.Error(t, err, name)
		assert.Zero(t, rec.count(), "%s: nothing is sent", name)

		// The client is unharmed.
		_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)
		assert.NoError(t, err, name)
		assert.Equal(t, 1, rec.count(), name)
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
			assert.Equal(t, []string{"shared", id}, r.Header.Values("X-Tenant"), "call %d", i)
			testHeader(t, r, "x-routing-id", "route_"+id)
		} else {
			assert.Equal(t, []string{"shared"}, r.Header.Values("X-Tenant"), "call %d", i)
			testHeader(t, r, "x-routing-id", id)
		}
	}
}

// TestNewClientFromEnvErrorsNameVariable: every error names the variable at
// fault and reads "juspay: ...", the API key's included (a key read from a
// secrets file often ends in a newline).
//
// It fails until client.go's NewClientFromEnv wraps the API key's error and
// fromEnv puts "juspay: " first (see the report on issue 2).
func TestNewClientFromEnvErrorsNameVariable(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"JUSPAY_API_KEY": testAPIKey + "\n", "JUSPAY_MERCHANT_ID": "m"}, "JUSPAY_API_KEY"},
		{map[string]string{"JUSPAY_API_KEY": testAPIKey, "JUSPAY_MERCHANT_ID": "m", "JUSPAY_ENVIRONMENT": "staging"}, "JUSPAY_ENVIRONMENT"},
		{map[string]string{"JUSPAY_API_KEY": testAPIKey, "JUSPAY_MERCHANT_ID": "m", "JUSPAY_BASE_URL": "ftp://x"}, "JUSPAY_BASE_URL"},
	}
	for _, tt := range tests {
		clearEnv(t)
		for k, v := range tt.env {
			t.Setenv(k, v)
		}
		_, err := juspay.NewClientFromEnv()
		require.Error(t, err)
		assert.Contains(t, err.Error(), tt.want)
		assert.Regexp(t, "^juspay: ", err.Error())
		assertNoSecret(t, err.Error())
	}
}
