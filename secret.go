package juspay

import (
	"fmt"
	"log/slog"
	"strings"
)

const redacted = "[REDACTED]"

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

// with returns a scrubber for s's secrets and more; s itself when there are
// no more, as for most calls, so that they build nothing.
func (s scrubber) with(more []string) scrubber {
	if len(more) == 0 {
		return s
	}
	return newScrubber(append(s.secrets.get(), more...))
}

// scrub returns text with every secret, and every secret trimmed of
// surrounding spaces, replaced by [REDACTED]. Secrets shorter than three
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
