package juspay

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestScrub(t *testing.T) {
	s := newScrubber([]string{"tk_ecbio8b69p8aiojdnap9b8u ", "ab", ""})
	assert.Equal(t, "token [REDACTED] and [REDACTED]!", s.scrub("token tk_ecbio8b69p8aiojdnap9b8u  and tk_ecbio8b69p8aiojdnap9b8u!"),
		"a secret with a trailing space is scrubbed with and without it")
	assert.Equal(t, "ab stays: too short to scrub without mangling the text", s.scrub("ab stays: too short to scrub without mangling the text"))
	assert.Equal(t, "tk_ecbio8b69p8aiojdnap9b8u", scrubber{}.scrub("tk_ecbio8b69p8aiojdnap9b8u"), "the zero scrubber removes nothing")

	more := s.with([]string{"otp_482913"})
	assert.Equal(t, "[REDACTED] and [REDACTED]", more.scrub("otp_482913 and tk_ecbio8b69p8aiojdnap9b8u"))
	assert.Equal(t, "otp_482913", s.scrub("otp_482913"), "with leaves the scrubber it extends alone")
}
