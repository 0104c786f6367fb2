package juspay_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// The tests in this file plant the call's secrets where a hostile or broken
// server can echo them, and check that they leave the process through
// nothing the SDK writes: errors, log records, formatted values, the
// exported fields of an APIError.

// A server echoing the key, or the Authorization value, in x-request-id
// must not put it in a log record: every attribute a record takes from the
// network is scrubbed.
func TestRequestIDEchoingTheKeyIsScrubbedFromLogs(t *testing.T) {
	for _, echoed := range []string{testAPIKey, testAuthorization} {
		var buf bytes.Buffer
		logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
		c, mt := newMockClient(t, juspay.WithLogger(logger), juspay.WithMaxRetries(1))
		calls := 0
		mt.RegisterResponder(http.MethodGet, refreshURL(testCustomerID), func(*http.Request) (*http.Response, error) {
			calls++
			status, body := http.StatusServiceUnavailable, `{}`
			if calls > 1 {
				status, body = http.StatusOK, `{"list":[]}`
			}
			resp := httpmock.NewStringResponse(status, body)
			resp.Header.Set("X-Request-Id", "req_"+echoed+"_1")
			return resp, nil
		})
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.NoError(t, err)
		require.NotEmpty(t, logRecords(t, &buf))
		assertNoSecret(t, buf.String())
	}
}
