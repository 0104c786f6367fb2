package juspay_test

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// assertAPIError compares the exported fields of an APIError.
func assertAPIError(t *testing.T, want juspay.APIError, got *juspay.APIError) {
	t.Helper()
	require.NotNil(t, got)
	exported := juspay.APIError{
		StatusCode: got.StatusCode, Status: got.Status, ErrorCode: got.ErrorCode,
		ErrorMessage: got.ErrorMessage, UserMessage: got.UserMessage, Info: got.Info,
		RequestID: got.RequestID, Body: got.Body,
	}
	assert.Equal(t, want, exported)
}

// refreshAllError makes one RefreshAll call, answered by respond, with no
// retries, and returns its *APIError and the error it came in.
func refreshAllError(t *testing.T, respond httpmock.Responder, opts ...juspay.Option) (*juspay.APIError, error) {
	t.Helper()
	c, mt := newMockClient(t, append([]juspay.Option{juspay.WithMaxRetries(0)}, opts...)...)
	mt.RegisterResponder("GET", refreshURL(testCustomerID), respond)
	list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	assert.Nil(t, list)
	require.Error(t, err)
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	return apiErr, err
}

// bodyResponder answers with status, the Content-Type given, and body.
func bodyResponder(status int, contentType, body string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(status, body)
		if contentType != "" {
			resp.Header.Set("Content-Type", contentType)
		}
		return resp, nil
	}
}

func TestAPIErrorWhateverTheBody(t *testing.T) {
	errorInfo := `{"status":"Bad Request","error_code":"E400","error_message":"Invalid input",
		"error_info":{"code":"INVALID_INPUT","category":"USER_ERROR","user_message":"Check the mobile number",
		"developer_message":"mobile_number is invalid","fields":[{"field_name":"mobile_number","reason":"too short"}]}}`
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		want        juspay.APIError
		text        string // what Error() must hold
	}{
		{
			name: "documented 400", status: 400, contentType: "application/json",
			body: `{"status":"Invalid Request","error_code":"null_error","error_message":"Customer not found for given customerId."}`,
			want: juspay.APIError{Status: "Invalid Request", ErrorCode: "null_error", ErrorMessage: "Customer not found for given customerId."},
			text: "juspay: refresh all wallets: 400 Bad Request: null_error: Customer not found for given customerId.",
		},
		{
			name: "error_info with fields", status: 400, contentType: "application/json", body: errorInfo,
			want: juspay.APIError{
				Status: "Bad Request", ErrorCode: "E400", ErrorMessage: "Invalid input",
				UserMessage: "Check the mobile number",
				Info: &juspay.ErrorInfo{
					Code: "INVALID_INPUT", Category: "USER_ERROR", UserMessage: "Check the mobile number",
					DeveloperMessage: "mobile_number is invalid",
					Fields:           []juspay.FieldError{{FieldName: "mobile_number", Reason: "too short"}},
				},
			},
			text: "E400: Invalid input",
		},
		{
			name: "top-level user_message wins", status: 403, contentType: "application/json",
			body: `{"user_message":"top","error_info":{"user_message":"nested","developer_message":"dev"}}`,
			want: juspay.APIError{UserMessage: "top", Info: &juspay.ErrorInfo{UserMessage: "nested", DeveloperMessage: "dev"}},
			text: "403 Forbidden: dev",
		},
		{
			name: "other JSON", status: 404, contentType: "application/json",
			body: `{"message":"no route","code":404}`,
			text: "juspay: refresh all wallets: 404 Not Found",
		},
		{
			name: "JSON of other types", status: 422, contentType: "application/json",
			body: `{"status":{"x":1},"error_code":17,"error_message":["a"],"error_info":"oops"}`,
			want: juspay.APIError{ErrorCode: "17"},
			text: "422 Unprocessable Entity: 17",
		},
		{
			name: "a JSON array", status: 500, contentType: "application/json", body: `[1,2,3]`,
			text: "500 Internal Server Error",
		},
		{
			name: "HTML from a proxy", status: 502, contentType: "text/html; charset=utf-8",
			body: "<html><body><h1>502 Bad Gateway</h1></body></html>",
			text: "juspay: refresh all wallets: 502 Bad Gateway (text/html body, not Juspay's JSON)",
		},
		{
			name: "empty body", status: 503, body: "",
			text: "juspay: refresh all wallets: 503 Service Unavailable (empty body)",
		},
		{
			name: "a redirect", status: 302, body: "",
			text: "302 Found",
		},
		{
			name: "an unknown status", status: 599, contentType: "text/plain", body: "down",
			text: "juspay: refresh all wallets: 599 (text/plain body",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			apiErr, err := refreshAllError(t, bodyResponder(tt.status, tt.contentType, tt.body))
			tt.want.StatusCode = tt.status
			tt.want.Body = []byte(tt.body)
			if tt.body == "" {
				tt.want.Body = apiErr.Body // empty, nil or not
				assert.Empty(t, apiErr.Body)
			}
			assertAPIError(t, tt.want, apiErr)
			assert.Contains(t, err.Error(), tt.text)
		})
	}
}

