package juspay_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

func TestCheckEligibilityRequest(t *testing.T) {
	amount := amt("100.50")
	cases := []struct {
		name string
		p    *juspay.EligibilityParams
		form url.Values
	}{
		{
			name: "amount, sent exactly as written",
			p:    &juspay.EligibilityParams{Amount: amount},
			form: url.Values{"amount": {"100.50"}},
		},
		{
			name: "an amount with an exponent, in positional notation",
			p:    &juspay.EligibilityParams{Amount: amt("1.5e2")},
			form: url.Values{"amount": {"150"}},
		},
		{
			name: "order ID",
			p:    &juspay.EligibilityParams{OrderID: "ord_1"},
			form: url.Values{"order_id": {"ord_1"}},
		},
		{
			name: "an amount no float64 holds",
			p:    &juspay.EligibilityParams{Amount: amt("12345678901234567.89")},
			form: url.Values{"amount": {"12345678901234567.89"}},
		},
		{
			name: "both, with gateway data",
			p: &juspay.EligibilityParams{Amount: amount, OrderID: "ord_1", GatewayData: map[string]json.RawMessage{
				"SIMPL": json.RawMessage(`{"merchant_params": {"token": "a&b=c"}}`),
			}},
			form: url.Values{"amount": {"100.50"}, "order_id": {"ord_1"}, "gateway_data": {`{"SIMPL":{"merchant_params":{"token":"a&b=c"}}}`}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newRecordedClient(t, jsonResponder(200, samples["eligibility--response"]))
			_, err := c.Customers.CheckEligibility(context.Background(), "cth_eN4e/4kR12CJV", tc.p)
			require.NoError(t, err)
			r, body := m.only(t)
			testCall(t, r, http.MethodPost, "/customers/cth_eN4e%2F4kR12CJV/eligibility", "cth_eN4e/4kR12CJV")
			testFormValues(t, r, body, tc.form)
		})
	}

	t.Run("gateway_data is one JSON object of every gateway", func(t *testing.T) {
		c, m := newRecordedClient(t, jsonResponder(200, samples["eligibility--response"]))
		_, err := c.Customers.CheckEligibility(context.Background(), "cth_1", &juspay.EligibilityParams{
			OrderID: "ord_1",
			GatewayData: map[string]json.RawMessage{
				"SIMPL":   json.RawMessage(`{"a": 1}`),
				"LAZYPAY": json.RawMessage(`["x", 2.50]`),
			},
		})
		require.NoError(t, err)
		_, body := m.only(t)
		form, err := url.ParseQuery(string(body))
		require.NoError(t, err)
		assert.JSONEq(t, `{"SIMPL":{"a":1},"LAZYPAY":["x",2.50]}`, form.Get("gateway_data"))
	})
	t.Run("WithRoutingID", func(t *testing.T) {
		c, m := newRecordedClient(t, jsonResponder(200, samples["eligibility--response"]))
		_, err := c.Customers.CheckEligibility(context.Background(), "cth_1", &juspay.EligibilityParams{OrderID: "ord_1"},
			juspay.WithRoutingID("cart_9"))
		require.NoError(t, err)
		r, _ := m.only(t)
		testHeaders(t, r, "cart_9")
	})
}

func TestCheckEligibilitySamples(t *testing.T) {
	cases := []struct {
		sample string
		want   *juspay.Eligibility
	}{
		{"eligibility--response", &juspay.Eligibility{PaymentMethods: []juspay.PaymentMethodEligibility{
			{
				Status: "SUCCESS", PaymentMethodType: "WALLET", PaymentMethod: "LAZYPAY", IsEligible: true,
				EligibilityStrategy: "TRANSACTION", DueDate: "03 December 2019", Description: "Lazy Pay Wallet",
			},
			{
				Status: "SUCCESS", PaymentMethodType: "WALLET", PaymentMethod: "OLAPOSTPAID", IsEligible: true,
				GatewayErrorMessage: "Ola Postpaid available", GatewayErrorCode: "OC_000",
				EligibilityStrategy: "TRANSACTION", Description: "Ola Postpaid Wallet",
			},
			{
				Status: "SUCCESS", PaymentMethodType: "WALLET", PaymentMethod: "SIMPL", IsEligible: true,
				GatewayErrorMessage: "linking_required", GatewayErrorCode: "linking_required",
				EligibilityStrategy: "USER", Description: "Simpl Wallet", Balance: amt("0"),
			},
		}}},
		{"eligibility--error", &juspay.Eligibility{PaymentMethods: []juspay.PaymentMethodEligibility{{
			Status: "USER_NOT_FOUND", PaymentMethodType: "WALLET", PaymentMethod: "OLAPOSTPAID", IsEligible: false,
			GatewayErrorCode: "OC_011", GatewayErrorMessage: "user not found", Description: "Olapostpaid Wallet",
		}}}},
	}
	for _, tc := range cases {
		t.Run(tc.sample, func(t *testing.T) {
			body := samples[tc.sample]
			c, _ := newRecordedClient(t, jsonResponder(200, body))
			got, err := c.Customers.CheckEligibility(context.Background(), "cth_1", &juspay.EligibilityParams{Amount: amt("1")})
			require.NoError(t, err, "a gateway's failure arrives inside a 200 and is not an error")
			assert.Equal(t, tc.want, got)
			covers(t, body, got)
		})
	}
}

