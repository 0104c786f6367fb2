package juspaytest

import (
	"math/big"
	"strings"
)

// isDecimal reports whether s is a plain decimal that is also a JSON number:
// an optional minus, digits without a leading zero, an optional fraction.
func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || (len(whole) > 1 && whole[0] == '0') || !allDigits(whole) {
		return false
	}
	return !hasFrac || (frac != "" && allDigits(frac))
}

// isPositive reports whether s is decimal text greater than zero: the only
// amounts an order, a debit or a refund can move.
func isPositive(s string) bool {
	return len(s) <= maxAmount && isDecimal(s) && decimal(s).Sign() > 0
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// decimal parses decimal text exactly; the caller has checked isDecimal.
func decimal(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return new(big.Rat)
	}
	return r
}

// subtract returns a - b as decimal text with as many fraction digits as the
// longer of the two, so "100.50" - "0.5" is "100.00": exact, never float64.
func subtract(a, b string) string {
	scale := max(fracDigits(a), fracDigits(b))
	return new(big.Rat).Sub(decimal(a), decimal(b)).FloatString(scale)
}

func fracDigits(s string) int {
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}
