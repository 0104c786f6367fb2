package juspaytest_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests run the SDK against the server: each one's wire checks are in
// the other tests, so a bug in one side cannot hide in the other.

func startSample(t *testing.T) (*juspaytest.Server, *juspay.Client) {
	t.Helper()
	srv, client := juspaytest.Start(t)
	_, err := srv.AddCustomer(juspaytest.SampleCustomer())
	require.NoError(t, err)
	return srv, client
}

func TestStartRefreshAll(t *testing.T) {
	srv, client := startSample(t)
	list, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	require.NoError(t, err)
	require.Len(t, list.Wallets, 2)
	assert.Equal(t, "MOBIKWIK", list.Wallets[0].Wallet)
	assert.Equal(t, "100", list.Wallets[0].CurrentBalance.String())
	assert.Equal(t, "PAYTM", list.Wallets[1].Wallet)
	assert.Equal(t, "95", list.Wallets[1].CurrentBalance.String())
	assert.Equal(t, "22222", list.Wallets[1].SubDetails[0].CurrentBalance.String())

	req, ok := srv.LastRequest()
	require.True(t, ok)
	assert.Equal(t, http.MethodGet, req.Method)
	assert.Equal(t, refreshPath, req.Path)
	assert.Equal(t, "Basic "+base64.StdEncoding.EncodeToString([]byte(srv.APIKey+":")), req.Header.Get("Authorization"))
	assert.Equal(t, srv.MerchantID, req.Header.Get("x-merchantid"))
	assert.Equal(t, juspaytest.SampleCustomerID, req.Header.Get("x-routing-id"))
	assert.Equal(t, "2023-06-30", req.Header.Get("version"))
	assert.Equal(t, "application/x-www-form-urlencoded", req.Header.Get("Content-Type"))
	assert.Equal(t, "application/json", req.Header.Get("Accept"))
	assert.Contains(t, req.Header.Get("User-Agent"), "juspay-go/")
}

func TestNewClientOptionsWin(t *testing.T) {
	srv := withSample(t)
	client, err := srv.NewClient(juspay.WithMerchantID("someone_else"), juspay.WithMaxRetries(0))
	require.NoError(t, err)
	_, err = client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	require.ErrorIs(t, err, juspay.ErrInvalidRequest)
	last, _ := srv.LastRequest()
	assert.Equal(t, "someone_else", last.Header.Get("x-merchantid"))
}

func TestStartWithServerOptions(t *testing.T) {
	srv, client := juspaytest.Start(t, juspaytest.WithAPIKey("k_1"), juspaytest.WithMerchantID("m_1"))
	_, err := srv.AddCustomer(juspaytest.Customer{ID: "cth_1"})
	require.NoError(t, err)
	list, err := client.Wallets.List(context.Background(), "cth_1")
	require.NoError(t, err)
	assert.Empty(t, list.Wallets)
}

func TestSDKErrors(t *testing.T) {
	srv, client := startSample(t)
	ctx := context.Background()

	_, err := client.Wallets.RefreshAll(ctx, "cth_nobody")
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Equal(t, "null_error", apiErr.ErrorCode)
	assert.Equal(t, "Customer not found for given customerId.", apiErr.ErrorMessage)
	last, _ := srv.LastRequest()
	assert.Equal(t, last.ID, apiErr.RequestID)

	wrongKey, err := juspay.NewClient("wrong", juspay.WithMerchantID(srv.MerchantID), juspay.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = wrongKey.Wallets.RefreshAll(ctx, juspaytest.SampleCustomerID)
	require.ErrorIs(t, err, juspay.ErrAuthentication)

	_, err = client.Wallets.Get(ctx, "wlm_nothing")
	require.ErrorIs(t, err, juspay.ErrInvalidRequest)
}

// A read is retried through scripted faults; the server sees each attempt.
func TestSDKRetriesThroughFaults(t *testing.T) {
	srv, client := startSample(t)
	srv.Fail(1, juspaytest.StatusFault(503, nil, ""))
	srv.Fail(1, juspaytest.ResetFault())
	list, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	require.NoError(t, err)
	assert.Len(t, list.Wallets, 2)
	assert.Len(t, srv.Requests(), 3)

	srv.Fail(3, juspaytest.StatusFault(429, http.Header{"Retry-After": {"0"}}, `{"status":"Too Many Requests"}`))
	_, err = client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	require.ErrorIs(t, err, juspay.ErrRateLimited)
	assert.Len(t, srv.Requests(), 6)
}

func TestSDKFaultErrors(t *testing.T) {
	ctx := context.Background()
	t.Run("oversized", func(t *testing.T) {
		srv, client := startSample(t)
		srv.Fail(1, juspaytest.OversizedBodyFault(11<<20))
		_, err := client.Wallets.RefreshAll(ctx, juspaytest.SampleCustomerID, juspay.WithMaxRetries(0))
		require.Error(t, err)
	})
	t.Run("truncated", func(t *testing.T) {
		srv, client := startSample(t)
		srv.Fail(1, juspaytest.TruncatedBodyFault())
		_, err := client.Wallets.RefreshAll(ctx, juspaytest.SampleCustomerID, juspay.WithMaxRetries(0))
		require.Error(t, err)
	})
	t.Run("timeout", func(t *testing.T) {
		srv, client := startSample(t)
		// The attempt's timeout is far below the hour's delay, and long enough
		// for the retry to succeed on a loaded machine.
		srv.Fail(1, juspaytest.DelayFault(time.Hour))
		_, err := client.Wallets.RefreshAll(ctx, juspaytest.SampleCustomerID, juspay.WithTimeout(2*time.Second))
		require.NoError(t, err, "the retry after the slow attempt succeeds")
		assert.Len(t, srv.Requests(), 2)
	})
	t.Run("cut debit", func(t *testing.T) {
		srv, client := startSample(t)
		require.NoError(t, srv.AddOrder("ord_1", "1"))
		srv.Fail(1, juspaytest.CutBodyFault())
		_, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: paytmToken})
		require.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
		assert.Len(t, srv.Requests(), 1, "a write that may have landed is not retried")
		w, _ := srv.Wallet(paytmID)
		assert.Equal(t, "94", w.Balance, "the debit landed")
	})
}

