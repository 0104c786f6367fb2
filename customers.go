package juspay

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// CustomersService calls Juspay's customer APIs. Reach it as Client.Customers.
type CustomersService struct {
	client *Client
}

// EligibilityParams say what to check a customer's pay-later eligibility
// for: an amount, or an existing order. One of Amount or OrderID is
// required.
type EligibilityParams struct {
	// Amount is the amount to pay, in rupees; it must be positive. It is
	// sent exactly as its text ("100.50" stays "100.50").
	Amount *Amount
	// OrderID is an order created at Juspay, whose amount is used: at most
	// 20 characters.
	OrderID string
	// GatewayData is gateway-specific JSON, keyed by gateway, e.g.
	// {"SIMPL": {...}}; some gateways require it. It is sent as one JSON
	// string in the gateway_data field.
	GatewayData map[string]json.RawMessage
}

// eligibilityForm is the body of POST /customers/{id}/eligibility.
type eligibilityForm struct {
	Amount      string `url:"amount,omitempty"`
	OrderID     string `url:"order_id,omitempty"`
	GatewayData string `url:"gateway_data,omitempty"`
}

// Eligibility is, for each pay-later method configured for the merchant,
// whether the customer may pay with it.
type Eligibility struct {
	PaymentMethods []PaymentMethodEligibility `json:"payment_methods_eligibility"`
}

// PaymentMethodEligibility is one payment method's answer. A failure at
// one gateway (an unknown user, pending dues, ...) arrives here, inside a
// 200: Status is then not "SUCCESS", IsEligible is false and the gateway's
// code and message say why.
//
// Decoding is tolerant, as for WalletAccount: is_eligible may be a boolean
// or the string "true"/"false"; balance may be a number, a numeric string,
// "" or null (both no balance, so Balance is nil); text fields that arrive
// as numbers keep their digits; unknown fields are ignored.
type PaymentMethodEligibility struct {
	PaymentMethod       string  `json:"payment_method"`      // e.g. "LAZYPAY", "SIMPL"
	PaymentMethodType   string  `json:"payment_method_type"` // e.g. "WALLET"
	Description         string  `json:"description"`
	IsEligible          bool    `json:"is_eligible"`
	EligibilityStrategy string  `json:"eligibility_strategy"` // e.g. "TRANSACTION", "USER"
	Balance             *Amount `json:"balance"`              // the credit available, nil when Juspay sent none
	Status              string  `json:"status"`               // "SUCCESS", "USER_NOT_FOUND", "PENDING_DUES", ...
	DueDate             string  `json:"due_date"`             // as the gateway writes it, e.g. "03 December 2019"
	GatewayErrorCode    string  `json:"gateway_error_code"`
	GatewayErrorMessage string  `json:"gateway_error_message"`
}

// CheckEligibility asks each pay-later gateway configured for the merchant
// whether the customer may pay the amount (or the order) with it.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/eligibility-api
//
// It sends POST /customers/{customerID}/eligibility, form-encoded, with the
// customer ID as x-routing-id unless WithRoutingID gives another. Juspay
// asks every gateway in turn, so the call is slow (see WithTimeout). A
// gateway's own failure is not an error: it arrives inside the 200, in that
// method's Status and GatewayErrorCode. p and one of a positive Amount or
// an OrderID of at most 20 characters are required, and GatewayData's
// values must be valid JSON: otherwise the call fails before anything is
// sent. It moves nothing, so, although a POST, it is retried like a read:
// connection failures, attempt timeouts, 408, 429 and 5xx.
func (s *CustomersService) CheckEligibility(ctx context.Context, customerID string, p *EligibilityParams, opts ...Option) (*Eligibility, error) {
	const op = "check eligibility"
	id, err := pathSegment(op, "customerID", customerID)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, invalid(op, "params", "are nil; Amount or OrderID is required")
	}
	if p.Amount == nil && strings.TrimSpace(p.OrderID) == "" {
		return nil, invalid(op, "Amount", "or OrderID is required")
	}
	if p.Amount != nil && p.Amount.Sign() <= 0 {
		return nil, invalid(op, "Amount", "%s is not positive", p.Amount)
	}
	if err := checkOrderID(op, p.OrderID, false); err != nil {
		return nil, err
	}
	gatewayData, err := gatewayDataJSON(op, p.GatewayData)
	if err != nil {
		return nil, err
	}
	f := eligibilityForm{OrderID: p.OrderID, GatewayData: gatewayData}
	if p.Amount != nil {
		// Sent as written ("1499.00"), but in positional notation: an
		// Amount decoded from JSON may hold an exponent, which a form
		// field at Juspay is not known to accept.
		amount, ok := p.Amount.plain()
		if !ok {
			return nil, invalid(op, "Amount", "%s is out of range", truncate(p.Amount.String(), 40))
		}
		f.Amount = amount
	}
	form, err := encodeForm(f)
	if err != nil {
		return nil, invalid(op, "params", "cannot be form-encoded: %v", err)
	}
	r := &request{op: op, method: http.MethodPost, path: "/customers/" + id + "/eligibility", routingID: customerID, form: form}
	return send[Eligibility](ctx, s.client, r, opts)
}

