package juspaytest

import (
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"
)

// maxUniqueRequestID is Juspay's limit on unique_request_id: "less than 21
// characters".
const maxUniqueRequestID = 20

// refundState is one refund of an order.
type refundState struct {
	uniqueRequestID, amount, status, created string
	ref, arn                                 string
	timer                                    *time.Timer // settles it after the delay SettleRefundsAfter set
}

// refundStatuses are the outcomes SettleRefund may give a PENDING refund.
var refundStatuses = map[string]bool{"SUCCESS": true, "FAILURE": true, "MANUAL_REVIEW": true}

// refundOrder serves POST /orders/{order_id}/refunds with unique_request_id
// and amount, and answers the order status with the new refund, PENDING.
// The checks run in this order, each a 400 in the body Juspay publishes for
// it: an unknown order (NOT_FOUND, status_id 40); a missing field
// ("Mandatory fields are missing"); an amount not greater than 0 ("invalid
// amount"); an order not CHARGED (invalid.order.not_successful); a
// unique_request_id already used on the order (duplicate.call: "already
// processing" while that refund is PENDING, "already completed" after); an
// amount over what is left to refund (invalid.amount.exceeded). A
// unique_request_id of 21 characters or more is refused too, in the same
// shape, with error_code invalid.unique_request_id (the fake's own: Juspay
// publishes no body for it).
func (s *Server) refundOrder(c *call) reply {
	orderID := c.params[0]
	o := s.store.orders[orderID]
	if o == nil {
		return refundOrderNotFound(orderID)
	}
	key, amount := c.form.Get("unique_request_id"), c.form.Get("amount")
	switch {
	case key == "" || amount == "":
		return refundMissingFields()
	case utf8.RuneCountInString(key) > maxUniqueRequestID:
		return refundError("invalid.unique_request_id", "unique_request_id must be less than 21 characters.")
	case !isPositive(amount) || fracDigits(amount) > 2:
		return refundError("invalid amount", "Amount is invalid.")
	case !o.charged:
		return refundError("invalid.order.not_successful", "Cannot process unsuccessful order.")
	}
	for _, r := range o.refunds {
		if r.uniqueRequestID != key {
			continue
		}
		if r.status == "PENDING" {
			return refundInProgress()
		}
		return refundError("duplicate.call", "A refund call was already completed with this unique_request_id for the order.")
	}
	if decimal(add(o.refundedAmount(), amount)).Cmp(decimal(o.amount)) > 0 {
		return refundError("invalid.amount.exceeded", "Refund amount exceeds the refundable amount.")
	}
	r := &refundState{uniqueRequestID: key, amount: amount, status: "PENDING", created: now()}
	o.refunds = append(o.refunds, r)
	o.lastUpdated = now()
	if d := s.store.refundDelay; d > 0 {
		r.timer = time.AfterFunc(d, func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if !s.closed && r.status == "PENDING" {
				s.settleRefund(o, r, "SUCCESS")
			}
		})
	}
	return reply{http.StatusOK, s.orderView(o, true, false)}
}

// SettleRefund ends a PENDING refund, found by its order and its
// unique_request_id, with status "SUCCESS", "FAILURE" or "MANUAL_REVIEW",
// and sends the webhook of the outcome. A FAILURE no longer counts against
// what the order can refund. It fails for an unknown order or refund, a
// refund no longer PENDING, or another status.
func (s *Server) SettleRefund(orderID, uniqueRequestID, status string) error {
	if !refundStatuses[status] {
		return fmt.Errorf("juspaytest: SettleRefund: status %q is not SUCCESS, FAILURE or MANUAL_REVIEW", status)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.store.orders[orderID]
	if o == nil {
		return fmt.Errorf("juspaytest: SettleRefund: no order %q", orderID)
	}
	for _, r := range o.refunds {
		if r.uniqueRequestID != uniqueRequestID {
			continue
		}
		if r.status != "PENDING" {
			return fmt.Errorf("juspaytest: SettleRefund: refund %q of order %q is already %s", uniqueRequestID, orderID, r.status)
		}
		s.settleRefund(o, r, status)
		return nil
	}
	return fmt.Errorf("juspaytest: SettleRefund: order %q has no refund %q", orderID, uniqueRequestID)
}

// SettleRefundsAfter makes the refunds created from now on settle SUCCESS
// on their own, d after they are made, as Juspay's do once the gateway has
// them. d <= 0, the default, leaves them PENDING until SettleRefund. Close
// stops the refunds still waiting.
func (s *Server) SettleRefundsAfter(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.refundDelay = d
}

// settleRefund gives a PENDING refund its outcome.
func (s *Server) settleRefund(o *orderState, r *refundState, status string) {
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	r.status = status
	if status != "FAILURE" {
		r.ref, r.arn = "rfd_"+randomHex(10), digits(10)
	}
	o.lastUpdated = now()
	s.refundEvent(o, status)
}

// refundView renders a refund as Juspay's order status shows it: before the
// gateway has it, no ref, no id and sent_to_gateway false.
func refundView(r *refundState) refundJSON {
	v := refundJSON{
		UniqueRequestID: r.uniqueRequestID, Status: r.status, RefundType: "STANDARD",
		RefundSource: "JUSPAY", InitiatedBy: "API", Created: r.created, Amount: number(r.amount),
	}
	if r.status == "PENDING" {
		return v
	}
	v.SentToGateway = true
	switch r.status {
	case "FAILURE":
		code := "REFUND_FAILED"
		v.ErrorCode, v.ErrorMessage = &code, "The gateway refused the refund."
		v.ID = &r.uniqueRequestID
	default:
		v.Ref, v.ID, v.ARN = &r.ref, &r.ref, &r.arn
		if r.status == "SUCCESS" {
			v.ErrorMessage = "Refund Successfull"
		}
	}
	return v
}

// stopTimers stops every refund still waiting to settle; Close calls it.
func (st *store) stopTimers() {
	for _, o := range st.orders {
		for _, r := range o.refunds {
			if r.timer != nil {
				r.timer.Stop()
				r.timer = nil
			}
		}
	}
}