func TestAPIErrorSentinels(t *testing.T) {
	sentinels := []error{
		juspay.ErrInvalidRequest, juspay.ErrAuthentication, juspay.ErrForbidden,
		juspay.ErrNotFound, juspay.ErrRateLimited, juspay.ErrServer,
	}
	tests := []struct {
		status int
		want   error // nil: no sentinel matches
	}{
		{400, juspay.ErrInvalidRequest},
		{401, juspay.ErrAuthentication},
		{403, juspay.ErrForbidden},
		{404, juspay.ErrNotFound},
		{429, juspay.ErrRateLimited},
		{500, juspay.ErrServer},
		{502, juspay.ErrServer},
		{503, juspay.ErrServer},
		{504, juspay.ErrServer},
		{599, juspay.ErrServer},
		{302, nil},
		{402, nil},
		{405, nil},
		{408, nil},
		{409, nil},
		{422, nil},
		{451, nil},
	}
	for _, tt := range tests {
		apiErr, err := refreshAllError(t, bodyResponder(tt.status, "", ""))
		assert.Equal(t, tt.status, apiErr.StatusCode)
		for _, s := range sentinels {
			assert.Equal(t, s == tt.want, errors.Is(err, s), "%d: errors.Is(err, %v)", tt.status, s)
		}
		assert.False(t, errors.Is(err, juspay.ErrOutcomeUnknown), "%d: a response is a known outcome", tt.status)
	}
}

func TestAPIErrorRequestID(t *testing.T) {
	tests := []struct {
		header []string
		want   string
	}{
		{[]string{"X-Request-Id", "req_abc"}, "req_abc"},
		{[]string{"X-Response-Id", "resp_abc"}, "resp_abc"},
		{[]string{"X-Request-Id", "req_abc", "X-Response-Id", "resp_abc"}, "req_abc"},
		{nil, ""},
	}
	for _, tt := range tests {
		apiErr, err := refreshAllError(t, jsonResponder(400, `{"error_code":"null_error"}`, tt.header...))
		assert.Equal(t, tt.want, apiErr.RequestID)
		if tt.want != "" {
			assert.Contains(t, err.Error(), tt.want, "the request id is in the text, for support")
		} else {
			assert.NotContains(t, err.Error(), "request id")
		}
	}
}

func TestAPIErrorBodyCapped(t *testing.T) {
	big := `{"error_message":"` + strings.Repeat("x", 1<<20) + `"}`
	apiErr, _ := refreshAllError(t, jsonResponder(400, big))
	assert.Len(t, apiErr.Body, 64<<10)
	assert.Equal(t, big[:64<<10], string(apiErr.Body))
}

func TestAPIErrorTextIsShort(t *testing.T) {
	long := strings.Repeat("Customer not found. ", 3000) // 60 KB, under the body cap
	huge := strings.Repeat("y", 1<<20)
	bodies := []string{
		`{"error_code":"` + long + `","error_message":"` + long + `"}`,
		`{"error_message":"` + huge + `"}`,
		`{"error_info":{"developer_message":"` + long + `"}}`,
		`{"error_message":"line one\nline two\r\n\tline three"}`,
	}
	for _, body := range bodies {
		_, err := refreshAllError(t, jsonResponder(400, body, "X-Request-Id", strings.Repeat("r", 4096)))
		text := err.Error()
		assert.True(t, strings.HasPrefix(text, "juspay: refresh all wallets: 400 Bad Request"), text)
		assert.Less(t, len(text), 400, text)
		assert.NotContains(t, text, "\n")
		assert.NotContains(t, text, "\r")
		assert.NotContains(t, text, "\t")
	}

	// A server's terminal escapes do not reach the logs.
	_, err := refreshAllError(t, jsonResponder(400, `{"error_message":"\u001b[31mred\u001b[0m and \u0000 nul"}`))
	assert.NotContains(t, err.Error(), "\x1b")
	assert.NotContains(t, err.Error(), "\x00")
	assert.Contains(t, err.Error(), "red")
}

