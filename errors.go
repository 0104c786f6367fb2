package juspay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
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

// maxErrorBody is how much of a non-2xx body an APIError keeps.
const maxErrorBody = 64 << 10

// APIError is the error for every response with a non-2xx status, whatever
// its body: Juspay's JSON, other JSON, a proxy's HTML page, or nothing. A
// body the connection cut short still makes an APIError, from the bytes that
// arrived (its Error text says "body cut short").
//
// Use errors.Is with the sentinels (ErrAuthentication, ...) to branch on the
// class, and errors.As to read the fields:
//
//	var apiErr *juspay.APIError
//	if errors.As(err, &apiErr) {
//		log.Print(apiErr.StatusCode, apiErr.ErrorCode, apiErr.RequestID)
//	}
type APIError struct {
	StatusCode   int        // HTTP status
	Status       string     // body "status", e.g. "Invalid Request"
	ErrorCode    string     // body "error_code", e.g. "null_error", "access_denied"
	ErrorMessage string     // body "error_message"
	UserMessage  string     // "user_message" at the top level, or else error_info's
	Info         *ErrorInfo // "error_info", nil where not sent
	RequestID    string     // the x-request-id (or x-response-id) header of the response, where there is one
	Body         []byte     // the raw body, at most 64 KiB of it

	op          string              // the operation, for Error
	contentType string              // the response's media type, named when the body is not JSON
	attempts    int                 // attempts made, named when more than one
	cutShort    bool                // the connection failed before the whole body arrived
	budgetSpent bool                // the retry budget refused a retry the policy allowed
	scrub       func(string) string // scrubs the call's secrets from Error's text; a closure, see credential
}

// ErrorInfo is the structured "error_info" object of newer Juspay errors.
type ErrorInfo struct {
	Code             string       `json:"code"`     // e.g. "INVALID_INPUT", "RESOURCE_NOT_FOUND"
	Category         string       `json:"category"` // e.g. "USER_ERROR", "CONFIG_ERROR"
	UserMessage      string       `json:"user_message"`
	DeveloperMessage string       `json:"developer_message"`
	Fields           []FieldError `json:"fields"`
}

// FieldError names one request field Juspay rejected, and why.
type FieldError struct {
	FieldName string `json:"field_name"`
	Reason    string `json:"reason"`
}

// Error reads "juspay: <operation>: <status>: <what Juspay said>". It is
// short whatever the body holds (the whole body is in Body), and never holds
// the API key, an OTP or a wallet token.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("juspay: ")
	if e.op != "" {
		b.WriteString(e.op)
		b.WriteString(": ")
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" ")
		b.WriteString(text)
	}
	var said []string
	for _, s := range []string{e.ErrorCode, e.ErrorMessage} {
		if s = strings.TrimSpace(s); s != "" {
			said = append(said, s)
		}
	}
	if len(said) == 0 && e.Info != nil && e.Info.DeveloperMessage != "" {
		said = append(said, e.Info.DeveloperMessage)
	}
	switch {
	case len(said) > 0:
		b.WriteString(": ")
		b.WriteString(clean(strings.Join(said, ": "), 200, e.scrub))
	case len(e.Body) == 0 && !e.cutShort:
		b.WriteString(" (empty body)")
	case e.contentType != "" && !strings.EqualFold(e.contentType, "application/json"):
		b.WriteString(" (" + clean(e.contentType, 60, e.scrub) + " body, not Juspay's JSON)")
	}
	if e.cutShort {
		b.WriteString(" (body cut short)")
	}
	if e.RequestID != "" {
		b.WriteString(" (request id " + clean(e.RequestID, 64, e.scrub) + ")")
	}
	if e.attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.attempts)
	}
	if e.budgetSpent {
		b.WriteString(" (retry budget exhausted, not retried)")
	}
	// Each part was scrubbed before it was cut short (a secret cut in two
	// would escape a later scrub); this one catches a secret spread across
	// two parts.
	return scrubWith(e.scrub, b.String())
}

// Format prints Error's text for every verb, and GoString for %#v. Without
// it, %#v and verbs such as %d would print the struct field by field: the
// body's text unscrubbed. (The call's secrets themselves are out of any
// printer's reach, even one that ignores these methods, as go-spew in
// testify's diffs does: the error keeps them only inside its scrub
// closure.) Format and GoString take a value, so a copied APIError is
// covered too.
func (e APIError) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		io.WriteString(f, e.GoString())
		return
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), e.Error())
}

