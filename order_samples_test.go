package juspay_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// Every published checkout sample is decoded and checked field by field
// against the sample itself, read the way Juspay's docs describe it:
// numbers as numbers or text, booleans as true or "true", absent values as
// null, {}, "null" or "FILTERED". The expectations are computed from the
// sample with the sample's own JSON (json.Number), not by the SDK's
// decoder, so a field the SDK drops or misreads fails here.

func checkFields[T any](t *testing.T, at string, sample map[string]any, got *T, checks []fieldCheck[T]) {
	t.Helper()
	for _, c := range checks {
		assert.Equal(t, expected(sample[c.key], c.kind), c.got(got), "%s.%s", at, c.key)
	}
}

// checkOrder checks every field of an order against its sample, nested
// objects included.
func checkOrder(t *testing.T, at string, sample map[string]any, o *juspay.Order) {
	t.Helper()
	checkFields(t, at, sample, o, orderChecks)
	for i := range 10 {
		key := "udf" + strconv.Itoa(i+1)
		assert.Equal(t, expected(sample[key], kText), o.UDF[i], "%s.%s", at, key)
	}
	links, _ := sample["payment_links"].(map[string]any)
	assert.Equal(t, expected(links["web"], kText), o.PaymentLinks.Web, at+".payment_links.web")
	assert.Equal(t, expected(links["mobile"], kText), o.PaymentLinks.Mobile, at+".payment_links.mobile")
	assert.Equal(t, expected(links["iframe"], kText), o.PaymentLinks.Iframe, at+".payment_links.iframe")
	checkNested(t, at+".txn_detail", sample["txn_detail"], o.Txn, txnChecks)
	checkNested(t, at+".payment_gateway_response", sample["payment_gateway_response"], o.GatewayResponse, gatewayChecks)
	checkNested(t, at+".juspay", sample["juspay"], o.ClientAuth, authChecks)
	refunds, _ := sample["refunds"].([]any)
	if assert.Len(t, o.Refunds, len(refunds), at+".refunds") {
		for i, r := range refunds {
			checkFields(t, fmt.Sprintf("%s.refunds[%d]", at, i), r.(map[string]any), &o.Refunds[i], refundChecks)
		}
	}
}

// checkNested checks a nested object that decodes to a pointer: nil where
// the sample has none (null, {}, absent), every field otherwise.
func checkNested[T any](t *testing.T, at string, sample any, got *T, checks []fieldCheck[T]) {
	t.Helper()
	m, _ := sample.(map[string]any)
	if len(m) == 0 {
		assert.Nil(t, got, at)
		return
	}
	if assert.NotNil(t, got, at) {
		checkFields(t, at, m, got, checks)
	}
}

// parseSample reads a sample with numbers kept as their text.
func parseSample(t *testing.T, data []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	var m map[string]any
	require.NoError(t, dec.Decode(&m))
	return m
}

// forEachCheckoutSample runs check, as a subtest named for the file, on
// every checkout sample matching one of patterns (each must match one).
func forEachCheckoutSample(t *testing.T, check func(t *testing.T, name string, data []byte), patterns ...string) {
	t.Helper()
	for _, pattern := range patterns {
		files, err := filepath.Glob(filepath.Join("testdata", "samples", "checkout", pattern))
		require.NoError(t, err)
		require.NotEmpty(t, files, pattern)
		for _, f := range files {
			name := filepath.Base(f)
			t.Run(name, func(t *testing.T) { check(t, name, readSample(t, filepath.Join("checkout", name))) })
		}
	}
}

// decodeSample decodes data into a T, and parses it for checking that T
// field by field.
func decodeSample[T any](t *testing.T, data []byte) (*T, map[string]any) {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(data, &v))
	return &v, parseSample(t, data)
}

func TestOrderSamplesDecodeFieldByField(t *testing.T) {
	forEachCheckoutSample(t, func(t *testing.T, name string, data []byte) {
		o, sample := decodeSample[juspay.Order](t, data)
		checkOrder(t, name, sample, o)
	}, "order-status--*.json", "create-order--*.json", "update-order--*.json", "refund-order--*.json")
}

func TestWebhookSamplesDecodeFieldByField(t *testing.T) {
	forEachCheckoutSample(t, func(t *testing.T, name string, data []byte) {
		var env struct {
			Content struct {
				Order *juspay.Order     `json:"order"`
				Txn   *juspay.TxnDetail `json:"txn"`
			} `json:"content"`
		}
		require.NoError(t, json.Unmarshal(data, &env))
		content, _ := parseSample(t, data)["content"].(map[string]any)
		if order, ok := content["order"].(map[string]any); ok {
			require.NotNil(t, env.Content.Order)
			checkOrder(t, name+" content.order", order, env.Content.Order)
		}
		if txn, ok := content["txn"].(map[string]any); ok {
			require.NotNil(t, env.Content.Txn)
			checkFields(t, name+" content.txn", txn, env.Content.Txn, txnChecks)
		}
	}, "webhook--*.json")
}

func TestCustomerSamplesDecodeFieldByField(t *testing.T) {
	forEachCheckoutSample(t, func(t *testing.T, name string, data []byte) {
		c, sample := decodeSample[juspay.Customer](t, data)
		checkFields(t, name, sample, c, customerChecks)
		checkNested(t, name+".juspay", sample["juspay"], c.ClientAuth, authChecks)
	}, "*-customer--*.json")
}

// The refund samples of POST /refunds (a bare refund object) name the
// acquirer reference refund_arn, and the gateway both refund_source and
// gateway.
func TestRefundSamplesDecodeFieldByField(t *testing.T) {
	forEachCheckoutSample(t, func(t *testing.T, name string, data []byte) {
		r, sample := decodeSample[juspay.Refund](t, data)
		if _, ok := sample["arn"]; !ok {
			sample["arn"] = sample["refund_arn"]
		}
		checkFields(t, name, sample, r, refundChecks)
	}, "refund--*.json")
}
