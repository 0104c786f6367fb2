package juspay_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// writeCalls are the calls that change state or move money: each must be
// attempted once whatever answer, or non-answer, comes back.
var writeCalls = []struct {
	name string
	call func(ctx context.Context, c *juspay.Client) (any, error)
}{
	{"Create", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Wallets.Create(ctx, "cth_1", &juspay.CreateWalletParams{Gateway: "PAYTM", Authenticate: true})
	}},
	{"Authenticate", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Wallets.Authenticate(ctx, "wlt_1", nil)
	}},
	{"Link", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Wallets.Link(ctx, "wlt_1", "123456")
	}},
	{"Delink", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Wallets.Delink(ctx, "wlt_1")
	}},
	{"UpdateMobileNumber", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Wallets.UpdateMobileNumber(ctx, "wlt_1", "7777777777")
	}},
	{"DirectDebit", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: "tk_secret_1"})
	}},
}

// retriedCalls are the calls retried like reads: the GETs, and the POSTs that
// move nothing.
var retriedCalls = []struct {
	name   string
	call   func(ctx context.Context, c *juspay.Client) (any, error)
	answer string
}{
	{"List", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Wallets.List(ctx, "cth_1")
	}, samples["list-wallets--response"]},
	{"RefreshAll", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Wallets.RefreshAll(ctx, "cth_1")
	}, samples["refresh-all--response"]},
	{"Get", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Wallets.Get(ctx, "wlt_1")
	}, samples["get-wallet--response"]},
	{"Refresh", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Wallets.Refresh(ctx, "wlt_1")
	}, samples["refresh-wallet--response"]},
	{"CheckEligibility", func(ctx context.Context, c *juspay.Client) (any, error) {
		return c.Customers.CheckEligibility(ctx, "cth_1", &juspay.EligibilityParams{OrderID: "ord_1"})
	}, samples["eligibility--response"]},
}

// TestWritesNeverRepeat: a write whose request may have reached Juspay is
// attempted once. A dropped connection leaves its outcome unknown; an answer,
// even a 5xx or a 429, is an *APIError whose outcome is known.
func TestWritesNeverRepeat(t *testing.T) {
	faults := []struct {
		name string
		fail error
	}{
		{"connection reset", errReset},
		{"truncated response", io.ErrUnexpectedEOF},
	}
	for _, w := range writeCalls {
		t.Run(w.name, func(t *testing.T) {
			for _, f := range faults {
				t.Run(f.name, func(t *testing.T) {
					c, m := newRecordedClient(t, sequence(failResponder(f.fail), jsonResponder(200, `{}`)), juspay.WithMaxRetries(2))
					got, err := w.call(context.Background(), c)
					require.Error(t, err)
					assert.Nil(t, got)
					assert.Equal(t, 1, m.count(), "a write that may have left is never repeated")
					assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
					assert.ErrorIs(t, err, f.fail, "the cause stays reachable")
					var apiErr *juspay.APIError
					assert.False(t, errors.As(err, &apiErr))
					assert.Contains(t, err.Error(), "outcome is unknown")
				})
			}
			for _, status := range []int{http.StatusServiceUnavailable, http.StatusTooManyRequests, http.StatusInternalServerError} {
				t.Run(http.StatusText(status), func(t *testing.T) {
					c, m := newRecordedClient(t, sequence(jsonResponder(status, `{"status":"ERROR","error_code":"busy"}`), jsonResponder(200, `{}`)), juspay.WithMaxRetries(2))
					_, err := w.call(context.Background(), c)
					require.Error(t, err)
					assert.Equal(t, 1, m.count(), "any answer ends a write")
					var apiErr *juspay.APIError
					require.ErrorAs(t, err, &apiErr)
					assert.Equal(t, status, apiErr.StatusCode)
					assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "Juspay answered: the outcome is known")
				})
			}
			t.Run("refused dial is retried", func(t *testing.T) {
				c, m := newRecordedClient(t, sequence(failResponder(errRefused), failResponder(errRefused), jsonResponder(200, samples["link-wallet--response"])), juspay.WithMaxRetries(2))
				got, err := w.call(context.Background(), c)
				require.NoError(t, err, "a request that never left may be sent again")
				assert.NotNil(t, got)
				assert.Equal(t, 3, m.count())
			})
			t.Run("refused dial every time", func(t *testing.T) {
				c, m := newRecordedClient(t, failResponder(errRefused), juspay.WithMaxRetries(2))
				_, err := w.call(context.Background(), c)
				require.Error(t, err)
				assert.Equal(t, 3, m.count())
				assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "nothing left: the outcome is known")
				assert.ErrorIs(t, err, syscall.ECONNREFUSED)
			})
			t.Run("attempt timeout", func(t *testing.T) {
				c, m := newRecordedClient(t, func(req *http.Request) (*http.Response, error) {
					<-req.Context().Done() // the request arrived; the answer never comes
					return nil, req.Context().Err()
				}, juspay.WithMaxRetries(2), juspay.WithTimeout(20*time.Millisecond))
				_, err := w.call(context.Background(), c)
				require.Error(t, err)
				assert.Equal(t, 1, m.count())
				assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
				assert.ErrorIs(t, err, context.DeadlineExceeded)
			})
		})
	}
}

