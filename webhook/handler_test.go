package webhook_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay/webhook"
)

// recorder is a webhook func that keeps what it was given.
type recorder struct {
	mu     sync.Mutex
	events []*webhook.Event
	err    error
}

func (rec *recorder) handle(ctx context.Context, e *webhook.Event) error {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.events = append(rec.events, e)
	return rec.err
}

func (rec *recorder) calls() int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return len(rec.events)
}

// deliver sends body to a live server running h, as Juspay would, and
// returns the response with its body read.
func deliver(t *testing.T, h http.Handler, method, body string, setAuth func(*http.Request)) (*http.Response, string) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	req, err := http.NewRequest(method, srv.URL+"/juspay/webhook", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if setAuth != nil {
		setAuth(req)
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}

func withAuth(c webhook.Credentials) func(*http.Request) {
	return func(r *http.Request) { r.SetBasicAuth(c.Username, c.Password) }
}

func TestHandlerCallsFnAndAnswers200(t *testing.T) {
	rec := &recorder{}
	resp, _ := deliver(t, webhook.Handler(rec.handle, current), http.MethodPost, minimalEvent, withAuth(current))
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, 1, rec.calls())
	assert.Equal(t, "evt_V2_1", rec.events[0].ID)
	assert.Equal(t, webhook.OrderSucceeded, rec.events[0].Name)
}

func TestHandlerAcceptsEitherCredentialOfARotation(t *testing.T) {
	rec := &recorder{}
	h := webhook.Handler(rec.handle, current, previous)
	for _, c := range []webhook.Credentials{previous, current} {
		resp, _ := deliver(t, h, http.MethodPost, minimalEvent, withAuth(c))
		assert.Equal(t, http.StatusOK, resp.StatusCode)
	}
	assert.Equal(t, 2, rec.calls())
}

func TestHandlerAnswers500WhenFnFails(t *testing.T) {
	rec := &recorder{err: errors.New("database down: postgres://app:dbpass@db")}
	resp, body := deliver(t, webhook.Handler(rec.handle, current), http.MethodPost, minimalEvent, withAuth(current))
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode, "Juspay delivers the event again")
	assert.Equal(t, 1, rec.calls())
	assert.NotContains(t, body, "dbpass", "fn's error stays on the merchant's side")
}

func TestHandlerRefusals(t *testing.T) {
	big := minimalEvent + strings.Repeat(" ", 1<<20)
	tests := []struct {
		name     string
		method   string
		body     string
		setAuth  func(*http.Request)
		status   int
		header   string
		mentions string
	}{
		{"GET", http.MethodGet, "", withAuth(current), http.StatusMethodNotAllowed, "Allow", "POST"},
		{"PUT", http.MethodPut, minimalEvent, withAuth(current), http.StatusMethodNotAllowed, "Allow", "POST"},
		{"no credentials", http.MethodPost, minimalEvent, nil, http.StatusUnauthorized, "WWW-Authenticate", "Basic"},
		{"a wrong password", http.MethodPost, minimalEvent, withAuth(webhook.Credentials{Username: "shop", Password: "guess"}), http.StatusUnauthorized, "WWW-Authenticate", "Basic"},
		{"a wrong password and a big body", http.MethodPost, big, withAuth(webhook.Credentials{Username: "shop", Password: "guess"}), http.StatusUnauthorized, "WWW-Authenticate", "Basic"},
		{"a body over 1 MiB", http.MethodPost, big, withAuth(current), http.StatusRequestEntityTooLarge, "", ""},
		{"a body over 1 MiB sent chunked", http.MethodPost, big, func(r *http.Request) {
			withAuth(current)(r)
			r.ContentLength = -1 // hide the length: the handler must count
			r.Body = io.NopCloser(strings.NewReader(big))
		}, http.StatusRequestEntityTooLarge, "", ""},
		{"a body that is not JSON", http.MethodPost, "event=ORDER_SUCCEEDED", withAuth(current), http.StatusBadRequest, "", ""},
		{"an empty body", http.MethodPost, "", withAuth(current), http.StatusBadRequest, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			resp, _ := deliver(t, webhook.Handler(rec.handle, current), tt.method, tt.body, tt.setAuth)
			assert.Equal(t, tt.status, resp.StatusCode)
			if tt.header != "" {
				assert.Contains(t, resp.Header.Get(tt.header), tt.mentions)
			}
			assert.Zero(t, rec.calls(), "fn is not called")
		})
	}
}

func TestHandlerWithNoCredentialsRefusesAll(t *testing.T) {
	rec := &recorder{}
	resp, _ := deliver(t, webhook.Handler(rec.handle), http.MethodPost, minimalEvent, withAuth(webhook.Credentials{}))
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Zero(t, rec.calls())
}

func TestHandlerKeepsItsOwnCopyOfTheCredentials(t *testing.T) {
	rec := &recorder{}
	creds := []webhook.Credentials{current}
	h := webhook.Handler(rec.handle, creds...)
	creds[0] = webhook.Credentials{Username: "shop", Password: "changed"}
	resp, _ := deliver(t, h, http.MethodPost, minimalEvent, withAuth(current))
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestHandlerPassesTheRequestContext(t *testing.T) {
	type key struct{}
	var got any
	h := webhook.Handler(func(ctx context.Context, e *webhook.Event) error {
		got = ctx.Value(key{})
		return nil
	}, current)
	r := post(minimalEvent, current)
	r = r.WithContext(context.WithValue(r.Context(), key{}, "from the request"))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, "from the request", got)
}

func TestHandlerPanicsOnANilFunc(t *testing.T) {
	assert.PanicsWithValue(t, "webhook: Handler with a nil func", func() { webhook.Handler(nil, current) })
}
