package juspay

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// CreateOrderParams are the fields of a new order. OrderID and Amount are
// required.
type CreateOrderParams struct {
	// OrderID is the merchant's ID for the order: at most 20 characters
	// (Juspay: "less than 21"), alphanumeric is safest. Juspay never holds
	// two orders with one ID, which is what lets Create settle an unknown
	// outcome by reading the order.
	OrderID string
	// Amount is required: > 0, with at most 2 decimal places. It is sent
	// as text, exactly as written ("100.50" stays "100.50").
	Amount Amount
	// Currency is the ISO 4217 code; Juspay's default is "INR".
	Currency string
	// CustomerID is the Juspay customer (its ID or object reference ID):
	// needed to pay from a linked wallet. It is also sent as x-routing-id.
	CustomerID    string
	CustomerEmail string
	CustomerPhone string // digits only, with no "+" or country code
	// ReturnURL is where Juspay sends the customer's browser after a
	// redirect payment: a static URL without query parameters.
	ReturnURL   string
	Description string
	ProductID   string
	// UDF are udf1 ... udf10, echoed in the order's status and webhooks;
	// empty ones are not sent.
	UDF [10]string
	// Metadata are sent each as metadata.<key>: gateway parameters such as
	// "PAYTM:CUST_ID", or "webhook_url" for this order's webhooks.
	Metadata        map[string]string
	BillingAddress  *Address
	ShippingAddress *Address
	// ClientAuthToken also mints a client auth token for the order's
	// customer (options.get_client_auth_token=true), returned in
	// Order.ClientAuth.
	ClientAuthToken bool
}

// Address is a billing or shipping address of an order, sent as
// billing_address_<field> or shipping_address_<field>. Empty fields are not
// sent.
type Address struct {
	FirstName, LastName, Line1, Line2, Line3, City, State, Country, PostalCode, Phone, CountryCodeISO string
}

// UpdateOrderParams are the fields of an order Juspay lets change: its
// amount, its addresses and its UDFs. Empty and nil fields are not sent, and
// stay as they are.
type UpdateOrderParams struct {
	Amount          *Amount // > 0, with at most 2 decimal places
	UDF             [10]string
	BillingAddress  *Address
	ShippingAddress *Address
}

// RefundParams say how much of an order to refund, under which key. Both
// fields are required.
type RefundParams struct {
	// UniqueRequestID is the refund's key: at most 20 characters,
	// alphanumeric is safest. Juspay refunds once per key, so a refund
	// retried with the same key can never be made twice. A refund that
	// ended in RefundFailure needs a new key.
	UniqueRequestID string
	// Amount is the amount to refund: > 0, with at most 2 decimal places,
	// at most what is left to refund of the order.
	Amount Amount
}

// createOrderForm is the body of POST /orders.
type createOrderForm struct {
	OrderID         string        `url:"order_id"`
	Amount          string        `url:"amount"`
	Currency        string        `url:"currency,omitempty"`
	CustomerID      string        `url:"customer_id,omitempty"`
	CustomerEmail   string        `url:"customer_email,omitempty"`
	CustomerPhone   string        `url:"customer_phone,omitempty"`
	ReturnURL       string        `url:"return_url,omitempty"`
	Description     string        `url:"description,omitempty"`
	ProductID       string        `url:"product_id,omitempty"`
	UDF             udfFields     `url:"udf"`
	Metadata        metadataField `url:"metadata"`
	BillingAddress  addressFields `url:"billing_address"`
	ShippingAddress addressFields `url:"shipping_address"`
	ClientAuthToken bool          `url:"options.get_client_auth_token,omitempty"`
}

// updateOrderForm is the body of POST /orders/{id}.
type updateOrderForm struct {
	Amount          string        `url:"amount,omitempty"`
	UDF             udfFields     `url:"udf"`
	BillingAddress  addressFields `url:"billing_address"`
	ShippingAddress addressFields `url:"shipping_address"`
}

// refundForm is the body of POST /orders/{id}/refunds.
type refundForm struct {
	UniqueRequestID string `url:"unique_request_id"`
	Amount          string `url:"amount"`
}

// udfFields encodes as udf1 ... udf10, leaving out the empty ones.
type udfFields [10]string

// EncodeValues implements go-querystring's Encoder.
func (u udfFields) EncodeValues(key string, v *url.Values) error {
	for i, s := range u {
		if s != "" {
			v.Set(key+strconv.Itoa(i+1), s)
		}
	}
	return nil
}

// metadataField encodes each entry as metadata.<key>.
type metadataField map[string]string

// EncodeValues implements go-querystring's Encoder.
func (m metadataField) EncodeValues(key string, v *url.Values) error {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v.Set(key+"."+k, m[k])
	}
	return nil
}

// addressFields encodes an address as <key>_<field>, leaving out the empty
// fields (and everything, for a nil address).
type addressFields struct{ a *Address }

// EncodeValues implements go-querystring's Encoder.
func (f addressFields) EncodeValues(key string, v *url.Values) error {
	if f.a == nil {
		return nil
	}
	a := f.a
	for _, kv := range [...]struct{ name, value string }{
		{"first_name", a.FirstName}, {"last_name", a.LastName},
		{"line1", a.Line1}, {"line2", a.Line2}, {"line3", a.Line3},
		{"city", a.City}, {"state", a.State}, {"country", a.Country},
		{"postal_code", a.PostalCode}, {"phone", a.Phone}, {"country_code_iso", a.CountryCodeISO},
	} {
		if kv.value != "" {
			v.Set(key+"_"+kv.name, kv.value)
		}
	}
	return nil
}

// checkMoney refuses an amount Juspay would: not positive, or with more
// than 2 decimal places. It returns the amount as the form sends it, in
// positional notation ("1.5e2" becomes "150").
func checkMoney(op, field string, a Amount) (string, error) {
	if a.Sign() <= 0 {
		return "", invalid(op, field, "%s is not positive", truncate(a.String(), 40))
	}
	text, ok := a.plain()
	if !ok {
		return "", invalid(op, field, "%s is out of range", truncate(a.String(), 40))
	}
	if i := strings.IndexByte(text, '.'); i >= 0 && len(text)-i-1 > 2 {
		return "", invalid(op, field, "%s has %d decimal places; Juspay allows at most 2", truncate(text, 40), len(text)-i-1)
	}
	return text, nil
}
