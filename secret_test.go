package juspay_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// String, Format and LogValue mask the key, but a printer that walks a value
// by reflection ignores them: go-spew, which testify uses for the diff of a
// failing assert.Equal, runs with methods disabled and reads unexported
// fields. So no value the SDK keeps may hold a secret where reflection can
// reach it, whatever the masks do.

// reachableStrings returns every string reflection can reach from v: every
// field (unexported ones too), pointer, interface, map key and value, slice
// and array element, with byte slices read as text. A func is an opaque
// address to reflection, as to fmt and go-spew: what it captured is out of
// reach.
func reachableStrings(v any) []string {
	type seenKey struct {
		typ reflect.Type
		ptr uintptr
		len int
	}
	seen := map[seenKey]bool{}
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if !v.IsValid() {
			return
		}
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Pointer, reflect.Map:
			if v.IsNil() {
				return
			}
			k := seenKey{v.Type(), v.Pointer(), 0}
			if seen[k] {
				return
			}
			seen[k] = true
			if v.Kind() == reflect.Pointer {
				walk(v.Elem())
				return
			}
			for it := v.MapRange(); it.Next(); {
				walk(it.Key())
				walk(it.Value())
			}
		case reflect.Interface:
			walk(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice:
			if v.IsNil() {
				return
			}
			k := seenKey{v.Type(), v.Pointer(), v.Len()}
			if seen[k] {
				return
			}
			seen[k] = true
			if v.Type().Elem().Kind() == reflect.Uint8 {
				out = append(out, string(v.Bytes()))
				return
			}
			fallthrough
		case reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}

// TestSecretsOutOfReflectionsReach walks a client and the errors of calls
// that carried an OTP, a wallet token and a client auth token, and finds none
// of them, nor the key in any form. The client is built over httpmock: what
// the SDK holds is what is checked here, where net/http's own connections
// keep the last bytes they wrote in their buffers, whoever built the client.
func TestSecretsOutOfReflectionsReach(t *testing.T) {
	const (
		otp         = "482913"
		walletToken = "tok_winysteev9eftrwcv6me"
		authToken   = "cat_7Hq2LxV9pRz4"
	)
	c, mt := newMockClient(t, juspay.WithMaxRetries(0))
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		switch {
		case strings.HasSuffix(req.URL.Path, "/txns"):
			return nil, errors.New("connection reset by peer")
		case req.FormValue("command") == "link":
			return jsonResponder(400, `{"status":"Invalid Request","error_code":"otp_error","error_message":"OTP expired"}`,
				"X-Request-Id", "req_reflect")(req)
		default:
			return jsonResponder(200, `{"id":"wlt_x","token":`, "X-Request-Id", "req_cut")(req)
		}
	})
	ctx := context.Background()

	_, linkErr := c.Wallets.Link(ctx, "wlt_x", otp)
	var apiErr *juspay.APIError
	require.ErrorAs(t, linkErr, &apiErr)
	_, debitErr := c.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: walletToken})
	require.ErrorIs(t, debitErr, juspay.ErrOutcomeUnknown, "a transport error")
	_, authErr := c.Wallets.Authenticate(ctx, "wlt_x", &juspay.AuthenticateWalletParams{ClientAuthToken: authToken})
	require.ErrorIs(t, authErr, juspay.ErrOutcomeUnknown, "an undecodable answer")
	require.Equal(t, 3, mt.GetTotalCallCount())

	type holder struct {
		name   string
		client juspay.Client
		err    error
	}
	values := map[string]any{
		"client":           c,
		"copied client":    *c,
		"client in holder": &holder{"h", *c, linkErr},
		"API error":        apiErr,
		"copied API error": *apiErr,
		"transport error":  debitErr,
		"decode error":     authErr,
	}
	secrets := append([]string{testAuthorization, otp, walletToken, authToken}, testSecrets...)
	for name, v := range values {
		strs := reachableStrings(v)
		require.NotEmpty(t, strs, name)
		all := strings.Join(strs, "\n")
		for _, secret := range secrets {
			assert.NotContains(t, all, secret, "%s: reachable by reflection", name)
		}
	}

	// The walk does reach what is not secret, so finding nothing above
	// means something.
	assert.Contains(t, strings.Join(reachableStrings(c), "\n"), testMerchantID)
	assert.Contains(t, strings.Join(reachableStrings(apiErr), "\n"), "req_reflect")
	assert.Contains(t, strings.Join(reachableStrings(apiErr), "\n"), "OTP expired")
	// And the errors' text still scrubs what a server echoes: the
	// secrets are kept, out of reach, for that.
	for _, err := range []error{linkErr, debitErr, authErr} {
		assert.True(t, strings.HasPrefix(err.Error(), "juspay: "), err.Error())
	}
}

