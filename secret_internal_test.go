package juspay

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestScrub(t *testing.T) {
	s := newScrubber([]string{"tk_ecbio8b69p8aiojdnap9b8u ", "ab", ""})
	assert.Equal(t, "token [redacted] and [redacted]!", s.scrub("token tk_ecbio8b69p8aiojdnap9b8u  and tk_ecbio8b69p8aiojdnap9b8u!"),
		"a secret with a trailing space is scrubbed with and without it")
	assert.Equal(t, "ab stays: too short to scrub without mangling the text", s.scrub("ab stays: too short to scrub without mangling the text"))
	assert.Equal(t, "tk_ecbio8b69p8aiojdnap9b8u", scrubber{}.scrub("tk_ecbio8b69p8aiojdnap9b8u"), "the zero scrubber removes nothing")

	more := s.with([]string{"otp_482913"})
	assert.Equal(t, "[redacted] and [redacted]", more.scrub("otp_482913 and tk_ecbio8b69p8aiojdnap9b8u"))
	assert.Equal(t, "otp_482913", s.scrub("otp_482913"), "with leaves the scrubber it extends alone")
}

// TestSealedPrintsAMask: whatever prints a sealed value directly, fmt with
// any verb, slog or encoding/json, prints the mask; only get opens it.
func TestSealedPrintsAMask(t *testing.T) {
	s := seal([]string{"Basic c2tfdGVzdDo="})
	for _, got := range []string{fmt.Sprint(s), fmt.Sprintf("%#v", s), fmt.Sprintf("%+v", s), fmt.Sprintf("%x", s), s.String()} {
		assert.Equal(t, redacted, got)
	}
	assert.Equal(t, redacted, s.LogValue().String())
	b, err := json.Marshal(s)
	assert.NoError(t, err)
	assert.Equal(t, `"`+redacted+`"`, string(b))
	assert.Equal(t, []string{"Basic c2tfdGVzdDo="}, s.get())
	assert.Nil(t, sealed[[]string]{}.get(), "the zero sealed opens to nothing")
}
