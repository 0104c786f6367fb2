package juspay_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// The settling writes, each path proved with a fault: a reset after the
// request was sent, a body cut short, a 503, and Juspay's own "duplicate"
// answers.

const (
	createOrder = "POST /orders"
	getOrder    = "GET /orders/ord_1"
	refundOrder = "POST /orders/ord_1/refunds"
)

var orderParams = &juspay.CreateOrderParams{OrderID: "ord_1", Amount: *amt("100.00"), CustomerID: "cst_1"}

// orderExistsBody is a 400 that says the order ID is taken. Juspay does not
// document one for orders; this is its customer's "already exists".
const orderExistsBody = `{"error_message":"Order with given order_id already exists.","status":"invalid_request_error","error_code":"unique","error_info":{"code":"ALREADY_EXISTS","category":"USER_ERROR"}}`

func TestOrdersCreateSettlesUnknownOutcome(t *testing.T) {
	created := jsonResponder(200, orderJSON("ord_1", "100.00", "INR", "NEW"))
	// Juspay echoes 100.00 as 100: the same amount.
	same := jsonResponder(200, orderJSON("ord_1", "100", "INR", "NEW"))
	notFound := sample(t, 400, "error--order-not-found.json")
	cases := []struct {
		name   string
		create httpmock.Responder
		get    httpmock.Responder
		paths  []string
	}{
		{"reset after send, order there", sequence(failResponder(errReset)), same, []string{createOrder, getOrder}},
		{"body cut short, order there", sequence(cutBody(orderJSON("ord_1", "100.00", "INR", "NEW"))), same, []string{createOrder, getOrder}},
		{"503, order there", sequence(jsonResponder(503, `{}`)), same, []string{createOrder, getOrder}},
		{"Juspay says it exists, same values", sequence(jsonResponder(400, orderExistsBody)), same, []string{createOrder, getOrder}},
		{"reset after send, never arrived: sent again", sequence(failResponder(errReset), created), notFound, []string{createOrder, getOrder, createOrder}},
		{"503, never arrived: sent again", sequence(jsonResponder(503, `{}`), created), notFound, []string{createOrder, getOrder, createOrder}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := newMockClient(t)
			rec := recordAll(mt, routes(t, map[string]httpmock.Responder{createOrder: tc.create, getOrder: tc.get}))
			o, err := c.Orders.Create(context.Background(), orderParams)
			require.NoError(t, err)
			assert.Equal(t, "ord_1", o.OrderID)
			assert.Equal(t, tc.paths, rec.paths())
			for i, req := range rec.all() {
				testHeaders(t, req, "cst_1") // the reads too, as Juspay recommends
				if req.Method == http.MethodPost {
					testFormValues(t, rec.reqs[i], rec.bodies[i], map[string][]string{"order_id": {"ord_1"}, "amount": {"100.00"}, "customer_id": {"cst_1"}})
				}
			}
		})
	}
}

func TestOrdersCreateConflict(t *testing.T) {
	cases := []struct {
		name, currency, found string
		conflict              bool
	}{
		{"other amount", "", orderJSON("ord_1", "250", "INR", "NEW"), true},
		{"other currency", "INR", orderJSON("ord_1", "100", "USD", "NEW"), true},
		{"same currency in another case", "inr", orderJSON("ord_1", "100", "INR", "NEW"), false},
		{"no currency asked: Juspay's default INR matches", "", orderJSON("ord_1", "100", "INR", "NEW"), false},
		{"no currency asked: another than INR conflicts", "", orderJSON("ord_1", "100", "BRL", "NEW"), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := newMockClient(t)
			rec := recordAll(mt, routes(t, map[string]httpmock.Responder{
				createOrder: failResponder(errReset), getOrder: jsonResponder(200, tc.found),
			}))
			p := *orderParams
			p.Currency = tc.currency
			o, err := c.Orders.Create(context.Background(), &p)
			assert.Equal(t, []string{createOrder, getOrder}, rec.paths(), "never sent again")
			if !tc.conflict {
				assert.NoError(t, err)
				return
			}
			assert.Nil(t, o)
			assert.ErrorIs(t, err, juspay.ErrConflict)
			var apiErr *juspay.APIError
			assert.False(t, errors.As(err, &apiErr), "a conflict is the SDK's finding, not Juspay's answer")
			assert.Contains(t, err.Error(), `"ord_1"`)
		})
	}
}