// GoString shows the exported fields, for %#v and debuggers' dumps, with the
// call's secrets scrubbed out of what the server sent.
func (e APIError) GoString() string {
	info := "nil"
	if e.Info != nil {
		info = fmt.Sprintf("&%#v", *e.Info)
	}
	s := fmt.Sprintf("&juspay.APIError{StatusCode:%d, Status:%q, ErrorCode:%q, ErrorMessage:%q, UserMessage:%q, Info:%s, RequestID:%q, Body:[]byte(%q)}",
		e.StatusCode, e.Status, e.ErrorCode, e.ErrorMessage, e.UserMessage, info, e.RequestID, e.Body)
	return scrubWith(e.scrub, s)
}

// Is reports whether target is the sentinel for e's HTTP status.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrInvalidRequest:
		return e.StatusCode == http.StatusBadRequest
	case ErrAuthentication:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound || e.orderNotFound()
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500 && e.StatusCode <= 599
	}
	return false
}

// orderNotFound reports Juspay's answer for an unknown order: a 400, not a
// 404, whose body's status is "NOT_FOUND".
func (e *APIError) orderNotFound() bool {
	return e.StatusCode == http.StatusBadRequest && strings.EqualFold(e.Status, "NOT_FOUND")
}

// errorBody is Juspay's error JSON. Every field is read tolerantly: a body
// of another shape still yields an APIError, with what could be read.
type errorBody struct {
	Status       json.RawMessage `json:"status"`
	ErrorCode    json.RawMessage `json:"error_code"`
	ErrorMessage json.RawMessage `json:"error_message"`
	UserMessage  json.RawMessage `json:"user_message"`
	ErrorInfo    json.RawMessage `json:"error_info"`
}

// newAPIError maps a non-2xx response to an *APIError. body is at most
// maxErrorBody bytes. It never fails: what cannot be read stays empty.
func newAPIError(resp *http.Response, body []byte) *APIError {
	e := &APIError{
		StatusCode:  resp.StatusCode,
		RequestID:   requestID(resp.Header),
		Body:        body,
		contentType: mediaType(resp.Header.Get("Content-Type")),
	}
	var eb errorBody
	if json.Unmarshal(body, &eb) != nil {
		return e
	}
	e.Status = scalarText(eb.Status)
	e.ErrorCode = scalarText(eb.ErrorCode)
	e.ErrorMessage = scalarText(eb.ErrorMessage)
	e.UserMessage = scalarText(eb.UserMessage)
	if len(eb.ErrorInfo) > 0 && eb.ErrorInfo[0] == '{' {
		var info ErrorInfo
		if json.Unmarshal(eb.ErrorInfo, &info) == nil {
			e.Info = &info
		}
	}
	if e.UserMessage == "" && e.Info != nil {
		e.UserMessage = e.Info.UserMessage
	}
	return e
}

// scalarText is textOf for fields where a wrong shape is not worth an error.
func scalarText(raw json.RawMessage) string {
	s, err := textOf(raw)
	if err != nil {
		return ""
	}
	return s
}

func requestID(h http.Header) string {
	if id := h.Get("X-Request-Id"); id != "" {
		return id
	}
	return h.Get("X-Response-Id")
}

// mediaType returns the media type of a Content-Type header (compare it with
// strings.EqualFold). It keeps the case it was sent in: lowercased, a secret
// a server echoed there would no longer be the text scrub removes.
func mediaType(contentType string) string {
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.TrimSpace(mt)
}

// requestError is the error of a call that ended without a usable response:
// the connection failed, an attempt timed out, the caller's context ended,
// or the response could not be read or decoded.
type requestError struct {
	op        string
	what      string // what failed, e.g. "connection failed"
	err       error  // the cause
	attempts  int
	unknown   bool                // a write that may have reached Juspay: wraps ErrOutcomeUnknown
	transient bool                // a failure a read retries: a connection or read failure, an attempt timeout
	ctxErr    error               // the caller's context error, when the context ended the call
	requestID string              // the x-request-id of the last attempt's response, where one came
	scrub     func(string) string // scrubs the call's secrets; a closure, see credential
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
	return scrubWith(e.scrub, b.String())
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

// ErrInvalidArgument matches every mistake of the caller that the SDK finds
// before sending anything (an empty or "." ID, a nil context or params, a
// field out of range, an invalid option): nothing reached Juspay, and the
// fix is in the calling code. A handler can answer such an error with a
// 400 of its own, and anything else with a 502.
var ErrInvalidArgument = errors.New("juspay: invalid argument")

// ValidationError is a call refused before anything was sent, because of an
// argument the caller gave. errors.Is(err, ErrInvalidArgument) holds for it.
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

// oneLine keeps an error on one line even when a server's message has many,
// and keeps a server's control characters (terminal escapes among them) out
// of logs.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return isControl(r) || r == ' ' }), " ")
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// clean makes text from a server fit an error message: secrets scrubbed
// first, so that cutting the text short cannot leave a secret's first half,
// then on one line, then at most n bytes.
func clean(text string, n int, scrub func(string) string) string {
	return truncate(oneLine(scrubWith(scrub, text)), n)
}
