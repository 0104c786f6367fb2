package juspay_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// The checkout flow and its settling writes, end to end against juspaytest,
// which speaks Juspay's wire from its own code.

// e2eCustomer creates (or finds) a customer and links a Paytm wallet for it
// (balance juspaytest.DefaultBalance, 250), returning the customer's ID.
func e2eCustomer(t *testing.T, srv *juspaytest.Server, client *juspay.Client) string {
	t.Helper()
	ctx := context.Background()
	cust, created, err := client.Customers.GetOrCreate(ctx, &juspay.CreateCustomerParams{
		ObjectReferenceID: "user-1001", MobileNumber: "9999999999", MobileCountryCode: "91",
	})
	require.NoError(t, err)
	require.True(t, created)
	w, err := client.Wallets.Create(ctx, cust.ID, &juspay.CreateWalletParams{Gateway: "PAYTM", Authenticate: true, MobileNumber: "9999999999"})
	require.NoError(t, err)
	otp, ok := srv.OTP(w.ID)
	require.True(t, ok)
	w, err = client.Wallets.Link(ctx, w.ID, otp, juspay.WithRoutingID(cust.ID))
	require.NoError(t, err)
	require.True(t, w.Linked)
	return cust.ID
}

// debit pays an order from the customer's linked wallet.
func debit(t *testing.T, client *juspay.Client, customerID, orderID string) *juspay.Transaction {
	t.Helper()
	ctx := context.Background()
	list, err := client.Wallets.List(ctx, customerID)
	require.NoError(t, err)
	require.Len(t, list.Wallets, 1)
	txn, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{
		OrderID: orderID, PaymentMethod: list.Wallets[0].Wallet, DirectWalletToken: list.Wallets[0].Token,
	}, juspay.WithRoutingID(customerID))
	require.NoError(t, err)
	return txn
}

func TestCheckoutFlowEndToEnd(t *testing.T) {
	srv, client := juspaytest.Start(t)
	ctx := context.Background()
	customerID := e2eCustomer(t, srv, client)

	// The same customer again: found, not created.
	again, created, err := client.Customers.GetOrCreate(ctx, &juspay.CreateCustomerParams{ObjectReferenceID: "user-1001", MobileNumber: "9999999999"})
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, customerID, again.ID)
	byRef, err := client.Customers.Get(ctx, "user-1001")
	require.NoError(t, err)
	assert.Equal(t, customerID, byRef.ID)
	tok, err := client.Customers.NewClientAuthToken(ctx, customerID)
	require.NoError(t, err)
	assert.NotEmpty(t, tok.Token)
	updated, err := client.Customers.Update(ctx, customerID, &juspay.UpdateCustomerParams{FirstName: "Asha"})
	require.NoError(t, err)
	assert.Equal(t, "Asha", updated.FirstName)

	o, err := client.Orders.Create(ctx, &juspay.CreateOrderParams{OrderID: "ord_e2e_1", Amount: *amt("120.50"), CustomerID: customerID})
	require.NoError(t, err)
	assert.Equal(t, juspay.TxnNew, o.Status)
	o, err = client.Orders.Update(ctx, "ord_e2e_1", &juspay.UpdateOrderParams{UDF: [10]string{0: "cart-7"}})
	require.NoError(t, err)
	assert.Equal(t, "cart-7", o.UDF[0])

	txn := debit(t, client, customerID, "ord_e2e_1")
	assert.Equal(t, juspay.TxnCharged, txn.Status)

	o, err = client.Orders.Get(ctx, "ord_e2e_1", juspay.WithRoutingID(customerID))
	require.NoError(t, err)
	assert.Equal(t, juspay.TxnCharged, o.Status)
	assert.Equal(t, "120.50", o.Amount.String())
	require.NotNil(t, o.Txn)
	assert.Equal(t, "DIRECT_DEBIT", o.Txn.TxnFlowType)

	o, err = client.Orders.Refund(ctx, "ord_e2e_1", &juspay.RefundParams{UniqueRequestID: "rf_e2e_1", Amount: *amt("20.50")})
	require.NoError(t, err)
	r, ok := o.FindRefund("rf_e2e_1")
	require.True(t, ok)
	assert.Equal(t, juspay.RefundPending, r.Status)
	require.NoError(t, srv.SettleRefund("ord_e2e_1", "rf_e2e_1", "SUCCESS"))
	o, err = client.Orders.Get(ctx, "ord_e2e_1")
	require.NoError(t, err)
	r, _ = o.FindRefund("rf_e2e_1")
	assert.Equal(t, juspay.RefundSuccess, r.Status)
	assert.False(t, o.Refunded, "refunded only in part")

	// Juspay's refusals, as the fake answers them.
	_, err = client.Orders.Refund(ctx, "ord_e2e_1", &juspay.RefundParams{UniqueRequestID: "rf_e2e_2", Amount: *amt("500")})
	assertAPICode(t, err, "invalid.amount.exceeded")
	_, err = client.Orders.Get(ctx, "ord_missing")
	assert.ErrorIs(t, err, juspay.ErrNotFound)
	assert.ErrorIs(t, err, juspay.ErrInvalidRequest)
}

