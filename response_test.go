package juspay_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

func TestWithResponseIntoSuccess(t *testing.T) {
	c, _ := newRecordedClient(t, sequence(
		jsonResponder(503, `{}`, "X-Request-Id", "req_first"),
		jsonResponder(200, samples["link-wallet--response"], "X-Request-Id", "req_debit_42"),
	))
	var resp juspay.Response
	w, err := c.Wallets.Refresh(context.Background(), "wlt_1", juspay.WithResponseInto(&resp))
	require.NoError(t, err)
	require.NotNil(t, w)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "req_debit_42", resp.RequestID, "the last attempt's")
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	assert.Equal(t, 2, resp.Attempts, "retries included")
}

func TestWithResponseIntoError(t *testing.T) {
	c, _ := newRecordedClient(t, jsonResponder(400, `{"error_code":"null_error"}`, "X-Response-Id", "resp_7"))
	var resp juspay.Response
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithResponseInto(&resp))
	require.ErrorIs(t, err, juspay.ErrInvalidRequest)
	assert.Equal(t, juspay.Response{StatusCode: 400, Header: resp.Header, RequestID: "resp_7", Attempts: 1}, resp)
	assert.Equal(t, "resp_7", resp.Header.Get("X-Response-Id"))
}

func TestWithResponseIntoNoAttempt(t *testing.T) {
	c, rec := newRecordedClient(t, jsonResponder(200, emptyList, "X-Request-Id", "req_earlier"))
	var resp juspay.Response
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, juspay.WithResponseInto(&resp))
	require.NoError(t, err)
	require.Equal(t, "req_earlier", resp.RequestID)

	_, err = c.Wallets.RefreshAll(context.Background(), "", juspay.WithResponseInto(&resp))
	require.ErrorIs(t, err, juspay.ErrInvalidArgument)
	assert.Equal(t, juspay.Response{}, resp, "a call that made no attempt leaves dst zero, not the earlier call's answer")
	assert.Equal(t, 1, rec.count())
}

// A context that ended before the call is not a mistake of the caller's
// arguments, but no attempt is made either: dst is zero, even when it is an
// option value made once and given again.
func TestWithResponseIntoContextEndedBeforeTheCall(t *testing.T) {
	c, rec := newRecordedClient(t, jsonResponder(200, emptyList))
	var resp juspay.Response
	into := juspay.WithResponseInto(&resp)
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID, into)
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.Wallets.RefreshAll(ctx, testCustomerID, into)
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, juspay.Response{}, resp, "a call that made no attempt leaves dst zero")
	assert.Equal(t, 1, rec.count())
}

func TestWithResponseIntoConnectionFailure(t *testing.T) {
	c, _ := newRecordedClient(t, failResponder(errReset), juspay.WithMaxRetries(1))
	var resp juspay.Response
	_, err := c.Wallets.List(context.Background(), testCustomerID, juspay.WithResponseInto(&resp))
	require.Error(t, err)
	assert.Equal(t, juspay.Response{Attempts: 2}, resp, "no answer came: only the attempts are known")
}

func TestWithResponseIntoRefusedOnTheClient(t *testing.T) {
	var resp juspay.Response
	_, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID), juspay.WithResponseInto(&resp))
	var ve *juspay.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "WithResponseInto", ve.Field)
	assert.Equal(t, "new client", ve.Op)

	c, rec := newRecordedClient(t, jsonResponder(200, emptyList))
	_, err = c.Wallets.List(context.Background(), testCustomerID, juspay.WithResponseInto(nil))
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "WithResponseInto", ve.Field)
	assert.Equal(t, "list wallets", ve.Op)
	assert.Zero(t, rec.count())
}

func TestDoRead(t *testing.T) {
	c, rec := newRecordedClient(t, sequence(jsonResponder(503, `{}`), jsonResponder(200, `{"order_id":"ord_1","amount":10.5}`)))
	var out struct {
		OrderID string  `json:"order_id"`
		Amount  float64 `json:"amount"`
	}
	var resp juspay.Response
	err := c.Do(context.Background(), http.MethodGet, "/orders/ord%2F1", nil, &out,
		juspay.WithRoutingID("cth_1"), juspay.WithResponseInto(&resp))
	require.NoError(t, err)
	assert.Equal(t, "ord_1", out.OrderID)
	assert.Equal(t, 10.5, out.Amount)
	assert.Equal(t, 2, rec.count(), "a GET is retried as a read")
	assert.Equal(t, 2, resp.Attempts)
	r := rec.all()[1]
	testMethod(t, r, http.MethodGet)
	assert.Equal(t, "/orders/ord%2F1", r.URL.EscapedPath(), "the path is sent as given")
	testHeaders(t, r, "cth_1")
}

