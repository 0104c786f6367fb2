package webhook

import (
	"net/url"
	"strings"
)

// encoders are the percent-encodings that Juspay's samples sign return URLs
// with. They agree on letters, digits, "-", "_" and ".", and so on every
// parameter Juspay itself sends (order_id, status, status_id); they differ on
// a space, "*" and "~", which only a merchant's own return URL parameters
// hold.
var encoders = []func(string) string{
	// Go's form encoding: a space is "+", "~" is kept, "*" is encoded.
	url.QueryEscape,
	// Java's URLEncoder (Juspay's HMACsignature.java): a space is "+", "*"
	// is kept, "~" is encoded.
	func(s string) string { return escape(s, "-_.*", "+") },
	// JavaScript's encodeURIComponent with !'()* encoded as well (Juspay's
	// Node kit): a space is "%20", "~" is kept.
	func(s string) string { return escape(s, "-_.~", "%20") },
}

// escape percent-encodes every byte of s but ASCII letters, digits and the
// bytes in keep, writing a space as space.
func escape(s, keep, space string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) * 3)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte(keep, c) >= 0:
			b.WriteByte(c)
		case c == ' ':
			b.WriteString(space)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
