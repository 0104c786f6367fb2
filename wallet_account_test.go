package juspay_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

const testToken = "tk_ecbio8b69p8aiojdnap9b8u "

func linkedWallet() juspay.WalletAccount {
	w := specList.Wallets[0]
	w.Token = testToken
	return w
}

// TestWalletAccountMasksToken prints a wallet, a pointer to it, a list of
// wallets and the page, every way: the token never shows, nor does the
// customer's mobile number.
func TestWalletAccountMasksToken(t *testing.T) {
	w := linkedWallet()
	list := juspay.WalletAccountList{Object: "list", Wallets: []juspay.WalletAccount{w, linkedWallet()}, Count: 2, Total: 2}
	for name, v := range map[string]any{
		"value":        w,
		"pointer":      &w,
		"slice":        list.Wallets,
		"page":         list,
		"page pointer": &list,
		"in a struct":  struct{ Wallet juspay.WalletAccount }{w},
	} {
		for _, s := range printEveryWay(t, v) {
			if strings.HasPrefix(s, "%!p(") {
				// %p of a value that is not a pointer: fmt prints the
				// fields before any method can mask them. No type with
				// an exported field can prevent it.
				continue
			}
			if (name == "slice" || name == "in a struct") && strings.HasPrefix(s, `{"time"`) {
				// slog's JSON handler encodes values that are not a
				// LogValuer with encoding/json, which writes the token
				// (see TestWalletAccountJSONRoundTrip): log a wallet or
				// a page, not a slice or a struct of them.
				continue
			}
			assert.NotContains(t, s, "tk_ecbio8b69p8aiojdnap9b8u", "%s: %s", name, s)
			assert.NotContains(t, s, "9999999999", "%s: %s", name, s)
		}
	}
}

func TestWalletAccountString(t *testing.T) {
	w := linkedWallet()
	s := w.String()
	for _, want := range []string{"wlm_vT890Ngjknnknb89", "MOBIKWIK", "Linked: true", "100", "2023-09-11T08:29:47Z", "Token: [redacted]"} {
		assert.Contains(t, s, want)
	}
	assert.Equal(t, s, fmt.Sprintf("%v", w))
	assert.Equal(t, s, fmt.Sprintf("%+v", w))
	assert.Equal(t, s, fmt.Sprintf("%#v", w))
	assert.Equal(t, s, fmt.Sprint(&w))

	unlinked := juspay.WalletAccount{ID: "wlt_1", Wallet: "FREECHARGE"}
	assert.Contains(t, unlinked.String(), "CurrentBalance: none")
	assert.Contains(t, unlinked.String(), `Token: ""`, "an absent token is told apart from a masked one")
}

