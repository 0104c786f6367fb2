package juspaytest_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	paytmID    = "wlm_blUutbvo76578u"
	paytmToken = "tk_csdjcbsd678ovsyfowe9f8nsjdncbs86va"
)

// debitForm is a direct debit as the SDK sends it.
func debitForm(srv *juspaytest.Server, orderID, method, token string) url.Values {
	return url.Values{
		"order_id":               {orderID},
		"merchant_id":            {srv.MerchantID},
		"payment_method_type":    {"WALLET"},
		"payment_method":         {method},
		"direct_wallet_token":    {token},
		"redirect_after_payment": {"true"},
		"format":                 {"json"},
	}
}

func TestDirectDebitCharged(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "10.50"))

	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken))
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.JSONEq(t, `{"order_id":"ord_1","txn_id":"test_merchant-ord_1-1","status":"CHARGED"}`, string(r.body))

	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "84.50", w.Balance, "95 - 10.50, exactly")

	// The token is spent: the same debit again is EXPIRED.
	r = do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken))
	m := requireError(t, r, 400, "Invalid Request", "EXPIRED")
	assert.NotContains(t, m["error_message"], paytmToken)

	// The next list shows a fresh token. The order is paid: even the fresh
	// token cannot pay it again, and is not spent trying.
	list := requireOK(t, do(t, srv, http.MethodGet, refreshPath, nil))["list"].([]any)
	fresh := list[1].(map[string]any)["token"].(string)
	assert.NotEqual(t, paytmToken, fresh)
	assert.Equal(t, "84.50", list[1].(map[string]any)["current_balance"].(interface{ String() string }).String())
	r = do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", fresh))
	m = requireError(t, r, 400, "Invalid Request", "invalid_request")
	assert.Contains(t, m["error_message"], "already CHARGED")
	w, _ = srv.Wallet(paytmID)
	assert.Equal(t, "84.50", w.Balance, "a paid order is not charged twice")

	require.NoError(t, srv.AddOrder("ord_2", "0.50"))
	r = do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_2", "PAYTM", fresh))
	assert.JSONEq(t, `{"order_id":"ord_2","txn_id":"test_merchant-ord_2-1","status":"CHARGED"}`, string(r.body))
	w, _ = srv.Wallet(paytmID)
	assert.Equal(t, "84.00", w.Balance)
}

// Juspay refuses an order it never created: so does the server, spending no
// token and moving no balance.
func TestDirectDebitUnknownOrder(t *testing.T) {
	srv := withSample(t)
	const mobikwikToken = "tk_ecbio8b69p8aiojdnap9b8u "
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_unknown", "MOBIKWIK", mobikwikToken))
	m := requireError(t, r, 400, "Invalid Request", "null_error")
	assert.Equal(t, "Order not found for given orderId.", m["error_message"])
	w, _ := srv.Wallet("wlm_vT890Ngjknnknb89")
	assert.Equal(t, "100", w.Balance)

	// Once created, the order can be paid with the same token.
	require.NoError(t, srv.AddOrder("ord_unknown", "100"))
	r = do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_unknown", "MOBIKWIK", mobikwikToken))
	assert.Equal(t, "CHARGED", requireOK(t, r)["status"])
	w, _ = srv.Wallet("wlm_vT890Ngjknnknb89")
	assert.Equal(t, "0", w.Balance)
}

// An order left PENDING_VBV may be debited again, and once CHARGED it cannot.
func TestDirectDebitAfterPendingVBV(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_big", "95.01"))
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_big", "PAYTM", paytmToken))
	assert.Equal(t, "PENDING_VBV", requireOK(t, r)["status"])

	require.NoError(t, srv.SetBalance(paytmID, "100"))
	token := requireOK(t, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil))["token"].(string)
	r = do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_big", "PAYTM", token))
	assert.JSONEq(t, `{"order_id":"ord_big","txn_id":"test_merchant-ord_big-2","status":"CHARGED"}`, string(r.body))

	token = requireOK(t, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil))["token"].(string)
	requireError(t, do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_big", "PAYTM", token)), 400, "Invalid Request", "invalid_request")
	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "4.99", w.Balance)
	assert.Error(t, srv.AddOrder("ord_big", "1"), "a paid order cannot be changed")
}

