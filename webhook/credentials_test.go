package webhook_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay/webhook"
)

func TestCredentialsFormatMasksThePassword(t *testing.T) {
	c := webhook.Credentials{Username: "shop", Password: "hunter2-secret"}
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%t", "%e", "%f", "%g", "%b", "%o", "%c", "%U", "%8.3v", "%-20s", "% x", "%z"}
	for _, verb := range verbs {
		for name, arg := range map[string]any{
			"value":   c,
			"pointer": &c,
			"slice":   []webhook.Credentials{c},
			"map":     map[string]webhook.Credentials{"k": c},
			"struct":  struct{ Creds webhook.Credentials }{c},
		} {
			out := fmt.Sprintf(verb, arg)
			assert.NotContains(t, out, "hunter2", "%s of a %s", verb, name)
			assert.NotContains(t, out, fmt.Sprintf("%x", "hunter2"), "%s of a %s", verb, name)
		}
	}
	// %p is for pointers: it prints the address, never what is behind it.
	assert.NotContains(t, fmt.Sprintf("%p", &c), "hunter2")
	assert.Equal(t, "{shop [redacted]}", c.String())
	assert.Equal(t, "{Username:shop Password:[redacted]}", fmt.Sprintf("%+v", c))
	assert.Equal(t, `webhook.Credentials{Username:"shop", Password:"[redacted]"}`, fmt.Sprintf("%#v", c))
	assert.Equal(t, `webhook.Credentials{Username:"shop", Password:"[redacted]"}`, c.GoString())
}

func TestCredentialsLogAndJSONMaskThePassword(t *testing.T) {
	c := webhook.Credentials{Username: "shop", Password: "hunter2-secret"}
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		slog.New(h).Info("webhook configured", "creds", c, "ptr", &c, "list", []webhook.Credentials{c})
	}
	assert.NotContains(t, buf.String(), "hunter2")
	assert.Contains(t, buf.String(), "creds.username=shop", "the username is not a secret and helps find a rotation's pair")

	b, err := json.Marshal(map[string]any{"creds": c, "ptr": &c})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "hunter2")
	assert.Contains(t, string(b), `"Username":"shop"`)
}

func TestParseAuthentication(t *testing.T) {
	tests := []struct {
		name    string
		setAuth func(r *http.Request)
		creds   []webhook.Credentials
		ok      bool
	}{
		{"the only credential", func(r *http.Request) { r.SetBasicAuth("shop", "n3w-pa55w0rd") }, []webhook.Credentials{current}, true},
		{"the second credential of a rotation", func(r *http.Request) { r.SetBasicAuth("shop", "0ld-pa55w0rd") }, []webhook.Credentials{current, previous}, true},
		{"the first credential of a rotation", func(r *http.Request) { r.SetBasicAuth("shop", "n3w-pa55w0rd") }, []webhook.Credentials{current, previous}, true},
		{"a password with a colon", func(r *http.Request) { r.SetBasicAuth("shop", "a:b") }, []webhook.Credentials{{Username: "shop", Password: "a:b"}}, true},
		{"a wrong password", func(r *http.Request) { r.SetBasicAuth("shop", "n3w-pa55w0rD") }, []webhook.Credentials{current, previous}, false},
		{"a password one byte short", func(r *http.Request) { r.SetBasicAuth("shop", "n3w-pa55w0r") }, []webhook.Credentials{current}, false},
		{"a wrong username", func(r *http.Request) { r.SetBasicAuth("Shop", "n3w-pa55w0rd") }, []webhook.Credentials{current}, false},
		{"the username of one and the password of another", func(r *http.Request) { r.SetBasicAuth("other", "0ld-pa55w0rd") },
			[]webhook.Credentials{{Username: "other", Password: "x-pa55w0rd"}, previous}, false},
		{"no Authorization header", func(r *http.Request) {}, []webhook.Credentials{current}, false},
		{"a Bearer token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer n3w-pa55w0rd") }, []webhook.Credentials{current}, false},
		{"Basic auth that is not Base64", func(r *http.Request) { r.Header.Set("Authorization", "Basic shop:n3w-pa55w0rd") }, []webhook.Credentials{current}, false},
		{"no credentials configured", func(r *http.Request) { r.SetBasicAuth("shop", "n3w-pa55w0rd") }, nil, false},
		{"an empty password configured and sent", func(r *http.Request) { r.SetBasicAuth("shop", "") }, []webhook.Credentials{{Username: "shop"}}, false},
		{"zero credentials and an empty Basic auth", func(r *http.Request) { r.SetBasicAuth("", "") }, []webhook.Credentials{{}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(minimalEvent)
			tt.setAuth(r)
			e, err := webhook.Parse(r, tt.creds...)
			if tt.ok {
				require.NoError(t, err)
				assert.Equal(t, "evt_V2_1", e.ID)
				return
			}
			require.ErrorIs(t, err, webhook.ErrUnauthorized)
			assert.Nil(t, e)
			for _, c := range tt.creds {
				if c.Password != "" {
					assert.NotContains(t, err.Error(), c.Password)
				}
			}
		})
	}
}
