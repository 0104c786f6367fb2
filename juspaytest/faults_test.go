package juspaytest_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatusFaults(t *testing.T) {
	srv := withSample(t)
	srv.Fail(1, juspaytest.StatusFault(429, http.Header{"Retry-After": {"2"}}, `{"status":"Too Many Requests"}`))
	srv.Fail(1, juspaytest.StatusFault(502, http.Header{"Content-Type": {"text/html"}}, "<html><body>Bad Gateway</body></html>"))
	srv.Fail(1, juspaytest.StatusFault(503, nil, ""))

	r := do(t, srv, http.MethodGet, refreshPath, nil)
	assert.Equal(t, 429, r.status)
	assert.Equal(t, "2", r.header.Get("Retry-After"))
	assert.Equal(t, `{"status":"Too Many Requests"}`, string(r.body))
	assert.NotEmpty(t, r.header.Get("x-request-id"))

	r = do(t, srv, http.MethodGet, refreshPath, nil)
	assert.Equal(t, 502, r.status)
	assert.Equal(t, "text/html", r.header.Get("Content-Type"))
	assert.Equal(t, "<html><body>Bad Gateway</body></html>", string(r.body))

	r = do(t, srv, http.MethodGet, refreshPath, nil)
	assert.Equal(t, 503, r.status)
	assert.Empty(t, r.body)
	assert.Equal(t, "0", r.header.Get("Content-Length"))

	// The script is played out: the next request is answered as usual.
	requireOK(t, do(t, srv, http.MethodGet, refreshPath, nil))
	assert.Len(t, srv.Requests(), 4, "faulted requests are recorded too")
}

// A fault plays before any check: even a request with no credentials gets it,
// and it has no effect.
func TestStatusFaultBeforeChecks(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "1"))
	srv.Fail(1, juspaytest.StatusFault(503, nil, ""))
	req := newRequest(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken))
	req.Header.Del("Authorization")
	assert.Equal(t, 503, send(t, req).status)
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken))
	assert.Equal(t, "CHARGED", requireOK(t, r)["status"], "the faulted debit did not spend the token")
}

func TestStatusFaultOutOfRange(t *testing.T) {
	srv := withSample(t)
	srv.Fail(1, juspaytest.StatusFault(42, nil, "x"))
	assert.Equal(t, 500, do(t, srv, http.MethodGet, refreshPath, nil).status)
}

func TestDelayFault(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "1"))
	srv.Fail(1, juspaytest.DelayFault(50*time.Millisecond))
	start := time.Now()
	requireOK(t, do(t, srv, http.MethodGet, refreshPath, nil))
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)

	// A client that gives up first gets its error, and the request has no
	// effect. The client gives up only once the server holds the request,
	// however slowly a loaded machine delivers it, so the delay is played.
	srv.Fail(1, juspaytest.DelayFault(time.Hour))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req := newRequest(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken)).WithContext(ctx)
	errc := sendAsync(req)
	waitForRequests(t, srv, 2)
	cancel()
	require.ErrorIs(t, <-errc, context.Canceled)
	r := do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken))
	assert.Equal(t, "CHARGED", requireOK(t, r)["status"])
}

// Close does not wait for a delayed request: the client sees its connection
// dropped at once.
func TestCloseEndsDelay(t *testing.T) {
	srv := juspaytest.NewServer()
	_, err := srv.AddCustomer(juspaytest.SampleCustomer())
	require.NoError(t, err)
	srv.Fail(1, juspaytest.DelayFault(time.Hour))
	req := newRequest(t, srv, http.MethodGet, refreshPath, nil)
	errc := sendAsync(req)
	waitForRequests(t, srv, 1)
	closed := make(chan struct{})
	go func() { srv.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(30 * time.Second): // far less than the hour's delay
		t.Fatal("Close waited for the delayed request")
	}
	assert.Error(t, <-errc)
}

func TestResetFault(t *testing.T) {
	srv := withSample(t)
	srv.Fail(1, juspaytest.ResetFault())
	_, err := http.DefaultClient.Do(newRequest(t, srv, http.MethodGet, refreshPath, nil))
	require.Error(t, err)
	assert.True(t, errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF), "%v", err)
	assert.Len(t, srv.Requests(), 1)
	requireOK(t, do(t, srv, http.MethodGet, refreshPath, nil))
}

// CutBodyFault sends the headers and half the body, then resets: the debit was
// made, but the client cannot read the answer.
func TestCutBodyFault(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "5"))
	srv.Fail(1, juspaytest.CutBodyFault())
	resp, err := http.DefaultClient.Do(newRequest(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken)))
	require.NoError(t, err, "the headers arrive")
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.NotEmpty(t, resp.Header.Get("x-request-id"))
	full, _ := strconv.Atoi(resp.Header.Get("Content-Length"))
	body, err := io.ReadAll(resp.Body)
	require.Error(t, err)
	assert.Less(t, len(body), full)

	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "90", w.Balance, "the debit took effect")
}

