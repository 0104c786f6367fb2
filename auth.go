package juspay

import (
	"encoding/base64"
	"net/http"
	"strings"
)

// credential is the API key as the SDK uses it: the Authorization header
// every request carries, and the scrubber that keeps the key (and its
// encoding) out of every error and log record. Both are sealed, out of
// reach of reflection; formatting a credential prints masks only.
type credential struct {
	authorization sealed[[]string] // the header's value, "Basic ..."
	scrub         scrubber         // the key and its encoding
}

// newCredential builds Juspay's Basic authorization: the API key is the
// user name and the password is empty.
func newCredential(apiKey string) (*credential, error) {
	const op = "new client"
	if apiKey == "" {
		return nil, invalid(op, "apiKey", "is empty: pass the API key from Juspay's dashboard")
	}
	if strings.TrimSpace(apiKey) != apiKey || hasControl(apiKey) {
		// A key pasted with a trailing newline would fail as a 401 on every
		// call; say so now, without echoing the key.
		return nil, invalid(op, "apiKey", "has leading or trailing white space or a control character (a newline from a file?)")
	}
	encoded := base64.StdEncoding.EncodeToString([]byte(apiKey + ":"))
	return &credential{
		// The value slice is shared by every request: a RoundTripper may
		// not modify its request, and net/http copies headers before it
		// changes them (redirects, cookies).
		authorization: seal([]string{"Basic " + encoded}),
		scrub:         newScrubber(secretForms([]string{apiKey, encoded})),
	}, nil
}

// apply sets the Authorization header.
func (c *credential) apply(h http.Header) { h["Authorization"] = c.authorization.get() }
