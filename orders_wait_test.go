package juspay_test

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

func statusJSON(status string) httpmock.Responder {
	return jsonResponder(200, orderJSON("ord_1", "100", "INR", status))
}

func TestOrdersWaitReadsUntilSettled(t *testing.T) {
	cases := []struct {
		name  string
		reads []httpmock.Responder
		want  juspay.TxnStatus
	}{
		{"pending, then charged", []httpmock.Responder{statusJSON("PENDING_VBV"), statusJSON("AUTHORIZING"),
			statusJSON("VBV_SUCCESSFUL"), statusJSON("STARTED"), statusJSON("CHARGED")}, juspay.TxnCharged},
		{"pending, then failed", []httpmock.Responder{statusJSON("PENDING_VBV"), statusJSON("AUTHORIZATION_FAILED")},
			juspay.TxnAuthorizationFailed},
		{"never paid: NEW at once", []httpmock.Responder{statusJSON("NEW")}, juspay.TxnNew},
		{"a status the SDK does not know is settled", []httpmock.Responder{statusJSON("COD_INITIATED")}, "COD_INITIATED"},
		{"failures a read retries do not end it", []httpmock.Responder{statusJSON("PENDING_VBV"), jsonResponder(503, `{}`),
			failResponder(errReset), cutBody(orderJSON("ord_1", "100", "INR", "CHARGED")), jsonResponder(429, `{}`),
			statusJSON("CHARGED")}, juspay.TxnCharged},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// No retries inside a read: every failure reaches Wait.
			c, mt := newMockClient(t, juspay.WithMaxRetries(0))
			rec := recordAll(mt, sequence(tc.reads...))
			o, err := c.Orders.Wait(context.Background(), "ord_1")
			require.NoError(t, err)
			assert.Equal(t, tc.want, o.Status)
			assert.Equal(t, len(tc.reads), rec.count())
			for _, req := range rec.all() {
				testCall(t, req, http.MethodGet, "/orders/ord_1", "")
			}
		})
	}
}

func TestOrdersWaitEndsOnOtherErrors(t *testing.T) {
	for name, fail := range map[string]httpmock.Responder{
		"unknown order":   sample(t, 400, "error--order-not-found.json"),
		"bad key":         sample(t, 401, "error--access-denied.json"),
		"not JSON":        func(*http.Request) (*http.Response, error) { return httpmock.NewStringResponse(200, "<html>"), nil },
		"JSON cut off":    jsonResponder(200, `{"status":"CHARGED"`),
		"body over 10MiB": jsonResponder(200, `{"x":"`+string(make([]byte, 10<<20))+`"}`),
	} {
		t.Run(name, func(t *testing.T) {
			c, mt := newMockClient(t)
			rec := recordAll(mt, sequence(statusJSON("PENDING_VBV"), fail, statusJSON("CHARGED")))
			_, err := c.Orders.Wait(context.Background(), "ord_1")
			assert.Error(t, err)
			assert.Equal(t, 2, rec.count())
		})
	}
}

func TestOrdersWaitEndsWithContext(t *testing.T) {
	c, mt := newMockClient(t)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	recordAll(mt, func(r *http.Request) (*http.Response, error) {
		if n++; n == 3 {
			cancel() // the caller gives up while the order is still pending
		}
		return statusJSON("PENDING_VBV")(r)
	})
	o, err := c.Orders.Wait(ctx, "ord_1")
	assert.Nil(t, o)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "PENDING_VBV")
	assert.Equal(t, 3, n)

	_, err = c.Orders.Wait(ctx, "ord_1")
	assert.ErrorIs(t, err, context.Canceled, "an ended context reads nothing")
	assert.Equal(t, 3, n)
}

// TestOrdersWaitEndsWithContextInARead: a ctx that ends during a read,
// not only between reads, names the status the order was last read in.
func TestOrdersWaitEndsWithContextInARead(t *testing.T) {
	for name, third := range map[string]func(*http.Request) (*http.Response, error){
		"on the wire":                     func(r *http.Request) (*http.Response, error) { return nil, r.Context().Err() },
		"an answer that comes as it ends": jsonResponder(503, `{}`),
	} {
		t.Run(name, func(t *testing.T) {
			c, mt := newMockClient(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n := 0
			recordAll(mt, func(r *http.Request) (*http.Response, error) {
				if n++; n < 3 {
					return statusJSON("AUTHORIZING")(r)
				}
				cancel() // the caller gives up during the third read
				return third(r)
			})
			o, err := c.Orders.Wait(ctx, "ord_1")
			assert.Nil(t, o)
			require.Error(t, err)
			assert.ErrorIs(t, err, context.Canceled)
			assert.Contains(t, err.Error(), `order "ord_1" still AUTHORIZING after 3 reads`)
			assert.Equal(t, 1, strings.Count(err.Error(), "juspay: "), err.Error())
			assert.Equal(t, 1, strings.Count(err.Error(), "wait for order"), err.Error())
			assert.Equal(t, 3, n)
		})
	}
}

// TestOrdersWaitPacedByTheCallsBackoff: the wait between reads is the
// call's WithRetryBackoff. With an hour's backoff, a pending order is read
// once: the caller's context, ended 100ms after that read (time for a
// hundred reads at the client's 1ms backoff), ends the wait before a second.
func TestOrdersWaitPacedByTheCallsBackoff(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, mt := newMockClient(t, juspay.WithLogger(slog.New(&cancelAfterRecord{cancel: cancel})))
	rec := recordAll(mt, statusJSON("PENDING_VBV"))
	_, err := c.Orders.Wait(ctx, "ord_1", juspay.WithRetryBackoff(time.Hour, time.Hour))
	assert.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "still PENDING_VBV after 1 read:")
	assert.Equal(t, 1, rec.count())
}

// cancelAfterRecord is a log handler that cancels a context 100ms after
// its first record: the end of the first attempt.
type cancelAfterRecord struct {
	once   sync.Once
	cancel context.CancelFunc
}

func (h *cancelAfterRecord) Enabled(context.Context, slog.Level) bool { return true }
func (h *cancelAfterRecord) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *cancelAfterRecord) WithGroup(string) slog.Handler            { return h }
func (h *cancelAfterRecord) Handle(context.Context, slog.Record) error {
	h.once.Do(func() { time.AfterFunc(100*time.Millisecond, h.cancel) })
	return nil
}

func TestOrdersWaitRefusesBadArguments(t *testing.T) {
	c, mt := newMockClient(t)
	rec := recordAll(mt, statusJSON("CHARGED"))
	var nilCtx context.Context
	_, err := c.Orders.Wait(nilCtx, "ord_1")
	requireInvalid(t, err, "ctx")
	_, err = c.Orders.Wait(context.Background(), "..")
	requireInvalid(t, err, "orderID")
	_, err = c.Orders.Wait(context.Background(), "ord_1", juspay.WithRetryBackoff(-1, 0))
	assert.ErrorContains(t, err, "WithRetryBackoff")
	assert.Zero(t, rec.count())
}
