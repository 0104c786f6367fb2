package webhook_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay/webhook"
)

// No password, response key or token Juspay may put in a body appears in
// an error, a log record or a formatted value of the package.

var formatVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"}

// leaks returns every way of showing v (fmt verbs, on the value and its
// pointer, and slog's text and JSON handlers) that contains one of the
// secrets.
func leaks(v any, secrets ...string) []string {
	var shown []string
	for _, verb := range formatVerbs {
		shown = append(shown, fmt.Sprintf(verb, v))
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("m", "v", v)
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "v", v)
	shown = append(shown, buf.String())
	var out []string
	for _, s := range shown {
		for _, secret := range secrets {
			if strings.Contains(s, secret) || strings.Contains(s, fmt.Sprintf("%x", secret)) {
				out = append(out, s)
			}
		}
	}
	return out
}

func TestNoSecretInEventsOrErrors(t *testing.T) {
	const password, token = "pa55-webhook-secret", "tkn_client_auth_secret_9"
	creds := webhook.Credentials{Username: "shop", Password: password}
	body := `{"id":"evt_1","event_name":"ORDER_SUCCEEDED","content":{"order":{"order_id":"ord_1","status":"CHARGED",
		"juspay":{"client_auth_token":"` + token + `","client_auth_token_expiry":"2023-08-10T07:15:00Z"},
		"txn_detail":{"txn_id":"t_1","status":"CHARGED"},"wallet_token":"` + token + `"}}}`

	e, err := webhook.Parse(post(body, creds), creds)
	require.NoError(t, err)
	require.NotNil(t, e.Order.ClientAuth)
	assert.Empty(t, leaks(*e, token, password), "an event, formatted or logged")
	assert.Empty(t, leaks(e, token, password), "a *Event, formatted or logged")
	assert.Empty(t, leaks(creds, password), "credentials")
	assert.Empty(t, leaks(&creds, password), "*credentials")
	assert.Equal(t, "webhook.Event{ID: evt_1, Name: ORDER_SUCCEEDED, Order: ord_1 CHARGED}", e.String())

	// Every refusal's error and answer.
	var errs []error
	for _, r := range []*http.Request{
		post(body), post(body, webhook.Credentials{Username: "shop", Password: password + "x"}),
		post("not json "+password, creds), post(strings.Repeat(" ", 2<<20), creds),
	} {
		_, err := webhook.Parse(r, creds)
		require.Error(t, err)
		errs = append(errs, err)
		w := httptest.NewRecorder()
		webhook.Handler(func(ctx context.Context, e *webhook.Event) error { return nil }, creds).ServeHTTP(w, r)
		assert.NotContains(t, w.Body.String(), password)
		assert.NotContains(t, fmt.Sprint(w.Header()), password)
	}
	const key = "response-key-secret-77"
	for _, q := range []url.Values{
		{}, {"order_id": {"o"}, "signature": {"bad"}},
		{"order_id": {"ord_test_001"}, "signature": {"5ayZ0xz7B9yihnWtM4sPXwRaKIUdN/d8hq6ANyZ8Mlg="}},
		{"signature_algorithm": {"MD5"}, "signature": {"x"}},
	} {
		_, err := webhook.VerifyReturn(key, q)
		require.Error(t, err)
		errs = append(errs, err)
	}
	for _, err := range errs {
		for err != nil {
			assert.NotContains(t, err.Error(), password)
			assert.NotContains(t, err.Error(), key)
			assert.NotContains(t, err.Error(), "5ayZ0xz7B9yihnWtM4sPXwRaKIUdN", "nor a signature")
			assert.NotContains(t, fmt.Sprintf("%+v %#v", err, err), password)
			err = errors.Unwrap(err)
		}
	}
}
