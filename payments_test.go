package juspay_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

func debitParams() *juspay.DirectDebitParams {
	return &juspay.DirectDebitParams{OrderID: "ord_20240101_000001", PaymentMethod: "PAYTM", DirectWalletToken: "tk_04ec3a9f7cff6f4095a"}
}

func TestDirectDebitRequest(t *testing.T) {
	wantForm := func(merchantID string) url.Values {
		return url.Values{
			"order_id":               {"ord_20240101_000001"},
			"merchant_id":            {merchantID},
			"payment_method_type":    {"WALLET"},
			"payment_method":         {"PAYTM"},
			"direct_wallet_token":    {"tk_04ec3a9f7cff6f4095a"},
			"redirect_after_payment": {"true"},
			"format":                 {"json"},
		}
	}

	t.Run("defaults", func(t *testing.T) {
		c, m := newRecordedClient(t, jsonResponder(200, samples["direct-debit--response"]))
		_, err := c.Payments.DirectDebit(context.Background(), debitParams())
		require.NoError(t, err)
		r, body := m.only(t)
		testCall(t, r, http.MethodPost, "/txns", "") // an order call sends no routing ID of its own
		testFormValues(t, r, body, wantForm(testMerchantID))
	})
	t.Run("WithRoutingID", func(t *testing.T) {
		c, m := newRecordedClient(t, jsonResponder(200, samples["direct-debit--response"]))
		_, err := c.Payments.DirectDebit(context.Background(), debitParams(), juspay.WithRoutingID("cth_eN4e4kR12CJV"))
		require.NoError(t, err)
		r, _ := m.only(t)
		testHeaders(t, r, "cth_eN4e4kR12CJV")
	})
	t.Run("per-call WithMerchantID fills merchant_id", func(t *testing.T) {
		c, m := newRecordedClient(t, jsonResponder(200, samples["direct-debit--response"]))
		_, err := c.Payments.DirectDebit(context.Background(), debitParams(), juspay.WithMerchantID("merchant_other"))
		require.NoError(t, err)
		r, body := m.only(t)
		assert.Equal(t, "merchant_other", r.Header.Get("X-Merchantid"))
		testFormValues(t, r, body, wantForm("merchant_other"))
	})
	t.Run("an order ID of exactly 20 characters", func(t *testing.T) {
		for _, id := range []string{"ord_0123456789abcdef", "órdér_0123456789abcd"} { // 20 characters, however many bytes
			c, m := newRecordedClient(t, jsonResponder(200, samples["direct-debit--response"]))
			p := debitParams()
			p.OrderID = id
			_, err := c.Payments.DirectDebit(context.Background(), p)
			require.NoError(t, err, id)
			_, body := m.only(t)
			form, err := url.ParseQuery(string(body))
			require.NoError(t, err)
			assert.Equal(t, id, form.Get("order_id"))
		}
	})
}

func TestDirectDebitDecoding(t *testing.T) {
	t.Run("the published sample", func(t *testing.T) {
		body := samples["direct-debit--response"]
		c, _ := newRecordedClient(t, jsonResponder(200, body))
		txn, err := c.Payments.DirectDebit(context.Background(), debitParams())
		require.NoError(t, err)
		assert.Equal(t, &juspay.Transaction{
			OrderID: ":order_id", TxnID: ":txn_id", Status: juspay.TxnPendingVBV,
			Payment: juspay.TxnPayment{Authentication: juspay.TxnAuthentication{
				Method: "GET", URL: "https://api.juspay.in/pay/start/guest/8646a7a029974fa99995fec00340a507",
			}},
		}, txn)
		covers(t, body, txn)
	})

	cases := []struct {
		name string
		body string
		want juspay.Transaction
	}{
		{
			name: "charged",
			body: `{"order_id":"ord_1","txn_id":"txn_1","status":"CHARGED"}`,
			want: juspay.Transaction{OrderID: "ord_1", TxnID: "txn_1", Status: juspay.TxnCharged},
		},
		{
			name: "an unknown status keeps its text",
			body: `{"order_id":"ord_1","status":"PARTIAL_CHARGED","unknown_field":{"x":[1]}}`,
			want: juspay.Transaction{OrderID: "ord_1", Status: juspay.TxnStatus("PARTIAL_CHARGED")},
		},
		{
			name: "POST params of every shape keep their text",
			body: `{"order_id":12345,"txn_id":"t","status":"PENDING_VBV","payment":{"authentication":{"method":"POST","url":"https://wallet.example/topup",
				"params":{"amount":100.50,"session":"s_1","retry":false,"none":null,"nested":{"a":1},"list":[1,"2"]}}}}`,
			want: juspay.Transaction{OrderID: "12345", TxnID: "t", Status: juspay.TxnPendingVBV, Payment: juspay.TxnPayment{
				Authentication: juspay.TxnAuthentication{Method: "POST", URL: "https://wallet.example/topup", Params: map[string]string{
					"amount": "100.50", "session": "s_1", "retry": "false", "none": "", "nested": `{"a":1}`, "list": `[1,"2"]`,
				}},
			}},
		},
		{
			name: "nulls are zero values",
			body: `{"order_id":null,"txn_id":null,"status":null,"payment":null}`,
			want: juspay.Transaction{},
		},
		{
			name: "null authentication and params",
			body: `{"status":"CHARGED","payment":{"authentication":{"method":null,"url":null,"params":null}}}`,
			want: juspay.Transaction{Status: juspay.TxnCharged},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := newRecordedClient(t, jsonResponder(200, tc.body))
			txn, err := c.Payments.DirectDebit(context.Background(), debitParams())
			require.NoError(t, err)
			assert.Equal(t, &tc.want, txn)
		})
	}

	t.Run("a field of the wrong shape is named", func(t *testing.T) {
		for body, field := range map[string]string{
			`{"status":{"code":"CHARGED"}}`:                        "status",
			`{"payment":{"authentication":{"params":"a=b"}}}`:      "payment.authentication.params",
			`{"payment":{"authentication":{"url":["https://x"]}}}`: "payment.authentication.url",
		} {
			c, m := newRecordedClient(t, jsonResponder(200, body))
			_, err := c.Payments.DirectDebit(context.Background(), debitParams())
			require.Error(t, err, body)
			assert.Contains(t, err.Error(), field, body)
			assert.Equal(t, 1, m.count(), "a body that does not decode is not a reason to debit again")
			// Juspay answered, but what it answered (CHARGED or not) cannot
			// be read: to the caller the debit's outcome is unknown.
			assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
		}
	})
}

