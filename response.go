package juspay

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"strings"
)

// Response is what a call's answer was, for the record: WithResponseInto
// fills one when the call ends.
type Response struct {
	StatusCode int         // of the last attempt; 0 when it got no answer
	Header     http.Header // of the last attempt's answer, a secret it echoed [redacted]; nil when it got none
	RequestID  string      // x-request-id (or x-response-id): quote it to Juspay's support
	Attempts   int         // attempts made, retries included
}

// Do sends a request to an endpoint the SDK does not wrap, with everything
// a wrapped call has: the client's authentication and headers, the call's
// options, retries, the retry budget, logging and the redaction of secrets
// from errors: the key, and the values of form fields and of path query
// parameters whose names say they are secrets: "otp", "password",
// "secret", "api_key", "apikey", "response_key", and any name ending in
// "token", "_otp", "_password" or "_secret", in any case.
//
// method is the HTTP method. path is joined to the base URL as it is: it
// must start with "/", and IDs in it must be escaped by the caller
// (url.PathEscape). A non-nil form is sent as the form-encoded body. A 2xx
// answer's JSON body is decoded into out, which must be a non-nil pointer,
// or discarded when out is nil; a 2xx with no body (204 No Content) leaves
// out as it is. Any other status is an *APIError.
//
// A GET is retried as a read. Any other method is a write: see Retries in
// the package doc. No x-routing-id is sent unless WithRoutingID gives one.
func (c *Client) Do(ctx context.Context, method, path string, form url.Values, out any, opts ...Option) error {
	secrets := doSecrets(path, form)
	op := strings.ToUpper(method) + " " + truncate(newScrubber(secretForms(secrets)).scrub(path), 80)
	switch {
	case !isToken(method):
		return invalid(op, "method", "%q is not an HTTP method", truncate(method, 20))
	case !strings.HasPrefix(path, "/"):
		// Joined to "https://host", a path without its slash would name
		// another host ("@evil.example/x").
		return invalid(op, "path", "%q does not start with /", truncate(path, 80))
	case hasControl(path) || strings.ContainsAny(path, " #"):
		return invalid(op, "path", "holds a space, a control character or a fragment")
	}
	if _, err := url.ParseRequestURI(path); err != nil {
		return invalid(op, "path", "does not parse")
	}
	if out != nil {
		if v := reflect.ValueOf(out); v.Kind() != reflect.Pointer || v.IsNil() {
			return invalid(op, "out", "is a %T, not a non-nil pointer", out)
		}
	}
	method = strings.ToUpper(method)
	// An endpoint the SDK does not know may answer 204 No Content: out is
	// then left as it is.
	r := &request{op: op, method: method, path: path, write: method != http.MethodGet, form: form, secrets: secrets, emptyOK: true}
	cfg, err := c.configFor(ctx, op, opts)
	if err != nil {
		return err
	}
	cl, err := c.newCall(ctx, cfg, r, out)
	if err != nil {
		return err
	}
	return cl.run()
}
