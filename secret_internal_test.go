package juspay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// timeoutErr is a transport's timeout whose text quotes what a server said.
type timeoutErr struct{ said string }

func (e timeoutErr) Error() string { return "i/o timeout after " + e.said }
func (e timeoutErr) Timeout() bool { return true }

func TestCleanChain(t *testing.T) {
	s := newScrubber(secretForms([]string{"otp_482913"}))

	clean := &url.Error{Op: "Post", URL: "https://x/y", Err: context.DeadlineExceeded}
	assert.Same(t, clean, s.cleanChain(clean), "a chain without a secret is kept as it is")

	dirty := &url.Error{Op: "Post", URL: "https://x/otp_482913",
		Err: fmt.Errorf("proxy said %q: %w", "otp_482913", errors.Join(timeoutErr{"otp_482913"}, context.DeadlineExceeded))}
	got := s.cleanChain(dirty)

	var ue *url.Error
	require.ErrorAs(t, got, &ue, "the *url.Error keeps its type")
	assert.Equal(t, "https://x/[redacted]", ue.URL)
	assert.False(t, ue.Timeout(), "as the original: its Err is no timeout")
	assert.ErrorIs(t, got, context.DeadlineExceeded, "sentinels are kept")
	assert.Equal(t, `Post "https://x/[redacted]": proxy said "[redacted]": i/o timeout after [redacted]`+"\n"+
		"context deadline exceeded", got.Error())
	for e := []error{got}; len(e) > 0; e = e[1:] {
		assert.NotContains(t, e[0].Error(), "482913")
		e = append(e, unwrapAll(e[0])...)
	}
	assert.Contains(t, dirty.Error(), "otp_482913", "the original is left as it was")

	timedOut := s.cleanChain(&url.Error{Op: "Get", URL: "https://x", Err: timeoutErr{"otp_482913"}})
	require.ErrorAs(t, timedOut, &ue)
	assert.True(t, ue.Timeout(), "a timeout stays a timeout")
	assert.Equal(t, `Get "https://x": i/o timeout after [redacted]`, timedOut.Error())
}

func TestFormSecrets(t *testing.T) {
	form := url.Values{"otp": {"482913"}, "direct_wallet_token": {"tk_1"}, "Client_Auth_Token": {"cat_1"},
		"password": {"pw"}, "command": {"link"}, "order_id": {"ord_1"}, "client_auth_token_expiry": {"2020"}}
	assert.ElementsMatch(t, []string{"482913", "tk_1", "cat_1", "pw"}, formSecrets(form))
}

func TestBodySecrets(t *testing.T) {
	body := `{"a":{"token":"tok_t1","n":[1,{"x":"y"}]},"token":"tok_t2","list":[{"otp":"482913"},{"client_auth_token":"cat_c1",` +
		`"client_auth_token_expiry":"2020-03-17"}],"after":"token","password":"","direct_wallet_token":7,"Otp":"482914",` +
		`"wallet_token":"FILTERED","access_token":"null","refresh_token":"ab12"}`
	assert.Equal(t, []string{"tok_t1", "tok_t2", "482913", "cat_c1", "482914"}, bodySecrets([]byte(body)),
		"placeholders and values too short to be secrets are left")
	assert.Equal(t, []string{"tok_t1"}, bodySecrets([]byte(`{"token":"tok_t1","otp":"cut`)), "a body cut short: what was read")
	assert.Empty(t, bodySecrets([]byte(`<html>token</html>`)))
	assert.Empty(t, bodySecrets([]byte(`["token","tok_t1"]`)), "an array's strings are no keys")
}

func TestScrubEscaped(t *testing.T) {
	s := newScrubber(secretForms([]string{"sk_live_ab12"}))
	body := `{"a": "\u0073k_live_ab12 said", "b":"kept \u00e9",` + "\n" + ` "c" : ["x","sk_\u006cive_ab12"], "\u0073k_live_ab12":1}`
	assert.Equal(t, `{"a": "[redacted] said", "b":"kept \u00e9",`+"\n"+` "c" : ["x","[redacted]"], "[redacted]":1}`,
		string(s.scrubEscaped([]byte(body))))
	plain := []byte(`{"a":"\u00e9"}`)
	assert.Equal(t, plain, s.scrubEscaped(plain), "nothing to scrub: kept as it is")
	cut := []byte(`{"a":"\u0073k_live_ab12","b":"\u0073k_li`)
	assert.Equal(t, `{"a":"[redacted]","b":"\u0073k_li`, string(s.scrubEscaped(cut)), "a body cut short")
}

func TestScrubbedBodyStaysWithinTheCap(t *testing.T) {
	s := newScrubber(secretForms([]string{"otp123"}))
	body := []byte(strings.Repeat(`"otp123"é`, maxErrorBody/10+1))[:maxErrorBody]
	e := &APIError{Body: body}
	e.scrubFields(s)
	assert.LessOrEqual(t, len(e.Body), maxErrorBody, "a mask longer than the secret")
	assert.True(t, utf8.Valid(e.Body[len(e.Body)-8:]), "cut on a rune boundary")
	assert.NotContains(t, string(e.Body), "otp123")
}
