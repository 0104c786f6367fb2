package juspay

import (
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
)

// credential holds the Authorization header value built from the API key.
// Every way of formatting it directly prints a mask. Reached by reflection
// instead (a Client value in another struct's unexported field), it shows
// only an address: its values sit behind a second pointer, because fmt,
// given a verb that means nothing for a pointer (%s, %q) on an unexported
// field, prints the struct that pointer points to, though never the
// pointers inside that struct.
type credential struct {
	*credentialValues
}

type credentialValues struct {
	header  string   // "Basic " + base64(apiKey + ":")
	secrets []string // the key and its encoding, scrubbed from any echoed text
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
	return &credential{&credentialValues{header: "Basic " + encoded, secrets: []string{apiKey, encoded}}}, nil
}

func (c *credential) apply(h http.Header) { h["Authorization"] = []string{c.header} }

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
