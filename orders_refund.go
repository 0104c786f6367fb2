package juspay

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"unicode/utf8"
)

// maxRefundKeyLen is Juspay's limit on a refund's unique_request_id: "less
// than 21 characters".
const maxRefundKeyLen = 20

// Refund refunds part or all of a paid order, once per UniqueRequestID,
// and returns the order with its refunds. A new refund is RefundPending:
// find it with FindRefund and read the order again (or wait for Juspay's
// webhook) to learn how it ends.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/refund-order-api
//
// It sends POST /orders/{orderID}/refunds, form-encoded; x-routing-id only
// with WithRoutingID. p, a UniqueRequestID of at most 20 characters and an
// Amount > 0 with at most 2 decimal places are required: otherwise the
// call fails before anything is sent. Juspay's refusals are an *APIError
// (ErrInvalidRequest) with its ErrorCode: "invalid.amount.exceeded" for
// more than is left to refund, "invalid.order.not_successful" for an order
// not paid; an unknown order is ErrNotFound.
//
// Keyed by UniqueRequestID, so it is retried as a read, always with the
// same key: Juspay refunds once per key, and answers a repeat with a 400
// "duplicate.call". Refund then reads the order: a refund there with that
// key and amount is the result, with no error; one with another amount is
// ErrConflict. Juspay also answers "duplicate.call" to a second refund of
// the same amount within 5 seconds, whatever its key: when the order holds
// no refund with this key after the reads a retry would make, that answer
// is returned as it is. An answer that cannot be read (a body cut short,
// not JSON), once the retries are spent, is settled the same way: by
// reading the order. WithResponseInto describes the last request sent: the
// refund, or the read that settled it.
// A settling write: see Settling writes in the package doc.
func (s *OrdersService) Refund(ctx context.Context, orderID string, p *RefundParams, opts ...Option) (*Order, error) {
	const op = "refund order"
	id, err := pathSegment(op, "orderID", orderID)
	if err != nil {
		return nil, err
	}
	form, err := refundFormOf(op, p)
	if err != nil {
		return nil, err
	}
	cfg, err := s.client.configFor(ctx, op, opts)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/orders/" + id + "/refunds", form: form}
	o, err := sendWith[Order](ctx, s.client, cfg, r)
	var apiErr *APIError
	switch {
	case err == nil:
		return o, nil
	case isAPIErrorCode(err, http.StatusBadRequest, "duplicate.call"):
		return s.settleRefund(ctx, cfg, op, orderID, p, err, true)
	case ctx.Err() == nil && !errors.As(err, &apiErr):
		// No answer could be read (its body was cut, or not JSON): the
		// order says whether the refund was made.
		return s.settleRefund(ctx, cfg, op, orderID, p, err, false)
	}
	return nil, err
}

// settleRefund reads the order after a refund failed with failure, until it
// lists the refund with p's key: after Juspay's "duplicate.call" (dup), for
// as many reads as a read's retries would make, waiting as they would
// between them; after an answer that could not be read, once. An order
// without the refund leaves failure as the call's error.
func (s *OrdersService) settleRefund(ctx context.Context, cfg *config, op, orderID string, p *RefundParams, failure error, dup bool) (*Order, error) {
	for n := 1; ; n++ {
		o, err := s.read(ctx, cfg, op, orderID, "")
		if err != nil {
			return nil, unsettled(failure, err)
		}
		if rf, ok := o.FindRefund(p.UniqueRequestID); ok {
			if amountsEqual(rf.Amount, p.Amount) {
				return o, nil
			}
			return nil, &conflictError{op: op, detail: fmt.Sprintf(
				"refund %q of order %q is already %s (this refund asked for %s)",
				p.UniqueRequestID, truncate(orderID, 40), rf.Amount, p.Amount)}
		}
		if !dup || n > cfg.maxRetries {
			return nil, failure
		}
		if err := sleep(ctx, readWait(cfg, n)); err != nil {
			return nil, fmt.Errorf("juspay: %s: gave up reading the order for refund %q: %w", op, p.UniqueRequestID, err)
		}
	}
}

// refundFormOf checks p and builds the body of a refund.
func refundFormOf(op string, p *RefundParams) (url.Values, error) {
	if p == nil {
		return nil, invalid(op, "params", "are nil; UniqueRequestID and Amount are required")
	}
	switch n := utf8.RuneCountInString(p.UniqueRequestID); {
	case n == 0:
		return nil, invalid(op, "UniqueRequestID", "is empty")
	case n > maxRefundKeyLen:
		return nil, invalid(op, "UniqueRequestID", "%q is %d characters; Juspay allows at most %d",
			truncate(p.UniqueRequestID, 40), n, maxRefundKeyLen)
	}
	amount, err := checkMoney(op, "Amount", p.Amount)
	if err != nil {
		return nil, err
	}
	f, err := formOf(op, refundForm{UniqueRequestID: p.UniqueRequestID, Amount: amount})
	if err != nil {
		return nil, err
	}
	return f, nil
}
