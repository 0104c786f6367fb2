package juspay_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

var customerParams = &juspay.CreateCustomerParams{
	ObjectReferenceID: "customer@gmail.com", MobileNumber: "9988776655", MobileCountryCode: "91",
	EmailAddress: "customer@gmail.com", FirstName: "John", LastName: "Smith", ClientAuthToken: true,
}

func TestCustomersCreateRequest(t *testing.T) {
	c, rec := newRecordedClient(t, sample(t, 200, "create-customer--auth-token.json"))
	cust, err := c.Customers.Create(context.Background(), customerParams)
	require.NoError(t, err)
	req, body := rec.only(t)
	testMethod(t, req, http.MethodPost)
	assert.Equal(t, sandboxURL+"/customers", req.URL.String())
	testHeaders(t, req, "customer@gmail.com") // the object reference ID
	testFormValues(t, req, body, url.Values{
		"object_reference_id": {"customer@gmail.com"}, "mobile_number": {"9988776655"},
		"mobile_country_code": {"91"}, "email_address": {"customer@gmail.com"},
		"first_name": {"John"}, "last_name": {"Smith"}, "options.get_client_auth_token": {"true"},
	})
	assert.Equal(t, "cst_afdeuvmfhs3j1acm", cust.ID)
	require.NotNil(t, cust.ClientAuth)
	assert.Equal(t, utc("2020-03-17T14:28:37Z"), cust.ClientAuth.Expiry)

	// Only what is given is sent.
	_, err = c.Customers.Create(context.Background(), &juspay.CreateCustomerParams{ObjectReferenceID: "ref_00000001", MobileNumber: "9999999999"})
	require.NoError(t, err)
	testFormValues(t, rec.reqs[1], rec.bodies[1], url.Values{"object_reference_id": {"ref_00000001"}, "mobile_number": {"9999999999"}})
}

func TestCustomersCreateRefusesBadParams(t *testing.T) {
	cases := []struct {
		name, field string
		p           *juspay.CreateCustomerParams
	}{
		{"nil", "params", nil},
		{"no object reference ID", "ObjectReferenceID", &juspay.CreateCustomerParams{MobileNumber: "9999999999"}},
		{"object reference ID with CR", "ObjectReferenceID", &juspay.CreateCustomerParams{ObjectReferenceID: "a\rb", MobileNumber: "9999999999"}},
		{"no mobile number", "MobileNumber", &juspay.CreateCustomerParams{ObjectReferenceID: "ref"}},
		{"mobile number with +", "MobileNumber", &juspay.CreateCustomerParams{ObjectReferenceID: "ref", MobileNumber: "+919999999999"}},
		{"country code with +", "MobileCountryCode", &juspay.CreateCustomerParams{ObjectReferenceID: "ref", MobileNumber: "9999999999", MobileCountryCode: "+91"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := newRecordedClient(t, sample(t, 200, "create-customer--response.json"))
			_, err := c.Customers.Create(context.Background(), tc.p)
			requireInvalid(t, err, tc.field)
			_, _, err = c.Customers.GetOrCreate(context.Background(), tc.p)
			requireInvalid(t, err, tc.field)
			assert.Zero(t, rec.count(), "nothing sent")
		})
	}
}

