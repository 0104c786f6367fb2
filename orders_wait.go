package juspay

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Wait reads an order until its payment is settled (its Status is not
// Pending) and returns it. It is how to settle a DirectDebit that ended in
// ErrOutcomeUnknown, or one Juspay answered TxnPendingVBV or
// TxnAuthorizing: the order's status then says whether the wallet was
// debited. Check the Status it returns: TxnCharged is paid; a failure, or
// TxnNew (no debit registered yet), is not, and may be debited again: only
// with the same OrderID, which Juspay refuses to charge twice.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/order-status-api
//
// Each read is Get's GET /orders/{orderID}, with its retries. Between
// reads Wait waits as the call's WithRetryBackoff says (500ms, doubling up
// to 8s, by default). A read error that a read retries (a connection
// failure, an attempt timeout, 408, 429, 5xx) does not end it; any other
// (an unknown order, a bad key, an answer that is not JSON) does. Bound it
// with ctx: when ctx ends first, the error satisfies errors.Is with
// ctx's error and names the last status read. WithResponseInto holds the
// last read.
// A read, repeated: see Settling writes in the package doc.
func (s *OrdersService) Wait(ctx context.Context, orderID string, opts ...Option) (*Order, error) {
	const op = "wait for order"
	if _, err := pathSegment(op, "orderID", orderID); err != nil {
		return nil, err
	}
	cfg, err := s.client.configFor(ctx, op, opts)
	if err != nil {
		return nil, err
	}
	var last TxnStatus
	for n := 1; ; n++ {
		o, err := s.read(ctx, cfg, op, orderID, "")
		switch {
		case err == nil && !o.Status.Pending():
			return o, nil
		case err == nil:
			last = o.Status
		case ctx.Err() != nil:
			return nil, &waitError{orderID: orderID, last: last, reads: n, err: err, ctxErr: ctx.Err()}
		case !transient(err):
			return nil, err
		}
		if err := sleep(ctx, readWait(cfg, n)); err != nil {
			return nil, &waitError{orderID: orderID, last: last, reads: n, err: err, ctxErr: ctx.Err()}
		}
	}
}

// readWait is the wait before read n+1 of Wait, and of a refund's settling
// reads: the backoff a read's retries wait (WithRetryBackoff), so one
// option paces every read of a call.
func readWait(cfg *config, n int) time.Duration { return policyOf(cfg, false).backoff(n) }

// transient reports whether a read's error is one a read retries: a
// connection or read failure, an attempt timeout, or a 408, 429 or 5xx.
func transient(err error) bool {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return retryableStatus(apiErr.StatusCode)
	}
	var re *requestError
	return errors.As(err, &re) && re.transient
}

// waitError is a Wait that ctx ended before the order settled, in a read
// or between two.
type waitError struct {
	orderID string
	last    TxnStatus // "" when no read succeeded
	reads   int
	err     error // the read's that ctx ended, or the wait's between reads
	// ctxErr is ctx's error. A read that got an answer (say, a 503) as ctx
	// ended returns that answer, which does not wrap it.
	ctxErr error
}

func (e *waitError) Error() string {
	status := "no status read"
	if e.last != "" {
		status = "still " + string(e.last)
	}
	detail := strings.TrimPrefix(strings.TrimPrefix(e.err.Error(), "juspay: "), "wait for order: ")
	if !e.errHasCtx() {
		detail = e.ctxErr.Error() + "; the last read: " + detail
	}
	reads := "reads"
	if e.reads == 1 {
		reads = "read"
	}
	return fmt.Sprintf("juspay: wait for order: order %q %s after %d %s: %s",
		truncate(oneLine(e.orderID), 40), status, e.reads, reads, detail)
}

func (e *waitError) Unwrap() []error {
	if e.errHasCtx() {
		return []error{e.err}
	}
	return []error{e.err, e.ctxErr}
}

// errHasCtx reports whether err already says that ctx ended.
func (e *waitError) errHasCtx() bool { return e.ctxErr == nil || errors.Is(e.err, e.ctxErr) }