func TestDirectDebitPendingVBV(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_big", "95.01"))
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_big", "PAYTM", paytmToken))
	m := requireOK(t, r)
	assert.Equal(t, "PENDING_VBV", m["status"])
	assert.Equal(t, "ord_big", m["order_id"])
	assert.NotEmpty(t, m["txn_id"])
	auth := m["payment"].(map[string]any)["authentication"].(map[string]any)
	assert.Equal(t, "GET", auth["method"])
	assert.True(t, strings.HasPrefix(auth["url"].(string), srv.URL+"/pay/start/guest/"), auth["url"])
	assertCovers(t, testdata(t, "direct-debit--response.json"), r.body)

	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "95", w.Balance, "nothing was debited")
	requireError(t, do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_big", "PAYTM", paytmToken)), 400, "Invalid Request", "EXPIRED")
}

func TestDirectDebitRejections(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "1"))
	require.NoError(t, srv.AddOrder(strings.Repeat("o", 20), "1"))
	tests := []struct {
		name string
		edit func(url.Values)
		code string
	}{
		{"no order_id", func(f url.Values) { f.Del("order_id") }, "invalid_request"},
		{"order_id of 21 characters", func(f url.Values) { f.Set("order_id", strings.Repeat("o", 21)) }, "invalid_request"},
		{"unknown order_id", func(f url.Values) { f.Set("order_id", "ord_unknown") }, "null_error"},
		{"no merchant_id", func(f url.Values) { f.Del("merchant_id") }, "invalid_request"},
		{"other merchant_id", func(f url.Values) { f.Set("merchant_id", "other") }, "invalid_request"},
		{"card payment", func(f url.Values) { f.Set("payment_method_type", "CARD") }, "invalid_request"},
		{"no payment_method", func(f url.Values) { f.Del("payment_method") }, "invalid_request"},
		{"other wallet's method", func(f url.Values) { f.Set("payment_method", "MOBIKWIK") }, "invalid_request"},
		{"no token", func(f url.Values) { f.Del("direct_wallet_token") }, "invalid_request"},
		{"unknown token", func(f url.Values) { f.Set("direct_wallet_token", "tk_nope") }, "invalid_request"},
		{"no format", func(f url.Values) { f.Del("format") }, "invalid_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := debitForm(srv, "ord_1", "PAYTM", paytmToken)
			tt.edit(form)
			requireError(t, do(t, srv, http.MethodPost, "/txns", form), 400, "Invalid Request", tt.code)
		})
	}
	// None of those spent the token; twenty characters are allowed.
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, strings.Repeat("o", 20), "PAYTM", paytmToken))
	assert.Equal(t, "CHARGED", requireOK(t, r)["status"])
}

func TestDelinkRevokesTokens(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "1"))
	g := requireOK(t, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil))
	requireOK(t, do(t, srv, http.MethodPost, "/wallets/"+paytmID, url.Values{"command": {"delink"}}))
	for _, tok := range []string{paytmToken, g["token"].(string)} {
		requireError(t, do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", tok)), 400, "Invalid Request", "EXPIRED")
	}
}

// Tokens minted earlier stay usable until spent, as Juspay's do for 15 minutes.
func TestOlderTokensStayUsable(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "1"))
	requireOK(t, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil))
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken))
	assert.Equal(t, "CHARGED", requireOK(t, r)["status"])
}