// TestErrorsStillScrubEchoedSecrets has the server echo every secret of a
// call back, in the body and the request id, and checks the error's text:
// the secrets kept out of reflection's reach still scrub it.
func TestErrorsStillScrubEchoedSecrets(t *testing.T) {
	const otp = "482913"
	echo := strings.Join([]string{testAPIKey, testAuthorization, otp}, " ")
	for _, tc := range []struct {
		name    string
		respond httpmock.Responder
	}{
		{"an error response", jsonResponder(400, `{"error_code":"`+echo+`","error_message":"`+echo+`"}`, "X-Request-Id", echo)},
		{"an undecodable answer", jsonResponder(200, `{"id":`, "X-Request-Id", "req_"+otp)},
		{"a transport error", func(*http.Request) (*http.Response, error) { return nil, errors.New("proxy refused " + echo) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := newMockClient(t, juspay.WithMaxRetries(0))
			mt.RegisterNoResponder(tc.respond)

			_, err := c.Wallets.Link(context.Background(), "wlt_x", otp)

			require.Error(t, err)
			for _, s := range formatted(err) {
				assertNoSecret(t, s, append([]string{otp, testAuthorization}, testSecrets...)...)
			}
			assert.Contains(t, err.Error(), "[redacted]")
		})
	}
}

// TestContentTypeEchoingTheKeyIsScrubbed: a Content-Type that echoes the key
// (as a fuzzer found) is named in the error as sent, where lowercasing it
// would have let the key through scrubbing, case aside.
func TestContentTypeEchoingTheKeyIsScrubbed(t *testing.T) {
	lower := strings.ToLower(testAPIKey)
	require.NotEqual(t, testAPIKey, lower, "the key has upper-case letters")
	for _, status := range []int{http.StatusBadGateway, http.StatusOK} {
		_, err := func() (*juspay.WalletAccountList, error) {
			c, mt := newMockClient(t, juspay.WithMaxRetries(0))
			mt.RegisterNoResponder(bodyResponder(status, testAPIKey+"; charset=utf-8", "0<"))
			return c.Wallets.RefreshAll(context.Background(), testCustomerID)
		}()
		require.Error(t, err, "%d", status)
		for _, s := range formatted(err) {
			assertNoSecret(t, s, append([]string{lower}, testSecrets...)...)
		}
		assert.Contains(t, err.Error(), "[redacted]", "%d", status)
	}
}

// TestLifecycleSecretsStayOut: an OTP, a wallet token or a client auth token
// that a server echoes back never reaches the error text or the logs.
func TestLifecycleSecretsStayOut(t *testing.T) {
	const (
		otp   = "482913"
		token = "tk_direct_7f3a9b2c"
		cat   = "tkn_client_5d8e1f"
	)
	calls := []struct {
		name   string
		secret string
		call   func(ctx context.Context, c *juspay.Client) error
	}{
		{"Link", otp, func(ctx context.Context, c *juspay.Client) error {
			_, err := c.Wallets.Link(ctx, "wlt_1", otp)
			return err
		}},
		{"DirectDebit", token, func(ctx context.Context, c *juspay.Client) error {
			_, err := c.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: token})
			return err
		}},
		{"Create", cat, func(ctx context.Context, c *juspay.Client) error {
			_, err := c.Wallets.Create(ctx, "cth_1", &juspay.CreateWalletParams{Gateway: "PAYTM", ClientAuthToken: cat})
			return err
		}},
		{"Authenticate", cat, func(ctx context.Context, c *juspay.Client) error {
			_, err := c.Wallets.Authenticate(ctx, "wlt_1", &juspay.AuthenticateWalletParams{ClientAuthToken: cat})
			return err
		}},
	}
	for _, tc := range calls {
		t.Run(tc.name, func(t *testing.T) {
			t.Run("echoed in an error response", func(t *testing.T) {
				var logs bytes.Buffer
				logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
				c, _ := newRecordedClient(t, jsonResponder(400, `{"status":"Invalid Request","error_code":"invalid","error_message":"bad value `+tc.secret+`"}`), juspay.WithLogger(logger))
				err := tc.call(context.Background(), c)
				require.Error(t, err)
				assert.ErrorIs(t, err, juspay.ErrInvalidRequest)
				assert.Contains(t, err.Error(), "bad value", "the message is kept")
				assert.NotContains(t, err.Error(), tc.secret)
				assert.NotContains(t, logs.String(), tc.secret)
				assert.NotContains(t, logs.String(), testAPIKey)
			})
			t.Run("echoed in a transport error", func(t *testing.T) {
				var logs bytes.Buffer
				logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
				c, _ := newRecordedClient(t, failResponder(&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("proxy refused " + tc.secret)}), juspay.WithLogger(logger), juspay.WithMaxRetries(1))
				err := tc.call(context.Background(), c)
				require.Error(t, err)
				assert.NotContains(t, err.Error(), tc.secret)
				assert.NotContains(t, logs.String(), tc.secret)
				assert.Contains(t, logs.String(), "retrying", "the retry was logged, without the secret")
			})
		})
	}
}