func assertAPICode(t *testing.T, err error, code string) {
	t.Helper()
	var apiErr *juspay.APIError
	if assert.ErrorAs(t, err, &apiErr) {
		assert.Equal(t, code, apiErr.ErrorCode)
	}
}

func TestOrdersWaitSettlesAPendingDebitEndToEnd(t *testing.T) {
	srv, client := juspaytest.Start(t)
	ctx := context.Background()
	customerID := e2eCustomer(t, srv, client)
	_, err := client.Orders.Create(ctx, &juspay.CreateOrderParams{OrderID: "ord_wait", Amount: *amt("10"), CustomerID: customerID})
	require.NoError(t, err)
	srv.HoldDebits(true)
	assert.Equal(t, juspay.TxnPendingVBV, debit(t, client, customerID, "ord_wait").Status)

	// Settle the order once Wait has read it pending twice, and fail one
	// read on the way: Wait reads through it.
	reads := func() int {
		n := 0
		for _, r := range srv.Requests() {
			if r.Method == http.MethodGet && r.Path == "/orders/ord_wait" {
				n++
			}
		}
		return n
	}
	srv.FailPath("/orders/ord_wait", 1, juspaytest.StatusFault(503, nil, ""))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for reads() < 3 {
			srvYield()
		}
		assert.NoError(t, srv.SettleOrder("ord_wait", "CHARGED"))
	}()
	o, err := client.Orders.Wait(ctx, "ord_wait", juspay.WithMaxRetries(0))
	<-done
	require.NoError(t, err)
	assert.Equal(t, juspay.TxnCharged, o.Status)
	assert.GreaterOrEqual(t, reads(), 3)
}

func TestOrdersCreateSettlesEndToEnd(t *testing.T) {
	for name, fault := range writeFaults(map[string]juspaytest.Fault{"503 before it took effect": juspaytest.StatusFault(503, nil, "")}) {
		t.Run(name, func(t *testing.T) {
			srv, client := juspaytest.Start(t)
			srv.FailPath("/orders", 1, fault)
			o, err := client.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1", Amount: *amt("99.90")})
			require.NoError(t, err)
			assert.Equal(t, "ord_1", o.OrderID)
			assert.Equal(t, int64(9990), paise(t, o.Amount))
			held, ok := srv.Order("ord_1")
			require.True(t, ok)
			assert.Equal(t, "99.90", held.Amount)
			assert.Zero(t, srv.PendingFaults())
		})
	}
	t.Run("the ID holds another amount", func(t *testing.T) {
		srv, client := juspaytest.Start(t)
		require.NoError(t, srv.AddOrder("ord_1", "50"))
		srv.FailPath("/orders", 1, juspaytest.ResetFault())
		_, err := client.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1", Amount: *amt("99.90")})
		assert.ErrorIs(t, err, juspay.ErrConflict)
		// And without a fault: Juspay's answer is the order it holds.
		_, err = client.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1", Amount: *amt("99.90")})
		assert.ErrorIs(t, err, juspay.ErrConflict)
		held, _ := srv.Order("ord_1")
		assert.Equal(t, "50", held.Amount, "left as it was")
	})
}

