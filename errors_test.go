package juspay_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/gojuspay/juspay"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestContextErrorsPreserved(t *testing.T) {
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		c, mt := newMockClient(t)
		mt.RegisterResponder("GET", refreshURL(testCustomerID), func(req *http.Request) (*http.Response, error) {
			cancel()
			<-req.Context().Done()
			return nil, req.Context().Err()
		})
		_, err := c.Wallets.RefreshAll(ctx, testCustomerID)
		require.Error(t, err)
		assert.ErrorIs(t, err, context.Canceled)
		assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "a read has no unknown outcome")
		assert.True(t, strings.HasPrefix(err.Error(), "juspay: refresh all wallets: "), err.Error())
		assert.Equal(t, 1, mt.GetTotalCallCount(), "a cancelled call is not retried")
		assertNoSecret(t, fmt.Sprintf("%v %+v %#v", err, err, err))
	})
	t.Run("deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 0)
		defer cancel()
		<-ctx.Done()
		c, mt := newMockClient(t)
		mt.RegisterResponder("GET", refreshURL(testCustomerID), func(req *http.Request) (*http.Response, error) {
			<-req.Context().Done()
			return nil, req.Context().Err()
		})
		_, err := c.Wallets.RefreshAll(ctx, testCustomerID)
		require.Error(t, err)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.LessOrEqual(t, mt.GetTotalCallCount(), 1, "an expired call is not retried")
	})
}

// TestErrorTextStartsWithJuspay covers the errors of a call that is refused
// before anything is sent.
func TestErrorTextStartsWithJuspay(t *testing.T) {
	c, _ := newMockClient(t)
	_, err := c.Wallets.RefreshAll(context.Background(), "")
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "juspay: "), err.Error())
	_, err = juspay.NewClient("")
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "juspay: "), err.Error())
}

func TestValidationErrorIsInvalidArgument(t *testing.T) {
	c, mt := newMockClient(t)
	_, err := c.Wallets.RefreshAll(context.Background(), "..")
	require.Error(t, err)
	assert.ErrorIs(t, err, juspay.ErrInvalidArgument)
	var ve *juspay.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "refresh all wallets", ve.Op)
	assert.Equal(t, "customerID", ve.Field)
	assert.Equal(t, `juspay: refresh all wallets: customerID ".." is not a valid ID`, ve.Error())
	assert.Zero(t, mt.GetTotalCallCount(), "nothing is sent")
	assert.NotErrorIs(t, err, juspay.ErrInvalidRequest)
}

// TestNilContextIsInvalidArgument: every method refuses a nil context
// before sending anything.
func TestNilContextIsInvalidArgument(t *testing.T) {
	var nilCtx context.Context
	calls := map[string]func(c *juspay.Client) error{
		"refresh all wallets": func(c *juspay.Client) error { _, err := c.Wallets.RefreshAll(nilCtx, "cth_1"); return err },
		"list wallets":        func(c *juspay.Client) error { _, err := c.Wallets.List(nilCtx, "cth_1"); return err },
		"get wallet":          func(c *juspay.Client) error { _, err := c.Wallets.Get(nilCtx, "wlt_1"); return err },
		"link wallet":         func(c *juspay.Client) error { _, err := c.Wallets.Link(nilCtx, "wlt_1", "123456"); return err },
		"direct debit": func(c *juspay.Client) error {
			_, err := c.Payments.DirectDebit(nilCtx, &juspay.DirectDebitParams{OrderID: "o", PaymentMethod: "PAYTM", DirectWalletToken: "tk"})
			return err
		},
		"check eligibility": func(c *juspay.Client) error {
			_, err := c.Customers.CheckEligibility(nilCtx, "cth_1", &juspay.EligibilityParams{OrderID: "o"})
			return err
		},
		"GET /x": func(c *juspay.Client) error { return c.Do(nilCtx, http.MethodGet, "/x", nil, nil) },
	}
	for op, call := range calls {
		t.Run(op, func(t *testing.T) {
			c, rec := newRecordedClient(t, jsonResponder(200, `{}`))
			err := call(c)
			var ve *juspay.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, juspay.ValidationError{Op: op, Field: "ctx", Reason: "is nil"}, *ve)
			assert.Zero(t, rec.count())
		})
	}
}

// TestInvalidOptionIsInvalidArgument: an option given a bad value is a
// *ValidationError naming the option, on NewClient and on a call.
func TestInvalidOptionIsInvalidArgument(t *testing.T) {
	for field, opt := range map[string]juspay.Option{
		"WithTimeout":      juspay.WithTimeout(-1),
		"WithMaxRetries":   juspay.WithMaxRetries(-1),
		"WithRetryBackoff": juspay.WithRetryBackoff(0, 0),
		"WithRoutingID":    juspay.WithRoutingID(""),
		"WithHeader":       juspay.WithHeader("Authorization", "x"),
		"WithAPIVersion":   juspay.WithAPIVersion("latest"),
		"WithMerchantID":   juspay.WithMerchantID(" m"),
		"WithBaseURL":      juspay.WithBaseURL("http://juspay.example.com"),
		"WithEnvironment":  juspay.WithEnvironment("staging"),
		"WithHTTPClient":   juspay.WithHTTPClient(nil),
		"WithUserAgent":    juspay.WithUserAgent("a\nb"),
		"WithRetryBudget":  juspay.WithRetryBudget(-1),
	} {
		t.Run(field, func(t *testing.T) {
			_, err := juspay.NewClient(testAPIKey, juspay.WithMerchantID(testMerchantID), opt)
			var ve *juspay.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.ErrorIs(t, err, juspay.ErrInvalidArgument)
			assert.Equal(t, "new client", ve.Op)
			assert.Equal(t, field, ve.Field)

			c, rec := newRecordedClient(t, jsonResponder(200, emptyList))
			_, err = c.Wallets.List(context.Background(), testCustomerID, opt)
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "list wallets", ve.Op)
			assert.Equal(t, field, ve.Field)
			assert.Zero(t, rec.count())
		})
	}
}

// An error body longer than Body keeps still gives its fields: a JSON body
// cut at 64 KiB would give none. Error stays short all the same.
func TestAPIErrorFromALongBody(t *testing.T) {
	long := strings.Repeat("a long message ", 10000) // 150 KB
	body := `{"status":"Invalid Request","error_code":"null_error","error_message":"` + long +
		`","error_info":{"code":"INVALID_INPUT","category":"USER_ERROR","user_message":"fix it"}}`
	c, _ := newRecordedClient(t, jsonResponder(400, body))
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)

	var apiErr *juspay.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Invalid Request", apiErr.Status)
	assert.Equal(t, "null_error", apiErr.ErrorCode)
	assert.Equal(t, strings.TrimSpace(long), strings.TrimSpace(apiErr.ErrorMessage))
	assert.Equal(t, "fix it", apiErr.UserMessage)
	if assert.NotNil(t, apiErr.Info) {
		assert.Equal(t, "INVALID_INPUT", apiErr.Info.Code)
	}
	assert.Equal(t, []byte(body[:64<<10]), apiErr.Body, "Body keeps the first 64 KiB")
	assert.Less(t, len(err.Error()), 400, err.Error())
	assert.True(t, strings.HasPrefix(err.Error(), "juspay: refresh all wallets: 400 Bad Request: null_error: a long message"), err.Error())
}
