package juspaytest

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// createOrder serves POST /orders. order_id (under 21 characters) and
// amount (greater than 0, at most two decimal places) are required; currency
// defaults to INR. Juspay does not document a create with an order_id it
// already holds: the server answers it with the order as it stands,
// unchanged, so a client sees the amount and currency it really has.
func (s *Server) createOrder(c *call) reply {
	f := c.form
	orderID := f.Get("order_id")
	if orderID == "" || utf8.RuneCountInString(orderID) > maxOrderID {
		return invalidOrderInput("order_id", "Missing field or Invalid Value")
	}
	if rep, ok := checkAmount(f.Get("amount")); !ok {
		return rep
	}
	currency := f.Get("currency")
	if currency == "" {
		currency = "INR"
	}
	if !isCurrency(currency) {
		return invalidOrderInput("currency", "Missing field or Invalid Value")
	}
	if o := s.store.orders[orderID]; o != nil {
		return reply{http.StatusOK, s.orderView(o, false, c.option("options.get_client_auth_token"))}
	}
	o := s.store.newOrder(orderID, f.Get("amount"))
	o.currency = currency
	o.customerID, o.customerEmail, o.customerPhone = f.Get("customer_id"), f.Get("customer_email"), f.Get("customer_phone")
	o.returnURL, o.description, o.productID = f.Get("return_url"), f.Get("description"), f.Get("product_id")
	setUDF(o, f.Get)
	for k, v := range f {
		if name, ok := strings.CutPrefix(k, "metadata."); ok && len(v) > 0 {
			if o.metadata == nil {
				o.metadata = map[string]string{}
			}
			o.metadata[name] = v[0]
		}
	}
	return reply{http.StatusOK, s.orderView(o, false, c.option("options.get_client_auth_token"))}
}

// checkAmount checks an order amount as Create and Update Order do.
func checkAmount(amount string) (reply, bool) {
	switch {
	case amount == "" || len(amount) > maxAmount || !isDecimal(amount):
		return invalidOrderInput("amount", "Missing field or Invalid Value"), false
	case decimal(amount).Sign() <= 0 || fracDigits(amount) > 2:
		return invalidOrderInput("amount", "Invalid amount"), false
	}
	return reply{}, true
}

// setUDF sets the udf1...udf10 the form sent.
func setUDF(o *orderState, get func(string) string) {
	for i := range o.udf {
		if v := get("udf" + strconv.Itoa(i+1)); v != "" {
			o.udf[i] = v
		}
	}
}

// isCurrency reports whether s looks like an ISO 4217 code: three capitals.
func isCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// getOrder serves GET /orders/{order_id}: the order status, with its
// latest attempt (txn_detail, payment_gateway_response) and refunds; with
// options.add_full_gateway_response=true, the gateway's own answer too
// (payment_gateway_response.gateway_response). An unknown order is Juspay's
// 400 with "status": "NOT_FOUND", status_id 40.
func (s *Server) getOrder(c *call) reply {
	o := s.store.orders[c.params[0]]
	if o == nil {
		return orderNotFoundStatus(c.params[0])
	}
	v := s.orderView(o, true, false)
	if c.option("options.add_full_gateway_response") {
		v = withGatewayResponse(v)
	}
	return reply{http.StatusOK, v}
}

// updateOrder serves POST /orders/{order_id}: amount, udf1...udf10 (the
// address fields are accepted and not shown). A CHARGED order cannot
// change: a 400 whose error_info code is INVALID_ACTION.
func (s *Server) updateOrder(c *call) reply {
	o := s.store.orders[c.params[0]]
	if o == nil {
		return orderNotFoundStatus(c.params[0])
	}
	if o.charged {
		return invalidAction("Order is already charged; it cannot be updated.")
	}
	if amount := c.form.Get("amount"); c.form.Has("amount") {
		if rep, ok := checkAmount(amount); !ok {
			return rep
		}
		o.amount = amount
	}
	setUDF(o, c.form.Get)
	o.lastUpdated = now()
	return reply{http.StatusOK, s.orderView(o, false, false)}
}