func TestOrdersRefundSettlesEndToEnd(t *testing.T) {
	for name, fault := range writeFaults(map[string]juspaytest.Fault{"truncated JSON": juspaytest.TruncatedBodyFault()}) {
		t.Run(name, func(t *testing.T) {
			srv, client := juspaytest.Start(t)
			customerID := e2eCustomer(t, srv, client)
			_, err := client.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1", Amount: *amt("100"), CustomerID: customerID})
			require.NoError(t, err)
			debit(t, client, customerID, "ord_1")

			srv.FailPath("/orders/ord_1/refunds", 1, fault)
			o, err := client.Orders.Refund(context.Background(), "ord_1", &juspay.RefundParams{UniqueRequestID: "rf_1", Amount: *amt("30.00")})
			require.NoError(t, err)
			r, ok := o.FindRefund("rf_1")
			require.True(t, ok)
			assert.Equal(t, int64(3000), paise(t, r.Amount))
			held, _ := srv.Order("ord_1")
			assert.Len(t, held.Refunds, 1, "refunded once")
			assert.Equal(t, "30.00", held.AmountRefunded)
		})
	}
	t.Run("the key holds another amount", func(t *testing.T) {
		srv, client := juspaytest.Start(t)
		customerID := e2eCustomer(t, srv, client)
		_, err := client.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1", Amount: *amt("100"), CustomerID: customerID})
		require.NoError(t, err)
		debit(t, client, customerID, "ord_1")
		_, err = client.Orders.Refund(context.Background(), "ord_1", &juspay.RefundParams{UniqueRequestID: "rf_1", Amount: *amt("30")})
		require.NoError(t, err)
		_, err = client.Orders.Refund(context.Background(), "ord_1", &juspay.RefundParams{UniqueRequestID: "rf_1", Amount: *amt("40")})
		assert.ErrorIs(t, err, juspay.ErrConflict)
		held, _ := srv.Order("ord_1")
		assert.Len(t, held.Refunds, 1)
	})
}

func TestCustomersGetOrCreateSettlesEndToEnd(t *testing.T) {
	for name, fault := range writeFaults(nil) {
		t.Run(name, func(t *testing.T) {
			srv, client := juspaytest.Start(t)
			srv.FailPath("/customers", 1, fault)
			c, _, err := client.Customers.GetOrCreate(context.Background(), &juspay.CreateCustomerParams{
				ObjectReferenceID: "user-1001", MobileNumber: "9999999999"})
			require.NoError(t, err)
			held, ok := srv.Customer("user-1001")
			require.True(t, ok)
			assert.Equal(t, held.ID, c.ID)
			assert.Zero(t, srv.PendingFaults())
		})
	}
}

func TestCustomersGetOrCreateMintsATokenEitherWay(t *testing.T) {
	_, client := juspaytest.Start(t)
	p := &juspay.CreateCustomerParams{ObjectReferenceID: "user-1001", MobileNumber: "9999999999", ClientAuthToken: true}
	made, created, err := client.Customers.GetOrCreate(context.Background(), p)
	require.NoError(t, err)
	require.True(t, created)
	require.NotNil(t, made.ClientAuth)
	found, created, err := client.Customers.GetOrCreate(context.Background(), p)
	require.NoError(t, err)
	assert.False(t, created)
	require.NotNil(t, found.ClientAuth, "a customer found carries the token asked for")
	assert.NotEmpty(t, found.ClientAuth.Token)
}

// srvYield lets the call under test run while a test watches the server.
func srvYield() { time.Sleep(100 * time.Microsecond) }

func paise(t *testing.T, a juspay.Amount) int64 {
	t.Helper()
	n, err := a.MinorUnits()
	require.NoError(t, err)
	return n
}

// writeFaults names the faults a keyed write must settle, met after the
// write took effect, its answer lost, or before it; and those of extra.
func writeFaults(extra map[string]juspaytest.Fault) map[string]juspaytest.Fault {
	faults := map[string]juspaytest.Fault{
		"reset after it took effect":  juspaytest.ResetAfterFault(),
		"503 after it took effect":    juspaytest.StatusAfterFault(503, nil, ""),
		"body cut short":              juspaytest.CutBodyFault(),
		"reset before it took effect": juspaytest.ResetFault(),
	}
	for name, f := range extra {
		faults[name] = f
	}
	return faults
}
