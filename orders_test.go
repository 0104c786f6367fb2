package juspay_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

func fullOrderParams() *juspay.CreateOrderParams {
	return &juspay.CreateOrderParams{
		OrderID: "ord_1", Amount: *amt("1.00"), Currency: "INR", CustomerID: "cst_1",
		CustomerEmail: "a@example.com", CustomerPhone: "9999999999", ReturnURL: "https://shop.example/return",
		Description: "a mug", ProductID: "mug_1", UDF: [10]string{0: "u1", 9: "u10"},
		Metadata:        map[string]string{"webhook_url": "https://shop.example/hook", "PAYTM:CUST_ID": "c1"},
		BillingAddress:  &juspay.Address{FirstName: "Asha", City: "Pune", CountryCodeISO: "IND"},
		ShippingAddress: &juspay.Address{Line1: "1 MG Road", PostalCode: "411001"},
		ClientAuthToken: true,
	}
}

func TestOrdersCreateRequest(t *testing.T) {
	c, rec := newRecordedClient(t, sample(t, 200, "create-order--response.json"))
	o, err := c.Orders.Create(context.Background(), fullOrderParams())
	require.NoError(t, err)
	req, body := rec.only(t)
	testMethod(t, req, http.MethodPost)
	assert.Equal(t, sandboxURL+"/orders", req.URL.String())
	testHeaders(t, req, "cst_1")
	testFormValues(t, req, body, url.Values{
		"order_id": {"ord_1"}, "amount": {"1.00"}, "currency": {"INR"}, "customer_id": {"cst_1"},
		"customer_email": {"a@example.com"}, "customer_phone": {"9999999999"},
		"return_url": {"https://shop.example/return"}, "description": {"a mug"}, "product_id": {"mug_1"},
		"udf1": {"u1"}, "udf10": {"u10"},
		"metadata.webhook_url": {"https://shop.example/hook"}, "metadata.PAYTM:CUST_ID": {"c1"},
		"billing_address_first_name": {"Asha"}, "billing_address_city": {"Pune"},
		"billing_address_country_code_iso": {"IND"},
		"shipping_address_line1":           {"1 MG Road"}, "shipping_address_postal_code": {"411001"},
		"options.get_client_auth_token": {"true"},
	})
	assert.Equal(t, "ordeu_8bddad1e3b9c85eab3db4528575c01b", o.ID)
	assert.Equal(t, juspay.TxnNew, o.Status)
	require.NotNil(t, o.ClientAuth)
	assert.Equal(t, "tkn_753275c49a44a1a313eb2567f2fd6b", o.ClientAuth.Token)
}

func TestOrdersCreateMinimal(t *testing.T) {
	c, rec := newRecordedClient(t, sample(t, 200, "create-order--created.json"))
	_, err := c.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1", Amount: *amt("1.5e2")})
	require.NoError(t, err)
	req, body := rec.only(t)
	testHeaders(t, req, "") // no customer: no routing ID
	testFormValues(t, req, body, url.Values{"order_id": {"ord_1"}, "amount": {"150"}})
}

// TestOrdersCreateAnsweredWithAnotherOrder: a create answered with an
// order of other values (one Juspay already held under the ID) is a
// conflict, not a success.
func TestOrdersCreateAnsweredWithAnotherOrder(t *testing.T) {
	c, rec := newRecordedClient(t, sample(t, 200, "create-order--response.json")) // amount 1
	o, err := c.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "14183944763", Amount: *amt("2")})
	assert.Nil(t, o)
	assert.ErrorIs(t, err, juspay.ErrConflict)
	assert.Equal(t, 1, rec.count())
}

func TestOrdersCreateRefusesBadParams(t *testing.T) {
	ok := func(mod func(p *juspay.CreateOrderParams)) *juspay.CreateOrderParams {
		p := &juspay.CreateOrderParams{OrderID: "ord_1", Amount: *amt("100")}
		mod(p)
		return p
	}
	cases := []struct {
		name, field string
		p           *juspay.CreateOrderParams
	}{
		{"nil params", "params", nil},
		{"no order ID", "OrderID", ok(func(p *juspay.CreateOrderParams) { p.OrderID = "" })},
		{"order ID of 21 characters", "OrderID", ok(func(p *juspay.CreateOrderParams) { p.OrderID = strings.Repeat("a", 21) })},
		{"order ID ..", "OrderID", ok(func(p *juspay.CreateOrderParams) { p.OrderID = ".." })},
		{"no amount", "Amount", ok(func(p *juspay.CreateOrderParams) { p.Amount = juspay.Amount{} })},
		{"negative amount", "Amount", ok(func(p *juspay.CreateOrderParams) { p.Amount = *amt("-1") })},
		{"three decimal places", "Amount", ok(func(p *juspay.CreateOrderParams) { p.Amount = *amt("100.153") })},
		{"three decimal places, trailing zero", "Amount", ok(func(p *juspay.CreateOrderParams) { p.Amount = *amt("100.500") })},
		{"customer ID with a newline", "CustomerID", ok(func(p *juspay.CreateOrderParams) { p.CustomerID = "cst\n1" })},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := newRecordedClient(t, sample(t, 200, "create-order--response.json"))
			_, err := c.Orders.Create(context.Background(), tc.p)
			requireInvalid(t, err, tc.field)
			assert.Zero(t, rec.count(), "nothing sent")
		})
	}
	t.Run("order ID of 20 characters is fine", func(t *testing.T) {
		c, _ := newRecordedClient(t, sample(t, 200, "create-order--created.json"))
		_, err := c.Orders.Create(context.Background(), ok(func(p *juspay.CreateOrderParams) { p.OrderID = strings.Repeat("a", 20) }))
		assert.NoError(t, err)
	})
	t.Run("nil context", func(t *testing.T) {
		c, _ := newMockClient(t)
		var nilCtx context.Context // a caller's mistake under test
		_, err := c.Orders.Create(nilCtx, ok(func(*juspay.CreateOrderParams) {}))
		requireInvalid(t, err, "ctx")
	})
}

