package juspaytest

import (
	"testing"
	"time"

	"github.com/gojuspay/juspay"
)

// Retry waits of a client made by NewClient: short, so that a test that
// scripts faults does not sleep through the SDK's production backoff.
const (
	clientBackoffInitial = time.Millisecond
	clientBackoffMax     = 10 * time.Millisecond
)

// NewClient returns a client of the SDK that talks to the server: with the
// server's API key, merchant ID and URL, and retry waits of 1ms to 10ms. The
// options given are applied after those, so they win.
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
// be made fails the test at once.
//
//	srv, client := juspaytest.Start(t)
func Start(tb testing.TB, opts ...ServerOption) (*Server, *juspay.Client) {
	tb.Helper()
	srv := NewServer(opts...)
	tb.Cleanup(srv.Close)
	client, err := srv.NewClient()
	if err != nil {
		tb.Fatalf("juspaytest: Start: %v", err)
	}
	return srv, client
}
