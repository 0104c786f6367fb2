package juspay_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// FuzzDecodeOrder: the checkout types' hand-written reader never panics,
// refuses exactly what is not JSON, reads the same whether called by
// encoding/json or directly, and an order it reads encodes and reads back
// to the same JSON.
func FuzzDecodeOrder(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "samples", "checkout", "*.json"))
	require.NoError(f, err)
	for _, file := range files {
		f.Add(readSample(f, filepath.Join("checkout", filepath.Base(file))))
	}
	for _, s := range []string{`{"a":"\u00e9\ud83d\ude00","udf1":"x\"y"}`, `{"amount":-0.5e-3}`, `[{"x":[1,{}]}]`, `{"refunds":[{"id":1}],}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var direct juspay.Order
		err := direct.UnmarshalJSON(data)
		assert.Equal(t, json.Valid(data), err == nil, "%q: %v", data, err)
		if err != nil {
			return
		}
		var viaJSON juspay.Order
		require.NoError(t, json.Unmarshal(data, &viaJSON))
		assert.Equal(t, direct, viaJSON)
		for _, v := range []json.Unmarshaler{new(juspay.Customer), new(juspay.Refund), new(juspay.TxnDetail)} {
			assert.NoError(t, v.UnmarshalJSON(data))
		}
		b, err := json.Marshal(direct)
		require.NoError(t, err)
		var back juspay.Order
		require.NoError(t, json.Unmarshal(b, &back))
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(again))
	})
}