// TestReadsRetry: the same faults that end a write are retried for reads
// and for the POSTs that move nothing.
func TestReadsRetry(t *testing.T) {
	for _, r := range retriedCalls {
		t.Run(r.name, func(t *testing.T) {
			t.Run("connection reset every time", func(t *testing.T) {
				c, m := newRecordedClient(t, failResponder(errReset), juspay.WithMaxRetries(2))
				_, err := r.call(context.Background(), c)
				require.Error(t, err)
				assert.Equal(t, 3, m.count(), "the first attempt and 2 retries")
				assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "a read has no outcome to lose")
				assert.ErrorIs(t, err, syscall.ECONNRESET)
			})
			t.Run("reset then 503 then success", func(t *testing.T) {
				c, m := newRecordedClient(t, sequence(failResponder(errReset), jsonResponder(503, `{}`), jsonResponder(200, r.answer)), juspay.WithMaxRetries(2))
				got, err := r.call(context.Background(), c)
				require.NoError(t, err)
				assert.NotNil(t, got)
				assert.Equal(t, 3, m.count())
			})
		})
	}
}

// TestListConnectionDroppedIsRetried: the same fault on a read is retried.
func TestListConnectionDroppedIsRetried(t *testing.T) {
	srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err)
		}
		conn.Close()
	})
	c := newServerClient(t, srv.URL)
	_, err := c.Wallets.List(context.Background(), "cth_1")
	require.Error(t, err)
	assert.Equal(t, int64(3), srv.requests.Load(), "the first attempt and 2 retries")
	assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown)
}

// TestCallerCancelMidFlight: the caller's context ends while Juspay holds
// the request. For a write the outcome is unknown and the cancellation is
// reported too; for a read only the cancellation.
func TestCallerCancelMidFlight(t *testing.T) {
	calls := []struct {
		name  string
		write bool
		call  func(ctx context.Context, c *juspay.Client) (any, error)
	}{
		{"DirectDebit", true, func(ctx context.Context, c *juspay.Client) (any, error) {
			return c.Payments.DirectDebit(ctx, debitParams())
		}},
		{"Link", true, func(ctx context.Context, c *juspay.Client) (any, error) {
			return c.Wallets.Link(ctx, "wlt_1", "123456")
		}},
		{"List", false, func(ctx context.Context, c *juspay.Client) (any, error) {
			return c.Wallets.List(ctx, "cth_1")
		}},
	}
	for _, tc := range calls {
		t.Run(tc.name, func(t *testing.T) {
			arrived := make(chan struct{}, 1)
			srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				arrived <- struct{}{}
				select {
				case <-r.Context().Done(): // the client hung up
				case <-time.After(30 * time.Second):
				}
			})
			c := newServerClient(t, srv.URL)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() {
				select {
				case <-arrived:
					cancel()
				case <-ctx.Done():
				}
			}()
			_, err := tc.call(ctx, c)
			require.Error(t, err)
			assert.Equal(t, int64(1), srv.requests.Load())
			assert.ErrorIs(t, err, context.Canceled)
			if tc.write {
				assert.ErrorIs(t, err, juspay.ErrOutcomeUnknown)
			} else {
				assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown)
			}
		})
	}
}

// handshakeFails listens on loopback and ends every connection made to it
// with fail, before any TLS handshake can complete. It returns the https
// URL to reach it and the count of connections accepted.
func handshakeFails(t *testing.T, fail func(net.Conn)) (string, *atomic.Int64) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var accepts atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			accepts.Add(1)
			_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
			fail(conn)
			_ = conn.Close()
		}
	}()
	t.Cleanup(func() {
		_ = l.Close()
		wg.Wait()
	})
	return "https://" + l.Addr().String(), &accepts
}

// TestWriteRetriedWhenTLSHandshakeFails: a write whose TLS handshake failed
// was never sent, whatever error the handshake ended with, so it is retried
// like a failed dial, and its outcome is not unknown.
func TestWriteRetriedWhenTLSHandshakeFails(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		fail func(net.Conn)
	}{
		{"closed at once", func(net.Conn) {}},
		{"reset at once", func(conn net.Conn) {
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0)
			}
		}},
		{"an unexpected handshake message", func(conn net.Conn) {
			_, _ = conn.Read(make([]byte, 4096)) // the ClientHello
			// A HelloRequest where the ServerHello should be.
			_, _ = conn.Write([]byte{0x16, 0x03, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00})
			_, _ = io.Copy(io.Discard, conn) // until the client gives up
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			url, accepts := handshakeFails(t, tc.fail)
			var log attemptLog
			c := newServerClient(t, url, juspay.WithMaxRetries(2), juspay.WithLogger(log.logger()))

			err := linkWallet(context.Background(), c)

			require.Error(t, err)
			assert.NotErrorIs(t, err, juspay.ErrOutcomeUnknown, "nothing was sent: %v", err)
			var apiErr *juspay.APIError
			assert.False(t, errors.As(err, &apiErr))
			assert.EqualValues(t, 3, accepts.Load(), "retried: %v", err)
			assert.EqualValues(t, 3, log.attempts.Load())
			assert.NotContains(t, err.Error(), "123456")
		})
	}
}