// TestAPIErrorNeverHoldsTheKey has the server echo the key and the
// Authorization header everywhere it can, and looks for them in every way
// the error can be printed.
func TestAPIErrorNeverHoldsTheKey(t *testing.T) {
	echoes := []string{testAPIKey, testAuthorization, "Basic " + testSecrets[1]}
	for _, echo := range echoes {
		// The echo lands where Error() cuts the message short: the secret
		// must not survive even in part.
		for _, pad := range []int{0, 190, 195, 199, 240} {
			msg := strings.Repeat("m", pad) + echo + " rejected"
			body := fmt.Sprintf(`{"status":%q,"error_code":%q,"error_message":%q,"user_message":%q,"error_info":{"developer_message":%q}}`,
				echo, echo, msg, echo, echo)
			apiErr, err := refreshAllError(t, jsonResponder(401, body, "X-Request-Id", strings.Repeat("r", pad%60)+echo))
			require.ErrorIs(t, err, juspay.ErrAuthentication)
			for _, s := range formatted(err) {
				assertNoSecret(t, s)
				assert.NotContains(t, s, testAPIKey[:12], "no part of the key")
			}
			assertNoSecret(t, string(apiErr.Body))
			assert.Contains(t, string(apiErr.Body), "[redacted] rejected", "Body is the body, its secrets replaced")
		}
	}
	// A proxy that names the key in its Content-Type.
	_, err := refreshAllError(t, bodyResponder(502, "text/html; key="+testAPIKey, "<html></html>"))
	for _, s := range formatted(err) {
		assertNoSecret(t, s)
	}
}

// formatted prints v every way a caller might: the error's text and fmt's
// verbs, %#v (which testify and debuggers use) included. Hex output is
// decoded back, so that a search sees the text.
func formatted(v any) []string {
	vals := []any{v}
	var apiErr *juspay.APIError
	if err, ok := v.(error); ok && errors.As(err, &apiErr) {
		vals = append(vals, apiErr, *apiErr)
	}
	var out []string
	for _, v := range vals {
		if err, ok := v.(error); ok {
			out = append(out, err.Error())
		}
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%T"} {
			out = append(out, fmt.Sprintf(verb, v))
		}
		for _, verb := range []string{"%x", "%X"} {
			b, err := hex.DecodeString(fmt.Sprintf(verb, v))
			if err != nil {
				b = []byte(fmt.Sprintf(verb, v))
			}
			out = append(out, string(b))
		}
	}
	return out
}

func TestAPIErrorFormat(t *testing.T) {
	apiErr, err := refreshAllError(t, jsonResponder(400,
		`{"status":"Invalid Request","error_code":"null_error","error_message":"Customer not found"}`,
		"X-Request-Id", "req_1"))
	text := err.Error()
	assert.Equal(t, text, fmt.Sprintf("%v", err))
	assert.Equal(t, text, fmt.Sprintf("%s", err))
	assert.Equal(t, fmt.Sprintf("%q", text), fmt.Sprintf("%q", err))
	gs := fmt.Sprintf("%#v", err)
	for _, want := range []string{"StatusCode:400", `ErrorCode:"null_error"`, `RequestID:"req_1"`, `Status:"Invalid Request"`} {
		assert.Contains(t, gs, want)
	}
	assert.Equal(t, gs, apiErr.GoString())
}

// Juspay's answer to a refund of an unknown order says what is wrong only in
// "status"; the error text must not lose it.
func TestAPIErrorTextFallsBackToStatus(t *testing.T) {
	body := string(readSample(t, "checkout/error--refund-order-not-found.json"))
	c, _ := newRecordedClient(t, jsonResponder(http.StatusBadRequest, body))
	_, err := c.Orders.Refund(context.Background(), "TEST1r32766", &juspay.RefundParams{UniqueRequestID: "rf_1", Amount: juspay.AmountFromMinorUnits(100)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "400 Bad Request: NOT_FOUND")
	assert.ErrorIs(t, err, juspay.ErrNotFound)
}
