package juspay

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":                  "plain text",
		"a\r\nb\tc":                   "a b c",
		"\x1b[31mred\x1b[0m":          "[31mred [0m",
		"nul\x00byte  and   spaces\n": "nul byte and spaces",
		"del\x7f":                     "del",
	} {
		assert.Equal(t, want, oneLine(in), "%q", in)
	}
}