// gatewayDataJSON encodes the gateway data as the one JSON object Juspay
// takes in a form field, or "" when there is none. A value that is not
// valid JSON is refused by name, before anything is sent.
func gatewayDataJSON(op string, data map[string]json.RawMessage) (string, error) {
	if len(data) == 0 {
		return "", nil
	}
	for _, k := range slices.Sorted(maps.Keys(data)) { // the same key reported on every run
		if v := data[k]; v != nil && !json.Valid(v) {
			return "", invalid(op, fmt.Sprintf("GatewayData[%q]", truncate(k, 40)), "is not valid JSON")
		}
	}
	// Without HTML escaping, so the gateway gets its JSON as the caller
	// wrote it ("a&b", not "a\u0026b"), only compacted.
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(data); err != nil {
		return "", invalid(op, "GatewayData", "cannot be encoded: %v", err)
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// paymentMethodEligibilityWire points the tolerant leaf types at a
// PaymentMethodEligibility's own fields, so it is decoded in place.
type paymentMethodEligibilityWire struct {
	PaymentMethod       *flexString `json:"payment_method"`
	PaymentMethodType   *flexString `json:"payment_method_type"`
	Description         *flexString `json:"description"`
	IsEligible          *flexBool   `json:"is_eligible"`
	EligibilityStrategy *flexString `json:"eligibility_strategy"`
	Balance             flexAmount  `json:"balance"`
	Status              *flexString `json:"status"`
	DueDate             *flexString `json:"due_date"`
	GatewayErrorCode    *flexString `json:"gateway_error_code"`
	GatewayErrorMessage *flexString `json:"gateway_error_message"`
}

// UnmarshalJSON decodes one method's eligibility tolerantly; see
// PaymentMethodEligibility.
func (m *PaymentMethodEligibility) UnmarshalJSON(data []byte) error {
	*m = PaymentMethodEligibility{}
	err := json.Unmarshal(data, &paymentMethodEligibilityWire{
		PaymentMethod:       (*flexString)(&m.PaymentMethod),
		PaymentMethodType:   (*flexString)(&m.PaymentMethodType),
		Description:         (*flexString)(&m.Description),
		IsEligible:          (*flexBool)(&m.IsEligible),
		EligibilityStrategy: (*flexString)(&m.EligibilityStrategy),
		Balance:             flexAmount{dst: &m.Balance},
		Status:              (*flexString)(&m.Status),
		DueDate:             (*flexString)(&m.DueDate),
		GatewayErrorCode:    (*flexString)(&m.GatewayErrorCode),
		GatewayErrorMessage: (*flexString)(&m.GatewayErrorMessage),
	})
	if err != nil {
		return fieldError(err)
	}
	return nil
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
	const op = "create customer"
	form, err := createCustomerFormOf(op, p)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/customers",
		routingID: p.ObjectReferenceID, write: true, form: form}
	return send[Customer](ctx, s.client, r, opts)
}

// Get returns a customer, by Juspay's ID ("cst_...") or by the merchant's
// object reference ID.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/get-customer
//
// It sends GET /customers/{customerID} with the customer ID as
// x-routing-id. An unknown customer is a 404: ErrNotFound.
//
// A read.
func (s *CustomersService) Get(ctx context.Context, customerID string, opts ...Option) (*Customer, error) {
	const op = "get customer"
	id, err := pathSegment(op, "customerID", customerID)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodGet, path: "/customers/" + id, routingID: customerID}
	return send[Customer](ctx, s.client, r, opts)
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
// Setting values is safe to repeat, so it is retried as a read.
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
	form, err := encodeForm(updateCustomerForm(*p))
	if err != nil {
		return nil, invalid(op, "params", "cannot be form-encoded: %v", err)
	}
	r := &request{op: op, method: http.MethodPost, path: "/customers/" + id, routingID: customerID, form: form}
	return send[Customer](ctx, s.client, r, opts)
}

// NewClientAuthToken mints a client auth token for a customer, for
// Juspay's client SDKs in the customer's app: it expires 15 minutes after
// issue.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/get-customer
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
