package juspaytest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Without a webhook URL nothing is sent; WaitDelivery ends with its
// context or the server.
func TestWaitDeliveryEnds(t *testing.T) {
	srv := withSample(t)
	chargedOrder(t, srv, "ord_1", "10")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := srv.WaitDelivery(ctx, "ORDER_SUCCEEDED")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, srv.Deliveries())

	errc := make(chan error, 1)
	go func() {
		_, err := srv.WaitDelivery(context.Background(), "ORDER_SUCCEEDED")
		errc <- err
	}()
	srv.Close()
	assert.ErrorContains(t, <-errc, "closed")
}
