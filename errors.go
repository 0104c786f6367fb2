package juspay

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Sentinel errors classify an *APIError by its HTTP status, for errors.Is.
// Juspay's "status" and "error_code" strings differ from endpoint to
// endpoint, so the status code is the one stable signal; the body's fields
// are kept on the APIError as sent.
var (
	// ErrInvalidRequest matches a 400: a parameter Juspay rejected, or an
	// unknown customer ("null_error").
	ErrInvalidRequest = errors.New("juspay: invalid request")
	// ErrAuthentication matches a 401: a wrong or revoked API key.
	ErrAuthentication = errors.New("juspay: authentication failed")
	// ErrForbidden matches a 403: the key may not act for this merchant.
	ErrForbidden = errors.New("juspay: forbidden")
	// ErrNotFound matches a 404 (an unknown customer, among others), and
	// Juspay's answer for an unknown order: a 400 whose body's status is
	// "NOT_FOUND" (status_id 40), for which ErrInvalidRequest holds too.
	ErrNotFound = errors.New("juspay: not found")
	// ErrRateLimited matches a 429.
	ErrRateLimited = errors.New("juspay: rate limited")
	// ErrServer matches any 5xx, from Juspay or from a proxy in front of it.
	ErrServer = errors.New("juspay: server error")

	// ErrOutcomeUnknown matches the error of a write (creating or linking a
	// wallet, a direct debit, ...) that may have reached Juspay without an
	// answer coming back: the connection dropped after the request was sent,
	// the attempt timed out, or the caller's context ended mid-flight. Such a
	// write is never retried; check its result (the order's status, the
	// wallet) before trying again.
	ErrOutcomeUnknown = errors.New("juspay: outcome unknown")

	// ErrConflict matches the error of a keyed write (Orders.Create by its
	// order ID, Orders.Refund by its unique request ID) whose key Juspay
	// already holds with other values: another amount or currency. The SDK
	// reports it only after reading what the key holds; Juspay's own
	// answers (a 400 "already exists", say) are an *APIError instead.
	ErrConflict = errors.New("juspay: key already used with other values")
)

// ErrInvalidArgument matches every mistake of the caller that the SDK finds
// before sending anything (an empty or "." ID, a nil context or params, a
// field out of range, an invalid option): nothing reached Juspay, and the
// fix is in the calling code. A handler can answer such an error with a
// 400 of its own, and anything else with a 502.
var ErrInvalidArgument = errors.New("juspay: invalid argument")

// ValidationError is a call refused before anything was sent, because of an
// argument the caller gave. errors.Is(err, ErrInvalidArgument) holds for it.
// For an invalid option, Field is the option's name ("WithTimeout"), or the
// environment variable it was read from (NewClientFromEnv).
type ValidationError struct {
	Op     string // the operation, e.g. "direct debit"
	Field  string // the argument at fault, e.g. "OrderID", "customerID", "ctx"
	Reason string // why, e.g. "is 24 characters; Juspay allows at most 20"
}

// Error reads "juspay: <op>: <field> <reason>".
func (e *ValidationError) Error() string {
	if e.Op == "" {
		return "juspay: " + e.Field + " " + e.Reason
	}
	return "juspay: " + e.Op + ": " + e.Field + " " + e.Reason
}

// Is reports whether target is ErrInvalidArgument.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidArgument }

// invalid builds the *ValidationError for field of op; the reason is
// formatted from format and args and must hold no secret.
func invalid(op, field, format string, args ...any) *ValidationError {
	return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf(format, args...)}
}

// withOp names op in a *ValidationError that has no operation yet (an
// option's, which does not know where it was given).
func withOp(err error, op string) error {
	var ve *ValidationError
	if errors.As(err, &ve) && ve.Op == "" {
		named := *ve
		named.Op = op
		return &named
	}
	return err
}

