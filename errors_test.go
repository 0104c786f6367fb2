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
