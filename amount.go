package juspay

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Amount is an exact decimal amount of rupees, as Juspay sends it.
//
// Balances are never rounded through float64: an Amount keeps the decimal
// text it was parsed from, so String returns "100.50" for 100.50 and
// "12345678901234567.89" for a number no float64 can hold. Use MinorUnits for
// arithmetic in paise and Float64 only for display.
//
// The zero Amount is 0. Amounts are immutable values, safe to copy and to
// share between goroutines.
type Amount struct {
	// text is a valid JSON number, or "" for the zero value.
	text string
}

// ParseAmount parses a decimal number in JSON's number syntax: an optional
// minus sign, digits, an optional fraction and an optional exponent ("95",
// "100.50", "-3", "1.5e2"). Surrounding spaces, a leading "+", leading zeros
// ("007"), a bare "." and anything else that JSON would reject are errors.
func ParseAmount(s string) (Amount, error) {
	if !isJSONNumber(s) {
		return Amount{}, fmt.Errorf("juspay: invalid amount %q: not a decimal number", truncate(s, 40))
	}
	return Amount{text: s}, nil
}

// AmountFromMinorUnits returns the amount of paise rupees, with two
// decimal places: 10050 is "100.50", 5 is "0.05", -250 is "-2.50". It is
// exact for every int64, and MinorUnits gives paise back.
func AmountFromMinorUnits(paise int64) Amount {
	neg := paise < 0
	u := uint64(paise)
	if neg {
		u = -u // two's complement: exact for math.MinInt64 too
	}
	digits := strconv.FormatUint(u, 10)
	if len(digits) < 3 {
		digits = strings.Repeat("0", 3-len(digits)) + digits
	}
	text := digits[:len(digits)-2] + "." + digits[len(digits)-2:]
	if neg {
		text = "-" + text
	}
	return Amount{text: text}
}

// String returns the amount exactly as it was parsed or received, digits and
// trailing zeros included. The zero Amount is "0".
func (a Amount) String() string {
	if a.text == "" {
		return "0"
	}
	return a.text
}

// Float64 returns the amount as the nearest float64. It may round: use it for
// display and charts, never to compare or add money. An amount beyond
// float64's range is ±Inf, and one too small for it is ±0.
func (a Amount) Float64() float64 {
	// The text is always a valid number, so the only error ParseFloat can
	// return is ErrRange, and then f is already ±Inf or ±0 as documented.
	f, _ := strconv.ParseFloat(a.String(), 64)
	return f
}

// Sign returns -1, 0 or +1 as the amount is negative, zero or positive.
func (a Amount) Sign() int {
	d := a.decimal()
	switch {
	case strings.Trim(d.digits, "0") == "":
		return 0
	case d.neg:
		return -1
	default:
		return 1
	}
}

// MinorUnits returns the amount in paise (hundredths of a rupee): "100.5"
// gives 10050. It fails, rather than round, when the amount has a non-zero
// digit beyond the second decimal place, and when it does not fit in an int64.
func (a Amount) MinorUnits() (int64, error) {
	d := a.decimal()
	// value = digits × 10^(exp); paise = digits × 10^(exp+2).
	shift := d.exp + 2
	digits := strings.TrimLeft(d.digits, "0")
	if digits == "" {
		return 0, nil
	}
	if shift < 0 {
		cut := len(digits) + shift // digits kept before the decimal point of paise
		if cut < 0 {
			cut = 0
		}
		if strings.Trim(digits[cut:], "0") != "" {
			return 0, fmt.Errorf("juspay: amount %s is not a whole number of paise", a)
		}
		digits = digits[:cut]
		if digits == "" {
			return 0, nil
		}
	} else {
		if len(digits)+shift > 19 { // more digits than any int64 has
			return 0, fmt.Errorf("juspay: amount %s overflows int64 paise", a)
		}
		digits += strings.Repeat("0", shift)
	}
	u, err := strconv.ParseUint(digits, 10, 64)
	if err != nil || (!d.neg && u > math.MaxInt64) || (d.neg && u > 1<<63) {
		return 0, fmt.Errorf("juspay: amount %s overflows int64 paise", a)
	}
	if d.neg {
		return -int64(u), nil // u == 1<<63 wraps to MinInt64, which is exact
	}
	return int64(u), nil
}

