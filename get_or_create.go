package juspay

import (
	"context"
	"errors"
	"net/http"
)

// maxSettleRounds bounds the read-then-write rounds of a keyed write
// (GetOrCreate, Orders.Create): each round that finds nothing after an
// unknown outcome sends the write again, and a server that keeps losing
// answers must not hold the call forever.
const maxSettleRounds = 3

// GetOrCreate returns the customer with p.ObjectReferenceID, creating it
// when Juspay has none. It is Create made safe to repeat: Juspay keeps
// object reference IDs unique, so the customer can always be found again.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/createcustomer
//
// It reads the customer by its object reference ID (Get), and creates it
// on ErrNotFound (Create). Where the create's outcome is unknown
// (ErrOutcomeUnknown, or a 408 or 5xx answer), or Juspay answers that the
// customer already exists (a 400 with ErrorCode "unique": someone created
// it meanwhile), it reads the customer again, and creates it again if it
// is still not there (at most 3 times). created is true only when this
// call made the customer: a customer found after an unknown outcome may
// have been made by another call, so it reports false then. With
// p.ClientAuthToken, the reads ask for a client auth token too
// (options.get_client_auth_token=true), so the customer returned holds one
// however it was found. p is checked as Create checks it, before anything
// is sent. Reads and writes use opts, applied once; WithResponseInto
// describes the last request sent.
// A settling write: see Settling writes in the package doc.
func (s *CustomersService) GetOrCreate(ctx context.Context, p *CreateCustomerParams, opts ...Option) (c *Customer, created bool, err error) {
	const op = "get or create customer"
	create, err := customerCreate(op, p)
	if err != nil {
		return nil, false, err
	}
	if _, err := pathSegment(op, "ObjectReferenceID", p.ObjectReferenceID); err != nil {
		return nil, false, err
	}
	read, err := customerRead(op, p.ObjectReferenceID)
	if err != nil {
		return nil, false, err
	}
	if p.ClientAuthToken {
		// A customer found, not created, carries the token asked for too.
		read.path += "?options.get_client_auth_token=true"
	}
	cfg, err := s.client.configFor(ctx, op, opts)
	if err != nil {
		return nil, false, err
	}
	var createErr error // the last create's, when its outcome is to be settled
	for round := 1; ; round++ {
		c, err = sendWith[Customer](ctx, s.client, cfg, read)
		switch {
		case err == nil:
			return c, false, nil
		case !errors.Is(err, ErrNotFound) && createErr != nil:
			return nil, false, unsettled(createErr, err)
		case !errors.Is(err, ErrNotFound):
			return nil, false, err
		}
		c, err = sendWith[Customer](ctx, s.client, cfg, create)
		switch {
		case err == nil:
			return c, true, nil
		case round == maxSettleRounds || ctx.Err() != nil:
			return nil, false, err
		case outcomeOpen(err), isAPIErrorCode(err, http.StatusBadRequest, "unique"):
			createErr = err // read it again: it may exist now
		default:
			return nil, false, err
		}
	}
}

// isAPIErrorCode reports whether err is an *APIError with the status and
// body error_code given.
func isAPIErrorCode(err error, status int, code string) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == status && apiErr.ErrorCode == code
}
