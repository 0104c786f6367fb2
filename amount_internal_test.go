package juspay

import "testing"

// TestAmountPlain covers the positional form amounts are sent in; the
// public path is CheckEligibility's form (customers_test.go).
func TestAmountPlain(t *testing.T) {
	for in, want := range map[string]string{
		"95": "95", "100.50": "100.50", "1.5e2": "150", "15e-1": "1.5", "1E3": "1000",
		"-2.5e1": "-25", "0.5e-2": "0.005", "12e0": "12", "0e5": "0", "1.230e1": "12.30",
	} {
		a, err := ParseAmount(in)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := a.plain()
		if !ok || got != want {
			t.Errorf("ParseAmount(%q).plain() = %q, %t; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"1e41", "1e-45", "1e999999999999"} {
		a, _ := ParseAmount(in)
		if got, ok := a.plain(); ok {
			t.Errorf("ParseAmount(%q).plain() = %q; want refused", in, got)
		}
	}
}
