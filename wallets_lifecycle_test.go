package juspay_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

func TestWalletLifecycleRequests(t *testing.T) {
	listBody := samples["list-wallets--response"]
	walletBody := samples["link-wallet--response"]
	cases := []struct {
		name    string
		call    walletCall
		method  string
		path    string
		routing string     // x-routing-id without WithRoutingID; "" sends none
		form    url.Values // nil: no body
		answer  string
	}{
		{
			name: "List",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.List(ctx, "cth_eN4e/4k R", o...)
			},
			method: http.MethodGet, path: "/customers/cth_eN4e%2F4k%20R/wallets", routing: "cth_eN4e/4k R",
			answer: listBody,
		},
		{
			name: "Create with every field",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.Create(ctx, "cth_1", &juspay.CreateWalletParams{
					Gateway: "PAYTM", Authenticate: true, MobileNumber: "9999999999",
					GatewayReferenceID: "paytm_alt", ClientAuthToken: "tkn_client&auth=1",
				}, o...)
			},
			method: http.MethodPost, path: "/customers/cth_1/wallets", routing: "cth_1",
			form: url.Values{
				"gateway": {"PAYTM"}, "command": {"authenticate"}, "mobile_number": {"9999999999"},
				"gateway_reference_id": {"paytm_alt"}, "client_auth_token": {"tkn_client&auth=1"},
			},
			answer: walletBody,
		},
		{
			name: "Create with the gateway only",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.Create(ctx, "cth_1", &juspay.CreateWalletParams{Gateway: "MOBIKWIK"}, o...)
			},
			method: http.MethodPost, path: "/customers/cth_1/wallets", routing: "cth_1",
			form:   url.Values{"gateway": {"MOBIKWIK"}},
			answer: walletBody,
		},
		{
			name: "Get",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.Get(ctx, "wlt_q23/..", o...)
			},
			method: http.MethodGet, path: "/wallets/wlt_q23%2F..",
			answer: walletBody,
		},
		{
			name: "Authenticate with nil params",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.Authenticate(ctx, "wlt_1", nil, o...)
			},
			method: http.MethodPost, path: "/wallets/wlt_1",
			form:   url.Values{"command": {"authenticate"}},
			answer: walletBody,
		},
		{
			name: "Authenticate with params",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.Authenticate(ctx, "wlt_1", &juspay.AuthenticateWalletParams{
					GatewayReferenceID: "mk_2", ClientAuthToken: "tkn_cat_9",
				}, o...)
			},
			method: http.MethodPost, path: "/wallets/wlt_1",
			form:   url.Values{"command": {"authenticate"}, "gateway_reference_id": {"mk_2"}, "client_auth_token": {"tkn_cat_9"}},
			answer: walletBody,
		},
		{
			name: "Link",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.Link(ctx, "wlt_1", "12 3&4=5", o...)
			},
			method: http.MethodPost, path: "/wallets/wlt_1",
			form:   url.Values{"command": {"link"}, "otp": {"12 3&4=5"}},
			answer: walletBody,
		},
		{
			name: "Delink",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.Delink(ctx, "wlt 1", o...)
			},
			method: http.MethodPost, path: "/wallets/wlt%201",
			form:   url.Values{"command": {"delink"}},
			answer: walletBody,
		},
		{
			name: "Refresh",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.Refresh(ctx, "wlt_1", o...)
			},
			method: http.MethodPost, path: "/wallets/wlt_1",
			form:   url.Values{"command": {"refresh"}},
			answer: walletBody,
		},
		{
			name: "UpdateMobileNumber",
			call: func(ctx context.Context, c *juspay.Client, o ...juspay.Option) (any, error) {
				return c.Wallets.UpdateMobileNumber(ctx, "wlt_1", "7777777777", o...)
			},
			method: http.MethodPost, path: "/wallets/wlt_1",
			form:   url.Values{"command": {"update"}, "mobile_number": {"7777777777"}},
			answer: walletBody,
		},
	}
	for _, tc := range cases {
		for _, route := range []struct {
			name    string
			opts    []juspay.Option
			routing string
		}{
			{"default routing", nil, tc.routing},
			{"WithRoutingID", []juspay.Option{juspay.WithRoutingID("cth_route")}, "cth_route"},
		} {
			t.Run(tc.name+"/"+route.name, func(t *testing.T) {
				c, m := newRecordedClient(t, jsonResponder(200, tc.answer))
				got, err := tc.call(context.Background(), c, route.opts...)
				require.NoError(t, err)
				require.NotNil(t, got)
				r, body := m.only(t)
				testCall(t, r, tc.method, tc.path, route.routing)
				testFormValues(t, r, body, tc.form)
			})
		}
	}
}

// TestWalletLifecycleWrongOTP: Juspay answers a wrong OTP with 200 and the
// wallet still unlinked. That is the answer, not an error.
func TestWalletLifecycleWrongOTP(t *testing.T) {
	c, m := newRecordedClient(t, jsonResponder(200, samples["authenticate--response"]))
	w, err := c.Wallets.Link(context.Background(), "wlt_q23xzki3pazgtezo", "000000")
	require.NoError(t, err)
	assert.False(t, w.Linked)
	assert.Nil(t, w.CurrentBalance)
	assert.Empty(t, w.Token)
	assert.Equal(t, 1, m.count())
}

