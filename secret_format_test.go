package juspay_test

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"github.com/gojuspay/juspay"
)

// TestNoFormattedValueHoldsASecret formats every exported type that holds a
// secret (and a pointer to it, a copy, and a struct of the caller's that
// holds it) in every fmt verb but %p (see README, Logging), and logs it
// through log/slog's text and JSON handlers.
func TestNoFormattedValueHoldsASecret(t *testing.T) {
	const walletToken, authToken = "tok_fmt_a1b2c3d4e5", "cat_fmt_f6g7h8i9j0"
	cat := &juspay.ClientAuthToken{Token: authToken}
	wallet := juspay.WalletAccount{ID: "wlt_1", Token: walletToken, Linked: true}
	list := &juspay.WalletAccountList{Wallets: []juspay.WalletAccount{wallet, wallet}}
	c, _ := newMockClient(t)
	type holder struct {
		Name   string
		Wallet juspay.WalletAccount
		Order  *juspay.Order
		Client juspay.Client
		Params juspay.DirectDebitParams
	}
	values := map[string]any{
		"WalletAccount":            wallet,
		"*WalletAccountList":       list,
		"DirectDebitParams":        juspay.DirectDebitParams{OrderID: "ord_1", DirectWalletToken: walletToken},
		"CreateWalletParams":       juspay.CreateWalletParams{Gateway: "PAYTM", ClientAuthToken: authToken},
		"AuthenticateWalletParams": juspay.AuthenticateWalletParams{ClientAuthToken: authToken},
		"ClientAuthToken":          *cat,
		"Customer":                 juspay.Customer{ID: "cst_1", ClientAuth: cat},
		"Order":                    juspay.Order{OrderID: "ord_1", ClientAuth: cat},
		"Client":                   *c,
		"holder": holder{Name: "h", Wallet: wallet, Order: &juspay.Order{ClientAuth: cat}, Client: *c,
			Params: juspay.DirectDebitParams{DirectWalletToken: walletToken}},
	}
	secrets := append([]string{walletToken, authToken, testAuthorization}, testSecrets...)
	for name, v := range values {
		for _, shown := range shownWays(v, name != "holder") {
			for _, secret := range secrets {
				if strings.Contains(shown, secret) {
					t.Errorf("%s shows %q: %s", name, secret, shown)
				}
			}
		}
	}
}

// shownWays is v and a pointer to a copy of it in every fmt verb but %p
// (%x and %X read back from hex), and in slog's text handler, and in its JSON handler
// when json is set (it encodes a struct that is no slog.LogValuer with
// encoding/json, which writes tokens, as README says).
func shownWays(v any, json bool) []string {
	var out []string
	ptr := reflect.New(reflect.TypeOf(v))
	ptr.Elem().Set(reflect.ValueOf(v))
	for _, x := range []any{v, ptr.Interface()} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%T"} {
			out = append(out, fmt.Sprintf(verb, x))
		}
		for _, verb := range []string{"%x", "%X"} {
			// Hex of the text, or of each field's: read back either way.
			s := strings.ToLower(fmt.Sprintf(verb, x))
			for _, run := range strings.FieldsFunc(s, func(r rune) bool { return !strings.ContainsRune("0123456789abcdef", r) }) {
				b, _ := hex.DecodeString(run[:len(run)/2*2])
				out = append(out, string(b))
			}
		}
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("m", "v", v)
	if json {
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "v", v)
	}
	return append(out, buf.String())
}
