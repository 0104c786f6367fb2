package juspay_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

func TestParseAmount(t *testing.T) {
	valid := []string{
		"0", "95", "100.50", "109.55", "-3", "-0.01", "0.0",
		"12345678901234567.89", "1e2", "1.5E+2", "2.50e-1", "123456789012345678901234567890",
	}
	for _, s := range valid {
		a, err := juspay.ParseAmount(s)
		if assert.NoError(t, err, s) {
			assert.Equal(t, s, a.String(), "String keeps the text exactly")
		}
	}
	invalid := []string{
		"", " ", " 95", "95 ", "+95", "095", "00", ".5", "5.", "-", "1e", "1e+",
		"1.2.3", "1,000", "1_000", "0x10", "NaN", "Inf", "-Infinity", "१२", "95\n", "\"95\"", "abc",
	}
	for _, s := range invalid {
		_, err := juspay.ParseAmount(s)
		if assert.Error(t, err, "%q", s) {
			assert.Contains(t, err.Error(), "juspay: ")
		}
	}
}

func TestAmountZeroValue(t *testing.T) {
	var a juspay.Amount
	assert.Equal(t, "0", a.String())
	assert.Equal(t, 0.0, a.Float64())
	m, err := a.MinorUnits()
	require.NoError(t, err)
	assert.Zero(t, m)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Equal(t, "0", string(b))
}

func TestAmountMinorUnits(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"100.5", 10050},
		{"100.50", 10050},
		{"0.01", 1},
		{"95", 9500},
		{"109.55", 10955},
		{"0", 0},
		{"-0", 0},
		{"-0.00", 0},
		{"-12.34", -1234},
		{"1.500", 150},  // zeros past the paise are exact
		{"1e2", 10000},  // 100 rupees
		{"1.5E1", 1500}, // 15 rupees
		{"25e-2", 25},   // 0.25 rupees
		{"0.10e-1", 1},  // 0.01 rupees
		{"0e999999999999999999", 0},
		{"92233720368547758.07", math.MaxInt64},
		{"-92233720368547758.08", math.MinInt64},
	}
	for _, tt := range tests {
		got, err := amt(tt.in).MinorUnits()
		if assert.NoError(t, err, tt.in) {
			assert.Equal(t, tt.want, got, tt.in)
		}
	}

	inexact := []string{"1.005", "0.001", "-0.009", "1e-3", "1e-99999999999999999999"}
	for _, in := range inexact {
		_, err := amt(in).MinorUnits()
		assert.ErrorContains(t, err, "not a whole number of paise", in)
	}
	overflow := []string{
		"92233720368547758.08", "-92233720368547758.09", "100000000000000000000",
		"1e17", "1e999999999999999999", "12345678901234567890123.45",
	}
	for _, in := range overflow {
		_, err := amt(in).MinorUnits()
		assert.ErrorContains(t, err, "overflows", in)
	}
}

func TestAmountFloat64(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"100.50", 100.5},
		{"109.55", 109.55},
		{"-3", -3},
		{"1.5e2", 150},
		{"12345678901234567.89", 12345678901234567.89}, // rounded, as documented
		{"1e400", math.Inf(1)},
		{"-1e400", math.Inf(-1)},
		{"1e-400", 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, amt(tt.in).Float64(), tt.in)
	}
}

func TestAmountJSON(t *testing.T) {
	type balance struct {
		A   juspay.Amount  `json:"a"`
		Ptr *juspay.Amount `json:"ptr"`
	}
	tests := []struct {
		in, out string
	}{
		{`{"a":95,"ptr":100.50}`, `{"a":95,"ptr":100.50}`},
		{`{"a":"95","ptr":"100.50"}`, `{"a":95,"ptr":100.50}`}, // strings become numbers
		{`{"a":" 109.55 ","ptr":"-0.01"}`, `{"a":109.55,"ptr":-0.01}`},
		{`{"a":12345678901234567.89,"ptr":1e2}`, `{"a":12345678901234567.89,"ptr":1e2}`},
		{`{"a":null,"ptr":null}`, `{"a":0,"ptr":null}`},
	}
	for _, tt := range tests {
		var b balance
		require.NoError(t, json.Unmarshal([]byte(tt.in), &b), tt.in)
		out, err := json.Marshal(b)
		require.NoError(t, err)
		assert.Equal(t, tt.out, string(out), tt.in)

		var again balance
		require.NoError(t, json.Unmarshal(out, &again))
		assert.Equal(t, b.A.String(), again.A.String(), "round trip of %s", tt.in)
		assert.Equal(t, b.Ptr, again.Ptr, "round trip of %s", tt.in)
	}

	for _, in := range []string{`{"a":"abc"}`, `{"a":""}`, `{"a":true}`, `{"a":{}}`, `{"a":[1]}`, `{"a":"1,5"}`, `{"a":"0x10"}`} {
		var b balance
		err := json.Unmarshal([]byte(in), &b)
		assert.Error(t, err, in)
	}
}

func TestAmountSign(t *testing.T) {
	for in, want := range map[string]int{"0": 0, "-0.00": 0, "0e5": 0, "95": 1, "0.01": 1, "-0.01": -1, "-1e-9": -1} {
		assert.Equal(t, want, amt(in).Sign(), in)
	}
}

func TestAmountFromMinorUnits(t *testing.T) {
	for paise, want := range map[int64]string{
		10050: "100.50", 5: "0.05", 50: "0.50", 100: "1.00", 0: "0.00", -250: "-2.50", -5: "-0.05",
		math.MaxInt64: "92233720368547758.07", math.MinInt64: "-92233720368547758.08",
	} {
		a := juspay.AmountFromMinorUnits(paise)
		assert.Equal(t, want, a.String(), "%d paise", paise)
		back, err := a.MinorUnits()
		require.NoError(t, err)
		assert.Equal(t, paise, back, "MinorUnits gives %d back", paise)
		parsed, err := juspay.ParseAmount(a.String())
		require.NoError(t, err, "its text is a valid amount")
		assert.Equal(t, a, parsed)
	}
}
