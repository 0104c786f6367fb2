package juspay_test

import (
	"context"
	"testing"

	"github.com/gojuspay/juspay"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBaseURLErrorHidesCredentials: url.Parse's error quotes the whole URL,
// so the error of a base URL that does not parse must not wrap it as is.
func TestBaseURLErrorHidesCredentials(t *testing.T) {
	_, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID),
		juspay.WithBaseURL("https://user:pa55word@proxy.example/%zz"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "base URL that does not parse")
	assert.NotContains(t, err.Error(), "pa55word")
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

// A base URL with user info is refused without being echoed: the user
// name is where a pasted key lands, and URL.Redacted hides only the
// password. (Not parallel: it sets the environment.)
func TestBaseURLWithUserInfoIsRefusedUnechoed(t *testing.T) {
	const leaked = "sk_live_PASTEDKEY42"
	for _, raw := range []string{
		"htps://" + leaked + ":@api.juspay.in",
		"https://" + leaked + "@api.juspay.in",
		"https://" + leaked + ":@api.juspay.in",
		"https://user:" + leaked + "@api.juspay.in",
		"https://" + leaked + "@",
		"https://" + leaked + "@api.juspay.in/?q=1",
		"http://" + leaked + "@example.com",
		"ftp://" + leaked + "@api.juspay.in",
	} {
		_, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID), juspay.WithBaseURL(raw))
		require.Error(t, err, raw)
		assert.NotContains(t, err.Error(), leaked, raw)
		assert.NotContains(t, err.Error(), "PASTED", raw)

		t.Setenv(juspay.EnvAPIKey, testAPIKey)
		t.Setenv(juspay.EnvMerchantID, testMerchantID)
		t.Setenv(juspay.EnvBaseURL, raw)
		_, err = juspay.NewClientFromEnv()
		require.Error(t, err, raw)
		assert.NotContains(t, err.Error(), leaked, raw)
		assert.Contains(t, err.Error(), juspay.EnvBaseURL)
	}
}
