package juspaytest_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sample customer's Refresh All Wallets answer is the spec's sample
// response, value for value.
func TestSampleCustomerMatchesSpec(t *testing.T) {
	srv := withSample(t)
	r := do(t, srv, http.MethodGet, refreshPath, nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "application/json", r.header.Get("Content-Type"))
	assert.Equal(t, normalise(t, testdata(t, "refresh-all-wallets.json")), normalise(t, r.body))

	// Balances go out as the sample's JSON numbers, not as floats or strings.
	assert.Contains(t, string(r.body), `"current_balance":100,`)
	assert.Contains(t, string(r.body), `"current_balance":22222}`)

	// Asked again, nothing has changed.
	assert.Equal(t, normalise(t, r.body), normalise(t, do(t, srv, http.MethodGet, refreshPath, nil).body))
}

// A balance with a fraction is written as the exact JSON number: the
// refresh-all sample's 109.55.
func TestDecimalBalances(t *testing.T) {
	srv := newServer(t)
	_, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_1", Wallets: []juspaytest.Wallet{{
		ID: "wlt_x1****K6am", Gateway: "PAYTM", Linked: true, Token: "tk_04ec****cff6f4095a",
		Balance: "109.55", LastRefreshed: "2022-02-17T06:58:08Z", Metadata: map[string]string{"mobile_number": "77****78"},
	}}})
	require.NoError(t, err)
	r := do(t, srv, http.MethodGet, "/customers/cth_1/wallets/refresh-balances", nil)
	assert.Equal(t, normalise(t, testdata(t, "refresh-all--response.json")), normalise(t, r.body))

	for _, b := range []string{"12345678901234567.89", "0.10", "-5", "100.50"} {
		require.NoError(t, srv.SetBalance("wlt_x1****K6am", b))
		r := do(t, srv, http.MethodGet, "/customers/cth_1/wallets", nil)
		assert.Contains(t, string(r.body), `"current_balance":`+b+`,`)
	}
}

func TestListWallets(t *testing.T) {
	srv := withSample(t)
	_, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_empty"})
	require.NoError(t, err)

	m := requireOK(t, do(t, srv, http.MethodGet, "/customers/"+juspaytest.SampleCustomerID+"/wallets", nil))
	assert.Equal(t, "list", m["object"])
	assert.Len(t, m["list"], 2)

	empty := do(t, srv, http.MethodGet, "/customers/cth_empty/wallets", nil)
	assert.JSONEq(t, `{"object":"list","list":[],"offset":0,"count":0,"total":0}`, string(empty.body))

	r := do(t, srv, http.MethodGet, "/customers/cth_nobody/wallets", nil)
	requireError(t, r, 400, "Invalid Request", "null_error")
}

// The server's answers have every field Juspay's samples show, with nulls
// where the samples have them.
func TestAnswersCoverSamples(t *testing.T) {
	srv := newServer(t)
	_, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_1"})
	require.NoError(t, err)
	create := do(t, srv, http.MethodPost, "/customers/cth_1/wallets",
		url.Values{"gateway": {"MOBIKWIK"}, "mobile_number": {"9999999999"}, "command": {"authenticate"}})
	w := requireOK(t, create)
	id := w["id"].(string)
	assertCovers(t, testdata(t, "create-wallet--mobile_number.json"), create.body)
	assertCovers(t, testdata(t, "create-wallet--response.json"), create.body)
	assertCovers(t, testdata(t, "list-wallets--metadata.json"), do(t, srv, http.MethodGet, "/customers/cth_1/wallets", nil).body)

	auth := do(t, srv, http.MethodPost, "/wallets/"+id, url.Values{"command": {"authenticate"}})
	assertCovers(t, testdata(t, "authenticate--response.json"), auth.body)
	otp, ok := srv.OTP(id)
	require.True(t, ok)
	link := do(t, srv, http.MethodPost, "/wallets/"+id, url.Values{"command": {"link"}, "otp": {otp}})
	assertCovers(t, testdata(t, "link-wallet--response.json"), link.body)
	assertCovers(t, testdata(t, "list-wallets--response.json"), do(t, srv, http.MethodGet, "/customers/cth_1/wallets", nil).body)
	assertCovers(t, testdata(t, "get-wallet--response.json"), do(t, srv, http.MethodGet, "/wallets/"+id, nil).body)
	assertCovers(t, testdata(t, "refresh-wallet--response.json"),
		do(t, srv, http.MethodPost, "/wallets/"+id, url.Values{"command": {"refresh"}}).body)
	assertCovers(t, testdata(t, "delink-wallet--response.json"),
		do(t, srv, http.MethodPost, "/wallets/"+id, url.Values{"command": {"delink"}}).body)
	assertCovers(t, testdata(t, "update-mobile--response.json"),
		do(t, srv, http.MethodPost, "/wallets/"+id, url.Values{"command": {"update"}, "mobile_number": {"7777777777"}}).body)
}

