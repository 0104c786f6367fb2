package juspaytest_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAddCustomerFillsDefaults(t *testing.T) {
	srv := newServer(t)
	c, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_1", Wallets: []juspaytest.Wallet{
		{Gateway: "PAYTM", Linked: true, SubDetails: []juspaytest.SubDetail{{PaymentMethod: "PAYTM", Balance: "1"}}},
		{Gateway: "MOBIKWIK"},
	}})
	require.NoError(t, err)
	require.Len(t, c.Wallets, 2)
	linked, unlinked := c.Wallets[0], c.Wallets[1]
	assert.Regexp(t, `^wlm_\d{6}$`, linked.ID)
	assert.NotEqual(t, linked.ID, unlinked.ID)
	assert.Equal(t, "JP_PAYTM", linked.JuspayBankCode)
	assert.NotEmpty(t, linked.Token)
	assert.Equal(t, juspaytest.DefaultBalance, linked.Balance)
	assert.NotEmpty(t, linked.LastRefreshed)
	assert.Equal(t, "WALLET", linked.SubDetails[0].PaymentMethodType)
	assert.Empty(t, unlinked.Token)
	assert.Empty(t, unlinked.LastRefreshed)

	got, ok := srv.Wallet(linked.ID)
	require.True(t, ok)
	assert.Equal(t, linked, got)
	_, ok = srv.Wallet("wlm_none")
	assert.False(t, ok)

	// The seeded token is the one the server shows and accepts.
	list := requireOK(t, do(t, srv, http.MethodGet, "/customers/cth_1/wallets", nil))["list"].([]any)
	assert.Equal(t, linked.Token, list[0].(map[string]any)["token"])
	assert.Nil(t, list[1].(map[string]any)["current_balance"])
	require.NoError(t, srv.AddOrder("ord_1", "1"))
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", linked.Token))
	assert.Equal(t, "CHARGED", requireOK(t, r)["status"])
}

func TestAddCustomerRejects(t *testing.T) {
	srv := withSample(t)
	tests := []struct {
		name string
		c    juspaytest.Customer
	}{
		{"empty ID", juspaytest.Customer{}},
		{"known customer", juspaytest.Customer{ID: juspaytest.SampleCustomerID}},
		{"no gateway", juspaytest.Customer{ID: "c", Wallets: []juspaytest.Wallet{{ID: "w"}}}},
		{"known wallet ID", juspaytest.Customer{ID: "c", Wallets: []juspaytest.Wallet{{ID: paytmID, Gateway: "PAYTM"}}}},
		{"wallet ID twice", juspaytest.Customer{ID: "c", Wallets: []juspaytest.Wallet{{ID: "w", Gateway: "A"}, {ID: "w", Gateway: "B"}}}},
		{"known token", juspaytest.Customer{ID: "c", Wallets: []juspaytest.Wallet{{Gateway: "PAYTM", Linked: true, Token: paytmToken}}}},
		{"token twice", juspaytest.Customer{ID: "c", Wallets: []juspaytest.Wallet{
			{Gateway: "A", Linked: true, Token: "tk"}, {Gateway: "B", Linked: true, Token: "tk"}}}},
		{"unlinked with token", juspaytest.Customer{ID: "c", Wallets: []juspaytest.Wallet{{Gateway: "PAYTM", Token: "tk_1"}}}},
		{"float balance", juspaytest.Customer{ID: "c", Wallets: []juspaytest.Wallet{{Gateway: "PAYTM", Balance: "1e3"}}}},
		{"text balance", juspaytest.Customer{ID: "c", Wallets: []juspaytest.Wallet{{Gateway: "PAYTM", Balance: "ten"}}}},
		{"bad sub-detail balance", juspaytest.Customer{ID: "c", Wallets: []juspaytest.Wallet{
			{Gateway: "PAYTM", SubDetails: []juspaytest.SubDetail{{PaymentMethod: "PAYTM", Balance: "01"}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := srv.AddCustomer(tt.c)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "juspaytest: AddCustomer: ")
		})
	}
	// A refused customer left nothing behind.
	requireError(t, do(t, srv, http.MethodGet, "/customers/c/wallets", nil), 400, "Invalid Request", "null_error")
	_, ok := srv.Wallet("w")
	assert.False(t, ok)
}

// What AddCustomer and Wallet return is the caller's own copy.
func TestSeedValuesAreCopies(t *testing.T) {
	srv := newServer(t)
	seed := juspaytest.SampleCustomer()
	c, err := srv.AddCustomer(seed)
	require.NoError(t, err)
	seed.Wallets[0].Metadata["mobile_number"] = "changed"
	c.Wallets[0].SubDetails[0].Balance = "0"
	w, _ := srv.Wallet(seed.Wallets[0].ID)
	w.Metadata["mobile_number"] = "changed too"
	assert.Equal(t, normalise(t, testdata(t, "refresh-all-wallets.json")), normalise(t, do(t, srv, http.MethodGet, refreshPath, nil).body))
}

func TestSetBalanceAndAddOrder(t *testing.T) {
	srv := withSample(t)
	assert.Error(t, srv.SetBalance(paytmID, "1.5e2"))
	assert.Error(t, srv.SetBalance(paytmID, ""))
	assert.Error(t, srv.SetBalance("wlm_none", "1"))
	require.NoError(t, srv.SetBalance(paytmID, "0.05"))
	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "0.05", w.Balance)

	assert.Error(t, srv.AddOrder("", "1"))
	assert.Error(t, srv.AddOrder("ord_1", "1,00"))
	for _, amount := range []string{"0", "0.00", "-1", "-0.5", ""} {
		assert.Error(t, srv.AddOrder("ord_1", amount), "amount %q", amount)
	}
	require.NoError(t, srv.AddOrder("ord_1", "0.06"))
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken))
	assert.Equal(t, "PENDING_VBV", requireOK(t, r)["status"])

	// An order not yet paid can change its amount; a paid one cannot.
	require.NoError(t, srv.AddOrder("ord_1", "0.05"))
	token := requireOK(t, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil))["token"].(string)
	r = do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", token))
	assert.Equal(t, "CHARGED", requireOK(t, r)["status"])
	assert.Error(t, srv.AddOrder("ord_1", "0.01"))
	w, _ = srv.Wallet(paytmID)
	assert.Equal(t, "0.00", w.Balance)
}

