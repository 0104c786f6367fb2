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
// whether the customer may pay the amount (or the order) with it. A read:
// although a POST, it moves nothing.
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
// sent.
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
	form, err := formOf(op, f)
	if err != nil {
		return nil, err
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

// eligibilityWire is an Eligibility as the tolerant reader decodes it.
type eligibilityWire struct {
	PaymentMethods []paymentMethodEligibilityWire `json:"payment_methods_eligibility"`
}

func (w *eligibilityWire) to(e *Eligibility) {
	*e = Eligibility{}
	toSlice(w.PaymentMethods, &e.PaymentMethods)
}

// UnmarshalJSON decodes an eligibility answer tolerantly; see
// PaymentMethodEligibility.
func (e *Eligibility) UnmarshalJSON(data []byte) error {
	return decodeVia[eligibilityWire](data, e)
}

func (e *Eligibility) decodeFrom(dec *json.Decoder) error {
	return decodeStreamVia[eligibilityWire](dec, e)
}

// paymentMethodEligibilityWire is a PaymentMethodEligibility as the
// tolerant reader decodes it.
type paymentMethodEligibilityWire struct {
	PaymentMethod       flexString `json:"payment_method"`
	PaymentMethodType   flexString `json:"payment_method_type"`
	Description         flexString `json:"description"`
	IsEligible          flexBool   `json:"is_eligible"`
	EligibilityStrategy flexString `json:"eligibility_strategy"`
	Balance             flexAmount `json:"balance"`
	Status              flexString `json:"status"`
	DueDate             flexString `json:"due_date"`
	GatewayErrorCode    flexString `json:"gateway_error_code"`
	GatewayErrorMessage flexString `json:"gateway_error_message"`
}

// UnmarshalJSON decodes one method's eligibility tolerantly; see
// PaymentMethodEligibility.
func (m *PaymentMethodEligibility) UnmarshalJSON(data []byte) error {
	return decodeVia[paymentMethodEligibilityWire](data, m)
}

func (w *paymentMethodEligibilityWire) to(m *PaymentMethodEligibility) {
	*m = PaymentMethodEligibility{
		PaymentMethod:       string(w.PaymentMethod),
		PaymentMethodType:   string(w.PaymentMethodType),
		Description:         string(w.Description),
		IsEligible:          bool(w.IsEligible),
		EligibilityStrategy: string(w.EligibilityStrategy),
		Balance:             w.Balance.ptr(),
		Status:              string(w.Status),
		DueDate:             string(w.DueDate),
		GatewayErrorCode:    string(w.GatewayErrorCode),
		GatewayErrorMessage: string(w.GatewayErrorMessage),
	}
}