func TestCreateWallet(t *testing.T) {
	srv := withSample(t)
	path := "/customers/" + juspaytest.SampleCustomerID + "/wallets"

	m := requireOK(t, do(t, srv, http.MethodPost, path, url.Values{"gateway": {"PAYTM"}, "gateway_reference_id": {"ref_1"}}))
	id := m["id"].(string)
	assert.Equal(t, "wallet_account", m["object"])
	assert.Equal(t, "PAYTM", m["wallet"])
	assert.Equal(t, false, m["linked"])
	assert.Nil(t, m["token"])
	assert.Nil(t, m["current_balance"])
	assert.Nil(t, m["last_refreshed"])
	assert.Equal(t, "ref_1", m["gateway_reference_id"])
	assert.NotContains(t, m, "metadata")
	_, pending := srv.OTP(id)
	assert.False(t, pending, "no OTP without command=authenticate")

	// The new wallet is listed after the seeded ones.
	list := requireOK(t, do(t, srv, http.MethodGet, path, nil))["list"].([]any)
	require.Len(t, list, 3)
	assert.Equal(t, id, list[2].(map[string]any)["id"])

	m = requireOK(t, do(t, srv, http.MethodPost, path, url.Values{"gateway": {"MOBIKWIK"}, "command": {"authenticate"}, "mobile_number": {"9000000000"}}))
	assert.Equal(t, map[string]any{"mobile_number": "9000000000"}, m["metadata"])
	otp, pending := srv.OTP(m["id"].(string))
	assert.True(t, pending)
	assert.Regexp(t, `^\d{6}$`, otp)

	requireError(t, do(t, srv, http.MethodPost, path, url.Values{}), 400, "Invalid Request", "invalid_request")
	requireError(t, do(t, srv, http.MethodPost, path, url.Values{"gateway": {"PAYTM"}, "command": {"link"}}), 400, "Invalid Request", "invalid_request")
	requireError(t, do(t, srv, http.MethodPost, "/customers/cth_nobody/wallets", url.Values{"gateway": {"PAYTM"}}), 400, "Invalid Request", "null_error")
}