// MarshalJSON writes the amount as a JSON number with the same digits it
// was decoded from.
func (a Amount) MarshalJSON() ([]byte, error) {
	return []byte(a.String()), nil
}

// UnmarshalJSON accepts a JSON number or a string holding one ("95",
// "109.55"), as Juspay sends both. null leaves the Amount unchanged; an empty
// string is an error here, because a bare Amount cannot say "no balance": the
// SDK's own types hold balances as *Amount, which decodes "" as nil.
func (a *Amount) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	text, err := numberText(data)
	if err != nil {
		return err
	}
	if text == "" {
		return &json.UnmarshalTypeError{Value: "empty string", Type: amountType}
	}
	a.text = text
	return nil
}

// numberText returns the decimal text of a JSON number, or of a JSON string
// holding one ("" for an empty string).
func numberText(data []byte) (string, error) {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '"' {
		s, err := unquote(data)
		if err != nil {
			return "", err
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return "", nil
		}
		if !isJSONNumber(s) {
			return "", &json.UnmarshalTypeError{Value: stringValue(s, 40), Type: amountType}
		}
		return s, nil
	}
	if !isJSONNumber(string(data)) {
		return "", &json.UnmarshalTypeError{Value: jsonKind(data), Type: amountType}
	}
	return string(data), nil
}

// decimalParts is an Amount taken apart: value = (-1 if neg) × digits × 10^exp.
type decimalParts struct {
	neg    bool
	digits string
	exp    int
}

func (a Amount) decimal() decimalParts {
	s := a.String()
	var d decimalParts
	if strings.HasPrefix(s, "-") {
		d.neg, s = true, s[1:]
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil { // an exponent too long for an int: treat as overflow territory
			if strings.HasPrefix(s[i+1:], "-") {
				e = math.MinInt32
			} else {
				e = math.MaxInt32
			}
		}
		d.exp, s = clampExp(e), s[:i]
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		d.exp -= len(s) - i - 1
		s = s[:i] + s[i+1:]
	}
	d.digits = s
	return d
}

// clampExp keeps exponent arithmetic far from int overflow; any exponent
// this large already overflows or underflows int64 paise.
func clampExp(e int) int {
	const limit = 1 << 20
	if e > limit {
		return limit
	}
	if e < -limit {
		return -limit
	}
	return e
}

// isJSONNumber reports whether s is exactly a number in JSON's grammar
// (RFC 8259, section 6).
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	// digits skips a run of digits from i, and reports whether there was one.
	digits := func() bool {
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		return i > start
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		digits()
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(s)
}

// plain returns the amount in positional notation, as a form field wants it
// ("1.5e2" becomes "150", "15e-1" becomes "1.5"); digits are never added or
// dropped beyond what the exponent moves. It reports false when that would
// take more than 40 characters, which no real amount of money does.
func (a Amount) plain() (string, bool) {
	s := a.String()
	if !strings.ContainsAny(s, "eE") {
		return s, true
	}
	d := a.decimal()
	digits := d.digits
	var intPart, frac string
	switch point := len(digits) + d.exp; {
	case point > 40 || -point > 40:
		return "", false
	case point <= 0:
		intPart, frac = "0", strings.Repeat("0", -point)+digits
	case point >= len(digits):
		intPart = digits + strings.Repeat("0", point-len(digits))
	default:
		intPart, frac = digits[:point], digits[point:]
	}
	if intPart = strings.TrimLeft(intPart, "0"); intPart == "" {
		intPart = "0"
	}
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if d.neg {
		out = "-" + out
	}
	return out, len(out) <= 42
}