// requestError is the error of a call that ended without a usable response:
// the connection failed, an attempt timed out, the caller's context ended,
// or the response could not be read or decoded.
type requestError struct {
	op        string
	what      string // what failed, e.g. "request failed"
	err       error  // the cause
	attempts  int
	unknown   bool     // a write that may have reached Juspay: wraps ErrOutcomeUnknown
	transient bool     // a failure a read retries: a connection or read failure, an attempt timeout
	ctxErr    error    // the caller's context error, when the context ended the call
	requestID string   // the x-request-id of the last attempt's response, where one came
	scrub     scrubber // the call's secrets, scrubbed from Error's text
}

func (e *requestError) Error() string {
	var b strings.Builder
	b.WriteString("juspay: ")
	b.WriteString(e.op)
	b.WriteString(": ")
	b.WriteString(e.what)
	if e.unknown {
		b.WriteString(" after the request was sent; the outcome is unknown (check it before retrying)")
	}
	if e.err != nil {
		b.WriteString(": ")
		b.WriteString(clean(e.err.Error(), 300, e.scrub))
	}
	if e.requestID != "" {
		// What Juspay's support asks for, for a write above all: a 2xx
		// that could not be read leaves its outcome to be looked up.
		b.WriteString(" (request id " + clean(e.requestID, 64, e.scrub) + ")")
	}
	if e.attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.attempts)
	}
	return e.scrub.scrub(b.String())
}

// Format prints Error's text for every verb, so that %#v, which would
// otherwise print the fields, never shows the cause's text unscrubbed.
func (e *requestError) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		verb = 'q'
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), e.Error())
}

func (e *requestError) Unwrap() []error {
	errs := make([]error, 0, 3)
	if e.err != nil {
		errs = append(errs, e.err)
	}
	if e.unknown {
		errs = append(errs, ErrOutcomeUnknown)
	}
	if e.ctxErr != nil {
		errs = append(errs, e.ctxErr)
	}
	return errs
}

// Timeout reports whether the call ended because time ran out, for code
// that checks net.Error-style timeouts.
func (e *requestError) Timeout() bool {
	return errors.Is(e, context.DeadlineExceeded)
}

// fail builds the error of a call that ended after attempts attempts, from
// the last one's outcome and how the loop ended: the one place a call's
// error is made.
func (cl *call) fail(o *outcome, attempts int, end ending, wait time.Duration) error {
	var apiErr *APIError
	if o.rejected() {
		apiErr = newAPIError(o.status, o.header, o.errBody)
		scrub := cl.scrubberFor(o) // and the secrets the answer holds
		apiErr.scrubFields(scrub)
		apiErr.op, apiErr.attempts, apiErr.scrub = cl.r.op, attempts, scrub
		apiErr.cutShort, apiErr.budgetSpent = o.cutShort, end == endedByBudget
		if end == endedByRetryAfter {
			apiErr.retryAfter, apiErr.backoffMax = wait, cl.cfg.backoffMax
		}
		if end != endedInBackoff && o.ctxErr == nil {
			return apiErr
		}
	}
	e := &requestError{op: cl.r.op, what: o.failed, err: cl.scrub.cleanChain(o.err), attempts: attempts, ctxErr: o.ctxErr, scrub: cl.scrub,
		transient: o.retryable}
	if apiErr != nil {
		// The caller's context ended the call after an answer came (while
		// waiting to retry, or while its body was read): the error holds
		// both, for errors.As and for errors.Is(err, context.Canceled).
		e.err = apiErr
	} else {
		e.requestID = cl.scrub.scrub(requestID(o.header))
	}
	switch {
	case end == endedInBackoff:
		// The error still carries what the last attempt ran into.
		e.what, e.ctxErr = "gave up waiting to retry", cl.ctx.Err()
	case o.ctxErr != nil:
		e.what = "the caller's context ended the request"
	case o.timedOut:
		e.what = fmt.Sprintf("attempt timed out after %v (see WithTimeout)", cl.cfg.timeout)
	}
	if end == endedByBudget {
		e.what += " (retry budget exhausted, not retried)"
	}
	// A write that may have reached Juspay, with no answer we could read.
	e.unknown = cl.r.write && o.sent && apiErr == nil && end != endedInBackoff
	return e
}
