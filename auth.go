package juspay

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// credential sets the Authorization header built from the API key. It holds
// the key, and the "Basic ..." value, only inside closures: fmt, slog and
// go-spew (which testify's failure diffs use with methods disabled, so that
// no String or Format mask applies) walk a struct field by field, but print
// a func as an address and never what it captured. Every way of formatting
// a credential directly prints a mask as well.
type credential struct {
	apply   func(h http.Header)      // sets Authorization
	secrets func() []string          // the key and its encoding, for request.secrets
	scrub   func(text string) string // scrubs the key and its encoding from text
}

// newCredential builds Juspay's Basic authorization: the API key is the
// user name and the password is empty.
func newCredential(apiKey string) (*credential, error) {
	if apiKey == "" {
		return nil, fmt.Errorf("juspay: API key is empty")
	}
	if strings.TrimSpace(apiKey) != apiKey || hasControl(apiKey) {
		// A key pasted with a trailing newline would fail as a 401 on every
		// call; say so now, without echoing the key.
		return nil, fmt.Errorf("juspay: API key has surrounding spaces or control characters")
	}
	encoded := base64.StdEncoding.EncodeToString([]byte(apiKey + ":"))
	header := []string{"Basic " + encoded}
	// Its length is its capacity, so that a call appending its own secrets
	// copies it rather than write into the array every call shares.
	secrets := secretForms([]string{apiKey, encoded})
	return &credential{
		// The value slice is shared by every request: a RoundTripper may
		// not modify its request, and net/http copies headers before it
		// changes them (redirects, cookies).
		apply:   func(h http.Header) { h["Authorization"] = header },
		secrets: func() []string { return secrets },
		scrub:   scrubber(secrets),
	}, nil
}

const redacted = "[REDACTED]"

func (c *credential) String() string                { return redacted }
func (c *credential) GoString() string              { return redacted }
func (c *credential) Format(f fmt.State, verb rune) { fmt.Fprint(f, redacted) }
func (c *credential) LogValue() slog.Value          { return slog.StringValue(redacted) }
func (c *credential) MarshalJSON() ([]byte, error)  { return []byte(`"` + redacted + `"`), nil }

// maskSecret hides a secret such as a wallet token while still telling a
// reader whether there was one.
func maskSecret(s string) string {
	if s == "" {
		return `""`
	}
	return redacted
}

// scrub removes every secret of a call from a text meant for an error or a
// log record: whatever a server echoes back, the secrets it was sent do not
// leave the process through our messages.
func scrub(text string, secrets []string) string {
	for _, s := range secrets {
		if len(s) >= 3 && strings.Contains(text, s) {
			text = strings.ReplaceAll(text, s, redacted)
		}
		if t := strings.TrimSpace(s); len(t) >= 3 && t != s && strings.Contains(text, t) {
			text = strings.ReplaceAll(text, t, redacted)
		}
	}
	return text
}

// secretForms returns secrets with the forms each may take when a server
// echoes it, longest first. A server may echo a secret as it decoded it
// from the form body (form-encoded: "+" as %2B, "/" as %2F, in either case
// of hex), in a URL path, base64-encoded, or JSON-escaped ("<" as \u003c,
// "/" as \/); scrubbing only the plain text would let those through.
// Longest first, because secrets may overlap: an OTP that is part of the
// key, scrubbed first, would split the key so that the rest of it escapes.
// The result's length is its capacity, so that appending to it copies.
func secretForms(secrets []string) []string {
	seen := make(map[string]bool, 8*len(secrets))
	out := make([]string, 0, 8*len(secrets))
	add := func(s string) {
		if len(s) >= 3 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range secrets {
		add(s)
		for _, esc := range []string{url.QueryEscape(s), url.PathEscape(s)} {
			add(esc)
			add(lowerHexEscapes(esc))
		}
		add(base64.StdEncoding.EncodeToString([]byte(s)))
		add(base64.RawURLEncoding.EncodeToString([]byte(s)))
		if j, err := json.Marshal(s); err == nil {
			add(string(j[1 : len(j)-1]))
			add(strings.ReplaceAll(string(j[1:len(j)-1]), "/", `\/`))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out[:len(out):len(out)]
}

// lowerHexEscapes writes the hex digits of s's %XX escapes in lower case,
// as some servers echo them.
func lowerHexEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1], b[i+2] = lowerHex(b[i+1]), lowerHex(b[i+2])
			i += 2
		}
	}
	return string(b)
}

func lowerHex(c byte) byte {
	if 'A' <= c && c <= 'F' {
		return c + 'a' - 'A'
	}
	return c
}

// scrubber returns scrub for secrets as a closure, for values that outlive
// the call (its errors): a closure keeps the secrets out of reach of any
// walk by reflection, where a []string field would hand them to it.
func scrubber(secrets []string) func(string) string {
	if len(secrets) == 0 {
		return nil
	}
	return func(text string) string { return scrub(text, secrets) }
}

// scrubWith applies f, a scrubber that may be nil (an error built without
// one, such as an APIError literal in a merchant's test), to text.
func scrubWith(f func(string) string, text string) string {
	if f == nil {
		return text
	}
	return f(text)
}

// hasControl reports whether s holds a byte that may not appear in an HTTP
// header value: an ASCII control character (CR, LF and NUL among them) or DEL.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return true
		}
	}
	return false
}

// withKeySecrets merges a call's own secrets, in all their forms, with the
// key's (already expanded by newCredential), longest first across both:
// see secretForms.
func withKeySecrets(own, key []string) []string {
	all := append(secretForms(own), key...)
	sort.SliceStable(all, func(i, j int) bool { return len(all[i]) > len(all[j]) })
	return all
}
