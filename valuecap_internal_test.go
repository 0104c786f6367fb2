package juspay

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// valuesIn counts what valueCap counts, one byte at a time: the reference
// the chunked scan must agree with.
func valuesIn(s string) int {
	n, inString, escaped := 0, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case inString:
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '{' || c == '[' || c == ',':
			n++
		}
	}
	return n
}

// valueCap counts the same values whatever sizes the reads come in, and
// never counts what is inside a string, escaped quotes and backslashes
// included.
func TestValueCapCountsOutsideStrings(t *testing.T) {
	for _, body := range []string{
		`{"list":[{},{},{}]}`,
		`{"a":"{[,,,]}","b":[1,2,3]}`,
		`{"a":"x\"{,}\"y","b":{"c":"\\"},"d":[{},{}]}`,
		`{"a":"\\\\\"[,]","b":"\u0022{"}`,
		`["\\",{},"\\\"",[]]`,
	} {
		want := valuesIn(body)
		for chunk := 1; chunk <= len(body); chunk++ {
			v := &valueCap{left: maxJSONValues}
			for i := 0; i < len(body); i += chunk {
				assert.True(t, v.count([]byte(body[i:min(i+chunk, len(body))])))
			}
			assert.Equal(t, want, maxJSONValues-v.left, "%s in reads of %d bytes", body, chunk)
		}
	}
}
