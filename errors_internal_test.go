package juspay

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A call's own secrets (a wallet token, an OTP) join the API key in the
// list every error scrubs. The calls that send them are tested elsewhere;
// these tests drive the two error types directly, with secrets placed where
// the text is cut short.

var callSecrets = []string{"sk_live_8c1d2e3f4a5b", "tok_winysteev9eftrwcv6me", "482913"}

func TestAPIErrorScrubsCallSecrets(t *testing.T) {
	for _, secret := range callSecrets {
		for _, pad := range []int{0, 150, 190, 195, 199, 230} {
			e := &APIError{
				StatusCode:   400,
				ErrorCode:    "bad_" + secret,
				ErrorMessage: strings.Repeat("m", pad) + secret + " is wrong",
				RequestID:    strings.Repeat("r", pad%64) + secret,
				Body:         []byte(secret),
				op:           "link wallet",
				contentType:  "application/json",
				scrub:        newScrubber(callSecrets),
			}
			for _, s := range []string{e.Error(), fmt.Sprintf("%v", e), fmt.Sprintf("%#v", e), fmt.Sprintf("%d", e), fmt.Sprintf("%+v", *e), e.GoString()} {
				assert.NotContains(t, s, secret)
				assert.NotContains(t, s, secret[:5], "no first half of a secret cut short: %s", s)
			}
		}
	}
}

func TestRequestErrorScrubsCallSecrets(t *testing.T) {
	for _, secret := range callSecrets {
		e := &requestError{
			op:       "direct debit",
			what:     "request failed",
			err:      fmt.Errorf("%s: proxy refused %s", strings.Repeat("x", 290), secret),
			attempts: 1,
			unknown:  true,
			ctxErr:   context.Canceled,
			scrub:    newScrubber(callSecrets),
		}
		for _, s := range []string{e.Error(), fmt.Sprintf("%v", e), fmt.Sprintf("%#v", e), fmt.Sprintf("%+v", e), fmt.Sprintf("%s", e)} {
			assert.NotContains(t, s, secret[:5], s)
		}
		assert.True(t, errors.Is(e, ErrOutcomeUnknown))
		assert.True(t, errors.Is(e, context.Canceled))
	}
}

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
