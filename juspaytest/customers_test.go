package juspaytest_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func customerForm() url.Values {
	return url.Values{
		"object_reference_id": {"customer@gmail.com"},
		"mobile_number":       {"9988776655"},
		"mobile_country_code": {"91"},
		"email_address":       {"customer@gmail.com"},
		"first_name":          {"John"},
		"last_name":           {"Smith"},
	}
}

func TestCreateCustomer(t *testing.T) {
	srv := newServer(t)
	form := customerForm()
	form.Set("options.get_client_auth_token", "true")
	r := do(t, srv, http.MethodPost, "/customers", form)
	m := requireOK(t, r)
	assertCovers(t, checkout(t, "create-customer--auth-token.json"), r.body)
	id := m["id"].(string)
	assert.True(t, strings.HasPrefix(id, "cst_"), id)
	assert.Equal(t, "customer", m["object"])
	assert.Equal(t, "customer@gmail.com", m["object_reference_id"])
	assert.Equal(t, "9988776655", m["mobile_number"])
	assert.Equal(t, "91", m["mobile_country_code"])
	assert.Equal(t, "John", m["first_name"])
	juspay := m["juspay"].(map[string]any)
	assert.True(t, strings.HasPrefix(juspay["client_auth_token"].(string), "tkn_"))
	created, err := time.Parse(time.RFC3339, m["date_created"].(string))
	require.NoError(t, err)
	expiry, err := time.Parse(time.RFC3339, juspay["client_auth_token_expiry"].(string))
	require.NoError(t, err)
	assert.WithinDuration(t, created.Add(15*time.Minute), expiry, 2*time.Second)

	// Found by either ID, with the same details; a token only when asked.
	for _, ref := range []string{id, "customer@gmail.com", url.PathEscape("customer@gmail.com")} {
		got := requireOK(t, do(t, srv, http.MethodGet, "/customers/"+ref, nil))
		assert.Equal(t, id, got["id"], ref)
		assert.NotContains(t, got, "juspay")
	}
	got := requireOK(t, do(t, srv, http.MethodGet, "/customers/"+id+"?options.get_client_auth_token=true", nil))
	assert.Contains(t, got, "juspay")
	assertCovers(t, checkout(t, "get-customer--response.json"), do(t, srv, http.MethodGet, "/customers/"+id, nil).body)

	c, ok := srv.Customer("customer@gmail.com")
	require.True(t, ok)
	assert.Equal(t, juspaytest.Customer{
		ID: id, ObjectReferenceID: "customer@gmail.com", MobileNumber: "9988776655", MobileCountryCode: "91",
		EmailAddress: "customer@gmail.com", FirstName: "John", LastName: "Smith",
	}, c)
}

func TestCreateCustomerErrors(t *testing.T) {
	srv := newServer(t)
	requireOK(t, do(t, srv, http.MethodPost, "/customers", customerForm()))
	requireSample(t, do(t, srv, http.MethodPost, "/customers", customerForm()), 400, "error--customer-exists.json")

	form := customerForm()
	form.Set("object_reference_id", "")
	requireSample(t, do(t, srv, http.MethodPost, "/customers", form), 400, "error--customer-empty-object-reference-id.json")
	form = customerForm()
	form.Set("object_reference_id", "other@gmail.com")
	form.Del("mobile_number")
	requireSample(t, do(t, srv, http.MethodPost, "/customers", form), 400, "error--customer-empty-mobile-number.json")
	_, ok := srv.Customer("other@gmail.com")
	assert.False(t, ok, "a refused create adds nothing")

	// A seeded customer's ID is taken too, as an object reference ID.
	_, err := srv.AddCustomer(juspaytest.SampleCustomer())
	require.NoError(t, err)
	form = customerForm()
	form.Set("object_reference_id", juspaytest.SampleCustomerID)
	requireSample(t, do(t, srv, http.MethodPost, "/customers", form), 400, "error--customer-exists.json")
}

func TestGetUpdateUnknownCustomer(t *testing.T) {
	srv := newServer(t)
	requireSample(t, do(t, srv, http.MethodGet, "/customers/cst_none", nil), 404, "error--customer-not-found.json")
	requireSample(t, do(t, srv, http.MethodPost, "/customers/cst_none", url.Values{"first_name": {"Jon"}}), 404, "error--customer-not-found.json")
}

func TestUpdateCustomer(t *testing.T) {
	srv := newServer(t)
	id := requireOK(t, do(t, srv, http.MethodPost, "/customers", customerForm()))["id"].(string)
	r := do(t, srv, http.MethodPost, "/customers/customer@gmail.com", url.Values{
		"mobile_number": {"9988776644"}, "first_name": {"Jon"}, "last_name": {"Snow"},
	})
	m := requireOK(t, r)
	assertCovers(t, checkout(t, "update-customer--response.json"), r.body)
	assert.Equal(t, id, m["id"])
	assert.Equal(t, "9988776644", m["mobile_number"])
	assert.Equal(t, "Jon", m["first_name"])
	assert.Equal(t, "customer@gmail.com", m["email_address"], "a field not sent is left as it was")

	requireSample(t, do(t, srv, http.MethodPost, "/customers/"+id, url.Values{"mobile_number": {""}}), 400, "error--customer-empty-mobile-number.json")
	c, _ := srv.Customer(id)
	assert.Equal(t, "9988776644", c.MobileNumber)
}

// A customer made through the API has wallets like a seeded one, found by
// either of its IDs.
func TestAPICustomerWallets(t *testing.T) {
	srv := newServer(t)
	id := requireOK(t, do(t, srv, http.MethodPost, "/customers", customerForm()))["id"].(string)
	w := requireOK(t, do(t, srv, http.MethodPost, "/customers/customer@gmail.com/wallets", url.Values{"gateway": {"PAYTM"}}))
	list := requireOK(t, do(t, srv, http.MethodGet, "/customers/"+id+"/wallets", nil))
	require.Len(t, list["list"], 1)
	assert.Equal(t, w["id"], list["list"].([]any)[0].(map[string]any)["id"])
	c, _ := srv.Customer(id)
	require.Len(t, c.Wallets, 1)
	assert.Equal(t, "PAYTM", c.Wallets[0].Gateway)
}

// AddCustomer makes a Juspay-like ID for a customer seeded by its object
// reference ID alone, and refuses one in use.
func TestAddCustomerByReference(t *testing.T) {
	srv := newServer(t)
	c, err := srv.AddCustomer(juspaytest.Customer{ObjectReferenceID: "user-42", MobileNumber: "9999999999"})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(c.ID, "cst_"), c.ID)
	m := requireOK(t, do(t, srv, http.MethodGet, "/customers/user-42", nil))
	assert.Equal(t, c.ID, m["id"])
	assert.Equal(t, "9999999999", m["mobile_number"])
	assert.Nil(t, m["email_address"])

	_, err = srv.AddCustomer(juspaytest.Customer{ObjectReferenceID: "user-42"})
	assert.Error(t, err)
	_, err = srv.AddCustomer(juspaytest.Customer{})
	assert.Error(t, err)
	_, ok := srv.Customer("user-43")
	assert.False(t, ok)
}