func TestCustomersCreateIsAWrite(t *testing.T) {
	// A customer create is not keyed: its unknown outcome is the caller's
	// to settle (GetOrCreate does), and Juspay's "already exists" is its
	// answer, not a conflict the SDK found.
	c, rec := newRecordedClient(t, failResponder(errReset))
	_, err := c.Customers.Create(context.Background(), customerParams)
	assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
	assert.Equal(t, 1, rec.count(), "never repeated")

	// Any answer ends a write, a 503 included; one that provably never
	// left (a refused dial) is sent again.
	c, rec = newRecordedClient(t, jsonResponder(503, `{}`))
	_, err = c.Customers.Create(context.Background(), customerParams)
	assert.ErrorIs(t, err, juspay.ErrServer)
	assert.Equal(t, 1, rec.count(), "never repeated")
	c, rec = newRecordedClient(t, sequence(failResponder(errRefused), sample(t, 200, "create-customer--response.json")))
	_, err = c.Customers.Create(context.Background(), customerParams)
	assert.NoError(t, err)
	assert.Equal(t, 2, rec.count())

	c, _ = newRecordedClient(t, sample(t, 400, "error--customer-exists.json"))
	_, err = c.Customers.Create(context.Background(), customerParams)
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "unique", apiErr.ErrorCode)
	assert.ErrorIs(t, err, juspay.ErrInvalidRequest)
	assert.NotErrorIs(t, err, juspay.ErrConflict)
}

func TestCustomersGet(t *testing.T) {
	c, rec := newRecordedClient(t, sample(t, 200, "get-customer--response.json"))
	cust, err := c.Customers.Get(context.Background(), "cst_om2l6ctlptxwxuzj")
	require.NoError(t, err)
	req, body := rec.only(t)
	testCall(t, req, http.MethodGet, "/customers/cst_om2l6ctlptxwxuzj", "cst_om2l6ctlptxwxuzj")
	assert.Empty(t, req.URL.RawQuery)
	testFormValues(t, req, body, nil)
	assert.Equal(t, utc("2016-08-02T08:07:52Z"), cust.DateCreated)
	assert.Nil(t, cust.ClientAuth)

	c, _ = newRecordedClient(t, sample(t, 404, "error--customer-not-found.json"))
	_, err = c.Customers.Get(context.Background(), "a/b")
	assert.ErrorIs(t, err, juspay.ErrNotFound)
	for _, id := range []string{"", ".", ".."} {
		_, err = c.Customers.Get(context.Background(), id)
		requireInvalid(t, err, "customerID")
	}
}

func TestCustomersUpdate(t *testing.T) {
	c, rec := newRecordedClient(t, sequence(jsonResponder(502, `<html>`), sample(t, 200, "update-customer--response.json")))
	cust, err := c.Customers.Update(context.Background(), "cst_om2l6ctlptxwxuzj", &juspay.UpdateCustomerParams{
		MobileNumber: "9988776644", FirstName: "Jon", LastName: "Snow",
	})
	require.NoError(t, err)
	require.Equal(t, 2, rec.count(), "setting values is retried as a read")
	req := rec.all()[1]
	testCall(t, req, http.MethodPost, "/customers/cst_om2l6ctlptxwxuzj", "cst_om2l6ctlptxwxuzj")
	testFormValues(t, rec.reqs[1], rec.bodies[1], url.Values{"mobile_number": {"9988776644"}, "first_name": {"Jon"}, "last_name": {"Snow"}})
	assert.Equal(t, "Snow", cust.LastName)

	_, err = c.Customers.Update(context.Background(), "cst_1", nil)
	requireInvalid(t, err, "params")
	_, err = c.Customers.Update(context.Background(), "cst_1", &juspay.UpdateCustomerParams{})
	requireInvalid(t, err, "params")
	_, err = c.Customers.Update(context.Background(), "cst_1", &juspay.UpdateCustomerParams{MobileNumber: "99 99"})
	requireInvalid(t, err, "MobileNumber")
	assert.Equal(t, 2, rec.count())
}

func TestCustomersNewClientAuthToken(t *testing.T) {
	c, rec := newRecordedClient(t, sample(t, 200, "get-customer--auth-token.json"))
	tok, err := c.Customers.NewClientAuthToken(context.Background(), "cst_tooedar2k7j1d60b")
	require.NoError(t, err)
	req, _ := rec.only(t)
	testCall(t, req, http.MethodGet, "/customers/cst_tooedar2k7j1d60b", "cst_tooedar2k7j1d60b")
	assert.Equal(t, url.Values{"options.get_client_auth_token": {"true"}}, req.URL.Query())
	assert.Equal(t, "tkn_8649cd66d30c47728b8dd2fb6279a4cc", tok.Token)
	assert.Equal(t, utc("2020-03-17T14:45:26Z"), tok.Expiry)

	c, _ = newRecordedClient(t, sample(t, 200, "get-customer--response.json"))
	_, err = c.Customers.NewClientAuthToken(context.Background(), "cst_1")
	assert.ErrorContains(t, err, "no client auth token")
}

