package juspay_test

import (
	"context"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// TestOrderCallsRouteOnlyWhenAsked: Orders.Create sends its CustomerID as
// x-routing-id; every other order call, and every read one makes to settle
// itself, sends one only with WithRoutingID, and then on every request.
func TestOrderCallsRouteOnlyWhenAsked(t *testing.T) {
	refunded := orderJSON("ord_1", "100", "INR", "CHARGED", refundJSON("rf_1", "40", "PENDING"))
	calls := []struct {
		name  string
		paths []string
		call  func(*juspay.Client, ...juspay.Option) error
	}{
		{"Get", []string{getOrder}, func(c *juspay.Client, opts ...juspay.Option) error {
			_, err := c.Orders.Get(context.Background(), "ord_1", opts...)
			return err
		}},
		{"Update", []string{"POST /orders/ord_1"}, func(c *juspay.Client, opts ...juspay.Option) error {
			_, err := c.Orders.Update(context.Background(), "ord_1", &juspay.UpdateOrderParams{UDF: [10]string{"u1"}}, opts...)
			return err
		}},
		{"Refund, settled by reads", []string{refundOrder, getOrder, getOrder}, func(c *juspay.Client, opts ...juspay.Option) error {
			_, err := c.Orders.Refund(context.Background(), "ord_1", refundParams, opts...)
			return err
		}},
		{"Wait, read until settled", []string{getOrder, getOrder}, func(c *juspay.Client, opts ...juspay.Option) error {
			_, err := c.Orders.Wait(context.Background(), "ord_1", opts...)
			return err
		}},
	}
	for _, tc := range calls {
		for _, routing := range []string{"", "cst_1"} {
			t.Run(tc.name+" routed to "+routing, func(t *testing.T) {
				c, mt := newMockClient(t)
				rec := recordAll(mt, routes(t, map[string]httpmock.Responder{
					getOrder:             sequence(statusJSON("PENDING_VBV"), jsonResponder(200, refunded)), // pending, no refund yet; then both
					"POST /orders/ord_1": jsonResponder(200, orderJSON("ord_1", "100", "INR", "NEW")),
					refundOrder:          sample(t, 400, "error--refund-duplicate.json"),
				}))
				var opts []juspay.Option
				if routing != "" {
					opts = append(opts, juspay.WithRoutingID(routing))
				}
				require.NoError(t, tc.call(c, opts...))
				assert.Equal(t, tc.paths, rec.paths())
				for _, req := range rec.all() {
					testHeaders(t, req, routing)
				}
			})
		}
	}
}
