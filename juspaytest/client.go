package juspaytest

import (
	"testing"
	"time"

	"github.com/gojuspay/juspay"
)

// Retry waits of a client made by NewClient. The computed backoff starts at
// 1ms, so that a test that scripts faults does not sleep through the SDK's
// production waits; the cap stays at the SDK's default, 8s, because the cap
// is also the longest Retry-After the SDK obeys: a 429 or 503 with
// "Retry-After: 2" is waited out and retried, as in production, rather than
// ending the call at once.
const (
	clientBackoffInitial = time.Millisecond
	clientBackoffMax     = 8 * time.Second
)

// NewClient returns a client of the SDK that talks to the server: with the
// server's API key, merchant ID and URL, and the retry waits of
// juspay.WithRetryBackoff(1ms, 8s). Computed waits stay tiny (1ms, 2ms, 4ms
// with the default two retries), while a Retry-After of up to 8 seconds is
// honoured as production honours it, so a test of a Retry-After takes that
// long. The options given are applied after those, so they win.
func (s *Server) NewClient(opts ...juspay.Option) (*juspay.Client, error) {
	base := []juspay.Option{
		juspay.WithMerchantID(s.MerchantID),
		juspay.WithBaseURL(s.URL),
		juspay.WithRetryBackoff(clientBackoffInitial, clientBackoffMax),
	}
	return juspay.NewClient(s.APIKey, append(base, opts...)...)
}

// Start starts a server for a test and returns it with a client made by
// NewClient. The server is closed when the test ends; a client that cannot
// be made fails the test at once. When the test ends with scheduled faults
// that no request used, Start logs how many (see Server.Fail), so that a
// script that did not play as planned is visible in the test's output.
//
//	srv, client := juspaytest.Start(t)
func Start(tb testing.TB, opts ...ServerOption) (*Server, *juspay.Client) {
	tb.Helper()
	srv := NewServer(opts...)
	tb.Cleanup(func() {
		if n := srv.PendingFaults(); n > 0 {
			tb.Logf("juspaytest: %d scheduled fault use(s) never played", n)
		}
		srv.Close()
	})
	client, err := srv.NewClient()
	if err != nil {
		tb.Fatalf("juspaytest: Start: %v", err)
	}
	return srv, client
}