func TestCustomersGetOrCreate(t *testing.T) {
	const (
		get    = "GET /customers/customer@gmail.com"
		create = "POST /customers"
	)
	found := sample(t, 200, "get-customer--response.json")
	notFound := sample(t, 404, "error--customer-not-found.json")
	made := sample(t, 200, "create-customer--response.json")
	cases := []struct {
		name        string
		get, create httpmock.Responder
		created     bool
		id          string
		paths       []string
	}{
		{"found", found, nil, false, "cst_om2l6ctlptxwxuzj", []string{get}},
		{"not found: created", notFound, made, true, "cst_pcxaymwoh9vbse97", []string{get, create}},
		{"created meanwhile: unique, read again", sequence(notFound, found), sample(t, 400, "error--customer-exists.json"),
			false, "cst_om2l6ctlptxwxuzj", []string{get, create, get}},
		{"reset after send: read again, there", sequence(notFound, found), failResponder(errReset),
			false, "cst_om2l6ctlptxwxuzj", []string{get, create, get}},
		{"body cut short: read again, there", sequence(notFound, found), cutBody(`{"id":"cst_pcxaymwoh9vbse97"}`),
			false, "cst_om2l6ctlptxwxuzj", []string{get, create, get}},
		{"503: read again, never arrived: created", notFound, sequence(jsonResponder(503, `{}`), made),
			true, "cst_pcxaymwoh9vbse97", []string{get, create, get, create}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := newRecordedClient(t, routes(t, map[string]httpmock.Responder{get: tc.get, create: tc.create}))
			cust, created, err := c.Customers.GetOrCreate(context.Background(), customerParams)
			require.NoError(t, err)
			assert.Equal(t, tc.created, created)
			assert.Equal(t, tc.id, cust.ID)
			assert.Equal(t, tc.paths, rec.paths())
			for _, req := range rec.all() {
				testHeaders(t, req, "customer@gmail.com")
				if req.Method == http.MethodGet { // customerParams asks for a client auth token
					assert.Equal(t, "options.get_client_auth_token=true", req.URL.RawQuery)
				}
			}
		})
	}
	t.Run("no token asked: the reads ask for none", func(t *testing.T) {
		c, rec := newRecordedClient(t, routes(t, map[string]httpmock.Responder{get: found}))
		p := *customerParams
		p.ClientAuthToken = false
		_, _, err := c.Customers.GetOrCreate(context.Background(), &p)
		require.NoError(t, err)
		req, _ := rec.only(t)
		assert.Empty(t, req.URL.RawQuery)
	})
	t.Run("a read that fails after an unknown outcome: both errors", func(t *testing.T) {
		c, _ := newRecordedClient(t, routes(t, map[string]httpmock.Responder{
			get: sequence(notFound, sample(t, 403, "error--ip-not-whitelisted.json")), create: failResponder(errReset),
		}))
		_, created, err := c.Customers.GetOrCreate(context.Background(), customerParams)
		assert.False(t, created)
		assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
		assert.ErrorIs(t, err, juspay.ErrForbidden)
	})
	t.Run("other errors end it", func(t *testing.T) {
		c, rec := newRecordedClient(t, routes(t, map[string]httpmock.Responder{
			get: notFound, create: sample(t, 400, "error--customer-empty-mobile-number.json"),
		}))
		_, _, err := c.Customers.GetOrCreate(context.Background(), customerParams)
		assert.ErrorIs(t, err, juspay.ErrInvalidRequest)
		assert.Equal(t, []string{get, create}, rec.paths())
	})
}
