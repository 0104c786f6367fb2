package juspaytest_test

import (
	"net/http"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFaultOrderAndCount(t *testing.T) {
	srv := withSample(t)
	srv.Fail(0, juspaytest.StatusFault(500, nil, ""))
	srv.Fail(-1, juspaytest.StatusFault(500, nil, ""))
	srv.Fail(2, juspaytest.StatusFault(502, nil, ""))
	srv.Fail(1, juspaytest.StatusFault(504, nil, ""))
	srv.Fail(1, juspaytest.Fault{})
	var got []int
	for range 5 {
		got = append(got, do(t, srv, http.MethodGet, refreshPath, nil).status)
	}
	assert.Equal(t, []int{502, 502, 504, 200, 200}, got)
}

func TestFailPath(t *testing.T) {
	srv := withSample(t)
	srv.FailPath("/wallets/"+paytmID, 1, juspaytest.StatusFault(503, nil, ""))
	srv.Fail(1, juspaytest.StatusFault(500, nil, ""))

	// Another path skips the path-limited fault and takes the next one.
	assert.Equal(t, 500, do(t, srv, http.MethodGet, refreshPath, nil).status)
	assert.Equal(t, 200, do(t, srv, http.MethodGet, refreshPath, nil).status)
	assert.Equal(t, 503, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil).status)
	assert.Equal(t, 200, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil).status)

	// The path is matched as sent, escaped.
	_, err := srv.AddCustomer(juspaytest.Customer{ID: "a/b"})
	require.NoError(t, err)
	srv.FailPath("/customers/a%2Fb/wallets", 1, juspaytest.StatusFault(429, nil, ""))
	req := newRequest(t, srv, http.MethodGet, "", nil)
	req.URL.Opaque = "/customers/a%2Fb/wallets"
	assert.Equal(t, 429, send(t, req).status)
}

// A fault a call did not use waits for the next request; PendingFaults shows
// it and ClearFaults drops it.
func TestClearFaults(t *testing.T) {
	srv := withSample(t)
	assert.Equal(t, 0, srv.PendingFaults())
	srv.Fail(3, juspaytest.StatusFault(503, nil, ""))
	srv.FailPath("/txns", 2, juspaytest.ResetFault())
	assert.Equal(t, 5, srv.PendingFaults())

	assert.Equal(t, 503, do(t, srv, http.MethodGet, refreshPath, nil).status)
	assert.Equal(t, 4, srv.PendingFaults())

	assert.Equal(t, 4, srv.ClearFaults())
	assert.Equal(t, 0, srv.PendingFaults())
	assert.Equal(t, 0, srv.ClearFaults())
	requireOK(t, do(t, srv, http.MethodGet, refreshPath, nil))
	require.NoError(t, srv.AddOrder("ord_1", "1"))
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken))
	assert.Equal(t, "CHARGED", requireOK(t, r)["status"], "the cleared reset did not play")
}
