package juspay

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxErrorBody is how much of a non-2xx body an APIError keeps.
const maxErrorBody = 64 << 10

// maxErrorRead is how much of a non-2xx body is read for its fields: more
// than Body keeps, so that a long error_message (a server echoing a large
// request back) still leaves the status, the codes and error_info readable,
// where JSON cut at maxErrorBody would leave every field empty.
const maxErrorRead = 1 << 20

// APIError is the error for every response with a non-2xx status, whatever
// its body: Juspay's JSON, other JSON, a proxy's HTML page, or nothing. A
// body the connection cut short still makes an APIError, from the bytes that
// arrived (its Error text says "body cut short").
//
// Its text fields and Body hold no secret of the call: where a server
// echoed the API key, the Authorization value, a wallet token or an OTP,
// they read [redacted], as Error does, so that printing the fields (fmt's
// %p, a testify diff) shows none. So does a secret the body carries of its
// own: a string under a name such as "client_auth_token", "token" or
// "otp" (a token minted before the call failed).
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

	op          string        // the operation, for Error
	contentType string        // the response's media type, named when the body is not JSON
	attempts    int           // attempts made, named when more than one
	cutShort    bool          // the connection failed before the whole body arrived
	budgetSpent bool          // the retry budget refused a retry the policy allowed
	retryAfter  time.Duration // a Retry-After past backoffMax, which ended the call
	backoffMax  time.Duration
	scrub       scrubber // the call's secrets, scrubbed from Error's text
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
	// Some answers say what went wrong only in "status" (an unknown
	// order's refund: {"status":"NOT_FOUND","status_id":40}) or only to
	// the customer: either beats a bare HTTP status.
	for _, s := range []string{e.UserMessage, e.Status} {
		if s = strings.TrimSpace(s); len(said) == 0 && s != "" {
			said = append(said, s)
		}
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
	if e.retryAfter > 0 {
		fmt.Fprintf(&b, " (Retry-After %v is past the backoff maximum %v: not retried)", e.retryAfter, e.backoffMax)
	}
	// Each part was scrubbed before it was cut short (a secret cut in two
	// would escape a later scrub); this one catches a secret spread across
	// two parts.
	return e.scrub.scrub(b.String())
}

// Format prints Error's text for every verb, and GoString for %#v. Without
// it, %#v and verbs such as %d would print the struct field by field: the
// body's text unscrubbed. (The call's secrets themselves are out of any
// printer's reach, even one that ignores these methods, as go-spew in
// testify's diffs does: they are sealed.) Format and GoString take a value,
// so a copied APIError is covered too.
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
	return e.scrub.scrub(s)
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

// newAPIError reads the fields of an APIError from a non-2xx answer. body
// is at most maxErrorRead bytes, of which Body keeps maxErrorBody. It never
// fails: what cannot be read stays empty.
func newAPIError(status int, header http.Header, body []byte) *APIError {
	e := &APIError{
		StatusCode:  status,
		RequestID:   requestID(header),
		Body:        body,
		contentType: mediaType(header.Get("Content-Type")),
	}
	if len(body) > maxErrorBody {
		// A copy, so that the error does not hold the whole read.
		e.Body = bytes.Clone(body[:maxErrorBody])
	}
	var eb errorBody
	if json.Unmarshal(body, &eb) != nil {
		return e
	}
	// A field of another shape (an object where text was expected) is
	// left empty.
	e.Status, _ = scalarText(eb.Status)
	e.ErrorCode, _ = scalarText(eb.ErrorCode)
	e.ErrorMessage, _ = scalarText(eb.ErrorMessage)
	e.UserMessage, _ = scalarText(eb.UserMessage)
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

// scrubFields replaces the call's secrets in every exported text field of
// e, as it is built: a server may echo the key, a token or an OTP anywhere
// in its answer, and the fields are read, logged and printed where Error's
// scrub cannot reach (fmt's %p of a value and go-spew, in testify's diffs,
// skip every method). Body's JSON strings are scrubbed as decoded too, so
// that a secret spelt with \uXXXX escapes goes as well. Body was cut at
// maxErrorBody before it could be
// scrubbed; a tail that begins a secret is dropped as well, so that no
// secret's first bytes survive the cut.
func (e *APIError) scrubFields(s scrubber) {
	for _, f := range []*string{&e.Status, &e.ErrorCode, &e.ErrorMessage, &e.UserMessage, &e.RequestID, &e.contentType} {
		*f = s.scrub(*f)
	}
	if e.Info != nil {
		info := *e.Info // a copy: the fields are e's alone
		for _, f := range []*string{&info.Code, &info.Category, &info.UserMessage, &info.DeveloperMessage} {
			*f = s.scrub(*f)
		}
		if info.Fields != nil {
			info.Fields = append([]FieldError(nil), info.Fields...)
			for i := range info.Fields {
				info.Fields[i].FieldName = s.scrub(info.Fields[i].FieldName)
				info.Fields[i].Reason = s.scrub(info.Fields[i].Reason)
			}
		}
		e.Info = &info
	}
	body := e.Body
	if len(body) >= maxErrorBody {
		body = []byte(s.dropSecretStart(string(body)))
	}
	// Escaped spellings first: a plain scrub could cut an escape in two.
	if clean := s.scrub(string(s.scrubEscaped(body))); clean != string(e.Body) {
		// A mask is longer than a short secret: cut back to the cap, on a
		// rune boundary (what is cut is scrubbed text, no secret's start).
		if n := maxErrorBody; len(clean) > n {
			for n > 0 && !utf8.RuneStart(clean[n]) {
				n--
			}
			clean = clean[:n]
		}
		e.Body = []byte(clean)
	}
}

// requestID is the ID Juspay gives an answer, for its support.
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
