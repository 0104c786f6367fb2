package juspaytest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A held debit keeps its order PENDING_VBV until the test settles it.
func TestHoldDebitsAndSettleOrder(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "10"))
	srv.HoldDebits(true)
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken))
	assert.Equal(t, "PENDING_VBV", requireOK(t, r)["status"])
	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "85", w.Balance, "the held amount is taken at once")
	m := requireOK(t, do(t, srv, http.MethodGet, "/orders/ord_1", nil))
	assert.Equal(t, "PENDING_VBV", m["status"])
	assert.Equal(t, "23", string(m["status_id"].(jsonNumber)))
	assert.NotContains(t, m, "payment_gateway_response", "the gateway has not answered")

	// Another debit while one is held is refused and spends nothing.
	token := requireOK(t, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil))["token"].(string)
	requireError(t, do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", token)), 400, "Invalid Request", "invalid_request")

	require.Error(t, srv.SettleOrder("ord_1", "PENDING_VBV"))
	require.Error(t, srv.SettleOrder("ord_none", "CHARGED"))
	require.NoError(t, srv.SettleOrder("ord_1", "AUTHORIZATION_FAILED"))
	m = requireOK(t, do(t, srv, http.MethodGet, "/orders/ord_1", nil))
	assert.Equal(t, "AUTHORIZATION_FAILED", m["status"])
	assert.Equal(t, "27", string(m["status_id"].(jsonNumber)))
	assert.Equal(t, "AUTHORIZATION_FAILED", m["txn_detail"].(map[string]any)["status"])
	w, _ = srv.Wallet(paytmID)
	assert.Equal(t, "95", w.Balance, "a failed held debit gives the amount back")
	require.Error(t, srv.SettleOrder("ord_1", "CHARGED"), "nothing is pending any more")

	// A failed attempt leaves the order open; the next one is held too.
	r = do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", token))
	assert.Equal(t, srv.MerchantID+"-ord_1-2", requireOK(t, r)["txn_id"])
	srv.HoldDebits(false)
	require.NoError(t, srv.SettleOrder("ord_1", "CHARGED"))
	m = requireOK(t, do(t, srv, http.MethodGet, "/orders/ord_1", nil))
	assert.Equal(t, "CHARGED", m["status"])
	assert.Equal(t, "Txn Success", m["payment_gateway_response"].(map[string]any)["resp_message"])
	w, _ = srv.Wallet(paytmID)
	assert.Equal(t, "85", w.Balance)
}

// A debit the balance does not cover stays PENDING_VBV until settled; the
// top-up paid it, so the balance does not move.
func TestSettleUncoveredDebit(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "1000"))
	requireOK(t, do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken)))
	require.NoError(t, srv.SettleOrder("ord_1", "CHARGED"))
	o, _ := srv.Order("ord_1")
	assert.Equal(t, "CHARGED", o.Status)
	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "95", w.Balance)
}
