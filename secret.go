package juspay

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"sort"
	"strings"

	"github.com/gojuspay/juspay/internal/redact"
)

// redacted stands in for a secret: see redact.Mask.
const redacted = redact.Mask

// sealed holds a value that must never be printed (the API key, the
// Authorization header, a call's secrets) where no walk by reflection
// reaches it: inside a closure. fmt, slog and go-spew (which testify's
// failure diffs use with methods disabled, so that no String or Format mask
// applies) walk a struct field by field, but print a func as an address and
// never what it captured. Formatting a sealed value directly prints a mask.
type sealed[T any] struct{ open func() T }

func seal[T any](v T) sealed[T] { return sealed[T]{open: func() T { return v }} }

// get returns the value, or T's zero value for the zero sealed.
func (s sealed[T]) get() (v T) {
	if s.open != nil {
		v = s.open()
	}
	return v
}

func (s sealed[T]) String() string                { return redacted }
func (s sealed[T]) GoString() string              { return redacted }
func (s sealed[T]) Format(f fmt.State, verb rune) { fmt.Fprint(f, redacted) }
func (s sealed[T]) LogValue() slog.Value          { return slog.StringValue(redacted) }
func (s sealed[T]) MarshalJSON() ([]byte, error)  { return []byte(`"` + redacted + `"`), nil }

// scrubber removes a call's secrets (the API key and whatever secret the
// call sent: a wallet token, an OTP) from text meant for an error or a log
// record: whatever a server echoes back, the secrets it was sent do not
// leave the process through our messages. The zero scrubber removes
// nothing (an APIError built by a merchant's test has one).
type scrubber struct{ secrets sealed[[]string] }

// newScrubber scrubs secrets. The slice is kept, not copied, but capped at
// its length, so that with copies it rather than append into it.
func newScrubber(secrets []string) scrubber {
	return scrubber{seal(secrets[:len(secrets):len(secrets)])}
}

// with returns a scrubber for s's secrets and more, in every form of
// secretForms, longest first across both; s itself when there are no more,
// as for most calls, so that they build nothing.
func (s scrubber) with(more []string) scrubber {
	if len(more) == 0 {
		return s
	}
	all := append(secretForms(more), s.secrets.get()...)
	sort.SliceStable(all, func(i, j int) bool { return len(all[i]) > len(all[j]) })
	return newScrubber(all)
}

// secretForms returns secrets with the forms each may take when a server
// echoes it, longest first. A server may echo a secret as it decoded it
// from the form body (form-encoded: "+" as %2B, "/" as %2F, in either case
// of hex), in a URL path, base64-encoded, or JSON-escaped ("<" as \u003c,
// "/" as \/); scrubbing only the plain text would let those through.
// Longest first, because secrets may overlap: an OTP that is part of the
// key, scrubbed first, would split the key so that the rest of it escapes.
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
	return out
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

// dropSecretStart cuts from text a tail that is the start of one of the
// secrets: what is left of a secret that a cut made before the scrub
// split.
func (s scrubber) dropSecretStart(text string) string {
	for _, secret := range s.secrets.get() {
		for n := min(len(secret)-1, len(text)); n > 0; n-- {
			if strings.HasSuffix(text, secret[:n]) {
				text = text[:len(text)-n]
				break
			}
		}
	}
	return text
}

// scrub returns text with every secret, and every secret trimmed of
// surrounding spaces, replaced by [redacted]. Secrets shorter than three
// bytes are left alone: replacing them would mangle any text.
func (s scrubber) scrub(text string) string {
	for _, secret := range s.secrets.get() {
		if len(secret) >= 3 && strings.Contains(text, secret) {
			text = strings.ReplaceAll(text, secret, redacted)
		}
		if t := strings.TrimSpace(secret); len(t) >= 3 && t != secret && strings.Contains(text, t) {
			text = strings.ReplaceAll(text, t, redacted)
		}
	}
	return text
}

// secretsOf lists the non-empty secrets a call sends, for request.secrets.
func secretsOf(values ...string) []string {
	var out []string
	for _, v := range values {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// maskSecret hides a secret such as a wallet token while still telling a
// reader whether there was one.
func maskSecret(s string) string {
	if s == "" {
		return `""`
	}
	return redacted
}