// TestWalletLifecycleValidation: every call refused on the client side
// names its operation and sends nothing.
func TestWalletLifecycleValidation(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		call func(c *juspay.Client) (any, error)
		want string // the error's prefix and a word of its detail
	}{
		{"List empty customer", func(c *juspay.Client) (any, error) { return c.Wallets.List(ctx, "") }, "juspay: list wallets: customerID is empty"},
		{"List dot", func(c *juspay.Client) (any, error) { return c.Wallets.List(ctx, ".") }, "juspay: list wallets: customerID"},
		{"List dot dot", func(c *juspay.Client) (any, error) { return c.Wallets.List(ctx, "..") }, "juspay: list wallets: customerID"},
		{"Create empty customer", func(c *juspay.Client) (any, error) {
			return c.Wallets.Create(ctx, "", &juspay.CreateWalletParams{Gateway: "PAYTM"})
		}, "juspay: create wallet: customerID is empty"},
		{"Create nil params", func(c *juspay.Client) (any, error) { return c.Wallets.Create(ctx, "cth_1", nil) }, "juspay: create wallet: params are nil"},
		{"Create no gateway", func(c *juspay.Client) (any, error) {
			return c.Wallets.Create(ctx, "cth_1", &juspay.CreateWalletParams{MobileNumber: "9999999999"})
		}, "juspay: create wallet: Gateway is empty"},
		{"Create blank gateway", func(c *juspay.Client) (any, error) {
			return c.Wallets.Create(ctx, "cth_1", &juspay.CreateWalletParams{Gateway: "  "})
		}, "juspay: create wallet: Gateway is empty"},
		{"Get empty wallet", func(c *juspay.Client) (any, error) { return c.Wallets.Get(ctx, "") }, "juspay: get wallet: walletID is empty"},
		{"Get dot dot", func(c *juspay.Client) (any, error) { return c.Wallets.Get(ctx, "..") }, "juspay: get wallet: walletID"},
		{"Authenticate empty wallet", func(c *juspay.Client) (any, error) { return c.Wallets.Authenticate(ctx, "", nil) }, "juspay: authenticate wallet: walletID is empty"},
		{"Link empty wallet", func(c *juspay.Client) (any, error) { return c.Wallets.Link(ctx, "", "123456") }, "juspay: link wallet: walletID is empty"},
		{"Link empty OTP", func(c *juspay.Client) (any, error) { return c.Wallets.Link(ctx, "wlt_1", "") }, "juspay: link wallet: OTP is empty"},
		{"Link blank OTP", func(c *juspay.Client) (any, error) { return c.Wallets.Link(ctx, "wlt_1", " \t") }, "juspay: link wallet: OTP is empty"},
		{"Delink empty wallet", func(c *juspay.Client) (any, error) { return c.Wallets.Delink(ctx, "") }, "juspay: delink wallet: walletID is empty"},
		{"Refresh empty wallet", func(c *juspay.Client) (any, error) { return c.Wallets.Refresh(ctx, "") }, "juspay: refresh wallet: walletID is empty"},
		{"Refresh dot", func(c *juspay.Client) (any, error) { return c.Wallets.Refresh(ctx, ".") }, "juspay: refresh wallet: walletID"},
		{"UpdateMobileNumber empty wallet", func(c *juspay.Client) (any, error) {
			return c.Wallets.UpdateMobileNumber(ctx, "", "7777777777")
		}, "juspay: update wallet mobile number: walletID is empty"},
		{"UpdateMobileNumber empty number", func(c *juspay.Client) (any, error) {
			return c.Wallets.UpdateMobileNumber(ctx, "wlt_1", "")
		}, "juspay: update wallet mobile number: mobileNumber is empty"},
		{"UpdateMobileNumber old API version", func(c *juspay.Client) (any, error) {
			return c.Wallets.UpdateMobileNumber(ctx, "wlt_1", "7777777777", juspay.WithAPIVersion("2019-09-16"))
		}, "juspay: update wallet mobile number: WithAPIVersion is 2019-09-16"},
		{"a bad per-call option", func(c *juspay.Client) (any, error) {
			return c.Wallets.Link(ctx, "wlt_1", "123456", juspay.WithRoutingID(""))
		}, "juspay: link wallet: WithRoutingID got an empty routing ID"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newRecordedClient(t, jsonResponder(200, samples["link-wallet--response"]))
			got, err := tc.call(c)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q should start with %q", err, tc.want)
			assert.Nil(t, got)
			assert.Equal(t, 0, m.count(), "nothing may be sent")
		})
	}

	t.Run("UpdateMobileNumber from 2019-09-17 on", func(t *testing.T) {
		c, m := newRecordedClient(t, jsonResponder(200, samples["update-mobile--response"]), juspay.WithAPIVersion("2019-09-17"))
		_, err := c.Wallets.UpdateMobileNumber(ctx, "wlt_1", "7777777777")
		require.NoError(t, err)
		r, _ := m.only(t)
		testHeader(t, r, "Version", "2019-09-17")
	})
}

// walletCall is one lifecycle method called with fixed arguments.
type walletCall func(ctx context.Context, c *juspay.Client, opts ...juspay.Option) (any, error)

// utcTime is a UTC instant of a sample's last_refreshed.
func utcTime(s string) time.Time {
	t, err := time.Parse("2006-01-02T15:04:05Z0700", s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// toUTC puts a wallet's times in UTC, so that equal instants compare equal
// whatever location the decoder gave them.
func toUTC(w *juspay.WalletAccount) {
	w.LastRefreshed = w.LastRefreshed.UTC()
	for i := range w.SubDetails {
		w.SubDetails[i].LastRefreshed = w.SubDetails[i].LastRefreshed.UTC()
	}
}