func TestOrdersCreateDoesNotSettleAnswers(t *testing.T) {
	// A bare 400 is Juspay's answer: returned as it is, nothing read.
	c, mt := newMockClient(t)
	rec := recordAll(mt, sample(t, 400, "error--create-order-invalid-currency.json"))
	_, err := c.Orders.Create(context.Background(), orderParams)
	assert.ErrorIs(t, err, juspay.ErrInvalidRequest)
	assert.NotErrorIs(t, err, juspay.ErrConflict)
	assert.Equal(t, []string{createOrder}, rec.paths())

	// A 429 is a refusal: nothing was created.
	c, mt = newMockClient(t)
	rec = recordAll(mt, jsonResponder(429, `{}`))
	_, err = c.Orders.Create(context.Background(), orderParams)
	assert.ErrorIs(t, err, juspay.ErrRateLimited)
	assert.Equal(t, []string{createOrder}, rec.paths())
}

func TestOrdersCreateUnsettled(t *testing.T) {
	t.Run("the read fails: both errors", func(t *testing.T) {
		c, mt := newMockClient(t)
		recordAll(mt, routes(t, map[string]httpmock.Responder{
			createOrder: failResponder(errReset), getOrder: sample(t, 401, "error--access-denied.json"),
		}))
		_, err := c.Orders.Create(context.Background(), orderParams)
		assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
		assert.ErrorIs(t, err, juspay.ErrAuthentication)
		assertNoSecret(t, err.Error())
	})
	t.Run("never arrives: gives up after 3 creates", func(t *testing.T) {
		c, mt := newMockClient(t)
		rec := recordAll(mt, routes(t, map[string]httpmock.Responder{
			createOrder: failResponder(errReset), getOrder: sample(t, 400, "error--order-not-found.json"),
		}))
		_, err := c.Orders.Create(context.Background(), orderParams)
		assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
		assert.Equal(t, []string{createOrder, getOrder, createOrder, getOrder, createOrder}, rec.paths())
	})
	t.Run("the caller's context ended: nothing read", func(t *testing.T) {
		c, mt := newMockClient(t)
		ctx, cancel := context.WithCancel(context.Background())
		rec := recordAll(mt, func(r *http.Request) (*http.Response, error) {
			cancel()
			return failResponder(errReset)(r)
		})
		_, err := c.Orders.Create(ctx, orderParams)
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
		assert.Equal(t, []string{createOrder}, rec.paths())
	})
}

var refundParams = &juspay.RefundParams{UniqueRequestID: "rf_1", Amount: *amt("40.00")}

func TestOrdersRefundSettles(t *testing.T) {
	refunded := orderJSON("ord_1", "100", "INR", "CHARGED", refundJSON("rf_1", "40", "PENDING"))
	duplicate := sample(t, 400, "error--refund-duplicate.json")
	cases := []struct {
		name   string
		refund httpmock.Responder
		paths  []string
	}{
		{"503, then the retry answers", sequence(jsonResponder(503, `{}`), jsonResponder(200, refunded)),
			[]string{refundOrder, refundOrder}},
		{"reset after send, then the retry answers", sequence(failResponder(errReset), jsonResponder(200, refunded)),
			[]string{refundOrder, refundOrder}},
		{"body cut short, then the retry answers", sequence(cutBody(refunded), jsonResponder(200, refunded)),
			[]string{refundOrder, refundOrder}},
		{"reset after send, the retry is a duplicate", sequence(failResponder(errReset), duplicate),
			[]string{refundOrder, refundOrder, getOrder}},
		{"503, the retry is a duplicate in progress", sequence(jsonResponder(503, `{}`), sample(t, 400, "error--refund-duplicate-in-progress.json")),
			[]string{refundOrder, refundOrder, getOrder}},
		{"a duplicate at once", duplicate, []string{refundOrder, getOrder}},
		{"an answer that is not JSON: the order read", jsonResponder(200, `{"refunds":[`), []string{refundOrder, getOrder}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec, o, err := refundWith(t, tc.refund, jsonResponder(200, refunded))
			require.NoError(t, err)
			r, ok := o.FindRefund("rf_1")
			require.True(t, ok)
			assert.Equal(t, "40", r.Amount.String())
			assert.Equal(t, tc.paths, rec.paths())
			for i, req := range rec.all() {
				if req.Method == http.MethodPost {
					// Always the same key: Juspay refunds once per key.
					testFormValues(t, rec.reqs[i], rec.bodies[i], map[string][]string{"unique_request_id": {"rf_1"}, "amount": {"40.00"}})
				}
			}
		})
	}
}

func TestOrdersRefundUnknownOutcomeNotOnTheOrder(t *testing.T) {
	// The order read once holds no refund with the key: the refund's own
	// error is the call's.
	for name, tc := range map[string]struct {
		refund httpmock.Responder
		check  func(t *testing.T, err error)
	}{
		"not JSON": {jsonResponder(200, `<html>`), func(t *testing.T, err error) {
			assert.ErrorContains(t, err, "decoding the response")
		}},
	} {
		t.Run(name, func(t *testing.T) {
			rec, o, err := refundWith(t, tc.refund,
				jsonResponder(200, orderJSON("ord_1", "100", "INR", "CHARGED")), juspay.WithMaxRetries(0))
			assert.Nil(t, o)
			tc.check(t, err)
			assert.Equal(t, []string{refundOrder, getOrder}, rec.paths())
		})
	}
}