func TestSDKLifecycle(t *testing.T) {
	srv, client := startSample(t)
	ctx := context.Background()

	w, err := client.Wallets.Create(ctx, juspaytest.SampleCustomerID, &juspay.CreateWalletParams{
		Gateway: "PAYTM", Authenticate: true, MobileNumber: "9000000000"})
	require.NoError(t, err)
	assert.False(t, w.Linked)
	assert.Nil(t, w.CurrentBalance)
	assert.Equal(t, "9000000000", w.Metadata.MobileNumber)
	otp, ok := srv.OTP(w.ID)
	require.True(t, ok)

	w, err = client.Wallets.Link(ctx, w.ID, "not-"+otp)
	require.NoError(t, err, "a wrong OTP is not an error")
	assert.False(t, w.Linked)

	w, err = client.Wallets.Link(ctx, w.ID, otp)
	require.NoError(t, err)
	assert.True(t, w.Linked)
	assert.Equal(t, juspaytest.DefaultBalance, w.CurrentBalance.String())
	require.NoError(t, srv.SetBalance(w.ID, "40.40"))

	w, err = client.Wallets.Refresh(ctx, w.ID, juspay.WithRoutingID(juspaytest.SampleCustomerID))
	require.NoError(t, err)
	assert.Equal(t, "40.40", w.CurrentBalance.String())
	last, _ := srv.LastRequest()
	assert.Equal(t, "refresh", last.Form.Get("command"))
	assert.Equal(t, juspaytest.SampleCustomerID, last.Header.Get("x-routing-id"))

	w, err = client.Wallets.Get(ctx, w.ID)
	require.NoError(t, err)
	require.NoError(t, srv.AddOrder("ord_1", "40.4"))
	txn, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	require.NoError(t, err)
	assert.Equal(t, juspay.TxnCharged, txn.Status)
	stored, _ := srv.Wallet(w.ID)
	assert.Equal(t, "0.00", stored.Balance)

	_, err = client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "EXPIRED", apiErr.ErrorCode)
	assert.NotContains(t, err.Error(), w.Token)

	require.NoError(t, srv.AddOrder("ord_2", "1"))
	w, err = client.Wallets.Get(ctx, w.ID)
	require.NoError(t, err)
	txn, err = client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_2", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	require.NoError(t, err)
	assert.Equal(t, juspay.TxnPendingVBV, txn.Status)
	assert.True(t, strings.HasPrefix(txn.Payment.Authentication.URL, srv.URL))

	amount, err := juspay.ParseAmount("50")
	require.NoError(t, err)
	el, err := client.Customers.CheckEligibility(ctx, juspaytest.SampleCustomerID, &juspay.EligibilityParams{
		Amount: &amount, GatewayData: map[string]json.RawMessage{"SIMPL": json.RawMessage(`{"token":"x"}`)}})
	require.NoError(t, err)
	require.Len(t, el.PaymentMethods, 4)
	assert.True(t, el.PaymentMethods[0].IsEligible)
	assert.False(t, el.PaymentMethods[2].IsEligible, "the new wallet holds 0.00")
	assert.Equal(t, "USER_NOT_FOUND", el.PaymentMethods[3].Status)

	w, err = client.Wallets.Delink(ctx, w.ID)
	require.NoError(t, err)
	assert.False(t, w.Linked)
	assert.Empty(t, w.Token)

	w, err = client.Wallets.UpdateMobileNumber(ctx, w.ID, "7777777777")
	require.NoError(t, err)
	assert.Equal(t, "7777777777", w.Metadata.MobileNumber)
	_, err = client.Wallets.UpdateMobileNumber(ctx, w.ID, "7777777777", juspay.WithAPIVersion("2019-01-01"))
	require.Error(t, err, "the SDK or the server refuses an update before 2019-09-17")

	w, err = client.Wallets.Authenticate(ctx, w.ID, nil)
	require.NoError(t, err)
	_, ok = srv.OTP(w.ID)
	assert.True(t, ok)

	list, err := client.Wallets.List(ctx, juspaytest.SampleCustomerID)
	require.NoError(t, err)
	assert.Len(t, list.Wallets, 3)
}

