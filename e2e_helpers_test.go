package juspay_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// The helpers in this file serve the end-to-end tests (client_e2e_test.go,
// faults_test.go, budget_test.go, bench_test.go): a real loopback server, a
// client built by NewClient with its default HTTP client, and counters for
// what crossed the wire.

const (
	trAPIKey     = "key_e2e_6f1c9a0b"
	trMerchant   = "merchant_e2e"
	trCustomer   = "cth_eN4e4kR12CJV"
	trWalletPath = "/customers/" + trCustomer + "/wallets/refresh-balances"
)

// trServer is an httptest server that counts the requests it handled and the
// connections clients opened to it.
type trServer struct {
	*httptest.Server
	requests atomic.Int64
	conns    atomic.Int64
}

// newTRServer starts a loopback server running h, closed when the test ends.
func newTRServer(t testing.TB, h http.HandlerFunc) *trServer {
	t.Helper()
	s := &trServer{}
	srv := newUnstartedTRServer(s, h)
	srv.Start()
	s.Server = srv
	t.Cleanup(srv.Close)
	return s
}

// newUnstartedTRServer builds the server behind s, counting into s.
func newUnstartedTRServer(s *trServer, h http.HandlerFunc) *httptest.Server {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		h(w, r)
	}))
	srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	// Resets and timeouts are the point of several tests; keep the server's
	// complaints about them out of the test output.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	return srv
}

// trAttempts counts the SDK's attempts through WithLogger: the contract
// promises one debug record per attempt and one warn record per retry. It
// counts what the SDK did, where the server's count would also include
// net/http's own replays on a reused connection.
type trAttempts struct {
	attempts atomic.Int64
	warns    atomic.Int64
	budget   atomic.Int64 // warn records about the retry budget
}

func (c *trAttempts) Enabled(context.Context, slog.Level) bool { return true }
func (c *trAttempts) WithAttrs([]slog.Attr) slog.Handler       { return c }
func (c *trAttempts) WithGroup(string) slog.Handler            { return c }
func (c *trAttempts) Handle(_ context.Context, r slog.Record) error {
	switch r.Level {
	case slog.LevelDebug:
		c.attempts.Add(1)
	case slog.LevelWarn:
		c.warns.Add(1)
		if strings.Contains(r.Message, "budget") {
			c.budget.Add(1)
		}
	}
	return nil
}

// logger returns a logger that reports to c.
func (c *trAttempts) logger() *slog.Logger { return slog.New(c) }

// newTRClient builds a client with NewClient's default HTTP client, pointed
// at baseURL, with short backoff so retries do not slow the tests; opts
// come after and win.
func newTRClient(t testing.TB, baseURL string, opts ...juspay.Option) *juspay.Client {
	t.Helper()
	all := append([]juspay.Option{
		juspay.WithMerchantID(trMerchant),
		juspay.WithBaseURL(baseURL),
		juspay.WithRetryBackoff(time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := juspay.NewClient(trAPIKey, all...)
	require.NoError(t, err)
	return c
}

// trWalletsBody is a Refresh All Wallets answer with n wallets, shaped as
// Juspay's sample, in types a plain struct decodes too (so the benchmarks'
// hand-written floor reads the same bytes).
func trWalletsBody(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"list":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"wallet":"PAYTM","token":"tk_04eccff6f4095a%04d","last_refreshed":"2022-02-17T06:58:08Z",`+
			`"juspay_bank_code":"JP_PAYTM","object":"wallet_account","metadata":{"mobile_number":"7700000078"},`+
			`"id":"wlt_x1K6am%05d","current_balance":109.55,"gateway_reference_id":null,"linked":true,`+
			`"sub_details":[{"payment_method":"PAYTM_POSTPAID","payment_method_type":"WALLET","current_balance":2500,"last_refreshed":"2022-02-17T06:58:08Z"}]}`,
			i, i)
	}
	fmt.Fprintf(&b, `],"offset":0,"count":%d,"total":%d,"object":"list"}`, n, n)
	return []byte(b.String())
}

// trLinkedWallet is Link Wallet's answer, Juspay's sample.
const trLinkedWallet = `{"id":"wlt_q23xzki3pazgtezo","object":"wallet_account","wallet":"MOBIKWIK",` +
	`"token":"tok_winysteev9eftrwcv6me","current_balance":250,"linked":true,"last_refreshed":"2016-08-01T08:07:52+0000"}`

// trOK answers a GET with a two-wallet list and anything else with a
// linked wallet, as Juspay does for Refresh All Wallets and Link.
func trOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodGet {
		_, _ = w.Write(trWalletsBody(2))
		return
	}
	_, _ = io.WriteString(w, trLinkedWallet)
}

// trStatus answers with status and a Juspay-shaped error body.
func trStatus(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"status":"error","error_code":"e%d","error_message":"status %d"}`, status, status)
}

// trReset answers by resetting the connection: a TCP RST, with nothing of
// a response sent (or after whatever the handler wrote and flushed).
func trReset(t testing.TB, w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // close with RST, not FIN
	}
	_ = conn.Close()
}

// trRefreshAll is the read every e2e test drives.
func trRefreshAll(ctx context.Context, c *juspay.Client, opts ...juspay.Option) error {
	_, err := c.Wallets.RefreshAll(ctx, trCustomer, opts...)
	return err
}

// trLink is the write the fault matrix drives.
func trLink(ctx context.Context, c *juspay.Client, opts ...juspay.Option) error {
	_, err := c.Wallets.Link(ctx, "wlt_q23xzki3pazgtezo", "123456", opts...)
	return err
}

// trClosedURL returns a loopback URL on which nothing listens: connection
// refused.
func trClosedURL(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return "http://" + addr
}

// trHold holds a request until the client goes away. It reads the request
// body first: net/http notices a client hanging up only once the handler
// has read the whole body, so a held POST would otherwise hold the server
// (and the test) forever.
func trHold(r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	<-r.Context().Done()
}