func TestOrdersRefundAnswersAreNotRead(t *testing.T) {
	// Juspay's answers are returned as they are, nothing read: a refusal
	// (a 4xx) made no refund, and a 5xx the retries could not get past is
	// safe to try again with the same key, which Juspay refunds once.
	for name, tc := range map[string]struct {
		answer httpmock.Responder
		paths  []string
	}{
		"400": {sample(t, 400, "error--refund-amount-exceeded.json"), []string{refundOrder}},
		"429": {jsonResponder(429, `{}`), []string{refundOrder, refundOrder, refundOrder}},
		"503": {jsonResponder(503, `{}`), []string{refundOrder, refundOrder, refundOrder}},
	} {
		t.Run(name, func(t *testing.T) {
			c, mt := newMockClient(t)
			rec := recordAll(mt, tc.answer)
			_, err := c.Orders.Refund(context.Background(), "ord_1", refundParams)
			var apiErr *juspay.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.paths, rec.paths(), "retried as a read, never read back")
			for i := range rec.all() {
				testFormValues(t, rec.reqs[i], rec.bodies[i], map[string][]string{"unique_request_id": {"rf_1"}, "amount": {"40.00"}})
			}
		})
	}
}

func TestOrdersRefundConflict(t *testing.T) {
	rec, o, err := refundWith(t, sample(t, 400, "error--refund-duplicate.json"),
		jsonResponder(200, orderJSON("ord_1", "100", "INR", "CHARGED", refundJSON("rf_1", "25", "SUCCESS"))))
	assert.Nil(t, o)
	assert.ErrorIs(t, err, juspay.ErrConflict)
	assert.Contains(t, err.Error(), `"rf_1"`)
	assert.Equal(t, []string{refundOrder, getOrder}, rec.paths())
}

func TestOrdersRefundDuplicateOfAnotherKey(t *testing.T) {
	// Juspay's "already processing with this amount" answers a second
	// refund of one amount within 5 seconds, whatever its key: when the
	// order never shows this key, Juspay's answer is returned as it is,
	// after the reads a read's retries would make (2 by default).
	rec, _, err := refundWith(t, sample(t, 400, "error--refund-duplicate-in-progress.json"),
		jsonResponder(200, orderJSON("ord_1", "100", "INR", "CHARGED", refundJSON("other", "40", "PENDING"))))
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "duplicate.call", apiErr.ErrorCode)
	assert.NotErrorIs(t, err, juspay.ErrConflict)
	assert.Equal(t, []string{refundOrder, getOrder, getOrder, getOrder}, rec.paths())
}

func TestOrdersRefundUnsettled(t *testing.T) {
	_, _, err := refundWith(t, sample(t, 400, "error--refund-duplicate.json"), jsonResponder(500, `{}`), juspay.WithMaxRetries(0))
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, juspay.ErrServer, "the read's failure")
	assert.Contains(t, err.Error(), "duplicate")
	assert.Contains(t, err.Error(), "reading to settle it failed")
}

// TestSettlingResponseIsTheLastRequests: a call that settles its outcome
// sends several requests; WithResponseInto describes the last of them, the
// one whose answer decided the result.
func TestSettlingResponseIsTheLastRequests(t *testing.T) {
	c, mt := newMockClient(t)
	rec := recordAll(mt, routes(t, map[string]httpmock.Responder{
		createOrder: failResponder(errReset),
		getOrder:    jsonResponder(200, orderJSON("ord_1", "100.00", "INR", "NEW"), "X-Request-Id", "req_read"),
	}))
	var resp juspay.Response
	_, err := c.Orders.Create(context.Background(), orderParams, juspay.WithResponseInto(&resp))
	require.NoError(t, err)
	assert.Equal(t, []string{createOrder, getOrder}, rec.paths())
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "req_read", resp.RequestID, "the read that settled the create")
	assert.Equal(t, 1, resp.Attempts, "the last request's attempts")
}

// refundWith refunds refundParams on ord_1 through a client with opts whose
// transport answers the refund with refund and a read of the order with
// get, and records every request.
func refundWith(t *testing.T, refund, get httpmock.Responder, opts ...juspay.Option) (*recorder, *juspay.Order, error) {
	t.Helper()
	c, mt := newMockClient(t, opts...)
	rec := recordAll(mt, routes(t, map[string]httpmock.Responder{refundOrder: refund, getOrder: get}))
	o, err := c.Orders.Refund(context.Background(), "ord_1", refundParams)
	return rec, o, err
}