func TestOrdersGet(t *testing.T) {
	c, rec := newRecordedClient(t, sample(t, 200, "order-status--wallet.json"))
	o, err := c.Orders.Get(context.Background(), "ord/1")
	require.NoError(t, err)
	req, body := rec.only(t)
	testCall(t, req, http.MethodGet, "/orders/ord%2F1", "") // an order call sends none of its own
	testFormValues(t, req, body, nil)
	assert.Equal(t, walletOrder(), o)

	_, err = c.Orders.Get(context.Background(), "ord_1", juspay.WithRoutingID("cst_1"))
	require.NoError(t, err)
	testHeaders(t, rec.all()[1], "cst_1")

	for _, id := range []string{"", ".", ".."} {
		_, err = c.Orders.Get(context.Background(), id)
		requireInvalid(t, err, "orderID")
	}
	assert.Equal(t, 2, rec.count())
}

// TestOrderNotFound: Juspay answers an unknown order with a 400 whose status
// is NOT_FOUND, for which both sentinels hold.
func TestOrderNotFound(t *testing.T) {
	c, _ := newRecordedClient(t, sample(t, 400, "error--order-not-found.json"))
	_, err := c.Orders.Get(context.Background(), "173824171")
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, juspay.ErrInvalidRequest)
	assert.ErrorIs(t, err, juspay.ErrNotFound)
	assert.NotErrorIs(t, err, juspay.ErrConflict)

	// Any other 400 is not ErrNotFound.
	c, _ = newRecordedClient(t, sample(t, 400, "error--create-order-invalid-currency.json"))
	_, err = c.Orders.Get(context.Background(), "ord_1")
	assert.ErrorIs(t, err, juspay.ErrInvalidRequest)
	assert.NotErrorIs(t, err, juspay.ErrNotFound)
}

func TestOrdersUpdate(t *testing.T) {
	c, mt := newMockClient(t)
	// A 503 first: setting values is safe to repeat, so it is retried.
	rec := recordAll(mt, sequence(jsonResponder(503, `{}`), sample(t, 200, "update-order--response.json")))
	o, err := c.Orders.Update(context.Background(), "JPAYNEW035", &juspay.UpdateOrderParams{
		Amount: amt("90.00"), UDF: [10]string{2: "u3"}, BillingAddress: &juspay.Address{Phone: "9999999999"},
	})
	require.NoError(t, err)
	require.Equal(t, 2, rec.count())
	req := rec.all()[1]
	testCall(t, req, http.MethodPost, "/orders/JPAYNEW035", "")
	testFormValues(t, rec.reqs[1], rec.bodies[1], url.Values{"amount": {"90.00"}, "udf3": {"u3"}, "billing_address_phone": {"9999999999"}})
	assert.Equal(t, "90", o.Amount.String())
	assert.Equal(t, "3", o.EffectiveAmount.String())

	for name, p := range map[string]*juspay.UpdateOrderParams{"nil": nil, "empty": {},
		"empty addresses": {BillingAddress: &juspay.Address{}, ShippingAddress: &juspay.Address{}}} {
		t.Run(name, func(t *testing.T) {
			_, err := c.Orders.Update(context.Background(), "ord_1", p)
			requireInvalid(t, err, "params")
		})
	}
	_, err = c.Orders.Update(context.Background(), "ord_1", &juspay.UpdateOrderParams{Amount: amt("0")})
	requireInvalid(t, err, "Amount")
	assert.Equal(t, 2, rec.count(), "nothing more sent")
}

