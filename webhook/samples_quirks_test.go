package webhook_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/webhook"
)

// The quirks the samples hold, each checked against the value written in
// the file, so that a failure names the sample it comes from.
func TestSampleQuirks(t *testing.T) {
	parse := func(t *testing.T, name string) *webhook.Event {
		t.Helper()
		body, err := os.ReadFile(filepath.Join(samplesDir, name))
		require.NoError(t, err)
		e, err := webhook.Parse(post(string(body), current), current)
		require.NoError(t, err)
		return e
	}

	t.Run("numbers and booleans as text", func(t *testing.T) {
		e := parse(t, "webhook--refund-manual-review-needed.json")
		assert.Equal(t, webhook.RefundManualReviewNeeded, e.Name)
		o := e.Order
		assert.Equal(t, juspay.TxnCharged, o.Status)
		assert.Equal(t, 21, o.StatusID, `"status_id": "21"`)
		assert.True(t, o.Refunded, `"refunded": "true"`)
		require.NotNil(t, o.Txn)
		assert.Equal(t, "1551", o.Txn.TxnAmount.String(), `"txn_amount": "1551"`)
		assert.Equal(t, 19, o.Txn.GatewayID, `"gateway_id": "19"`)
		require.Len(t, o.Refunds, 2)
		assert.Equal(t, juspay.RefundManualReview, o.Refunds[0].Status)
		assert.Equal(t, "1476", o.Refunds[0].Amount.String(), `"amount": "1476"`)
		assert.True(t, o.Refunds[0].SentToGateway, `"sent_to_gateway": "true"`)
		assert.Equal(t, "2.0220408111212802e+34", o.Refunds[0].Ref)
		assert.Empty(t, o.Refunds[0].ID, `"id": null`)
		assert.Equal(t, "208175367883", o.Refunds[1].ARN)
		r, ok := o.FindRefund("w8ctkt174582939")
		require.True(t, ok)
		assert.Equal(t, juspay.RefundSuccess, r.Status)
	})
	t.Run("masked values", func(t *testing.T) {
		e := parse(t, "webhook--auto-refund-succeeded.json")
		o := e.Order
		assert.Equal(t, webhook.AutoRefundSucceeded, e.Name)
		assert.Zero(t, o.DateCreated, `"date_created": "1111111T07:24:53Z"`)
		assert.Empty(t, o.CustomerID, `"customer_id": "FILTERED"`)
		assert.Empty(t, o.CustomerEmail, `"customer_email": "FILTERED"`)
		assert.Equal(t, juspay.TxnAutoRefunded, o.Status)
		assert.Equal(t, "8", o.Amount.String())
		assert.Empty(t, o.Txn.TxnFlowType, `"txn_flow_type": "FILTERED"`)
		assert.Equal(t, "RAZORPAY", o.Txn.Gateway)
		assert.Equal(t, "rfnd_MOHfB6QJrn3i4K", o.Refunds[0].Ref)

		e = parse(t, "webhook--auto-refund-failed.json")
		assert.Zero(t, e.Order.DateCreated, `"date_created": "RIPPIFILTEREDT14:32:05Z"`)
		assert.Empty(t, e.Order.UDF[4], `"udf5": "FILTERED"`)
	})
	t.Run("{} for null", func(t *testing.T) {
		e := parse(t, "webhook--txn-created--payv3.json")
		assert.Equal(t, webhook.TxnCreated, e.Name)
		require.NotNil(t, e.Order, "TXN_CREATED carries the order, not the transaction")
		assert.Nil(t, e.Txn)
		assert.Empty(t, e.Order.GatewayReferenceID, `"gateway_reference_id": {}`)
		assert.Empty(t, e.Order.Txn.ErrorCode, `"error_code": {}`)
		assert.Equal(t, juspay.TxnPendingVBV, e.Order.Txn.Status)
		assert.Equal(t, "100", e.Order.EffectiveAmount.String(), `"effective_amount": "100"`)
		assert.Empty(t, e.Order.PaymentLinks.Mobile, `"mobile": "FILTERED"`)
	})
	t.Run("a transaction event", func(t *testing.T) {
		e := parse(t, "webhook--txn-charged.json")
		assert.Equal(t, webhook.TxnCharged, e.Name)
		txn := e.Txn
		assert.Equal(t, "ms-sample_ord_200-1", txn.TxnID)
		assert.Equal(t, "sample_ord_200", txn.OrderID)
		assert.Equal(t, juspay.TxnCharged, txn.Status)
		assert.Equal(t, 21, txn.StatusID)
		assert.Equal(t, "1", txn.TxnAmount.String())
		assert.True(t, txn.ExpressCheckout)
		assert.Equal(t, time.Date(2023, 8, 10, 7, 0, 46, 0, time.UTC), txn.Created)
	})
	t.Run("statuses with no constant", func(t *testing.T) {
		e := parse(t, "webhook--order-partial-charged.json")
		assert.Equal(t, webhook.OrderPartialCharged, e.Name)
		assert.Equal(t, juspay.TxnPartialCharged, e.Order.Status)
		assert.Equal(t, 37, e.Order.StatusID)
	})
	t.Run("an event the SDK does not model", func(t *testing.T) {
		e := parse(t, "webhook--mandate-created.json")
		assert.Equal(t, webhook.EventName("MANDATE_CREATED"), e.Name)
		assert.Contains(t, string(e.Raw), `"mandate_id": "eBWQNiQgeG7fdrXPPXtVbL"`, "its content is in Raw")
	})
}

// The constants are Juspay's event names, letter for letter: a handler
// switching on them must see the names Juspay sends.
func TestEventNamesAreJuspays(t *testing.T) {
	for name, want := range map[webhook.EventName]string{
		webhook.OrderSucceeded:           "ORDER_SUCCEEDED",
		webhook.OrderFailed:              "ORDER_FAILED",
		webhook.OrderRefunded:            "ORDER_REFUNDED",
		webhook.OrderRefundFailed:        "ORDER_REFUND_FAILED",
		webhook.RefundManualReviewNeeded: "REFUND_MANUAL_REVIEW_NEEDED",
		webhook.TxnCreated:               "TXN_CREATED",
		webhook.TxnCharged:               "TXN_CHARGED",
		webhook.TxnFailed:                "TXN_FAILED",
		webhook.AutoRefundSucceeded:      "AUTO_REFUND_SUCCEEDED",
		webhook.AutoRefundFailed:         "AUTO_REFUND_FAILED",
		webhook.OrderAuthorized:          "ORDER_AUTHORIZED",
		webhook.RefundInitiated:          "REFUND_INITIATED",
		webhook.AutoRefundInitiated:      "AUTO_REFUND_INITIATED",
		webhook.OrderPartialCharged:      "ORDER_PARTIAL_CHARGED",
	} {
		assert.Equal(t, want, string(name))
	}
}