func TestWalletLifecycle(t *testing.T) {
	srv := withSample(t)
	m := requireOK(t, do(t, srv, http.MethodPost, "/customers/"+juspaytest.SampleCustomerID+"/wallets", url.Values{"gateway": {"PAYTM"}}))
	id := m["id"].(string)
	path := "/wallets/" + id
	command := func(form url.Values) map[string]any { return requireOK(t, do(t, srv, http.MethodPost, path, form)) }

	// Link before any OTP was sent: not linked.
	m = command(url.Values{"command": {"link"}, "otp": {"000000"}})
	assert.Equal(t, false, m["linked"])

	m = command(url.Values{"command": {"authenticate"}, "gateway_reference_id": {"g"}, "client_auth_token": {"c"}})
	assert.Equal(t, false, m["linked"])
	otp, ok := srv.OTP(id)
	require.True(t, ok)

	// A wrong OTP is a 200 with linked false, and leaves the right one pending.
	wrong := "1" + otp[1:]
	if wrong == otp {
		wrong = "2" + otp[1:]
	}
	m = command(url.Values{"command": {"link"}, "otp": {wrong}})
	assert.Equal(t, false, m["linked"])
	assert.Nil(t, m["token"])
	assert.Nil(t, m["current_balance"])

	m = command(url.Values{"command": {"link"}, "otp": {otp}})
	assert.Equal(t, true, m["linked"])
	assert.Equal(t, juspaytest.DefaultBalance, m["current_balance"].(interface{ String() string }).String())
	token := m["token"].(string)
	assert.NotEmpty(t, token)
	assert.NotNil(t, m["last_refreshed"])
	_, ok = srv.OTP(id)
	assert.False(t, ok, "an OTP links once")

	// Get mints a fresh token every time.
	g1 := requireOK(t, do(t, srv, http.MethodGet, path, nil))
	g2 := requireOK(t, do(t, srv, http.MethodGet, path, nil))
	assert.NotEqual(t, token, g1["token"])
	assert.NotEqual(t, g1["token"], g2["token"])
	assert.Equal(t, true, g1["linked"])

	m = command(url.Values{"command": {"refresh"}})
	assert.Equal(t, g2["token"], m["token"], "refresh shows the current token")
	assert.Equal(t, "250", m["current_balance"].(interface{ String() string }).String())

	stored, ok := srv.Wallet(id)
	require.True(t, ok)
	assert.True(t, stored.Linked)
	assert.Equal(t, g2["token"], stored.Token)

	m = command(url.Values{"command": {"delink"}})
	assert.Equal(t, false, m["linked"])
	assert.Nil(t, m["token"])
	assert.Nil(t, m["current_balance"])
	assert.Nil(t, m["last_refreshed"])
	g := requireOK(t, do(t, srv, http.MethodGet, path, nil))
	assert.Nil(t, g["token"], "an unlinked wallet gets no token")

	// Linked again, the provider's balance is still there.
	require.NoError(t, srv.SetBalance(id, "75.25"))
	command(url.Values{"command": {"authenticate"}})
	otp, _ = srv.OTP(id)
	m = command(url.Values{"command": {"link"}, "otp": {otp}})
	assert.Equal(t, "75.25", m["current_balance"].(interface{ String() string }).String())
}

func TestUpdateMobileNumber(t *testing.T) {
	srv := withSample(t)
	path := "/wallets/wlm_blUutbvo76578u"
	form := url.Values{"command": {"update"}, "mobile_number": {"7777777777"}}
	for _, v := range []string{"", "2019-09-16", "2016-07-19", "latest", "2019-9-17"} {
		req := newRequest(t, srv, http.MethodPost, path, form)
		req.Header.Set("version", v)
		requireError(t, send(t, req), 400, "Invalid Request", "invalid_request")
	}
	requireError(t, do(t, srv, http.MethodPost, path, url.Values{"command": {"update"}}), 400, "Invalid Request", "invalid_request")

	req := newRequest(t, srv, http.MethodPost, path, form)
	req.Header.Set("version", "2019-09-17")
	m := requireOK(t, send(t, req))
	assert.Equal(t, map[string]any{"mobile_number": "7777777777", "device_id": "blUutbvo76578u"}, m["metadata"])
	assert.Equal(t, false, m["linked"], "as in Juspay's sample, the new number must be linked again")
	assert.Nil(t, m["token"])
}

func TestWalletCommandErrors(t *testing.T) {
	srv := withSample(t)
	path := "/wallets/wlm_vT890Ngjknnknb89"
	for _, form := range []url.Values{
		{},
		{"command": {"explode"}},
		{"command": {"link"}},
	} {
		requireError(t, do(t, srv, http.MethodPost, path, form), 400, "Invalid Request", "invalid_request")
	}
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		r := do(t, srv, method, "/wallets/wlm_nothing", url.Values{"command": {"refresh"}})
		m := requireError(t, r, 400, "Invalid Request", "null_error")
		assert.Equal(t, "Wallet not found for given walletId.", m["error_message"])
	}
}
