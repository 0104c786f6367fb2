package juspay

import (
	"net/url"

	"github.com/google/go-querystring/query"
)

// request is one API call as a service method builds it: what to send,
// never how. The call built from it (call.go) adds the client's settings.
type request struct {
	op        string // names the call in errors and logs, e.g. "refresh all wallets"
	method    string
	path      string // escaped, appended to the base URL
	routingID string // x-routing-id when WithRoutingID is not given; "" sends none
	write     bool   // moves money or state: retried only when provably never sent
	form      url.Values
	secrets   []string // values sent that must never appear in error text or logs

	// merchantIDField names a form field that carries the merchant ID in
	// force for the call (a per-call WithMerchantID included); the call
	// fills it in, as the options are applied once, when it is built.
	merchantIDField string
	// minVersion is the oldest API version that understands the request;
	// a call with an older WithAPIVersion fails before anything is sent.
	minVersion string
	// emptyOK makes a 2xx with no body (a 204 No Content) an answer with
	// nothing to decode, where a typed call needs a body and fails.
	emptyOK bool
}

// encodeForm encodes a `url:"..."`-tagged struct as a form body. Every body
// the SDK sends goes through here, as go-github's addOptions does for queries.
func encodeForm(v any) (url.Values, error) {
	return query.Values(v)
}

// formOf encodes v as op's form body; a value that cannot be encoded is the
// caller's mistake, found before sending.
func formOf(op string, v any) (url.Values, error) {
	form, err := encodeForm(v)
	if err != nil {
		return nil, invalid(op, "params", "cannot be form-encoded: %v", err)
	}
	return form, nil
}

// pathSegment path-escapes one ID so that it is always exactly one segment:
// "a/b" becomes "a%2Fb" and can never reach another endpoint. "." and "..",
// which escaping leaves alone and proxies collapse, are refused.
func pathSegment(op, name, id string) (string, error) {
	switch {
	case id == "":
		return "", invalid(op, name, "is empty")
	case id == "." || id == "..":
		return "", invalid(op, name, "%q is not a valid ID", id)
	case hasControl(id):
		return "", invalid(op, name, "holds a control character")
	}
	return url.PathEscape(id), nil
}
