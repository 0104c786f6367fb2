package juspaytest_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"unicode"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/require"
)

// FuzzServer sends hostile paths and forms: the server must answer each, never
// with a 5xx (a panic in the handler would drop the connection instead).
func FuzzServer(f *testing.F) {
	seeds := []struct {
		method      uint8
		path, body  string
		contentType bool
	}{
		{0, "/customers/cth_eN4e4kR12CJV/wallets/refresh-balances", "", true},
		{0, "/customers/%2E%2E/wallets", "", true},
		{0, "/customers/a%2Fb/wallets/../../txns", "", true},
		{0, "//customers///wallets", "", true},
		{0, "/%00/%ff/%", "", true},
		{1, "/customers/cth_eN4e4kR12CJV/wallets", "gateway=PAYTM&command=authenticate&mobile_number=%00", true},
		{1, "/wallets/wlm_blUutbvo76578u", "command=link&otp=&otp=1", true},
		{1, "/wallets/wlm_blUutbvo76578u", "command=update&mobile_number=1", true},
		{1, "/wallets/wlm_vT890Ngjknnknb89", "command=delink", true},
		{1, "/txns", "order_id=%F0%9F%98%80&merchant_id=test_merchant&payment_method_type=WALLET&payment_method=PAYTM&direct_wallet_token=tk_csdjcbsd678ovsyfowe9f8nsjdncbs86va&format=json", true},
		{1, "/customers/cth_eN4e4kR12CJV/eligibility", "amount=99999999999999999999999999.999999999999&gateway_data=%7B%22%22%3Anull%7D", true},
		{1, "/customers/cth_eN4e4kR12CJV/eligibility", "order_id=x&gateway_data=%5B%5D", true},
		{1, "/customers/cth_eN4e4kR12CJV/eligibility", "amount=;&&==%", false},
		{2, "/wallets/x", "a=b", true},
	}
	for _, s := range seeds {
		f.Add(s.method, s.path, s.body, s.contentType)
	}
	srv := juspaytest.NewServer()
	f.Cleanup(srv.Close)
	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
		f.Fatal(err)
	}
	if err := srv.AddOrder("ord_1", "1"); err != nil {
		f.Fatal(err)
	}
	methods := []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete}

	f.Fuzz(func(t *testing.T, method uint8, path, body string, contentType bool) {
		if !strings.HasPrefix(path, "/") || strings.IndexFunc(path, func(r rune) bool {
			return r > unicode.MaxASCII || unicode.IsSpace(r) || unicode.IsControl(r) || r == '#' || r == '?'
		}) >= 0 {
			t.Skip("not a request target a client sends")
		}
		req, err := http.NewRequest(methods[int(method)%len(methods)], srv.URL, strings.NewReader(body))
		require.NoError(t, err)
		req.URL.Opaque = path
		req.Header.Set("Authorization", basic(srv.APIKey))
		req.Header.Set("x-merchantid", srv.MerchantID)
		req.Header.Set("version", "2023-06-30")
		if contentType {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
		require.NoError(t, err)
		require.Less(t, resp.StatusCode, 500, "%s %q %q", req.Method, path, body)
	})
}
