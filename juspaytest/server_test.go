package juspaytest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
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

func TestCloseTwice(t *testing.T) {
	srv := juspaytest.NewServer()
	srv.Close()
	srv.Close()
	_, err := http.Get(srv.URL)
	assert.Error(t, err)
}
