package juspay_test

import (
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// Helpers for the checkout tests, in the dialect of helpers_test.go.

// inTurn answers the n-th request with the n-th responder, and every later
// one with the last.
func inTurn(rs ...httpmock.Responder) httpmock.Responder {
	var mu sync.Mutex
	n := 0
	return func(req *http.Request) (*http.Response, error) {
		mu.Lock()
		r := rs[min(n, len(rs)-1)]
		n++
		mu.Unlock()
		return r(req)
	}
}

// routes answers each request by its "METHOD /escaped/path", failing the
// test for a request no route expects.
func routes(t testing.TB, m map[string]httpmock.Responder) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		r, ok := m[req.Method+" "+req.URL.EscapedPath()]
		if !assert.True(t, ok, "unexpected request %s %s", req.Method, req.URL.EscapedPath()) {
			return nil, errors.New("unexpected request")
		}
		return r(req)
	}
}

// resetAfterSend fails a round trip as a connection reset after the
// request was written does: the server may have acted on it.
func resetAfterSend(*http.Request) (*http.Response, error) {
	return nil, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
}

// cutBody answers 200 with a body the connection cuts after its first
// bytes: the server acted, and its answer was lost.
func cutBody(body string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(http.StatusOK, "")
		resp.Header.Set("Content-Type", "application/json")
		resp.Body = io.NopCloser(io.MultiReader(strings.NewReader(body[:len(body)/2]), failing{syscall.ECONNRESET}))
		return resp, nil
	}
}

type failing struct{ err error }

func (f failing) Read([]byte) (int, error) { return 0, f.err }

// sample answers status with a checkout sample as its body.
func sample(t testing.TB, status int, name string) httpmock.Responder {
	return jsonResponder(status, string(readSample(t, "checkout/"+name)))
}

// paths lists the "METHOD /escaped/path" of every request sent.
func (r *recorder) paths() []string {
	var out []string
	for _, req := range r.all() {
		out = append(out, req.Method+" "+req.URL.EscapedPath())
	}
	return out
}

// testCheckoutHeaders checks the headers every call sends, and
// x-routing-id: routingID, or none when it is "".
func testCheckoutHeaders(t testing.TB, r *http.Request, routingID string) {
	t.Helper()
	testHeader(t, r, "Authorization", testAuthorization)
	testHeader(t, r, "X-Merchantid", testMerchantID)
	testHeader(t, r, "Version", juspay.DefaultAPIVersion)
	testHeader(t, r, "Content-Type", "application/x-www-form-urlencoded")
	testHeader(t, r, "Accept", "application/json")
	if routingID == "" {
		assert.Empty(t, r.Header.Values("X-Routing-Id"), "x-routing-id")
	} else {
		testHeader(t, r, "X-Routing-Id", routingID)
	}
}

// requireInvalid checks a caller's mistake: a *ValidationError for field,
// for which ErrInvalidArgument holds.
func requireInvalid(t testing.TB, err error, field string) {
	t.Helper()
	var ve *juspay.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, err, juspay.ErrInvalidArgument)
	assert.Equal(t, field, ve.Field, "field of %v", err)
}

// orderJSON is an order as Get answers it, for the settling tests.
func orderJSON(orderID, amount, currency, status string, refunds ...string) string {
	return `{"order_id":"` + orderID + `","id":"ordeh_1","amount":` + amount + `,"currency":"` + currency +
		`","status":"` + status + `","refunds":[` + strings.Join(refunds, ",") + `]}`
}

func refundJSON(key, amount, status string) string {
	return `{"unique_request_id":"` + key + `","amount":` + amount + `,"status":"` + status + `"}`
}
