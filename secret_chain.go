package juspay

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// An SDK error's own text is scrubbed as it is written, but the errors it
// wraps are reachable with errors.Unwrap and errors.As, and a caller logs
// them too: the *url.Error of a transport failure (whose text may quote
// what a proxy or a broken server said, the key or a token among it), the
// *json.UnmarshalTypeError of a decode failure (which quotes a short value
// of the wrong shape whole: an OTP echoed into a timestamp, say). So the
// cause a call's error wraps is scrubbed too, level by level.

// cleanChain returns err where no error in its chain says a secret of s,
// so that errors.As still finds the original types (net.Error, *url.Error,
// syscall errors) for the failures that hold none, as almost all do.
// Otherwise it returns a copy of the chain in which each error whose text
// holds a secret is replaced: *url.Error, *decodeFieldError and
// *json.UnmarshalTypeError by a scrubbed value of their own type, any
// other by a scrubbedError that keeps its scrubbed text, its Timeout and
// the (cleaned) errors it wrapped. Errors of the chain without a secret
// below them are kept as they are.
func (s scrubber) cleanChain(err error) error {
	if err == nil || s.chainIsClean(err) {
		return err
	}
	switch e := err.(type) {
	case *url.Error:
		return &url.Error{Op: e.Op, URL: s.scrub(e.URL), Err: s.cleanChain(e.Err)}
	case *decodeFieldError:
		return &decodeFieldError{field: s.scrub(e.field), got: s.scrub(e.got), want: e.want, err: s.cleanChain(e.err)}
	case *json.UnmarshalTypeError:
		c := *e
		c.Value, c.Struct, c.Field = s.scrub(c.Value), s.scrub(c.Struct), s.scrub(c.Field)
		return &c
	}
	c := &scrubbedError{text: s.scrub(err.Error())}
	if t, ok := err.(interface{ Timeout() bool }); ok {
		c.timeout = t.Timeout()
	}
	for _, inner := range unwrapAll(err) {
		c.errs = append(c.errs, s.cleanChain(inner))
	}
	return c
}

// chainIsClean reports whether no error in err's chain says a secret of s.
func (s scrubber) chainIsClean(err error) bool {
	if text := err.Error(); s.scrub(text) != text {
		return false
	}
	for _, inner := range unwrapAll(err) {
		if inner != nil && !s.chainIsClean(inner) {
			return false
		}
	}
	return true
}

// unwrapAll returns the errors err wraps, by either form of Unwrap.
func unwrapAll(err error) []error {
	switch e := err.(type) {
	case interface{ Unwrap() error }:
		if inner := e.Unwrap(); inner != nil {
			return []error{inner}
		}
	case interface{ Unwrap() []error }:
		return e.Unwrap()
	}
	return nil
}

// scrubbedError stands in, in a call's error chain, for an error whose
// text held a secret of the call: its text scrubbed, what it wrapped
// cleaned the same way.
type scrubbedError struct {
	text    string
	errs    []error
	timeout bool
}

func (e *scrubbedError) Error() string   { return e.text }
func (e *scrubbedError) Unwrap() []error { return e.errs }

// Timeout reports what the error it stands for reported, for code that
// checks net.Error-style timeouts down the chain.
func (e *scrubbedError) Timeout() bool { return e.timeout }

// doSecrets lists the secrets of a Client.Do call: the values of its form,
// and of the query in its path, whose names say they hold a secret (an
// OTP, a token, a password). The SDK did not build either, so it cannot
// know their secrets otherwise.
func doSecrets(path string, form url.Values) []string {
	out := formSecrets(form)
	if _, query, ok := strings.Cut(path, "?"); ok {
		q, _ := url.ParseQuery(query) // what parses, even past a fault
		out = append(out, formSecrets(q)...)
	}
	return out
}

// formSecrets lists the values of form whose names say they hold a secret.
func formSecrets(form url.Values) []string {
	var out []string
	for name, values := range form {
		if secretName(name) {
			out = append(out, secretsOf(values...)...)
		}
	}
	return out
}

// secretName reports whether a form field or JSON key of that name holds a
// secret in Juspay's API: "otp", "direct_wallet_token", "client_auth_token",
// "token", and the like.
func secretName(name string) bool {
	n := strings.ToLower(name)
	switch n {
	case "otp", "password", "secret", "api_key", "apikey", "response_key":
		return true
	}
	return strings.HasSuffix(n, "token") || strings.HasSuffix(n, "_otp") ||
		strings.HasSuffix(n, "_password") || strings.HasSuffix(n, "_secret")
}

// bodySecrets lists the string values an error answer's JSON holds under
// names that say they are secrets (secretName): a client auth token minted
// before the call failed, a wallet's token. They are no secret of the call,
// which did not send them, but they are secrets all the same, and the
// APIError keeps the body. A body that is not JSON, or is cut short, gives
// what was read before the fault.
func bodySecrets(body []byte) []string {
	type level struct {
		object, wantKey bool
		key             string
	}
	var stack []level
	var out []string
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		var top *level
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		if top != nil && top.object && top.wantKey {
			top.key, _ = tok.(string)
			top.wantKey = false
			continue
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			stack = append(stack, level{object: tok == json.Delim('{'), wantKey: true})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				top = &stack[len(stack)-1]
			} else {
				top = nil
			}
		default:
			if s, ok := tok.(string); ok && top != nil && top.object && secretName(top.key) && bodySecret(s) {
				out = append(out, s)
			}
		}
		if top != nil && top.object {
			top.wantKey = true // a value ended: a key comes next
		}
	}
}

// bodySecret reports whether a value found under a secret's name is worth
// scrubbing: not a placeholder Juspay writes where it masks a value
// ("FILTERED", "null"), which scrubbed would mangle the rest of the body,
// and not so short that it would match text that is no secret.
func bodySecret(v string) bool {
	switch strings.ToLower(v) {
	case "filtered", "null", "true", "false", "none", "redacted", "[redacted]":
		return false
	}
	return len(v) >= 6
}

// scrubberFor is the scrubber for what is written of an attempt's outcome
// (its error, its log records, its request ID): the call's secrets, and
// those an error answer holds (bodySecrets).
func (cl *call) scrubberFor(o *outcome) scrubber {
	if len(o.errBody) == 0 {
		return cl.scrub
	}
	return cl.scrub.with(bodySecrets(o.errBody))
}

// header returns h, or a copy of it with the secrets scrubbed from its
// values where one holds any: a debugging proxy may echo the request's
// Authorization back in a header of its answer, which a caller reads in
// Response.Header.
func (s scrubber) header(h http.Header) http.Header {
	var out http.Header
	for k, vs := range h {
		for i, v := range vs {
			if clean := s.scrub(v); clean != v {
				if out == nil {
					out = h.Clone()
				}
				out[k][i] = clean
			}
		}
	}
	if out == nil {
		return h
	}
	return out
}
