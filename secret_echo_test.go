package juspay_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// Echoes of a secret the probes of secret_chain_test.go do not make: in a
// field the SDK quotes, in a body's own secrets, in net/http's own error,
// spelt with escapes.

// TestConflictNeverQuotesAnEchoedCurrency: an order that already exists
// with another currency is a conflict, whose text names the currency
// Juspay holds. A server that echoes the key there (upper-cased, as the
// text shows a currency code) must not have it quoted.
func TestConflictNeverQuotesAnEchoedCurrency(t *testing.T) {
	c, _ := newRecordedClient(t, routes(t, map[string]httpmock.Responder{
		"POST /orders":         jsonResponder(400, `{"status":"Bad Request","error_code":"unique","error_message":"order already exists"}`),
		"GET /orders/ord_echo": jsonResponder(200, orderJSON("ord_echo", "100", testAPIKey, "NEW")),
	}))

	_, err := c.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_echo", Amount: *amt("100")})

	require.ErrorIs(t, err, juspay.ErrConflict)
	secrets := append([]string{testAPIKey, strings.ToUpper(testAPIKey)}, testSecrets...)
	assertNothingHolds(t, chainTexts(err), secrets, "the conflict")
	require.Contains(t, err.Error(), "ord_echo", "the conflict names the order")
}

// TestMintedTokenInAnErrorAnswerIsScrubbed: an error answer that carries
// secrets of its own (a client auth token minted before the call failed, a
// wallet's token) has them replaced in the APIError, its fields and its
// Body, as the call's own secrets are.
func TestMintedTokenInAnErrorAnswerIsScrubbed(t *testing.T) {
	const minted, walletToken = "tkn_minted_9a8b7c6d", "tok_wallet_1q2w3e4r"
	body := `{"status":"Bad Request","error_code":"invalid","error_message":"juspay block: ` + minted + `",` +
		`"juspay":{"client_auth_token":"` + minted + `","client_auth_token_expiry":"2020-03-17T14:28:37Z"},` +
		`"list":[{"id":"wlt_1","token":"` + walletToken + `"}]}`
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, _ := newRecordedClient(t, jsonResponder(400, body, "X-Request-Id", "req_"+minted), juspay.WithLogger(logger))

	_, err := c.Customers.Create(context.Background(), &juspay.CreateCustomerParams{ObjectReferenceID: "ref_1", MobileNumber: "9999999999", ClientAuthToken: true})

	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assertNothingHolds(t, append(chainTexts(err), logs.String()), []string{minted, walletToken}, "the error answer")
	assert.Contains(t, string(apiErr.Body), `"client_auth_token":"[redacted]"`)
	assert.Contains(t, string(apiErr.Body), `"client_auth_token_expiry":"2020-03-17T14:28:37Z"`, "what is not secret is kept")
	assert.Equal(t, "juspay block: [redacted]", apiErr.ErrorMessage)
}

// TestMalformedAnswerEchoingTheKey: a broken server answers with a status
// line and a header line that echo the Authorization header it was sent.
// net/http's error quotes such lines; the call's error, and every error
// it wraps, must not.
func TestMalformedAnswerEchoingTheKey(t *testing.T) {
	for name, answer := range map[string]string{
		"status line": "%s 200 OK\r\n\r\n",
		"header line": "HTTP/1.1 200 OK\r\n%s\r\nContent-Length: 0\r\n\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			done := make(chan struct{})
			go func() {
				defer close(done)
				conn, err := ln.Accept()
				if err != nil {
					return
				}
				defer conn.Close()
				req, err := http.ReadRequest(bufio.NewReader(conn))
				if err != nil {
					return
				}
				fmt.Fprintf(conn, answer, req.Header.Get("Authorization"))
			}()
			c := newServerClient(t, "http://"+ln.Addr().String(), juspay.WithMaxRetries(0))

			_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)

			require.Error(t, err)
			ln.Close()
			<-done
			assertNothingHolds(t, chainTexts(err), append([]string{testAuthorization}, testSecrets...), "the error chain")
			assert.Contains(t, err.Error(), "[redacted]", "the line was quoted, scrubbed")
		})
	}
}

