package juspay_test

import (
	"bytes"
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
	for _, want := range []string{"wlm_vT890Ngjknnknb89", "MOBIKWIK", "Linked: true", "100", "2023-09-11T08:29:47Z", "Token: [REDACTED]"} {
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
		"current_balance": "100", "last_refreshed": "2023-09-11T08:29:47Z", "token": "[REDACTED]",
	}, rec.Wallet)
	assert.Equal(t, 1, rec.Page.Count)
	assert.Equal(t, rec.Wallet, rec.Page.Wallets["0"])

	buf.Reset()
	slog.New(slog.NewTextHandler(&buf, nil)).Info("refreshed", "wallet", w, "page", list)
	assert.Contains(t, buf.String(), "wallet.token=[REDACTED]")
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
