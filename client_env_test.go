package juspay_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/gojuspay/juspay"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// setEnv unsets every variable NewClientFromEnv reads, whatever the
// machine running the tests has set, then sets env.
func setEnv(t *testing.T, env map[string]string) {
	for _, name := range []string{juspay.EnvAPIKey, juspay.EnvMerchantID, juspay.EnvEnvironment, juspay.EnvBaseURL} {
		t.Setenv(name, "")
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
}

// keyAndMerchant is the environment of a client that can be built, plus
// extra, given as name, value pairs.
func keyAndMerchant(extra ...string) map[string]string {
	env := map[string]string{"JUSPAY_API_KEY": testAPIKey, "JUSPAY_MERCHANT_ID": "merchant_env"}
	for i := 0; i+1 < len(extra); i += 2 {
		env[extra[i]] = extra[i+1]
	}
	return env
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
		setEnv(t, keyAndMerchant())
		r := fromEnvRequest(t)
		testHeader(t, r, "Authorization", testAuthorization)
		testHeader(t, r, "x-merchantid", "merchant_env")
		assert.Equal(t, "sandbox.juspay.in", r.URL.Host, "sandbox by default")
	})
	t.Run("environment", func(t *testing.T) {
		setEnv(t, keyAndMerchant("JUSPAY_ENVIRONMENT", "production"))
		assert.Equal(t, "api.juspay.in", fromEnvRequest(t).URL.Host)
		t.Setenv("JUSPAY_ENVIRONMENT", "sandbox")
		assert.Equal(t, "sandbox.juspay.in", fromEnvRequest(t).URL.Host)
	})
	t.Run("base URL", func(t *testing.T) {
		setEnv(t, keyAndMerchant("JUSPAY_BASE_URL", "http://127.0.0.1:9999/jp"))
		r := fromEnvRequest(t)
		assert.Equal(t, "127.0.0.1:9999", r.URL.Host)
		assert.Equal(t, "/jp/customers/"+testCustomerID+"/wallets/refresh-balances", r.URL.Path)
	})
	t.Run("base URL wins over environment", func(t *testing.T) {
		setEnv(t, keyAndMerchant("JUSPAY_ENVIRONMENT", "production", "JUSPAY_BASE_URL", "https://proxy.example.com"))
		assert.Equal(t, "proxy.example.com", fromEnvRequest(t).URL.Host)
	})
	t.Run("options win over the environment", func(t *testing.T) {
		setEnv(t, keyAndMerchant("JUSPAY_ENVIRONMENT", "sandbox", "JUSPAY_BASE_URL", "https://proxy.example.com"))
		r := fromEnvRequest(t, juspay.WithMerchantID("merchant_opt"), juspay.WithEnvironment(juspay.Production))
		testHeader(t, r, "x-merchantid", "merchant_opt")
		assert.Equal(t, "api.juspay.in", r.URL.Host)

		r = fromEnvRequest(t, juspay.WithBaseURL("http://localhost:1234"))
		assert.Equal(t, "localhost:1234", r.URL.Host)
	})
	t.Run("a variable overridden is not read", func(t *testing.T) {
		setEnv(t, keyAndMerchant("JUSPAY_MERCHANT_ID", " stale\n", "JUSPAY_ENVIRONMENT", "staging", "JUSPAY_BASE_URL", "http://juspay.example.com"))
		r := fromEnvRequest(t, juspay.WithMerchantID("merchant_opt"), juspay.WithEnvironment(juspay.Sandbox))
		testHeader(t, r, "x-merchantid", "merchant_opt")
		assert.Equal(t, "sandbox.juspay.in", r.URL.Host)

		t.Setenv("JUSPAY_MERCHANT_ID", "merchant_env")
		t.Setenv("JUSPAY_BASE_URL", "https://proxy.example.com")
		assert.Equal(t, "proxy.example.com", fromEnvRequest(t).URL.Host, "JUSPAY_ENVIRONMENT is not read")
	})
	t.Run("merchant from an option", func(t *testing.T) {
		setEnv(t, map[string]string{"JUSPAY_API_KEY": testAPIKey})
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
			setEnv(t, tt.env)
			c, err := juspay.NewClientFromEnv()
			assert.Nil(t, c)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assertNoSecret(t, err.Error())
		})
	}
}

// TestNewClientFromEnvErrorsNameVariable: every error is a
// *ValidationError whose Field is the variable at fault, and reads
// "juspay: ...", the API key's included (a key read from a secrets file
// often ends in a newline).
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
		setEnv(t, tt.env)
		_, err := juspay.NewClientFromEnv()
		var ve *juspay.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, tt.want, ve.Field)
		assert.Contains(t, err.Error(), tt.want)
		assert.Regexp(t, "^juspay: ", err.Error())
		assertNoSecret(t, err.Error())
	}
}
