package juspaytest_test

import (
	"net/http"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