func TestOrdersRefundRequest(t *testing.T) {
	c, rec := newRecordedClient(t, sample(t, 200, "refund-order--response.json"))
	o, err := c.Orders.Refund(context.Background(), "JP1636474794", &juspay.RefundParams{UniqueRequestID: "TEST1637681731", Amount: *amt("1.00")})
	require.NoError(t, err)
	req, body := rec.only(t)
	testCall(t, req, http.MethodPost, "/orders/JP1636474794/refunds", "")
	testFormValues(t, req, body, url.Values{"unique_request_id": {"TEST1637681731"}, "amount": {"1.00"}})
	r, ok := o.FindRefund("TEST1637681731")
	require.True(t, ok)
	assert.Equal(t, juspay.RefundPending, r.Status)
}

func TestOrdersRefundRefusesBadParams(t *testing.T) {
	cases := []struct {
		name, orderID, field string
		p                    *juspay.RefundParams
	}{
		{"nil params", "ord_1", "params", nil},
		{"no key", "ord_1", "UniqueRequestID", &juspay.RefundParams{Amount: *amt("1")}},
		{"key of 21 characters", "ord_1", "UniqueRequestID", &juspay.RefundParams{UniqueRequestID: strings.Repeat("k", 21), Amount: *amt("1")}},
		{"zero amount", "ord_1", "Amount", &juspay.RefundParams{UniqueRequestID: "r1"}},
		{"three decimal places", "ord_1", "Amount", &juspay.RefundParams{UniqueRequestID: "r1", Amount: *amt("0.001")}},
		{"no order", "", "orderID", &juspay.RefundParams{UniqueRequestID: "r1", Amount: *amt("1")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := newRecordedClient(t, sample(t, 200, "refund-order--response.json"))
			_, err := c.Orders.Refund(context.Background(), tc.orderID, tc.p)
			requireInvalid(t, err, tc.field)
			assert.Zero(t, rec.count())
		})
	}
}

// TestCheckoutCallsRefuseANilContext: a nil ctx is the caller's mistake,
// refused before anything is sent, by every checkout call.
func TestCheckoutCallsRefuseANilContext(t *testing.T) {
	c, rec := newRecordedClient(t, sample(t, 200, "refund-order--response.json"))
	var nilCtx context.Context
	cp := &juspay.CreateCustomerParams{ObjectReferenceID: "ref", MobileNumber: "9"}
	for name, call := range map[string]func() error{
		"Customers.Create": func() error { _, err := c.Customers.Create(nilCtx, cp); return err },
		"Customers.Get":    func() error { _, err := c.Customers.Get(nilCtx, "cst_1"); return err },
		"Customers.Update": func() error {
			_, err := c.Customers.Update(nilCtx, "cst_1", &juspay.UpdateCustomerParams{FirstName: "A"})
			return err
		},
		"Customers.GetOrCreate":        func() error { _, _, err := c.Customers.GetOrCreate(nilCtx, cp); return err },
		"Customers.NewClientAuthToken": func() error { _, err := c.Customers.NewClientAuthToken(nilCtx, "cst_1"); return err },
		"Orders.Create":                func() error { _, err := c.Orders.Create(nilCtx, orderParams); return err },
		"Orders.Get":                   func() error { _, err := c.Orders.Get(nilCtx, "ord_1"); return err },
		"Orders.Update": func() error {
			_, err := c.Orders.Update(nilCtx, "ord_1", &juspay.UpdateOrderParams{Amount: amt("1")})
			return err
		},
		"Orders.Refund": func() error { _, err := c.Orders.Refund(nilCtx, "ord_1", refundParams); return err },
		"Orders.Wait":   func() error { _, err := c.Orders.Wait(nilCtx, "ord_1"); return err },
	} {
		t.Run(name, func(t *testing.T) { requireInvalid(t, call(), "ctx") })
	}
	assert.Zero(t, rec.count())
}

// TestOrdersRefundRefusals: Juspay's refusals are APIErrors with its code,
// never settled into anything else.
func TestOrdersRefundRefusals(t *testing.T) {
	for file, code := range map[string]string{
		"error--refund-amount-exceeded.json":          "invalid.amount.exceeded",
		"error--refund-order-not-successful.json":     "invalid.order.not_successful",
		"error--refund-amount-zero.json":              "invalid amount",
		"error--refund-mandatory-fields-missing.json": "Mandatory fields are missing",
	} {
		t.Run(code, func(t *testing.T) {
			c, rec := newRecordedClient(t, sample(t, 400, file))
			_, err := c.Orders.Refund(context.Background(), "ord_1", &juspay.RefundParams{UniqueRequestID: "r1", Amount: *amt("1")})
			var apiErr *juspay.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, code, apiErr.ErrorCode)
			assert.ErrorIs(t, err, juspay.ErrInvalidRequest)
			assert.NotErrorIs(t, err, juspay.ErrConflict)
			assert.Equal(t, 1, rec.count())
		})
	}
	c, _ := newRecordedClient(t, sample(t, 400, "error--refund-order-not-found.json"))
	_, err := c.Orders.Refund(context.Background(), "TEST1r32766", &juspay.RefundParams{UniqueRequestID: "r1", Amount: *amt("1")})
	assert.ErrorIs(t, err, juspay.ErrNotFound)
}
