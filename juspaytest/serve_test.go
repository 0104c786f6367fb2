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