func TestRequests(t *testing.T) {
	srv := withSample(t)
	_, ok := srv.LastRequest()
	assert.False(t, ok)
	assert.Empty(t, srv.Requests())

	do(t, srv, http.MethodGet, refreshPath, nil)
	do(t, srv, http.MethodPost, "/wallets/"+paytmID, url.Values{"command": {"refresh"}})
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, http.MethodGet, reqs[0].Method)
	assert.Equal(t, refreshPath, reqs[0].Path)
	assert.Empty(t, reqs[0].Form)
	assert.Equal(t, srv.MerchantID, reqs[0].Header.Get("x-merchantid"))
	assert.Equal(t, "refresh", reqs[1].Form.Get("command"))
	last, ok := srv.LastRequest()
	require.True(t, ok)
	assert.Equal(t, reqs[1], last)

	// The caller's copy is its own.
	reqs[1].Header.Set("x-merchantid", "changed")
	reqs[1].Form.Set("command", "changed")
	last, _ = srv.LastRequest()
	assert.Equal(t, srv.MerchantID, last.Header.Get("x-merchantid"))
	assert.Equal(t, "refresh", last.Form.Get("command"))

	// The query is recorded on its own, the path without it.
	do(t, srv, http.MethodGet, "/customers/"+juspaytest.SampleCustomerID+"?options.get_client_auth_token=true", nil)
	last, _ = srv.LastRequest()
	assert.Equal(t, "/customers/"+juspaytest.SampleCustomerID, last.Path)
	assert.Equal(t, "true", last.Query.Get("options.get_client_auth_token"))
	assert.Empty(t, reqs[0].Query)
}

// No order the server holds can be paid with an amount that is not
// positive: a debit never credits a wallet.
func TestAddOrderRefusesNonPositive(t *testing.T) {
	srv := withSample(t)
	for _, amount := range []string{"-5", "0", "0.00", "-0", "", "abc", "1e3", "+5"} {
		require.Error(t, srv.AddOrder("ord_neg", amount), amount)
	}
	_, ok := srv.Order("ord_neg")
	assert.False(t, ok, "a refused order is not made")
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_neg", "PAYTM", paytmToken))
	requireError(t, r, http.StatusBadRequest, "Invalid Request", "null_error")
	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "95", w.Balance)
}
