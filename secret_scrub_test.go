package juspay_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// The tests in this file plant the call's secrets where a hostile or broken
// server can echo them, and check that they leave the process through
// nothing the SDK writes: errors, log records, formatted values, the
// exported fields of an APIError.

// A server echoing the key, or the Authorization value, in x-request-id
// must not put it in a log record: every attribute a record takes from the
// network is scrubbed.
func TestRequestIDEchoingTheKeyIsScrubbedFromLogs(t *testing.T) {
	for _, echoed := range []string{testAPIKey, testAuthorization} {
		var buf bytes.Buffer
		logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
		c, mt := newMockClient(t, juspay.WithLogger(logger), juspay.WithMaxRetries(1))
		calls := 0
		mt.RegisterResponder(http.MethodGet, refreshURL(testCustomerID), func(*http.Request) (*http.Response, error) {
			calls++
			status, body := http.StatusServiceUnavailable, `{}`
			if calls > 1 {
				status, body = http.StatusOK, `{"list":[]}`
			}
			resp := httpmock.NewStringResponse(status, body)
			resp.Header.Set("X-Request-Id", "req_"+echoed+"_1")
			return resp, nil
		})
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.NoError(t, err)
		require.NotEmpty(t, logRecords(t, &buf))
		assertNoSecret(t, buf.String())
	}
}

// Text from a server is scrubbed before it is cut short: a secret echoed
// after padding, so that a cut falls inside it, must not leave its first
// bytes in the error.
func TestSecretAfterPaddingIsScrubbedBeforeTheCut(t *testing.T) {
	pad := strings.Repeat("x", 25)
	for _, tc := range []struct {
		name, contentType, body string
	}{
		{"2xx Content-Type", "text/" + strings.Repeat("x", 45) + testAPIKey, `<html></html>`},
		{"last_refreshed", "application/json", `{"list":[{"last_refreshed":"` + pad + testAPIKey + `"}]}`},
		{"current_balance", "application/json", `{"list":[{"current_balance":"` + pad + testAPIKey + `"}]}`},
		{"sub-detail current_balance", "application/json", `{"list":[{"sub_details":[{"current_balance":"` + pad + testAPIKey + `"}]}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := newMockClient(t, juspay.WithMaxRetries(0))
			mt.RegisterResponder(http.MethodGet, refreshURL(testCustomerID), func(*http.Request) (*http.Response, error) {
				resp := httpmock.NewStringResponse(http.StatusOK, tc.body)
				resp.Header.Set("Content-Type", tc.contentType)
				return resp, nil
			})
			_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
			require.Error(t, err)
			for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
				assertNoPartOf(t, s, testAPIKey, "")
			}
		})
	}
}

// captureT collects what a failing testify assertion would print: its
// diff, which go-spew writes field by field, methods disabled.
type captureT struct{ out strings.Builder }

func (c *captureT) Errorf(format string, args ...any) { fmt.Fprintf(&c.out, format, args...) }

// An APIError's exported text fields hold no secret of the call: a server
// echoing the key, the Authorization value or the OTP has it replaced
// there, as in Error, so that %p of a value, a testify diff or reading the
// fields shows none.
func TestAPIErrorFieldsAreScrubbed(t *testing.T) {
	const otp = "482913"
	echo := testAPIKey + " " + testAuthorization + " " + otp
	body := fmt.Sprintf(`{"status":%q,"error_code":%q,"error_message":%q,"user_message":%q,`+
		`"error_info":{"code":%q,"category":%q,"user_message":%q,"developer_message":%q,"fields":[{"field_name":%q,"reason":%q}]}}`,
		echo, echo, echo, echo, echo, echo, echo, echo, echo, echo)
	c, mt := newMockClient(t)
	mt.RegisterNoResponder(func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(http.StatusBadRequest, body)
		resp.Header.Set("Content-Type", "application/json")
		resp.Header.Set("X-Request-Id", "req_"+otp)
		return resp, nil
	})
	_, err := c.Wallets.Link(context.Background(), "wlt_1", otp)
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	secrets := append([]string{otp}, testSecrets...)

	require.NotNil(t, apiErr.Info)
	require.Len(t, apiErr.Info.Fields, 1)
	for _, s := range reachableStrings(apiErr) {
		assertNoSecret(t, s, secrets...)
	}
	assert.Contains(t, apiErr.ErrorMessage, "[redacted]", "the field says something was removed")
	ct := &captureT{}
	assert.Equal(ct, &juspay.APIError{}, apiErr)
	require.NotEmpty(t, ct.out.String())
	for _, s := range []string{ct.out.String(), fmt.Sprintf("%p", *apiErr), fmt.Sprintf("%#v", apiErr), err.Error()} {
		assertNoSecret(t, s, secrets...)
	}
}

// A secret echoed in an encoded form (form-encoded, path-escaped, base64,
// JSON-escaped) is scrubbed as the secret itself is.
func TestEncodedSecretsAreScrubbed(t *testing.T) {
	const token = "tok+a/b=c<d>&e f"
	forms := []string{
		url.QueryEscape(token),                  // tok%2Ba%2Fb%3Dc%3Cd%3E%26e+f
		strings.ToLower(url.QueryEscape(token)), // tok%2ba%2fb...
		url.PathEscape(token),                   // tok+a%2Fb=c%3Cd%3E&e%20f
		base64.StdEncoding.EncodeToString([]byte(token)),
		`tok+a\/b=c\u003cd\u003e\u0026e f`, // JSON, escaped as encoding/json and PHP do
	}
	for _, form := range forms {
		var buf bytes.Buffer
		logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
		c, mt := newMockClient(t, juspay.WithLogger(logger))
		mt.RegisterNoResponder(func(*http.Request) (*http.Response, error) {
			resp := httpmock.NewStringResponse(http.StatusBadRequest,
				`{"error_message":"bad token `+strings.ReplaceAll(form, `\`, `\\`)+`","user_message":"`+form+`"}`)
			resp.Header.Set("X-Request-Id", form)
			return resp, nil
		})
		_, err := c.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
			OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: token,
		})
		var apiErr *juspay.APIError
		require.ErrorAs(t, err, &apiErr, form)
		for _, s := range append(reachableStrings(apiErr), err.Error(), fmt.Sprintf("%#v", err), buf.String()) {
			assert.NotContains(t, s, form)
			assert.NotContains(t, s, token)
		}
	}
}

// Overlapping secrets are scrubbed longest first: an OTP that is part of
// the key must not split the key so that the rest of it escapes.
func TestOverlappingSecretsAreScrubbedLongestFirst(t *testing.T) {
	otp := testAPIKey[8:14] // "Q7fK2m", inside the key
	c, mt := newMockClient(t)
	mt.RegisterNoResponder(httpmock.NewStringResponder(http.StatusUnauthorized,
		`{"error_message":"key `+testAPIKey+` is revoked"}`))
	_, err := c.Wallets.Link(context.Background(), "wlt_1", otp)
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	for _, s := range []string{err.Error(), apiErr.ErrorMessage, string(apiErr.Body)} {
		assertNoPartOf(t, s, testAPIKey, "")
		assert.Contains(t, s, "key [redacted] is revoked")
	}
}