func TestWalletAccountLogValue(t *testing.T) {
	w := linkedWallet()
	list := juspay.WalletAccountList{Object: "list", Wallets: []juspay.WalletAccount{w}, Count: 1, Total: 1}

	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("refreshed", "wallet", w, "page", list)
	var rec struct {
		Wallet map[string]any `json:"wallet"`
		Page   struct {
			Count   int                       `json:"count"`
			Wallets map[string]map[string]any `json:"wallets"`
		} `json:"page"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &rec), buf.String())
	assert.Equal(t, map[string]any{
		"id": "wlm_vT890Ngjknnknb89", "wallet": "MOBIKWIK", "linked": true,
		"current_balance": "100", "last_refreshed": "2023-09-11T08:29:47Z", "token": "[redacted]",
	}, rec.Wallet)
	assert.Equal(t, 1, rec.Page.Count)
	assert.Equal(t, rec.Wallet, rec.Page.Wallets["0"])

	buf.Reset()
	slog.New(slog.NewTextHandler(&buf, nil)).Info("refreshed", "wallet", w, "page", list)
	assert.Contains(t, buf.String(), "wallet.token=[redacted]")
	assert.NotContains(t, buf.String(), "tk_ecbio8b69p8aiojdnap9b8u")
}

// TestWalletAccountJSONRoundTrip: encoding/json keeps every value, the
// token included, so a wallet can be stored and read back.
func TestWalletAccountJSONRoundTrip(t *testing.T) {
	for _, list := range []juspay.WalletAccountList{specList, walletListSamples["list-wallets--response.json"]} {
		b, err := json.Marshal(list)
		require.NoError(t, err)
		var again juspay.WalletAccountList
		require.NoError(t, json.Unmarshal(b, &again))
		assert.Equal(t, list, inUTC(again))
	}
}

// TestWalletLifecycleSamples decodes every wallet sample Juspay publishes
// through the method that answers it, and compares every field.
func TestWalletLifecycleSamples(t *testing.T) {
	unlinkedMobikwik := juspay.WalletAccount{Object: "wallet_account", ID: "wlt_q23xzki3pazgtezo", Wallet: "MOBIKWIK"}
	linkedMobikwik := func(refreshed string) juspay.WalletAccount {
		return juspay.WalletAccount{
			Object: "wallet_account", ID: "wlt_q23xzki3pazgtezo", Wallet: "MOBIKWIK",
			Token: "tok_winysteev9eftrwcv6me", Linked: true, CurrentBalance: amt("250"),
			LastRefreshed: utcTime(refreshed),
		}
	}
	wallet := func(call func(context.Context, *juspay.Client) (*juspay.WalletAccount, error)) func(context.Context, *juspay.Client) (any, error) {
		return func(ctx context.Context, c *juspay.Client) (any, error) {
			w, err := call(ctx, c)
			if w != nil {
				toUTC(w)
			}
			return w, err
		}
	}
	list := func(ctx context.Context, c *juspay.Client) (any, error) {
		l, err := c.Wallets.List(ctx, "cth_1")
		if l != nil {
			for i := range l.Wallets {
				toUTC(&l.Wallets[i])
			}
		}
		return l, err
	}

	cases := []struct {
		sample string
		call   func(context.Context, *juspay.Client) (any, error)
		want   any
	}{
		{"list-wallets--response", list, &juspay.WalletAccountList{
			Object: "list", Offset: 0, Count: 10, Total: 100, // Juspay's counts, not len(list)
			Wallets: []juspay.WalletAccount{
				linkedMobikwik("2016-08-02T08:07:52+0000"),
				{Object: "wallet_account", ID: "wlt_mu2xfwb4mr18flbs", Wallet: "FREECHARGE"},
			},
		}},
		{"list-wallets--metadata", list, &juspay.WalletAccountList{
			Object: "list", Count: 1, Total: 1,
			Wallets: []juspay.WalletAccount{{
				Object: "wallet_account", ID: "wlt_d10hncoc6xldk", Wallet: "PAYTM",
				Metadata: juspay.WalletMetadata{MobileNumber: "9999999999"},
			}},
		}},
		{"refresh-all--response", list, &juspay.WalletAccountList{
			Object: "list", Count: 1, Total: 1,
			Wallets: []juspay.WalletAccount{{
				Object: "wallet_account", ID: "wlt_x1****K6am", Wallet: "PAYTM", JuspayBankCode: "JP_PAYTM",
				Token: "tk_04ec****cff6f4095a", Linked: true, CurrentBalance: amt("109.55"),
				LastRefreshed: utcTime("2022-02-17T06:58:08Z"),
				Metadata:      juspay.WalletMetadata{MobileNumber: "77****78"},
			}},
		}},
		{"create-wallet--response", wallet(func(ctx context.Context, c *juspay.Client) (*juspay.WalletAccount, error) {
			return c.Wallets.Create(ctx, "cth_1", &juspay.CreateWalletParams{Gateway: "MOBIKWIK"})
		}), &unlinkedMobikwik},
		{"create-wallet--mobile_number", wallet(func(ctx context.Context, c *juspay.Client) (*juspay.WalletAccount, error) {
			return c.Wallets.Create(ctx, "cth_1", &juspay.CreateWalletParams{Gateway: "MOBIKWIK", MobileNumber: "9999999999"})
		}), &juspay.WalletAccount{
			Object: "wallet_account", ID: "wlt_yvuidaocnaupkvz3", Wallet: "MOBIKWIK",
			Metadata: juspay.WalletMetadata{MobileNumber: "9999999999"},
		}},
		{"get-wallet--response", wallet(func(ctx context.Context, c *juspay.Client) (*juspay.WalletAccount, error) {
			return c.Wallets.Get(ctx, "wlt_q23xzki3pazgtezo")
		}), ptr(linkedMobikwik("2016-08-02T08:07:52+0000"))},
		{"authenticate--response", wallet(func(ctx context.Context, c *juspay.Client) (*juspay.WalletAccount, error) {
			return c.Wallets.Authenticate(ctx, "wlt_q23xzki3pazgtezo", nil)
		}), &unlinkedMobikwik},
		{"link-wallet--response", wallet(func(ctx context.Context, c *juspay.Client) (*juspay.WalletAccount, error) {
			return c.Wallets.Link(ctx, "wlt_q23xzki3pazgtezo", "123456")
		}), ptr(linkedMobikwik("2016-08-01T08:07:52+0000"))},
		{"delink-wallet--response", wallet(func(ctx context.Context, c *juspay.Client) (*juspay.WalletAccount, error) {
			return c.Wallets.Delink(ctx, "wlt_q23xzki3pazgtezo")
		}), &unlinkedMobikwik}, // linked arrives as the string "false"
		{"refresh-wallet--response", wallet(func(ctx context.Context, c *juspay.Client) (*juspay.WalletAccount, error) {
			return c.Wallets.Refresh(ctx, "wlt_q23xzki3pazgtezo")
		}), ptr(linkedMobikwik("2016-08-02T08:07:52+0000"))}, // linked arrives as the string "true"
		{"update-mobile--response", wallet(func(ctx context.Context, c *juspay.Client) (*juspay.WalletAccount, error) {
			return c.Wallets.UpdateMobileNumber(ctx, "wlt_yvuidaupkvz3", "7777777777")
		}), &juspay.WalletAccount{
			Object: "wallet_account", ID: "wlt_yvuidaupkvz3", Wallet: "PAYTM",
			Metadata: juspay.WalletMetadata{MobileNumber: "7777777777"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.sample, func(t *testing.T) {
			body, ok := samples[tc.sample]
			require.True(t, ok, "no sample %s", tc.sample)
			c, _ := newRecordedClient(t, jsonResponder(200, body))
			got, err := tc.call(context.Background(), c)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			covers(t, body, got)
		})
	}
}
