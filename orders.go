package juspay

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// OrdersService calls Juspay's order APIs: create an order, read its
// status, update it, refund it, and wait for a payment to settle. Reach it
// as Client.Orders.
type OrdersService struct {
	client *Client
}

// Create creates an order, which a payment (a wallet's DirectDebit) then
// pays. Create it once the amount to pay is final.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/create-order-api
//
// It sends POST /orders, form-encoded, with p.CustomerID as x-routing-id
// where given. p, an OrderID of at most 20 characters and an Amount > 0
// with at most 2 decimal places are required: otherwise the call fails
// before anything is sent.
//
// A write, keyed by OrderID (Juspay never holds two orders with one ID),
// so it settles itself: where its outcome is unknown (ErrOutcomeUnknown,
// see Retries in the package doc, or a 408 or 5xx answer), or Juspay
// answers that the order exists, Create reads the order. One with the same
// amount and currency is the result, with no error; one with another
// amount or currency is ErrConflict (as is an answer to the create itself
// that carries another); none (Juspay's NOT_FOUND) means the create never
// arrived, and it is sent again (at most 3 times). The amounts are
// compared as numbers ("100" is "100.00"), the currencies ignoring case,
// with Juspay's default "INR" for a create without one. The settling read
// sends p.CustomerID as x-routing-id too.
// WithResponseInto describes the last request sent: the create, or the
// read that settled it.
func (s *OrdersService) Create(ctx context.Context, p *CreateOrderParams, opts ...Option) (*Order, error) {
	const op = "create order"
	form, err := createOrderFormOf(op, p)
	if err != nil {
		return nil, err
	}
	cfg, err := s.client.configFor(ctx, op, opts)
	if err != nil {
		return nil, err
	}
	for round := 1; ; round++ {
		r := &request{op: op, method: http.MethodPost, path: "/orders",
			routingID: p.CustomerID, write: true, form: form}
		o, err := sendWith[Order](ctx, s.client, cfg, r)
		switch {
		case err == nil:
			return settled(op, p, o)
		case round == maxSettleRounds || ctx.Err() != nil || !(outcomeOpen(err) || orderExists(err)):
			return nil, err
		}
		found, gerr := s.read(ctx, cfg, op, p.OrderID, p.CustomerID)
		switch {
		case gerr == nil:
			return settled(op, p, found)
		case errors.Is(gerr, ErrNotFound):
			continue // it never arrived: send it again
		default:
			return nil, unsettled(err, gerr)
		}
	}
}

// Get returns an order with its status: Juspay's Order Status API. It is
// how a payment is settled: validate the order's Status, Amount and
// Currency before fulfilling it.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/order-status-api
//
// It sends GET /orders/{orderID}; x-routing-id only with WithRoutingID
// (pass the customer ID, as Juspay recommends). An unknown order is
// Juspay's 400 with status NOT_FOUND, for which both ErrInvalidRequest and
// ErrNotFound hold.
//
// A read.
func (s *OrdersService) Get(ctx context.Context, orderID string, opts ...Option) (*Order, error) {
	r, err := orderRead("get order", orderID, "")
	if err != nil {
		return nil, err
	}
	return send[Order](ctx, s.client, r, opts)
}

// orderRead builds GET /orders/{orderID} for op, with routingID as
// x-routing-id unless WithRoutingID gives another.
func orderRead(op, orderID, routingID string) (*request, error) {
	id, err := pathSegment(op, "orderID", orderID)
	if err != nil {
		return nil, err
	}
	return &request{op: op, method: http.MethodGet, path: "/orders/" + id, routingID: routingID}, nil
}

// read reads the order for a call that sends several requests, with the
// call's settings.
func (s *OrdersService) read(ctx context.Context, cfg *config, op, orderID, routingID string) (*Order, error) {
	r, err := orderRead(op, orderID, routingID)
	if err != nil {
		return nil, err
	}
	return sendWith[Order](ctx, s.client, cfg, r)
}

// Update changes what Juspay lets change of an order: its amount, its
// addresses and its UDFs. Empty and nil fields of p are not sent.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/update-order-api
//
// It sends POST /orders/{orderID}; x-routing-id only with WithRoutingID.
// p must set at least one field, and an Amount given must be > 0 with at
// most 2 decimal places: otherwise the call fails before anything is sent.
// Juspay advises against updating an order once a payment was attempted,
// and refuses it for a paid one. The answer is the short order Create
// answers, without the payment's details.
//
// A read: setting values is safe to repeat.
func (s *OrdersService) Update(ctx context.Context, orderID string, p *UpdateOrderParams, opts ...Option) (*Order, error) {
	const op = "update order"
	id, err := pathSegment(op, "orderID", orderID)
	if err != nil {
		return nil, err
	}
	if p == nil || (p.Amount == nil && p.UDF == [10]string{} && noAddress(p.BillingAddress) && noAddress(p.ShippingAddress)) {
		return nil, invalid(op, "params", "set nothing to update")
	}
	f := updateOrderForm{UDF: p.UDF, BillingAddress: addressFields{p.BillingAddress}, ShippingAddress: addressFields{p.ShippingAddress}}
	if p.Amount != nil {
		if f.Amount, err = checkMoney(op, "Amount", *p.Amount); err != nil {
			return nil, err
		}
	}
	form, err := formOf(op, f)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/orders/" + id, form: form}
	return send[Order](ctx, s.client, r, opts)
}

// noAddress reports whether a sends no field: nil, or every field empty.
func noAddress(a *Address) bool { return a == nil || *a == Address{} }

// createOrderFormOf checks p and builds the body of an order create.
func createOrderFormOf(op string, p *CreateOrderParams) (url.Values, error) {
	if p == nil {
		return nil, invalid(op, "params", "are nil; OrderID and Amount are required")
	}
	if err := checkOrderID(op, p.OrderID, true); err != nil {
		return nil, err
	}
	if _, err := pathSegment(op, "OrderID", p.OrderID); err != nil {
		return nil, err // it is read back by its ID to settle an unknown outcome
	}
	amount, err := checkMoney(op, "Amount", p.Amount)
	if err != nil {
		return nil, err
	}
	if hasControl(p.CustomerID) {
		return nil, invalid(op, "CustomerID", "holds a control character") // sent as x-routing-id
	}
	for k := range p.Metadata {
		if strings.TrimSpace(k) == "" {
			return nil, invalid(op, "Metadata", "has an empty key")
		}
	}
	form, err := formOf(op, createOrderForm{
		OrderID: p.OrderID, Amount: amount, Currency: p.Currency,
		CustomerID: p.CustomerID, CustomerEmail: p.CustomerEmail, CustomerPhone: p.CustomerPhone,
		ReturnURL: p.ReturnURL, Description: p.Description, ProductID: p.ProductID,
		UDF: p.UDF, Metadata: p.Metadata,
		BillingAddress: addressFields{p.BillingAddress}, ShippingAddress: addressFields{p.ShippingAddress},
		ClientAuthToken: p.ClientAuthToken,
	})
	if err != nil {
		return nil, err
	}
	return form, nil
}

// settled returns o as the create's result, or ErrConflict where it holds
// other values than p.
func settled(op string, p *CreateOrderParams, o *Order) (*Order, error) {
	if err := orderConflict(op, p, o); err != nil {
		return nil, err
	}
	return o, nil
}