func TestTxnStatusConstants(t *testing.T) {
	// The constants are Juspay's order statuses, spelled as the wire spells
	// them; a typo here would make a CHARGED order look unpaid.
	for status, wire := range map[juspay.TxnStatus]string{
		juspay.TxnNew:                  "NEW",
		juspay.TxnPendingVBV:           "PENDING_VBV",
		juspay.TxnCharged:              "CHARGED",
		juspay.TxnAuthorizing:          "AUTHORIZING",
		juspay.TxnAuthenticationFailed: "AUTHENTICATION_FAILED",
		juspay.TxnAuthorizationFailed:  "AUTHORIZATION_FAILED",
		juspay.TxnJuspayDeclined:       "JUSPAY_DECLINED",
	} {
		c, _ := newRecordedClient(t, jsonResponder(200, `{"status":"`+wire+`"}`))
		txn, err := c.Payments.DirectDebit(context.Background(), debitParams())
		require.NoError(t, err)
		assert.Equal(t, status, txn.Status)
	}
}

func TestDirectDebitValidation(t *testing.T) {
	with := func(edit func(p *juspay.DirectDebitParams)) *juspay.DirectDebitParams {
		p := debitParams()
		edit(p)
		return p
	}
	cases := []struct {
		name string
		p    *juspay.DirectDebitParams
		want string
	}{
		{"nil params", nil, "juspay: direct debit: params are nil"},
		{"no order ID", with(func(p *juspay.DirectDebitParams) { p.OrderID = "" }), "juspay: direct debit: OrderID is empty"},
		{"21-character order ID", with(func(p *juspay.DirectDebitParams) { p.OrderID = "ord_0123456789abcdefg" }), "juspay: direct debit: OrderID"},
		{"21-character order ID in runes", with(func(p *juspay.DirectDebitParams) { p.OrderID = "órdér_0123456789abcde" }), "juspay: direct debit: OrderID"},
		{"no payment method", with(func(p *juspay.DirectDebitParams) { p.PaymentMethod = "" }), "juspay: direct debit: PaymentMethod is empty"},
		{"no token", with(func(p *juspay.DirectDebitParams) { p.DirectWalletToken = "" }), "juspay: direct debit: DirectWalletToken is empty"},
		{"blank token", with(func(p *juspay.DirectDebitParams) { p.DirectWalletToken = "  " }), "juspay: direct debit: DirectWalletToken is empty"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newRecordedClient(t, jsonResponder(200, samples["direct-debit--response"]))
			txn, err := c.Payments.DirectDebit(context.Background(), tc.p)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q should start with %q", err, tc.want)
			assert.Nil(t, txn)
			assert.Equal(t, 0, m.count(), "nothing may be sent")
		})
	}
	t.Run("the limit is named", func(t *testing.T) {
		c, _ := newRecordedClient(t, jsonResponder(200, `{}`))
		_, err := c.Payments.DirectDebit(context.Background(), with(func(p *juspay.DirectDebitParams) { p.OrderID = strings.Repeat("x", 21) }))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "at most 20")
	})
}

// TestDirectDebitConnectionDroppedAfterSend is the fault the never-retry
// rule exists for, over a real connection: Juspay made the debit, and the
// connection broke before the whole answer came. A second attempt could
// debit twice, so there is none, and the error says the outcome is unknown.
func TestDirectDebitConnectionDroppedAfterSend(t *testing.T) {
	const paytm = "wlm_blUutbvo76578u" // balance 95 in the sample customer
	srv, c := startFake(t)
	require.NoError(t, srv.AddOrder("ord_1001", "10"))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // generous: it must not hang
	defer cancel()
	w, err := c.Wallets.Get(ctx, paytm)
	require.NoError(t, err)
	srv.Fail(1, juspaytest.CutBodyFault())

	txn, err := c.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1001", PaymentMethod: "PAYTM", DirectWalletToken: w.Token})

	require.Error(t, err)
	assert.Nil(t, txn)
	assert.Len(t, srv.Requests(), 2, "the Get, and the debit attempted exactly once")
	assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
	assert.NotErrorIs(t, err, context.DeadlineExceeded)
	var apiErr *juspay.APIError
	assert.False(t, errors.As(err, &apiErr))
	assert.True(t, strings.HasPrefix(err.Error(), "juspay: direct debit: "), err.Error())
	assert.NotContains(t, err.Error(), w.Token)
	after, ok := srv.Wallet(paytm)
	require.True(t, ok)
	assert.Equal(t, "85", after.Balance, "the debit went through: retrying it would have charged twice")
}