func TestTruncatedBodyFault(t *testing.T) {
	srv := withSample(t)
	full := do(t, srv, http.MethodGet, refreshPath, nil).body
	srv.Fail(1, juspaytest.TruncatedBodyFault())
	r := do(t, srv, http.MethodGet, refreshPath, nil)
	assert.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "application/json", r.header.Get("Content-Type"))
	assert.Equal(t, strconv.Itoa(len(full)/2), r.header.Get("Content-Length"))
	assert.Equal(t, string(full[:len(full)/2]), string(r.body))
	assert.False(t, json.Valid(r.body))

	// Errors are cut too.
	srv.Fail(1, juspaytest.TruncatedBodyFault())
	r = do(t, srv, http.MethodGet, "/customers/nobody/wallets", nil)
	assert.Equal(t, http.StatusBadRequest, r.status)
	assert.False(t, json.Valid(r.body))
}

func TestOversizedBodyFault(t *testing.T) {
	srv := withSample(t)

	srv.Fail(1, juspaytest.OversizedBodyFault(100<<10))
	r := do(t, srv, http.MethodGet, refreshPath, nil)
	assert.Equal(t, http.StatusOK, r.status)
	assert.Len(t, r.body, 100<<10)
	assert.True(t, json.Valid(r.body), "the body is valid JSON: only its size is wrong")
	assert.Empty(t, r.header.Get("Content-Length"))

	// A client that stops at its limit ends the stream.
	const limit = 10 << 20
	srv.Fail(1, juspaytest.OversizedBodyFault(1<<40))
	resp, err := http.DefaultClient.Do(newRequest(t, srv, http.MethodGet, refreshPath, nil))
	require.NoError(t, err)
	n, err := io.Copy(io.Discard, io.LimitReader(resp.Body, limit+1))
	require.NoError(t, err)
	assert.Equal(t, int64(limit+1), n)
	require.NoError(t, resp.Body.Close())
	requireOK(t, do(t, srv, http.MethodGet, refreshPath, nil))

	// A size too small for the padding still gives a complete JSON body.
	srv.Fail(1, juspaytest.OversizedBodyFault(1))
	assert.True(t, json.Valid(do(t, srv, http.MethodGet, refreshPath, nil).body))
}

// Close ends an oversized stream whose client is still reading.
func TestCloseEndsStream(t *testing.T) {
	srv := juspaytest.NewServer()
	srv.Fail(1, juspaytest.OversizedBodyFault(1<<40))
	resp, err := http.DefaultClient.Do(newRequest(t, srv, http.MethodGet, "/", url.Values{}))
	require.NoError(t, err)
	defer resp.Body.Close()
	_, err = io.CopyN(io.Discard, resp.Body, 1<<20)
	require.NoError(t, err)
	closed := make(chan struct{})
	go func() { srv.Close(); close(closed) }()
	go func() { _, _ = io.Copy(io.Discard, resp.Body) }()
	select {
	case <-closed:
	case <-time.After(30 * time.Second): // far less than sending 1 TiB
		t.Fatal("Close waited for the stream")
	}
}

func waitForRequests(t *testing.T, srv *juspaytest.Server, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for len(srv.Requests()) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the server saw %d requests, want %d", len(srv.Requests()), n)
		}
		time.Sleep(time.Millisecond)
	}
}

// ResetAfterFault and StatusAfterFault answer after the request took
// effect: the order exists, the refund was made, though the client saw a
// reset or a 503.
func TestFaultsAfterTheEffect(t *testing.T) {
	srv := withSample(t)
	srv.FailPath("/orders", 1, juspaytest.ResetAfterFault())
	_, err := http.DefaultClient.Do(newRequest(t, srv, http.MethodPost, "/orders", orderForm("ord_1", "10")))
	require.Error(t, err)
	o, ok := srv.Order("ord_1")
	require.True(t, ok, "the order was created before the reset")
	assert.Equal(t, "NEW", o.Status)

	chargedOrder(t, srv, "ord_2", "10")
	srv.FailPath("/orders/ord_2/refunds", 1, juspaytest.StatusAfterFault(503, http.Header{"Retry-After": {"1"}}, "upstream timed out"))
	r := do(t, srv, http.MethodPost, "/orders/ord_2/refunds", refundForm("rf_1", "4"))
	assert.Equal(t, 503, r.status)
	assert.Equal(t, "upstream timed out", string(r.body))
	assert.Equal(t, "1", r.header.Get("Retry-After"))
	o, _ = srv.Order("ord_2")
	require.Len(t, o.Refunds, 1, "the refund was made before the 503")
	// The repeat a client sends meets Juspay's duplicate answer.
	requireSample(t, do(t, srv, http.MethodPost, "/orders/ord_2/refunds", refundForm("rf_1", "4")), 400, "error--refund-duplicate-in-progress.json")

	// The real checks still run: a faulted request with a wrong key has no
	// effect, though it is answered with the fault.
	srv.FailPath("/orders", 1, juspaytest.StatusAfterFault(503, nil, ""))
	req := newRequest(t, srv, http.MethodPost, "/orders", orderForm("ord_3", "10"))
	req.Header.Set("Authorization", basic("wrong"))
	assert.Equal(t, 503, send(t, req).status)
	_, ok = srv.Order("ord_3")
	assert.False(t, ok)
}

// sendAsync sends req from another goroutine; the channel gets its error,
// nil once an answer came.
func sendAsync(req *http.Request) <-chan error {
	errc := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	return errc
}
