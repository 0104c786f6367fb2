package juspay

import (
	"context"
	"fmt"
	"net/http"
)

// CustomersService calls Juspay's customer APIs. Reach it as Client.Customers.
type CustomersService struct {
	client *Client
}

// Create creates a customer at Juspay. Wallets exist only for a Juspay
// customer, so create one before listing or linking its wallets.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/createcustomer
//
// It sends POST /customers with the object reference ID as x-routing-id.
// p, its ObjectReferenceID and a MobileNumber of digits only are required:
// without them the call fails before anything is sent. Juspay keeps object
// reference IDs unique: a second create for one answers a 400 with
// ErrorCode "unique" (ErrInvalidRequest). With ClientAuthToken set, the
// answer's ClientAuth holds a new client auth token.
//
// A write: see Retries in the package doc. Juspay does not key a customer
// create, so an unknown outcome ends in ErrOutcomeUnknown; GetOrCreate is
// the form that settles it.
func (s *CustomersService) Create(ctx context.Context, p *CreateCustomerParams, opts ...Option) (*Customer, error) {
	r, err := customerCreate("create customer", p)
	if err != nil {
		return nil, err
	}
	return send[Customer](ctx, s.client, r, opts)
}

// customerCreate checks p and builds POST /customers for op, with the
// object reference ID as x-routing-id.
func customerCreate(op string, p *CreateCustomerParams) (*request, error) {
	form, err := createCustomerFormOf(op, p)
	if err != nil {
		return nil, err
	}
	return &request{op: op, method: http.MethodPost, path: "/customers",
		routingID: p.ObjectReferenceID, write: true, form: form}, nil
}

// Get returns a customer, by Juspay's ID ("cst_...") or by the merchant's
// object reference ID.
//
// Juspay docs: https://docs.juspay.io/express-checkout-sdk-global/android/integration-guide/1--get-customer-api
//
// It sends GET /customers/{customerID} with the customer ID as
// x-routing-id. An unknown customer is a 404: ErrNotFound.
//
// A read.
func (s *CustomersService) Get(ctx context.Context, customerID string, opts ...Option) (*Customer, error) {
	r, err := customerRead("get customer", customerID)
	if err != nil {
		return nil, err
	}
	return send[Customer](ctx, s.client, r, opts)
}

// customerRead builds GET /customers/{customerID} for op, with the
// customer ID as x-routing-id.
func customerRead(op, customerID string) (*request, error) {
	id, err := pathSegment(op, "customerID", customerID)
	if err != nil {
		return nil, err
	}
	return &request{op: op, method: http.MethodGet, path: "/customers/" + id, routingID: customerID}, nil
}

// Update changes a customer's contact details; empty fields of p are not
// sent, and stay as they are.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/updatecustomer
//
// It sends POST /customers/{customerID} with the customer ID as
// x-routing-id. p must set at least one field, and a MobileNumber or
// MobileCountryCode given must be digits only: otherwise the call fails
// before anything is sent. An unknown customer is a 404: ErrNotFound.
// Juspay does not always move LastUpdated on an update.
//
// A read: setting values is safe to repeat.
func (s *CustomersService) Update(ctx context.Context, customerID string, p *UpdateCustomerParams, opts ...Option) (*Customer, error) {
	const op = "update customer"
	id, err := pathSegment(op, "customerID", customerID)
	if err != nil {
		return nil, err
	}
	if p == nil || *p == (UpdateCustomerParams{}) {
		return nil, invalid(op, "params", "set nothing to update")
	}
	if err := checkMobile(op, p.MobileNumber, p.MobileCountryCode, false); err != nil {
		return nil, err
	}
	form, err := formOf(op, updateCustomerForm(*p))
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/customers/" + id, routingID: customerID, form: form}
	return send[Customer](ctx, s.client, r, opts)
}

// NewClientAuthToken mints a client auth token for a customer, for
// Juspay's client SDKs in the customer's app: it expires 15 minutes after
// issue.
//
// Juspay docs: https://docs.juspay.io/express-checkout-sdk-global/android/integration-guide/1--get-customer-api
//
// It sends GET /customers/{customerID}?options.get_client_auth_token=true
// with the customer ID as x-routing-id. An unknown customer is a 404:
// ErrNotFound; an answer without a token is an error. The token is a
// secret: it formats and logs masked.
//
// A read: each attempt mints a token, and only the last one is returned.
func (s *CustomersService) NewClientAuthToken(ctx context.Context, customerID string, opts ...Option) (*ClientAuthToken, error) {
	const op = "new client auth token"
	id, err := pathSegment(op, "customerID", customerID)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodGet, routingID: customerID,
		path: "/customers/" + id + "?options.get_client_auth_token=true"}
	c, err := send[Customer](ctx, s.client, r, opts)
	if err != nil {
		return nil, err
	}
	if c.ClientAuth == nil || c.ClientAuth.Token == "" {
		return nil, fmt.Errorf("juspay: %s: Juspay's answer holds no client auth token", op)
	}
	return c.ClientAuth, nil
}
