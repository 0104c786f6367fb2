package juspaytest_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const refreshPath = "/customers/" + juspaytest.SampleCustomerID + "/wallets/refresh-balances"

func TestNewServerDefaults(t *testing.T) {
	srv := newServer(t)
	assert.Equal(t, juspaytest.DefaultAPIKey, srv.APIKey)
	assert.Equal(t, juspaytest.DefaultMerchantID, srv.MerchantID)
	assert.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), srv.URL)
	assert.False(t, strings.HasSuffix(srv.URL, "/"))
}

func TestOptions(t *testing.T) {
	srv := withSample(t, juspaytest.WithAPIKey("key_live_x"), juspaytest.WithMerchantID("acme"))
	assert.Equal(t, "key_live_x", srv.APIKey)
	assert.Equal(t, "acme", srv.MerchantID)
	requireOK(t, do(t, srv, http.MethodGet, refreshPath, nil))

	req := newRequest(t, srv, http.MethodGet, refreshPath, nil)
	req.Header.Set("Authorization", basic(juspaytest.DefaultAPIKey))
	requireError(t, send(t, req), http.StatusUnauthorized, "Invalid Authentication", "access_denied")
}

func TestRejections(t *testing.T) {
	srv := withSample(t)
	tests := []struct {
		name       string
		edit       func(*http.Request)
		status     int
		statusText string
		code       string
	}{
		{"wrong key", func(r *http.Request) { r.Header.Set("Authorization", basic("other_key")) },
			401, "Invalid Authentication", "access_denied"},
		{"no auth", func(r *http.Request) { r.Header.Del("Authorization") },
			401, "Invalid Authentication", "access_denied"},
		{"key without colon", func(r *http.Request) { r.Header.Set("Authorization", "Basic dGVzdF9hcGlfa2V5") },
			401, "Invalid Authentication", "access_denied"},
		{"not base64", func(r *http.Request) { r.Header.Set("Authorization", "Basic %%%") },
			401, "Invalid Authentication", "access_denied"},
		{"bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer test_api_key") },
			401, "Invalid Authentication", "access_denied"},
		{"a password", func(r *http.Request) { r.SetBasicAuth(juspaytest.DefaultAPIKey, "x") },
			401, "Invalid Authentication", "access_denied"},
		{"no merchant", func(r *http.Request) { r.Header.Del("x-merchantid") },
			400, "Invalid Request", "invalid_request"},
		{"other merchant", func(r *http.Request) { r.Header.Set("x-merchantid", "someone_else") },
			400, "Invalid Request", "invalid_request"},
		{"no content type", func(r *http.Request) { r.Header.Del("Content-Type") },
			400, "Invalid Request", "invalid_request"},
		{"json content type", func(r *http.Request) { r.Header.Set("Content-Type", "application/json") },
			400, "Invalid Request", "invalid_request"},
		{"malformed content type", func(r *http.Request) { r.Header.Set("Content-Type", "application/x-www-form-urlencoded; =") },
			400, "Invalid Request", "invalid_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := newRequest(t, srv, http.MethodGet, refreshPath, nil)
			tt.edit(req)
			r := send(t, req)
			requireError(t, r, tt.status, tt.statusText, tt.code)
			assert.NotEmpty(t, r.header.Get("x-request-id"))
		})
	}

	t.Run("exact 401 body", func(t *testing.T) {
		req := newRequest(t, srv, http.MethodGet, refreshPath, nil)
		req.Header.Set("Authorization", basic("wrong"))
		assert.JSONEq(t, `{"status":"Invalid Authentication","error_code":"access_denied","error_message":"Invalid Authentication"}`,
			string(send(t, req).body))
	})
	t.Run("unknown customer", func(t *testing.T) {
		r := do(t, srv, http.MethodGet, "/customers/cth_nobody/wallets/refresh-balances", nil)
		require.Equal(t, http.StatusBadRequest, r.status)
		assert.JSONEq(t, `{"status":"Invalid Request","error_code":"null_error","error_message":"Customer not found for given customerId."}`,
			string(r.body))
	})
	t.Run("charset parameter is fine", func(t *testing.T) {
		req := newRequest(t, srv, http.MethodGet, refreshPath, nil)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
		requireOK(t, send(t, req))
	})
	t.Run("auth scheme is case-insensitive", func(t *testing.T) {
		req := newRequest(t, srv, http.MethodGet, refreshPath, nil)
		req.Header.Set("Authorization", strings.Replace(basic(srv.APIKey), "Basic", "basic", 1))
		requireOK(t, send(t, req))
	})
	t.Run("unreadable form", func(t *testing.T) {
		req := newRequest(t, srv, http.MethodPost, "/customers/"+juspaytest.SampleCustomerID+"/wallets", nil)
		setBody(req, "gateway=%zz")
		requireError(t, send(t, req), 400, "Invalid Request", "invalid_request")
		last, _ := srv.LastRequest()
		assert.Nil(t, last.Form)
	})
	t.Run("body over 1 MiB", func(t *testing.T) {
		big := url.Values{"gateway": {strings.Repeat("P", 1<<20)}}
		r := do(t, srv, http.MethodPost, "/customers/"+juspaytest.SampleCustomerID+"/wallets", big)
		requireError(t, r, 400, "Invalid Request", "invalid_request")
	})
}

