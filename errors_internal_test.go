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
