package juspay_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

const testClientAuthToken = "tkn_24543c6a278f45d680d09edb32e78061"

func customerWithToken(t *testing.T) juspay.Customer {
	t.Helper()
	var c juspay.Customer
	require.NoError(t, json.Unmarshal(readSample(t, "checkout/create-customer--auth-token.json"), &c))
	require.NotNil(t, c.ClientAuth)
	require.Equal(t, testClientAuthToken, c.ClientAuth.Token)
	return c
}

// TestClientAuthTokenMasked prints a token, a customer and an order that
// hold one, every way: the token never shows.
func TestClientAuthTokenMasked(t *testing.T) {
	c := customerWithToken(t)
	tok := *c.ClientAuth
	o := juspay.Order{OrderID: "ord_1", ClientAuth: &tok}
	for name, v := range map[string]any{
		"token":            tok,
		"token pointer":    &tok,
		"customer":         c,
		"customer pointer": &c,
		"order":            o,
		"order pointer":    &o,
		"in a struct":      struct{ T *juspay.ClientAuthToken }{&tok},
	} {
		for _, s := range printEveryWay(t, v) {
			if strings.HasPrefix(s, "%!p(") {
				// %p of a value that is not a pointer: fmt prints the
				// fields before any method can mask them. No type whose
				// token is an exported string field can prevent it.
				continue
			}
			if name == "in a struct" && strings.HasPrefix(s, `{"time"`) {
				// slog's JSON handler encodes a struct that is not a
				// LogValuer with encoding/json, which writes the token so
				// that it can be stored: log the token, not a struct of it.
				continue
			}
			assert.NotContains(t, s, testClientAuthToken, "%s: %s", name, s)
		}
	}
	assert.Equal(t, "ClientAuthToken{Token: [redacted], Expiry: 2020-03-17T14:28:37Z}", tok.String())
	assert.Equal(t, `ClientAuthToken{Token: ""}`, juspay.ClientAuthToken{}.String(), "an absent token is told apart")
}

func TestCustomerAndOrderLogValue(t *testing.T) {
	c := customerWithToken(t)
	o := walletOrder()
	o.ClientAuth = c.ClientAuth
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("checkout", "customer", c, "order", o)
	var rec struct {
		Customer map[string]any `json:"customer"`
		Order    map[string]any `json:"order"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &rec), buf.String())
	auth := map[string]any{"token": "[redacted]", "expiry": "2020-03-17T14:28:37Z"}
	assert.Equal(t, map[string]any{"id": "cst_afdeuvmfhs3j1acm", "object_reference_id": "customer@gmail.com",
		"client_auth": auth}, rec.Customer)
	assert.Equal(t, map[string]any{"id": "ordeu_f19a2a9da6034a269f03424dbda0", "order_id": "145678234",
		"status": "CHARGED", "amount": "1", "currency": "INR", "amount_refunded": "1",
		"txn_id": "merchantId-145678234-1", "client_auth": auth}, rec.Order)
	assert.NotContains(t, buf.String(), "9999999999", "contact details stay out of logs")
}

// TestCheckoutJSONRoundTrip: encoding/json writes the checkout types in
// Juspay's shape, so they can be stored and read back whole.
func TestCheckoutJSONRoundTrip(t *testing.T) {
	o := walletOrder()
	o.UDF = [10]string{"a", "", "c", 9: "j"}
	o.EffectiveAmount = amt("0.99")
	o.ClientAuth = &juspay.ClientAuthToken{Token: "tkn_1", Expiry: utc("2020-03-17T14:28:37Z")}
	data, err := json.Marshal(o)
	require.NoError(t, err)
	var back juspay.Order
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, o, &back)
	assert.Contains(t, string(data), `"udf10":"j"`)

	c := customerWithToken(t)
	data, err = json.Marshal(c)
	require.NoError(t, err)
	var cback juspay.Customer
	require.NoError(t, json.Unmarshal(data, &cback))
	assert.Equal(t, c, cback)
	assert.JSONEq(t, string(readSample(t, "checkout/create-customer--auth-token.json")), string(data))
}
