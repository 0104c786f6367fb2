package juspaytest

import (
	"net/http"
	"time"
)

// clientAuthTTL is how long a client auth token lives: 15 minutes, as in
// Juspay's samples.
const clientAuthTTL = 15 * time.Minute

// profile is a customer's details: what Juspay's Customer object holds
// beyond the wallets.
type profile struct {
	id, objectReferenceID                         string
	mobileNumber, mobileCountryCode, email        string
	firstName, lastName, dateCreated, lastUpdated string
}

// customerJSON is Juspay's Customer object.
type customerJSON struct {
	ID                string          `json:"id"`
	Object            string          `json:"object"`
	ObjectReferenceID string          `json:"object_reference_id"`
	MobileCountryCode *string         `json:"mobile_country_code"`
	MobileNumber      string          `json:"mobile_number"`
	EmailAddress      *string         `json:"email_address"`
	FirstName         *string         `json:"first_name"`
	LastName          *string         `json:"last_name"`
	DateCreated       string          `json:"date_created"`
	LastUpdated       string          `json:"last_updated"`
	Juspay            *clientAuthJSON `json:"juspay,omitempty"`
}

// clientAuthJSON is the "juspay" block of a customer or an order.
type clientAuthJSON struct {
	ClientAuthToken       string `json:"client_auth_token"`
	ClientAuthTokenExpiry string `json:"client_auth_token_expiry"`
}

// resolve finds a customer by Juspay's ID or by its object_reference_id, as
// Juspay does on every customer path; the ID wins when both would match.
func (st *store) resolve(id string) (string, bool) {
	if _, ok := st.customers[id]; ok {
		return id, true
	}
	c, ok := st.refs[id]
	return c, ok
}

// addProfile stores a customer's details, making its ID when it has none,
// and returns the ID.
func (st *store) addProfile(c Customer) string {
	id := c.ID
	for id == "" || st.customers[id] != nil {
		id = "cst_" + randomHex(8)
	}
	t := now()
	st.profiles[id] = &profile{
		id: id, objectReferenceID: c.ObjectReferenceID,
		mobileNumber: c.MobileNumber, mobileCountryCode: c.MobileCountryCode, email: c.EmailAddress,
		firstName: c.FirstName, lastName: c.LastName, dateCreated: t, lastUpdated: t,
	}
	st.customers[id] = []string{}
	if c.ObjectReferenceID != "" {
		st.refs[c.ObjectReferenceID] = id
	}
	return id
}

// Customer reports the customer found by id, Juspay's customer ID or its
// object reference ID, with its details and its wallets as they stand now.
func (s *Server) Customer(id string) (Customer, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cid, ok := s.store.resolve(id)
	if !ok {
		return Customer{}, false
	}
	p := s.store.profiles[cid]
	c := Customer{
		ID: cid, ObjectReferenceID: p.objectReferenceID,
		MobileNumber: p.mobileNumber, MobileCountryCode: p.mobileCountryCode, EmailAddress: p.email,
		FirstName: p.firstName, LastName: p.lastName,
	}
	for _, wid := range s.store.customers[cid] {
		c.Wallets = append(c.Wallets, copyWallet(s.store.wallets[wid].Wallet))
	}
	return c, true
}

// createCustomer serves POST /customers. object_reference_id and
// mobile_number are required; an object_reference_id already in use is
// Juspay's 400 with error_code unique. With options.get_client_auth_token
// true the answer carries a fresh client auth token.
func (s *Server) createCustomer(c *call) reply {
	f := c.form
	for _, field := range []string{"object_reference_id", "mobile_number"} {
		if f.Get(field) == "" {
			return invalidCustomerInput(field)
		}
	}
	ref := f.Get("object_reference_id")
	if _, ok := s.store.resolve(ref); ok {
		return customerExists()
	}
	id := s.store.addProfile(Customer{
		ObjectReferenceID: ref,
		MobileNumber:      f.Get("mobile_number"),
		MobileCountryCode: f.Get("mobile_country_code"),
		EmailAddress:      f.Get("email_address"),
		FirstName:         f.Get("first_name"),
		LastName:          f.Get("last_name"),
	})
	return reply{http.StatusOK, customerView(s.store.profiles[id], c.option("options.get_client_auth_token"))}
}

// getCustomer serves GET /customers/{customer_id}, by either ID; an unknown
// customer is a 404. options.get_client_auth_token=true, in the query or
// the form, mints a client auth token.
func (s *Server) getCustomer(c *call) reply {
	id, ok := s.store.resolve(c.params[0])
	if !ok {
		return customerNotFoundProfile()
	}
	return reply{http.StatusOK, customerView(s.store.profiles[id], c.option("options.get_client_auth_token"))}
}

// updateCustomer serves POST /customers/{customer_id}: each of the details
// sent replaces the stored one; a mobile_number sent empty is a 400.
func (s *Server) updateCustomer(c *call) reply {
	id, ok := s.store.resolve(c.params[0])
	if !ok {
		return customerNotFoundProfile()
	}
	f := c.form
	if f.Has("mobile_number") && f.Get("mobile_number") == "" {
		return invalidCustomerInput("mobile_number")
	}
	p := s.store.profiles[id]
	for field, dst := range map[string]*string{
		"mobile_number": &p.mobileNumber, "mobile_country_code": &p.mobileCountryCode,
		"email_address": &p.email, "first_name": &p.firstName, "last_name": &p.lastName,
	} {
		if v := f.Get(field); v != "" {
			*dst = v
		}
	}
	p.lastUpdated = now()
	return reply{http.StatusOK, customerView(p, c.option("options.get_client_auth_token"))}
}

// customerView renders a customer as Juspay does, with a fresh client auth
// token when asked for one.
func customerView(p *profile, withToken bool) customerJSON {
	v := customerJSON{
		ID: p.id, Object: "customer", ObjectReferenceID: p.objectReferenceID,
		MobileCountryCode: nullable(p.mobileCountryCode), MobileNumber: p.mobileNumber,
		EmailAddress: nullable(p.email), FirstName: nullable(p.firstName), LastName: nullable(p.lastName),
		DateCreated: p.dateCreated, LastUpdated: p.lastUpdated,
	}
	if withToken {
		v.Juspay = newClientAuth()
	}
	return v
}

// newClientAuth mints a client auth token that expires in 15 minutes.
func newClientAuth() *clientAuthJSON {
	return &clientAuthJSON{
		ClientAuthToken:       "tkn_" + randomHex(16),
		ClientAuthTokenExpiry: time.Now().UTC().Add(clientAuthTTL).Format(time.RFC3339),
	}
}