// An endpoint the SDK does not know may answer 204 No Content: out is left
// as it is, where a wrapped call, which needs an answer, fails.
func TestDoNoContent(t *testing.T) {
	c, _ := newRecordedClient(t, httpmock.NewStringResponder(http.StatusNoContent, ""))
	out := map[string]string{"kept": "yes"}
	require.NoError(t, c.Do(context.Background(), http.MethodDelete, "/x/1", nil, &out))
	assert.Equal(t, map[string]string{"kept": "yes"}, out)

	_, err := c.Wallets.Get(context.Background(), "wlt_1")
	require.Error(t, err, "a wallet call needs its wallet")
	assert.Contains(t, err.Error(), "empty body")
}

func TestDoWrite(t *testing.T) {
	t.Run("form body, no routing ID, not retried after an answer", func(t *testing.T) {
		c, rec := newRecordedClient(t, jsonResponder(503, `{}`))
		form := url.Values{"order_id": {"ord_1"}, "amount": {"1.00"}}
		err := c.Do(context.Background(), http.MethodPost, "/orders", form, nil)
		require.ErrorIs(t, err, juspay.ErrServer)
		req, body := rec.only(t)
		testMethod(t, req, http.MethodPost)
		testHeaders(t, req, "")
		testFormValues(t, req, body, form)
	})
	t.Run("a dropped connection leaves the outcome unknown", func(t *testing.T) {
		c, rec := newRecordedClient(t, failResponder(errReset))
		err := c.Do(context.Background(), "post", "/orders", url.Values{"order_id": {"ord_1"}}, nil)
		require.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
		assert.Equal(t, 1, rec.count())
		assert.Contains(t, err.Error(), "juspay: POST /orders: ")
	})
	t.Run("nil out discards the body", func(t *testing.T) {
		c, _ := newRecordedClient(t, jsonResponder(200, `not json at all`))
		require.NoError(t, c.Do(context.Background(), http.MethodDelete, "/x", nil, nil))
	})
}

func TestDoScrubsTheKey(t *testing.T) {
	c, _ := newRecordedClient(t, jsonResponder(401, `{"error_message":"bad key `+testAPIKey+`"}`))
	err := c.Do(context.Background(), http.MethodGet, "/orders/ord_1", nil, nil)
	require.ErrorIs(t, err, juspay.ErrAuthentication)
	assertNoSecret(t, err.Error())
	assertNoSecret(t, fmt.Sprintf("%+v", err))
}

func TestDoRefusesMistakes(t *testing.T) {
	var out map[string]any
	for _, tc := range []struct {
		name, method, path string
		out                any
		field              string
	}{
		{"no leading slash", http.MethodGet, "orders/ord_1", &out, "path"},
		{"another host", http.MethodGet, "@evil.example/orders", &out, "path"},
		{"empty path", http.MethodGet, "", &out, "path"},
		{"control character", http.MethodGet, "/orders/\r\nX: y", &out, "path"},
		{"fragment", http.MethodGet, "/orders#x", &out, "path"},
		{"empty method", "", "/orders", &out, "method"},
		{"method with a space", "GE T", "/orders", &out, "method"},
		{"out not a pointer", http.MethodGet, "/orders", out, "out"},
		{"out a nil pointer", http.MethodGet, "/orders", (*map[string]any)(nil), "out"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, rec := newRecordedClient(t, jsonResponder(200, `{}`))
			err := c.Do(context.Background(), tc.method, tc.path, nil, tc.out)
			var ve *juspay.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.ErrorIs(t, err, juspay.ErrInvalidArgument)
			assert.Equal(t, tc.field, ve.Field)
			assert.Zero(t, rec.count(), "nothing is sent")
		})
	}
}

// TestDoEndToEnd sends Do's request over a real connection, as go-github's
// tests do: the handler states what must arrive.
func TestDoEndToEnd(t *testing.T) {
	c, mux, srv := setup(t)
	mux.HandleFunc("/orders/ord_1/refunds", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, http.MethodPost)
		testHeader(t, r, "Authorization", testAuthorization)
		testHeader(t, r, "X-Merchantid", testMerchantID)
		testHeader(t, r, "Content-Type", "application/x-www-form-urlencoded")
		require.NoError(t, r.ParseForm())
		assert.Equal(t, url.Values{"unique_request_id": {"rf_1"}, "amount": {"1.00"}}, r.PostForm)
		w.Header().Set("X-Request-Id", "req_9")
		fmt.Fprint(w, `{"order_id":"ord_1","refunded":true}`)
	})
	var out struct {
		Refunded bool `json:"refunded"`
	}
	var resp juspay.Response
	err := c.Do(context.Background(), http.MethodPost, "/orders/ord_1/refunds",
		url.Values{"unique_request_id": {"rf_1"}, "amount": {"1.00"}}, &out, juspay.WithResponseInto(&resp))
	require.NoError(t, err)
	assert.True(t, out.Refunded)
	assert.Equal(t, "req_9", resp.RequestID)
	assert.EqualValues(t, 1, srv.requests.Load())
}