func TestCheckEligibilityTolerantDecoding(t *testing.T) {
	cases := []struct {
		name string
		item string
		want juspay.PaymentMethodEligibility
	}{
		{"is_eligible as a string", `{"payment_method":"SIMPL","is_eligible":"true"}`,
			juspay.PaymentMethodEligibility{PaymentMethod: "SIMPL", IsEligible: true}},
		{"is_eligible false as a string", `{"is_eligible":"false"}`, juspay.PaymentMethodEligibility{}},
		{"is_eligible null", `{"is_eligible":null}`, juspay.PaymentMethodEligibility{}},
		{"balance as a string", `{"balance":"1500.75"}`, juspay.PaymentMethodEligibility{Balance: amt("1500.75")}},
		{"balance as a number keeps its digits", `{"balance":12345678901234567.89}`,
			juspay.PaymentMethodEligibility{Balance: amt("12345678901234567.89")}},
		{"balance empty", `{"balance":""}`, juspay.PaymentMethodEligibility{}},
		{"balance null", `{"balance":null}`, juspay.PaymentMethodEligibility{}},
		{"a numeric error code keeps its digits", `{"gateway_error_code":500,"status":"ERROR"}`,
			juspay.PaymentMethodEligibility{GatewayErrorCode: "500", Status: "ERROR"}},
		{"unknown fields are ignored", `{"payment_method":"LAZYPAY","cta_text":{"en":"Pay later"}}`,
			juspay.PaymentMethodEligibility{PaymentMethod: "LAZYPAY"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := newRecordedClient(t, jsonResponder(200, `{"payment_methods_eligibility":[`+tc.item+`]}`))
			got, err := c.Customers.CheckEligibility(context.Background(), "cth_1", &juspay.EligibilityParams{OrderID: "ord_1"})
			require.NoError(t, err)
			require.Len(t, got.PaymentMethods, 1)
			assert.Equal(t, tc.want, got.PaymentMethods[0])
		})
	}

	t.Run("a field of the wrong shape is named", func(t *testing.T) {
		for item, field := range map[string]string{
			`{"is_eligible":"maybe"}`:   "is_eligible",
			`{"balance":"lots"}`:        "balance",
			`{"balance":{"value":1}}`:   "balance",
			`{"due_date":["tomorrow"]}`: "due_date",
		} {
			c, _ := newRecordedClient(t, jsonResponder(200, `{"payment_methods_eligibility":[`+item+`]}`))
			_, err := c.Customers.CheckEligibility(context.Background(), "cth_1", &juspay.EligibilityParams{OrderID: "ord_1"})
			require.Error(t, err, item)
			assert.Contains(t, err.Error(), field, item)
		}
	})
}

func TestCheckEligibilityValidation(t *testing.T) {
	zero, negative := amt("0"), amt("-5")
	cases := []struct {
		name       string
		customerID string
		p          *juspay.EligibilityParams
		want       string
	}{
		{"empty customer", "", &juspay.EligibilityParams{OrderID: "ord_1"}, "juspay: check eligibility: customerID is empty"},
		{"dot dot customer", "..", &juspay.EligibilityParams{OrderID: "ord_1"}, "juspay: check eligibility: customerID"},
		{"nil params", "cth_1", nil, "juspay: check eligibility: params are nil"},
		{"neither amount nor order", "cth_1", &juspay.EligibilityParams{}, "juspay: check eligibility: Amount or OrderID is required"},
		{"blank order and no amount", "cth_1", &juspay.EligibilityParams{OrderID: " "}, "juspay: check eligibility: Amount or OrderID is required"},
		{"gateway data alone", "cth_1", &juspay.EligibilityParams{GatewayData: map[string]json.RawMessage{"SIMPL": json.RawMessage(`{}`)}},
			"juspay: check eligibility: Amount or OrderID is required"},
		{"zero amount", "cth_1", &juspay.EligibilityParams{Amount: zero}, "juspay: check eligibility: Amount 0 is not positive"},
		{"zero Amount value", "cth_1", &juspay.EligibilityParams{Amount: &juspay.Amount{}}, "juspay: check eligibility: Amount 0 is not positive"},
		{"negative amount", "cth_1", &juspay.EligibilityParams{Amount: negative}, "juspay: check eligibility: Amount -5 is not positive"},
		{"amount too large to write out", "cth_1", &juspay.EligibilityParams{Amount: amt("1e60")}, "juspay: check eligibility: Amount 1e60 is out of range"},
		{"21-character order ID", "cth_1", &juspay.EligibilityParams{OrderID: strings.Repeat("o", 21)}, "juspay: check eligibility: OrderID"},
		{"gateway data that is not JSON", "cth_1", &juspay.EligibilityParams{Amount: amt("10"),
			GatewayData: map[string]json.RawMessage{"SIMPL": json.RawMessage(`{"a":`)}}, `juspay: check eligibility: GatewayData["SIMPL"] is not valid JSON`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newRecordedClient(t, jsonResponder(200, samples["eligibility--response"]))
			got, err := c.Customers.CheckEligibility(context.Background(), tc.customerID, tc.p)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q should start with %q", err, tc.want)
			assert.Nil(t, got)
			assert.Equal(t, 0, m.count(), "nothing may be sent")
		})
	}
}
