package juspay_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// A call decodes its answer straight into the response type's wire type
// (one scan of the body); json.Unmarshal into the public type, what a
// merchant does with a stored answer or a webhook, goes through its
// UnmarshalJSON. TestUnmarshalJSONAgreesWithTheCall holds the two paths to
// one result for every response type.
func TestUnmarshalJSONAgreesWithTheCall(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		sample string
		call   func(c *juspay.Client) (any, error)
		into   any
	}{
		{"direct-debit--response.json", func(c *juspay.Client) (any, error) {
			return c.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "o", PaymentMethod: "PAYTM", DirectWalletToken: "tk"})
		}, new(juspay.Transaction)},
		{"eligibility--response.json", func(c *juspay.Client) (any, error) {
			return c.Customers.CheckEligibility(ctx, "cth_1", &juspay.EligibilityParams{OrderID: "o"})
		}, new(juspay.Eligibility)},
		{"refresh-all--response.json", func(c *juspay.Client) (any, error) {
			return c.Wallets.RefreshAll(ctx, "cth_1")
		}, new(juspay.WalletAccountList)},
		{"link-wallet--response.json", func(c *juspay.Client) (any, error) {
			return c.Wallets.Get(ctx, "wlt_1")
		}, new(juspay.WalletAccount)},
		{"checkout/get-customer--auth-token.json", func(c *juspay.Client) (any, error) {
			return c.Customers.Get(ctx, "cth_1")
		}, new(juspay.Customer)},
		{"checkout/order-status--wallet.json", func(c *juspay.Client) (any, error) {
			return c.Orders.Get(ctx, "ord_1")
		}, new(juspay.Order)},
	}
	for _, tc := range cases {
		t.Run(tc.sample, func(t *testing.T) {
			body := readSample(t, tc.sample)
			c, _ := newRecordedClient(t, jsonResponder(200, string(body)))
			got, err := tc.call(c)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(body, tc.into))
			assert.Equal(t, tc.into, got)
		})
	}
}

// TestUnmarshalJSONOfNestedTypes decodes the nested types on their own, as
// a merchant holding one (a stored refund, a webhook's txn) does.
func TestUnmarshalJSONOfNestedTypes(t *testing.T) {
	var order juspay.Order
	require.NoError(t, json.Unmarshal(readSample(t, "checkout/order-status--wallet.json"), &order))
	require.NotNil(t, order.Txn)
	require.NotNil(t, order.GatewayResponse)
	require.NotEmpty(t, order.Refunds)

	for _, tc := range []struct {
		field string
		into  any
		want  any
	}{
		{"txn_detail", new(juspay.TxnDetail), order.Txn},
		{"payment_gateway_response", new(juspay.GatewayResponse), order.GatewayResponse},
		{"payment_links", new(juspay.PaymentLinks), &order.PaymentLinks},
	} {
		var raw map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(readSample(t, "checkout/order-status--wallet.json"), &raw))
		require.NoError(t, json.Unmarshal(raw[tc.field], tc.into), tc.field)
		assert.Equal(t, tc.want, tc.into, tc.field)
	}

	var txn juspay.Transaction
	require.NoError(t, json.Unmarshal(readSample(t, "direct-debit--response.json"), &txn))
	var auth juspay.TxnAuthentication
	require.NoError(t, json.Unmarshal([]byte(`{"method":"POST","url":"https://x","params":{"a":1,"b":{"c":true}}}`), &auth))
	assert.Equal(t, juspay.TxnAuthentication{Method: "POST", URL: "https://x", Params: map[string]string{"a": "1", "b": `{"c":true}`}}, auth)

	var m juspay.PaymentMethodEligibility
	require.NoError(t, json.Unmarshal([]byte(`{"payment_method":"LAZYPAY","is_eligible":"true","balance":"12.50"}`), &m))
	assert.Equal(t, juspay.PaymentMethodEligibility{PaymentMethod: "LAZYPAY", IsEligible: true, Balance: amt("12.50")}, m)

	var tok juspay.ClientAuthToken
	require.NoError(t, json.Unmarshal([]byte(`{"client_auth_token":"tkn_1","client_auth_token_expiry":"2020-03-17T14:45:26Z"}`), &tok))
	assert.Equal(t, "tkn_1", tok.Token)
	assert.Equal(t, utc("2020-03-17T14:45:26Z"), tok.Expiry)

	var rf juspay.Refund
	refund, err := json.Marshal(order.Refunds[0])
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(refund, &rf))
	assert.Equal(t, order.Refunds[0].UniqueRequestID, rf.UniqueRequestID)
	assert.Equal(t, order.Refunds[0].Amount, rf.Amount)

	before := order
	require.NoError(t, json.Unmarshal([]byte("null"), &order))
	assert.Equal(t, before, order, "null leaves a value as it is, as encoding/json's convention says")
}
