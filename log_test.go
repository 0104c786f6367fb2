package juspay_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// logRecords decodes what a slog JSON handler wrote.
func logRecords(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var recs []map[string]any
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	for dec.More() {
		var rec map[string]any
		require.NoError(t, dec.Decode(&rec))
		recs = append(recs, rec)
	}
	return recs
}

// secretsInResponses are values from the bodies served below: none may
// reach a log record.
var secretsInResponses = []string{
	"tk_ecbio8b69p8aiojdnap9b8u", "tk_csdjcbsd678ovsyfowe9f8nsjdncbs86va", // tokens
	"wlm_vT890Ngjknnknb89", "9999999999", "MOBIKWIK", "blUutbvo76578u", // other body content
	"try later", "echoed",
}

// TestLoggerRecordsAttemptsAndRetries serves a 503 and then the spec's
// sample (tokens and all), and reads back every record.
func TestLoggerRecordsAttemptsAndRetries(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, mt := newMockClient(t, juspay.WithLogger(logger))
	mt.RegisterResponder("GET", refreshURL(testCustomerID),
		jsonResponder(503, `{"error_message":"try later","echoed":"`+testAuthorization+`"}`, "X-Request-Id", "req_1").
			Then(jsonResponder(200, string(readSample(t, "refresh-all-wallets--spec.json")), "X-Response-Id", "req_2")))

	list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.NoError(t, err)
	require.Len(t, list.Wallets, 2)

	recs := logRecords(t, &buf)
	require.Len(t, recs, 3, buf.String())
	path := "/customers/" + testCustomerID + "/wallets/refresh-balances"

	first, retry, second := recs[0], recs[1], recs[2]
	assert.Equal(t, "DEBUG", first["level"])
	assert.Equal(t, "GET", first["method"])
	assert.Equal(t, path, first["path"])
	assert.EqualValues(t, 503, first["status"])
	assert.EqualValues(t, 1, first["attempt"])
	assert.Equal(t, "req_1", first["request_id"])
	assert.IsType(t, float64(0), first["duration"], "duration is logged")

	assert.Equal(t, "WARN", retry["level"])
	assert.EqualValues(t, 1, retry["attempt"])
	assert.EqualValues(t, 503, retry["status"])
	assert.Equal(t, "req_1", retry["request_id"])
	assert.Contains(t, retry, "wait")

	assert.Equal(t, "DEBUG", second["level"])
	assert.Equal(t, "GET", second["method"])
	assert.Equal(t, path, second["path"])
	assert.EqualValues(t, 200, second["status"])
	assert.EqualValues(t, 2, second["attempt"])
	assert.Equal(t, "req_2", second["request_id"])
	assert.Contains(t, second, "duration")

	out := buf.String()
	assertNoSecret(t, out)
	assertNoSecret(t, out, secretsInResponses...)
	assert.NotContains(t, strings.ToLower(out), "authorization")
	assert.NotContains(t, out, "Basic ")
}

// TestLoggerScrubsTransportErrors has the transport fail with a message that
// quotes the key and the Authorization header, as a proxy's might.
func TestLoggerScrubsTransportErrors(t *testing.T) {
	for _, handler := range []string{"json", "text"} {
		var buf bytes.Buffer
		opts := &slog.HandlerOptions{Level: slog.LevelDebug}
		h := slog.Handler(slog.NewJSONHandler(&buf, opts))
		if handler == "text" {
			h = slog.NewTextHandler(&buf, opts)
		}
		c, mt := newMockClient(t, juspay.WithLogger(slog.New(h)))
		leak := fmt.Errorf("proxy refused header %q for key %s", testAuthorization, testAPIKey)
		mt.RegisterResponder("GET", refreshURL(testCustomerID),
			httpmock.NewErrorResponder(leak).Then(jsonResponder(200, string(readSample(t, "refresh-all-wallets--spec.json")))))

		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.NoError(t, err)

		out := buf.String()
		assert.Contains(t, out, "proxy refused", "%s: the error is logged", handler)
		assert.Contains(t, out, "juspay: retrying", handler)
		assertNoSecret(t, out)
		assertNoSecret(t, out, secretsInResponses...)
		assert.Equal(t, 3, strings.Count(out, "\n"), "%s: two attempts and a retry:\n%s", handler, out)
	}
}

func TestLoggerLevels(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	c, mt := newMockClient(t, juspay.WithLogger(logger), juspay.WithMaxRetries(1))
	recordAll(mt, jsonResponder(500, ""))
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	require.Error(t, err)

	recs := logRecords(t, &buf)
	require.Len(t, recs, 1, "no debug record at info level: %s", buf.String())
	assert.Equal(t, "WARN", recs[0]["level"])
}

// TestNoLoggingByDefault points slog's default logger at a buffer: a client
// without WithLogger (or with WithLogger(nil)) writes nothing to it.
func TestNoLoggingByDefault(t *testing.T) {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	t.Cleanup(func() { slog.SetDefault(prev) })

	for _, opts := range [][]juspay.Option{nil, {juspay.WithLogger(nil)}} {
		c, mt := newMockClient(t, opts...)
		recordAll(mt, jsonResponder(503, ""))
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		assert.True(t, errors.Is(err, juspay.ErrServer))
	}
	assert.Empty(t, buf.String())
}
