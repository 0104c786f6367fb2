package juspay_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// printEveryWay formats v with every fmt verb, flags included, and through
// slog's text and JSON handlers; hex output is decoded back to text.
// (%p is among them: fmt applies it before any Format method, so for a
// non-pointer it prints the fields.)
func printEveryWay(t *testing.T, v any) []string {
	t.Helper()
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%T", "%p", "%10v", "%-40s", "% v"} {
		out = append(out, fmt.Sprintf(verb, v))
	}
	for _, verb := range []string{"%x", "%X", "% x"} {
		s := fmt.Sprintf(verb, v)
		if b, err := hex.DecodeString(strings.ReplaceAll(s, " ", "")); err == nil {
			s = string(b)
		}
		out = append(out, s)
	}
	out = append(out, fmt.Sprint(v), fmt.Sprintln(v))

	for _, h := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var buf bytes.Buffer
		slog.New(h(&buf)).Info("value", "v", v, slog.Group("g", "nested", v))
		out = append(out, buf.String())
	}
	return out
}

// TestClientNeverShowsKey formats a client every way, as a pointer, as a
// copied value, and inside other values.
func TestClientNeverShowsKey(t *testing.T) {
	c, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID))
	require.NoError(t, err)

	type holder struct {
		name   string
		client juspay.Client // unexported: fmt walks it by reflection
	}
	type exported struct {
		Client  juspay.Client
		Pointer *juspay.Client
	}
	values := map[string]any{
		"pointer":                   c,
		"copied value":              *c,
		"unexported value field":    holder{"h", *c},
		"pointer to a holder":       &holder{"h", *c},
		"exported fields":           exported{*c, c},
		"slice":                     []juspay.Client{*c},
		"map":                       map[string]*juspay.Client{"c": c},
		"wallets service":           c.Wallets,
		"wallets service value":     *c.Wallets,
		"interface of a copy":       any(*c),
		"pointer to a copied value": func() *juspay.Client { cc := *c; return &cc }(),
	}
	for name, v := range values {
		printed := printEveryWay(t, v)
		if b, err := json.Marshal(v); err == nil {
			printed = append(printed, string(b))
		}
		for _, s := range printed {
			assertNoSecret(t, s)
			if t.Failed() {
				t.Fatalf("%s leaked the key: %s", name, s)
			}
		}
	}
}

// TestClientFormatIsUseful makes sure the redaction did not empty the
// description: it still says which merchant and where.
func TestClientFormatIsUseful(t *testing.T) {
	c, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID))
	require.NoError(t, err)
	for _, s := range []string{fmt.Sprintf("%v", c), fmt.Sprintf("%+v", *c)} {
		assert.Contains(t, s, testMerchantID)
		assert.Contains(t, s, "sandbox.juspay.in")
	}
}
