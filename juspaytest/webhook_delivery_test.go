package juspaytest_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A handler that answers non-2xx gets the same event again, until it
// takes it.
func TestWebhookRedelivery(t *testing.T) {
	rc := newReceiver(t, 500, 503)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "shop", "s3cret"))
	chargedOrder(t, srv, "ord_1", "10")
	d := waitDelivery(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, 3, d.Attempt)
	assert.Equal(t, 200, d.Status)

	var attempts []juspaytest.Delivery
	for _, a := range srv.Deliveries() {
		if a.EventName == "ORDER_SUCCEEDED" {
			attempts = append(attempts, a)
		}
	}
	require.Len(t, attempts, 3)
	for i, a := range attempts {
		assert.Equal(t, d.EventID, a.EventID, "one event, one ID")
		assert.Equal(t, i+1, a.Attempt)
		assert.Equal(t, []int{500, 503, 200}[i], a.Status)
		assert.Equal(t, i == 2, a.Final)
		assert.Equal(t, d.Body, a.Body)
	}
}

// An attempt the handler refused shows in Deliveries at once, not after
// the wait before the next attempt; Close gives its event up.
func TestDeliveriesShowAnAttemptBeforeTheRetry(t *testing.T) {
	rc := newReceiver(t, 500)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "shop", "s3cret"), juspaytest.WithWebhookRetries(1, time.Hour))
	chargedOrder(t, srv, "ord_1", "10")
	var first juspaytest.Delivery
	deadline := time.Now().Add(30 * time.Second) // far less than the hour's wait
	for {
		if ds := srv.Deliveries(); len(ds) > 0 {
			first = ds[0]
			break
		}
		require.True(t, time.Now().Before(deadline), "the refused attempt is not shown")
		time.Sleep(time.Millisecond)
	}
	assert.Equal(t, "ORDER_SUCCEEDED", first.EventName)
	assert.Equal(t, 500, first.Status)
	assert.Equal(t, 1, first.Attempt)
	assert.False(t, first.Final, "a retry is due")

	requireCloses(t, srv)
	ds := srv.Deliveries()
	require.Len(t, ds, 1, "the retry was dropped")
	assert.True(t, ds[0].Final, "the event was given up")
}

// Deliveries are bounded: after the retries, the event is given up.
func TestWebhookGivesUp(t *testing.T) {
	rc := newReceiver(t, 503, 503, 503, 503)
	srv := withSample(t, juspaytest.WithWebhook(rc.URL, "", ""), juspaytest.WithWebhookRetries(1, 0))
	chargedOrder(t, srv, "ord_1", "10")
	d := waitDelivery(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, 2, d.Attempt)
	assert.Equal(t, 503, d.Status)
	assert.True(t, d.Final)
	assert.False(t, rc.received()[0].auth, "no credentials, no Authorization")

	// An endpoint nobody listens on: no status, and why.
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	srv.SetWebhook(dead.URL, "shop", "s3cret")
	chargedOrder(t, srv, "ord_2", "10")
	d = waitDelivery(t, srv, "ORDER_SUCCEEDED")
	assert.Equal(t, 0, d.Status)
	assert.NotEmpty(t, d.Err)
	assert.NotContains(t, d.Err, "s3cret")
}

// Close stops a delivery whose handler never answers, and the retries.
func TestCloseStopsDeliveries(t *testing.T) {
	entered := make(chan struct{}, 1)
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Read the body, so that net/http watches the connection and ends
		// the context when the client goes.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case entered <- struct{}{}:
		default:
		}
		<-r.Context().Done()
	}))
	defer hang.Close()
	srv := juspaytest.NewServer(juspaytest.WithWebhook(hang.URL, "shop", "s3cret"), juspaytest.WithWebhookRetries(100, time.Hour))
	_, err := srv.AddCustomer(juspaytest.SampleCustomer())
	require.NoError(t, err)
	chargedOrder(t, srv, "ord_1", "10")
	<-entered
	requireCloses(t, srv)
	ds := srv.Deliveries()
	require.Len(t, ds, 1)
	assert.True(t, ds[0].Final, "the event was given up")
	assert.Equal(t, 0, ds[0].Status)
}
