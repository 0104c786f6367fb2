package juspay

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// conflictError is ErrConflict with what was found: a keyed write whose
// key Juspay already holds with other values.
type conflictError struct {
	op, detail string
}

func (e *conflictError) Error() string { return "juspay: " + e.op + ": " + e.detail }

// Is reports whether target is ErrConflict.
func (e *conflictError) Is(target error) bool { return target == ErrConflict }

// outcomeOpen reports whether a keyed write's error leaves its outcome to
// be read: no answer came after the request was sent (ErrOutcomeUnknown),
// or the answer was a 408 or a 5xx, which a gateway or an overloaded server
// gives whether or not the write took effect. (A 429 is a refusal.)
func outcomeOpen(err error) bool {
	if errors.Is(err, ErrOutcomeUnknown) {
		return true
	}
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode != http.StatusTooManyRequests &&
		retryableStatus(apiErr.StatusCode)
}

// orderExists reports Juspay's answer that an order ID is taken. Juspay
// does not document that answer, so any 400 that says so, by code or by
// message, counts: reading the order settles what it holds either way.
func orderExists(err error) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || apiErr.orderNotFound() {
		return false
	}
	code := strings.ToLower(apiErr.ErrorCode)
	if code == "unique" || strings.Contains(code, "duplicate") || strings.Contains(code, "exist") {
		return true
	}
	if apiErr.Info != nil && (apiErr.Info.Code == "ALREADY_EXISTS" || apiErr.Info.Code == "DUPLICATE_REQUEST") {
		return true
	}
	return strings.Contains(strings.ToLower(apiErr.ErrorMessage), "already exist")
}

// orderConflict checks an order Juspay holds under a create's order ID,
// whether read back or sent as the create's answer (a create with an ID
// Juspay already holds may be answered with that order): ErrConflict where
// its amount or currency differs from the create's, nil where they match or
// the answer leaves them out.
func orderConflict(op string, p *CreateOrderParams, o *Order) error {
	if (o.Amount.text == "" || amountsEqual(o.Amount, p.Amount)) &&
		(o.Currency == "" || sameCurrency(o.Currency, p.Currency)) {
		return nil
	}
	return &conflictError{op: op, detail: fmt.Sprintf(
		"order ID %q is already used, for %s %s (this create asked for %s %s)",
		truncate(p.OrderID, 40), o.Amount, currencyShown(o.Currency),
		p.Amount, currencyOrDefault(p.Currency))}
}

// currencyOrDefault is the currency Juspay applies: "INR" where none is
// given.
func currencyOrDefault(c string) string {
	if c = strings.TrimSpace(c); c == "" {
		return "INR"
	}
	return strings.ToUpper(c)
}

// currencyShown is Juspay's currency for an error's text: a code of three
// letters, as currencyOrDefault has it; anything else is only said to be
// another, never quoted, as a server may echo any text there, the API key
// among it.
func currencyShown(c string) string {
	code := currencyOrDefault(c)
	if len(code) != 3 || strings.IndexFunc(code, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
		return "(currency not a 3-letter code)"
	}
	return code
}

func sameCurrency(a, b string) bool { return currencyOrDefault(a) == currencyOrDefault(b) }

// amountsEqual compares two amounts as numbers: Juspay echoes "100.00" as
// 100, and "1e2" is 100 too.
func amountsEqual(a, b Amount) bool {
	return a.decimal().normalized() == b.decimal().normalized()
}

// normalized gives every representation of one number the same parts:
// no leading or trailing zeros in digits, and zero as a bare "".
func (d decimalParts) normalized() decimalParts {
	digits := strings.TrimLeft(d.digits, "0")
	if digits == "" {
		return decimalParts{}
	}
	trimmed := strings.TrimRight(digits, "0")
	d.exp += len(digits) - len(trimmed)
	d.digits = trimmed
	return d
}

// settleError is a keyed write whose settling read failed: the write's
// error (an unknown outcome, Juspay's "exists" or "duplicate.call") and the
// read's, both reachable with errors.Is and errors.As.
type settleError struct{ write, read error }

// unsettled joins a keyed write's error with the error of the read that
// was to settle it.
func unsettled(write, read error) error { return &settleError{write: write, read: read} }

func (e *settleError) Error() string {
	return e.write.Error() + "; reading to settle it failed: " + strings.TrimPrefix(e.read.Error(), "juspay: ")
}

func (e *settleError) Unwrap() []error { return []error{e.write, e.read} }