// Through the SDK, a debit of an order the server never created, or of one
// already paid, is an API error, as at Juspay.
func TestSDKDebitNeedsAnUnpaidOrder(t *testing.T) {
	srv, client := startSample(t)
	ctx := context.Background()

	_, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_unknown", PaymentMethod: "PAYTM", DirectWalletToken: paytmToken})
	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	require.ErrorIs(t, err, juspay.ErrInvalidRequest)
	assert.Equal(t, "null_error", apiErr.ErrorCode)
	assert.Equal(t, "Order not found for given orderId.", apiErr.ErrorMessage)

	require.NoError(t, srv.AddOrder("ord_1", "5"))
	txn, err := client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: paytmToken})
	require.NoError(t, err, "the refused debit did not spend the token")
	assert.Equal(t, juspay.TxnCharged, txn.Status)

	w, err := client.Wallets.Get(ctx, paytmID)
	require.NoError(t, err)
	_, err = client.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "invalid_request", apiErr.ErrorCode)
	stored, _ := srv.Wallet(paytmID)
	assert.Equal(t, "90", stored.Balance, "charged once")

	_, err = client.Customers.CheckEligibility(ctx, juspaytest.SampleCustomerID, &juspay.EligibilityParams{OrderID: "ord_unknown"})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "null_error", apiErr.ErrorCode)
}

// The SDK's escaped IDs reach the one customer they name.
func TestSDKEscapedIDs(t *testing.T) {
	srv, client := juspaytest.Start(t)
	for _, id := range []string{"a/b", ".", "..", "../x", "a b?c"} {
		_, err := srv.AddCustomer(juspaytest.Customer{ID: id, Wallets: []juspaytest.Wallet{{ID: "w" + id, Gateway: "PAYTM"}}})
		require.NoError(t, err)
	}
	for _, id := range []string{"a/b", ".", "..", "../x", "a b?c"} {
		list, err := client.Wallets.RefreshAll(context.Background(), id)
		if id == "." || id == ".." {
			// The SDK may refuse these instead of sending %2E.
			if err != nil {
				assert.False(t, errors.As(err, new(*juspay.APIError)), "refused before sending: %v", err)
				continue
			}
		}
		require.NoError(t, err, id)
		require.Len(t, list.Wallets, 1)
		assert.Equal(t, "w"+id, list.Wallets[0].ID)
		w, err := client.Wallets.Get(context.Background(), "w"+id)
		require.NoError(t, err)
		assert.Equal(t, "w"+id, w.ID)
	}
}

// The client Start hands out waits out a Retry-After of a second, as
// production does, instead of ending the call with the 429.
func TestSDKHonoursRetryAfter(t *testing.T) {
	srv, client := startSample(t)
	srv.Fail(1, juspaytest.StatusFault(429, http.Header{"Retry-After": {"1"}}, `{"status":"Too Many Requests"}`))
	list, err := client.Wallets.RefreshAll(context.Background(), juspaytest.SampleCustomerID)
	require.NoError(t, err)
	assert.Len(t, list.Wallets, 2)
	assert.Len(t, srv.Requests(), 2)
}

// recordingTB is a testing.TB whose cleanups and logs a test runs and reads.
type recordingTB struct {
	testing.TB
	cleanups []func()
	logs     []string
}

func (r *recordingTB) Helper()          {}
func (r *recordingTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }
func (r *recordingTB) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}

func (r *recordingTB) runCleanups() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

// Start says, when its test ends, that scheduled faults were never played.
func TestStartLogsUnplayedFaults(t *testing.T) {
	tb := &recordingTB{TB: t}
	srv, _ := juspaytest.Start(tb)
	srv.Fail(2, juspaytest.StatusFault(503, nil, ""))
	tb.runCleanups()
	require.Len(t, tb.logs, 1)
	assert.Contains(t, tb.logs[0], "2 scheduled fault use(s) never played")

	tb = &recordingTB{TB: t}
	srv, _ = juspaytest.Start(tb)
	srv.Fail(1, juspaytest.StatusFault(503, nil, ""))
	srv.ClearFaults()
	tb.runCleanups()
	assert.Empty(t, tb.logs)
}
