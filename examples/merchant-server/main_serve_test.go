package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveEnv is a whole configuration for serve, with secrets a test can
// look for.
var serveEnv = map[string]string{
	"JUSPAY_API_KEY": "test_api_key_secret", "JUSPAY_MERCHANT_ID": "shop",
	"JUSPAY_WEBHOOK_USERNAME": "shop", "JUSPAY_WEBHOOK_PASSWORD": "webhook-password-secret",
	"JUSPAY_RESPONSE_KEY": "response-key-secret", "PUBLIC_URL": "https://shop.example.com",
	"ADDR": "127.0.0.1:0",
}

// serve refuses to start without what the dashboard holds, and never
// echoes a secret it was given.
func TestServeNeedsTheDashboardsSecrets(t *testing.T) {
	for _, missing := range []string{"JUSPAY_WEBHOOK_USERNAME", "JUSPAY_WEBHOOK_PASSWORD", "JUSPAY_RESPONSE_KEY", "PUBLIC_URL"} {
		t.Run(missing, func(t *testing.T) {
			for k, v := range serveEnv {
				t.Setenv(k, v)
			}
			t.Setenv(missing, "")
			var out bytes.Buffer
			err := serve(context.Background(), &out)
			require.Error(t, err)
			assert.Contains(t, err.Error(), missing)
			for _, secret := range []string{"test_api_key_secret", "webhook-password-secret", "response-key-secret"} {
				assert.NotContains(t, err.Error()+out.String(), secret)
			}
		})
	}
}

// With everything set, serve listens until its context ends, then shuts
// down and returns nil.
func TestServeReturnsWhenItsContextEnds(t *testing.T) {
	for k, v := range serveEnv {
		t.Setenv(k, v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	require.NoError(t, serve(ctx, &out))
	assert.Contains(t, out.String(), "webhooks at https://shop.example.com/juspay/webhook")
}

// A shutdown lets a request in flight (a payment waiting for its outcome)
// finish and answer before listen returns.
func TestListenLetsARequestInFlightFinish(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		w.WriteHeader(http.StatusOK)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- listen(ctx, ln, h) }()

	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	answered := make(chan int, 1)
	go func() {
		resp, err := (&http.Client{Transport: tr}).Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			answered <- 0
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	select {
	case <-entered:
	case status := <-answered:
		t.Fatalf("the request ended (%d) before reaching the handler", status)
	}
	cancel()
	select {
	case err := <-served:
		t.Fatalf("listen returned (%v) with a request in flight", err)
	default:
	}
	close(release)
	assert.Equal(t, http.StatusOK, <-answered, "the request in flight was answered")
	assert.NoError(t, <-served)
}