// The checks come in Juspay's order: credentials first, so a request with
// everything wrong is a 401.
func TestRejectionOrder(t *testing.T) {
	srv := newServer(t)
	req := newRequest(t, srv, http.MethodGet, "/nowhere", nil)
	req.Header.Set("Authorization", basic("wrong"))
	req.Header.Del("x-merchantid")
	req.Header.Del("Content-Type")
	requireError(t, send(t, req), 401, "Invalid Authentication", "access_denied")
}

func TestRouting(t *testing.T) {
	srv := withSample(t)
	tests := []struct {
		method, path string
		status       int
	}{
		{http.MethodGet, "/", 404},
		{http.MethodGet, "/customers", 405},
		{http.MethodDelete, "/customers/" + juspaytest.SampleCustomerID, 405},
		{http.MethodGet, "/orders", 405},
		{http.MethodPut, "/orders/ord_1", 405},
		{http.MethodGet, "/orders/ord_1/refunds", 405},
		{http.MethodGet, "/orders/ord_1/refunds/x", 404},
		{http.MethodGet, refreshPath + "/", 404},
		{http.MethodGet, "/customers//wallets", 404},
		{http.MethodGet, "/wallets", 404},
		{http.MethodGet, "/txns", 405},
		{http.MethodDelete, "/wallets/wlm_vT890Ngjknnknb89", 405},
		{http.MethodPost, refreshPath, 405},
		{http.MethodGet, "/customers/" + juspaytest.SampleCustomerID + "/eligibility", 405},
		{http.MethodPut, "/customers/" + juspaytest.SampleCustomerID + "/wallets", 405},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			r := do(t, srv, tt.method, tt.path, nil)
			assert.Equal(t, tt.status, r.status, "body: %s", r.body)
			m := r.json(t)
			assert.NotEmpty(t, m["error_code"])
			assert.NotEmpty(t, m["error_message"])
		})
	}
}

// An escaped "/" (or a "." or "..") stays inside its one path segment: the
// server neither cleans nor redirects the path.
func TestEscapedSegments(t *testing.T) {
	srv := newServer(t)
	for _, id := range []string{"a/b", ".", "..", "../wallets", "cth 1?x=y#z", "%41", "ünï"} {
		_, err := srv.AddCustomer(juspaytest.Customer{ID: id, Wallets: []juspaytest.Wallet{
			{ID: "w:" + id, Gateway: "PAYTM", Linked: true, Balance: "1"},
		}})
		require.NoError(t, err)
	}
	tests := []struct{ path, wallet string }{
		{"/customers/a%2Fb/wallets", "w:a/b"},
		{"/customers/a%2fb/wallets/refresh-balances", "w:a/b"},
		{"/customers/%2E/wallets", "w:."},
		{"/customers/%2E%2E/wallets", "w:.."},
		{"/customers/..%2Fwallets/wallets", "w:../wallets"},
		{"/customers/cth%201%3Fx=y%23z/wallets", "w:cth 1?x=y#z"},
		{"/customers/%2541/wallets", "w:%41"},
		{"/customers/%C3%BCn%C3%AF/wallets", "w:ünï"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req := newRequest(t, srv, http.MethodGet, "", nil)
			req.URL.Opaque = tt.path // sent exactly as written
			m := requireOK(t, send(t, req))
			list := m["list"].([]any)
			require.Len(t, list, 1)
			assert.Equal(t, tt.wallet, list[0].(map[string]any)["id"])
			last, _ := srv.LastRequest()
			assert.Equal(t, tt.path, last.Path)
		})
	}
	t.Run("a raw slash is two segments", func(t *testing.T) {
		r := do(t, srv, http.MethodGet, "/customers/a/b/wallets", nil)
		assert.Equal(t, http.StatusNotFound, r.status)
	})
	t.Run("wallet ID with a slash", func(t *testing.T) {
		req := newRequest(t, srv, http.MethodGet, "", nil)
		req.URL.Opaque = "/wallets/w:a%2Fb"
		assert.Equal(t, "w:a/b", requireOK(t, send(t, req))["id"])
	})
	t.Run("bad escape", func(t *testing.T) {
		req := newRequest(t, srv, http.MethodGet, "", nil)
		req.URL.Opaque = "/customers/%zz/wallets"
		assert.Equal(t, http.StatusBadRequest, send(t, req).status)
	})
}

func TestRequestIDs(t *testing.T) {
	srv := withSample(t)
	seen := map[string]bool{}
	for range 20 {
		r := do(t, srv, http.MethodGet, refreshPath, nil)
		id := r.header.Get("x-request-id")
		require.NotEmpty(t, id)
		require.False(t, seen[id], "x-request-id %q repeated", id)
		seen[id] = true
		last, ok := srv.LastRequest()
		require.True(t, ok)
		assert.Equal(t, id, last.ID)
	}
	// Errors carry one too.
	assert.NotEmpty(t, do(t, srv, http.MethodGet, "/nowhere", nil).header.Get("x-request-id"))
}

func TestCloseTwice(t *testing.T) {
	srv := juspaytest.NewServer()
	srv.Close()
	srv.Close()
	_, err := http.Get(srv.URL)
	assert.Error(t, err)
}