func TestEligibility(t *testing.T) {
	srv := withSample(t)
	_, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_2", Wallets: []juspaytest.Wallet{
		{Gateway: "LAZYPAY", Linked: true, Balance: "500", DueDate: "03 December 2019"},
		{Gateway: "SIMPL"},
	}})
	require.NoError(t, err)
	path := "/customers/" + juspaytest.SampleCustomerID + "/eligibility"

	r := do(t, srv, http.MethodPost, path, url.Values{"amount": {"99.99"}})
	assert.JSONEq(t, `{"payment_methods_eligibility":[
		{"status":"SUCCESS","payment_method_type":"WALLET","payment_method":"MOBIKWIK","is_eligible":true,
		 "eligibility_strategy":"TRANSACTION","description":"Mobikwik Wallet","balance":100},
		{"status":"SUCCESS","payment_method_type":"WALLET","payment_method":"PAYTM","is_eligible":false,
		 "eligibility_strategy":"TRANSACTION","gateway_error_code":"insufficient_balance",
		 "gateway_error_message":"Insufficient balance","description":"Paytm Wallet","balance":95}]}`, string(r.body))

	r = do(t, srv, http.MethodPost, "/customers/cth_2/eligibility",
		url.Values{"amount": {"1"}, "gateway_data": {`{"OLAPOSTPAID":{"x":1},"LAZYPAY":{}}`}})
	assertCovers(t, testdata(t, "eligibility--response.json"), r.body)
	m := requireOK(t, r)
	methods := m["payment_methods_eligibility"].([]any)
	require.Len(t, methods, 3)
	assert.Equal(t, true, methods[0].(map[string]any)["is_eligible"])
	assert.Equal(t, "03 December 2019", methods[0].(map[string]any)["due_date"])
	simpl := methods[1].(map[string]any)
	assert.Equal(t, true, simpl["is_eligible"], "as in Juspay's sample")
	assert.Equal(t, "USER", simpl["eligibility_strategy"])
	assert.Equal(t, "linking_required", simpl["gateway_error_code"])
	assert.Equal(t, json.Number("0"), simpl["balance"])
	ola := methods[2].(map[string]any)
	assert.Equal(t, "USER_NOT_FOUND", ola["status"])
	assert.Equal(t, "OLAPOSTPAID", ola["payment_method"])
	assert.Equal(t, false, ola["is_eligible"])

	r = do(t, srv, http.MethodPost, "/customers/cth_2/eligibility", url.Values{"amount": {"1"}, "gateway_data": {`{"OLAPOSTPAID":{}}`}})
	entries := requireOK(t, r)["payment_methods_eligibility"].([]any)
	assertCovers(t, testdata(t, "eligibility--error.json"), []byte(`{"payment_methods_eligibility":[`+mustJSON(t, entries[2])+`]}`))
}

func TestEligibilityByOrder(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "96"))
	path := "/customers/" + juspaytest.SampleCustomerID + "/eligibility"
	methods := requireOK(t, do(t, srv, http.MethodPost, path, url.Values{"order_id": {"ord_1"}}))["payment_methods_eligibility"].([]any)
	assert.Equal(t, true, methods[0].(map[string]any)["is_eligible"])
	assert.Equal(t, false, methods[1].(map[string]any)["is_eligible"])

	// An unknown order is refused, as a debit of it is; an amount given too
	// wins over the order.
	m := requireError(t, do(t, srv, http.MethodPost, path, url.Values{"order_id": {"ord_x"}}), 400, "Invalid Request", "null_error")
	assert.Equal(t, "Order not found for given orderId.", m["error_message"])
	methods = requireOK(t, do(t, srv, http.MethodPost, path, url.Values{"order_id": {"ord_x"}, "amount": {"1000"}}))["payment_methods_eligibility"].([]any)
	assert.Equal(t, false, methods[0].(map[string]any)["is_eligible"])
}

func TestEligibilityRejections(t *testing.T) {
	srv := withSample(t)
	path := "/customers/" + juspaytest.SampleCustomerID + "/eligibility"
	for _, form := range []url.Values{
		{},
		{"amount": {"0"}},
		{"amount": {"-1"}},
		{"amount": {"1e3"}},
		{"amount": {"ten"}},
		{"amount": {strings.Repeat("9", 65)}},
		{"amount": {"1"}, "gateway_data": {"{not json"}},
		{"amount": {"1"}, "gateway_data": {`["SIMPL"]`}},
	} {
		requireError(t, do(t, srv, http.MethodPost, path, form), 400, "Invalid Request", "invalid_request")
	}
	requireError(t, do(t, srv, http.MethodPost, "/customers/cth_nobody/eligibility", url.Values{"amount": {"1"}}),
		400, "Invalid Request", "null_error")
}
