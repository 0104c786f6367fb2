package juspay

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The text helpers every other file uses, for text from callers (IDs,
// header values) and from servers (error messages headed for logs).

// isControl reports whether r is an ASCII control character or DEL: bytes
// that may not appear in an HTTP header value (CR, LF and NUL among them),
// and that would let a server's text move a terminal's cursor.
func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// hasControl reports whether s holds a control character (see isControl).
func hasControl(s string) bool { return strings.ContainsFunc(s, isControl) }

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// atoi reads a non-empty run of ASCII digits as a number; ok is false for
// anything else. Callers bound the length, so it cannot overflow.
func atoi[S string | []byte](s S) (n int, ok bool) {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, len(s) > 0
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// isToken reports whether s is an RFC 9110 token, as a header name must be.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0 {
			continue
		}
		return false
	}
	return s != ""
}

// oneLine keeps an error on one line even when a server's message has many,
// and keeps a server's control characters (terminal escapes among them) out
// of logs.
func oneLine(s string) string {
	if !hasControl(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return isControl(r) || r == ' ' }), " ")
}

// truncate shortens s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// stringValue describes a string a server sent, for a decode error: quoted
// whole when it is at most n bytes of what a number or a timestamp is made
// of (digits, signs, separators, T and Z), by its length otherwise. A value
// of any other text may be a secret of the answer itself (a wallet's token
// in a field of the wrong shape), which no scrub of the call's secrets
// knows. It never cuts the text: the error's text is scrubbed of the
// call's secrets later (clean), and a secret cut in two would escape the
// scrub, its first bytes left in the error.
func stringValue(s string, n int) string {
	if len(s) <= n && strings.Trim(s, "0123456789+-.,:/ TZtzeE") == "" {
		return "string " + strconv.Quote(s)
	}
	return "string of " + strconv.Itoa(len(s)) + " bytes"
}

// clean makes text from a server fit an error message: secrets scrubbed
// first, so that cutting the text short cannot leave a secret's first half,
// then on one line, then at most n bytes.
func clean(text string, n int, s scrubber) string {
	return truncate(oneLine(s.scrub(text)), n)
}
