package juspay

import (
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"
)

// Customer is a customer at Juspay, as Create, Get and Update answer it.
// Wallets exist only for a Juspay customer: the wallet calls take its ID
// (or its ObjectReferenceID).
//
// It decodes as tolerantly as Order; Juspay writes its timestamps as
// "2020-03-17T14:13:37Z" in one answer and "2016-08-02T08:07:52+0000" in
// the next, and both parse. ClientAuth holds a secret: formatting and
// logging mask it. encoding/json writes a Customer in Juspay's shape, token
// included, so that it can be stored and decoded again: never log its JSON.
type Customer struct {
	ID                string           `json:"id"`     // Juspay's, e.g. "cst_afdeuvmfhs3j1acm"; wallet calls take it (or ObjectReferenceID)
	Object            string           `json:"object"` // "customer"
	ObjectReferenceID string           `json:"object_reference_id"`
	MobileCountryCode string           `json:"mobile_country_code"`
	MobileNumber      string           `json:"mobile_number"`
	EmailAddress      string           `json:"email_address"`
	FirstName         string           `json:"first_name"`
	LastName          string           `json:"last_name"`
	DateCreated       time.Time        `json:"date_created"`
	LastUpdated       time.Time        `json:"last_updated"`     // Juspay does not always move it on an update
	ClientAuth        *ClientAuthToken `json:"juspay,omitempty"` // Juspay's "juspay" block; nil unless asked for
}

// LogValue presents the customer to log/slog by its IDs, with the client
// auth token masked and the contact details left out.
func (c Customer) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("id", c.ID),
		slog.String("object_reference_id", c.ObjectReferenceID),
	}
	if c.ClientAuth != nil {
		attrs = append(attrs, slog.Any("client_auth", c.ClientAuth))
	}
	return slog.GroupValue(attrs...)
}

// ClientAuthToken is a short-lived token that lets Juspay's client SDKs (in
// the customer's app or browser) act for one customer: hand it to the app,
// never to anyone else. It expires 15 minutes after issue.
//
// Token is a secret: String, Format (so every fmt verb, %#v included) and
// LogValue mask it; read the field itself to pass it on. encoding/json
// writes it as it is, so never log a ClientAuthToken's JSON.
type ClientAuthToken struct {
	Token  string    `json:"client_auth_token"`        // a secret
	Expiry time.Time `json:"client_auth_token_expiry"` // 15 minutes after issue
}

// String describes the token with its value masked.
func (t ClientAuthToken) String() string {
	s := "ClientAuthToken{Token: " + maskSecret(t.Token)
	if !t.Expiry.IsZero() {
		s += ", Expiry: " + t.Expiry.Format(time.RFC3339)
	}
	return s + "}"
}

// Format prints String for every verb, so that no verb walks the struct
// and prints the token.
func (t ClientAuthToken) Format(f fmt.State, verb rune) { fmt.Fprint(f, t.String()) }

// LogValue presents the token to log/slog with its value masked.
func (t ClientAuthToken) LogValue() slog.Value {
	return slog.GroupValue(slog.String("token", maskSecret(t.Token)), slog.Time("expiry", t.Expiry))
}

// CreateCustomerParams are the fields of a new customer.
type CreateCustomerParams struct {
	// ObjectReferenceID is required: the merchant's own ID for the
	// customer (an email, a phone number, a database ID). Juspay keeps it
	// unique, which is what lets GetOrCreate find the customer again.
	ObjectReferenceID string
	// MobileNumber is required: digits only, with no "+" or country code.
	MobileNumber string
	// MobileCountryCode is the country code without "+", e.g. "91".
	MobileCountryCode string
	EmailAddress      string
	FirstName         string
	LastName          string
	// ClientAuthToken also mints a client auth token for the customer
	// (options.get_client_auth_token=true), returned in Customer.ClientAuth.
	ClientAuthToken bool
}

// UpdateCustomerParams are the fields of a customer to change. Empty
// fields are not sent, and stay as they are at Juspay.
type UpdateCustomerParams struct {
	MobileNumber, MobileCountryCode, EmailAddress, FirstName, LastName string
}

// createCustomerForm is the body of POST /customers.
type createCustomerForm struct {
	ObjectReferenceID string `url:"object_reference_id"`
	MobileNumber      string `url:"mobile_number"`
	MobileCountryCode string `url:"mobile_country_code,omitempty"`
	EmailAddress      string `url:"email_address,omitempty"`
	FirstName         string `url:"first_name,omitempty"`
	LastName          string `url:"last_name,omitempty"`
	ClientAuthToken   bool   `url:"options.get_client_auth_token,omitempty"`
}

// updateCustomerForm is the body of POST /customers/{id}.
type updateCustomerForm struct {
	MobileNumber      string `url:"mobile_number,omitempty"`
	MobileCountryCode string `url:"mobile_country_code,omitempty"`
	EmailAddress      string `url:"email_address,omitempty"`
	FirstName         string `url:"first_name,omitempty"`
	LastName          string `url:"last_name,omitempty"`
}

// createCustomerFormOf checks p and builds the body of a customer create.
func createCustomerFormOf(op string, p *CreateCustomerParams) (url.Values, error) {
	if p == nil {
		return nil, invalid(op, "params", "are nil; ObjectReferenceID and MobileNumber are required")
	}
	switch {
	case strings.TrimSpace(p.ObjectReferenceID) == "":
		return nil, invalid(op, "ObjectReferenceID", "is empty")
	case hasControl(p.ObjectReferenceID):
		// It travels as x-routing-id, a header.
		return nil, invalid(op, "ObjectReferenceID", "holds a control character")
	}
	if err := checkMobile(op, p.MobileNumber, p.MobileCountryCode, true); err != nil {
		return nil, err
	}
	form, err := encodeForm(createCustomerForm(*p))
	if err != nil {
		return nil, invalid(op, "params", "cannot be form-encoded: %v", err)
	}
	return form, nil
}

// checkMobile refuses what Juspay documents as wrong: a mobile number or
// country code that is not digits only (no "+", no spaces).
func checkMobile(op, number, countryCode string, required bool) error {
	if number == "" && required {
		return invalid(op, "MobileNumber", "is empty")
	}
	if !allDigits(number) {
		return invalid(op, "MobileNumber", "must be digits only, with no \"+\" or country code")
	}
	if !allDigits(countryCode) {
		return invalid(op, "MobileCountryCode", "must be digits only, with no \"+\"")
	}
	return nil
}

// allDigits reports whether s holds only ASCII digits ("" does).
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
