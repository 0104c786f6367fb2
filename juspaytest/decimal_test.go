package juspaytest

import "testing"

func TestIsDecimal(t *testing.T) {
	for s, want := range map[string]bool{
		"0": true, "100": true, "100.50": true, "-5": true, "0.001": true, "12345678901234567.89": true,
		"": false, "-": false, ".5": false, "5.": false, "01": false, "1e3": false, "+1": false,
		"1.2.3": false, " 1": false, "NaN": false, "0x10": false, "1_000": false, "--1": false,
	} {
		if got := isDecimal(s); got != want {
			t.Errorf("isDecimal(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSubtract(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"95", "10.50", "84.50"},
		{"100.50", "0.5", "100.00"},
		{"250", "250", "0"},
		{"0.1", "0.2", "-0.1"},
		{"12345678901234567.89", "0.01", "12345678901234567.88"},
	} {
		if got := subtract(tt.a, tt.b); got != tt.want {
			t.Errorf("subtract(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}