// TestEscapedEchoInTheBodyIsScrubbed: JSON lets a server spell any
// character as \uXXXX, so an echoed key need not be the key's bytes in
// the body. APIError.Body, its fields and its %#v hold it in no spelling.
func TestEscapedEchoInTheBodyIsScrubbed(t *testing.T) {
	escaped := `\u00` + fmt.Sprintf("%x", testAPIKey[0]) + testAPIKey[1:]
	otpEscaped := `\u0034` + probeOTP[1:]
	c, _ := newRecordedClient(t, jsonResponder(401, `{"error_code":"auth","error_message":"key `+escaped+` revoked, otp `+otpEscaped+`"}`))

	_, err := c.Wallets.Link(context.Background(), "wlt_1", probeOTP)

	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assertNothingHolds(t, chainTexts(err), []string{testAPIKey[1:], probeOTP[1:]}, "the error")
	assert.Equal(t, "key [redacted] revoked, otp [redacted]", apiErr.ErrorMessage)
	assert.JSONEq(t, `{"error_code":"auth","error_message":"key [redacted] revoked, otp [redacted]"}`, string(apiErr.Body))
}

// TestResponseHeaderEchoIsScrubbed: a server (a debugging proxy) that
// echoes the request's Authorization in a header of its answer: the
// Response a call fills in holds it nowhere, printed or read.
func TestResponseHeaderEchoIsScrubbed(t *testing.T) {
	for _, status := range []int{200, 502} {
		c, _ := newRecordedClient(t, jsonResponder(status, `{"object":"list","list":[]}`,
			"X-Echo-Authorization", testAuthorization, "X-Request-Id", "req_1"), juspay.WithMaxRetries(0))
		var resp juspay.Response

		_, _ = c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithResponseInto(&resp))

		require.Equal(t, status, resp.StatusCode)
		assert.Equal(t, "req_1", resp.RequestID)
		assert.Equal(t, "Basic [redacted]", resp.Header.Get("X-Echo-Authorization"), "%d", status)
		assertNothingHolds(t, append(reachableStrings(resp), fmt.Sprintf("%+v", resp)),
			append([]string{testAuthorization}, testSecrets...), "the response")
	}
}

// TestDoQuerySecretsStayOut: a secret in the query of Do's path (an OTP,
// a token) is scrubbed from errors and logs, as one in its form is; the
// operation named in the logs is the path.
func TestDoQuerySecretsStayOut(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, _ := newRecordedClient(t, jsonResponder(400, `{"error_code":"bad","error_message":"otp `+probeOTP+` expired"}`,
		"X-Request-Id", "req_"+probeToken), juspay.WithLogger(logger))

	err := c.Do(context.Background(), http.MethodGet, "/wallets/wlt_1?otp="+probeOTP+"&token="+probeToken, nil, nil)

	require.ErrorIs(t, err, juspay.ErrInvalidRequest)
	assertNothingHolds(t, append(chainTexts(err), logs.String()), []string{probeOTP, probeToken}, "Do's error and log")
	assert.Contains(t, logs.String(), `"op":"GET /wallets/wlt_1?otp=[redacted]`)

	err = c.Do(context.Background(), http.MethodGet, "/wallets/wlt_1?otp="+probeOTP, nil, 5)
	requireInvalid(t, err, "out")
	assertNothingHolds(t, chainTexts(err), []string{probeOTP}, "Do's refusal")
}

// TestDecodeErrorQuotesNoTokenOfTheAnswer: a wallet answer holding a
// secret of its own (a wallet token, no secret of the call) in a field of
// the wrong shape: the decode error names the field and the value's length,
// never the value.
func TestDecodeErrorQuotesNoTokenOfTheAnswer(t *testing.T) {
	const minted = "tok_own_5f6a7b8c"
	for _, field := range []string{"last_refreshed", "current_balance"} {
		c, _ := newRecordedClient(t, jsonResponder(200, `{"id":"wlt_1","token":"`+minted+`","`+field+`":"`+minted+`"}`))

		_, err := c.Wallets.Get(context.Background(), "wlt_1")

		require.Error(t, err, field)
		assert.Contains(t, err.Error(), field)
		assertNothingHolds(t, chainTexts(err), []string{minted}, "the decode error")
	}
	c, _ := newRecordedClient(t, jsonResponder(200, `{"id":"wlt_1","last_refreshed":"2023-13-45T08:29:47Z"}`))
	_, err := c.Wallets.Get(context.Background(), "wlt_1")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `got string "2023-13-45T08:29:47Z"`, "a value that can only be a bad timestamp is quoted")
}

// TestContentTypeEchoOutOfReflectionsReach: the media type an APIError
// keeps for its text is scrubbed as it is kept, not only when printed:
// go-spew reads unexported fields.
func TestContentTypeEchoOutOfReflectionsReach(t *testing.T) {
	c, mt := newMockClient(t, juspay.WithMaxRetries(0))
	mt.RegisterNoResponder(bodyResponder(502, "text/"+testAPIKey, "<html>bad gateway</html>"))

	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)

	require.ErrorIs(t, err, juspay.ErrServer)
	assertNothingHolds(t, chainTexts(err), testSecrets, "the error")
	assert.Contains(t, err.Error(), "text/[redacted] body")
}
