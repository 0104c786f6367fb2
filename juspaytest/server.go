package juspaytest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"sync"
)

// DefaultAPIKey is the API key a Server accepts unless WithAPIKey says otherwise.
const DefaultAPIKey = "test_api_key"

// DefaultMerchantID is the merchant ID a Server accepts unless WithMerchantID
// says otherwise.
const DefaultMerchantID = "test_merchant"

// Server is a fake Juspay Express Checkout API listening on loopback.
//
// It checks every request the way Juspay does (Basic auth with the API key and
// an empty password, the x-merchantid header, a form Content-Type, on GETs
// too), answers the wallet endpoints from the customers and wallets it was
// given (see AddCustomer), records every request (see Requests), and plays the
// faults it was scripted with (see Fail). A Server is safe for concurrent use.
type Server struct {
	// URL is the base URL of the server, "http://127.0.0.1:PORT", with no
	// trailing slash: give it to juspay.WithBaseURL.
	URL string
	// APIKey is the only API key the server accepts. Read it; do not change it.
	APIKey string
	// MerchantID is the only merchant ID the server accepts, in the
	// x-merchantid header and in the merchant_id field of a debit. Read it;
	// do not change it.
	MerchantID string

	ts        *httptest.Server
	done      chan struct{} // closed by Close: ends delays and streams at once
	closeOnce sync.Once
	conns     connSet // the open client connections, force-closed by Close

	hookCtx    context.Context // ends webhook deliveries under way; canceled by Close
	hookCancel context.CancelFunc
	hookClient *http.Client
	wake       chan struct{}  // tells the delivery loop an event is queued
	workers    sync.WaitGroup // the delivery loop, waited for by Close

	mu         sync.Mutex // guards everything below
	closed     bool       // set by Close: no refund settles, no webhook is queued
	store      store
	faults     []*pendingFault
	requests   []Request
	hook       hookConfig
	outbox     []*event      // webhooks waiting for the delivery loop
	delivering bool          // the delivery loop runs
	deliveries []Delivery    // every attempt made
	waited     []bool        // which deliveries WaitDelivery returned
	changed    chan struct{} // closed and replaced when a delivery is recorded
}

// ServerOption configures a Server made by NewServer.
type ServerOption func(*Server)

// WithAPIKey sets the API key the server accepts (default DefaultAPIKey).
func WithAPIKey(key string) ServerOption {
	return func(s *Server) { s.APIKey = key }
}

// WithMerchantID sets the merchant ID the server accepts (default
// DefaultMerchantID).
func WithMerchantID(id string) ServerOption {
	return func(s *Server) { s.MerchantID = id }
}

// NewServer starts a fake Juspay on a loopback port. It holds no customers
// until AddCustomer gives it some. The caller must Close it when done; Start
// does that for a test.
func NewServer(opts ...ServerOption) *Server {
	s := &Server{
		APIKey:     DefaultAPIKey,
		MerchantID: DefaultMerchantID,
		done:       make(chan struct{}),
		store:      newStore(),
		wake:       make(chan struct{}, 1),
		changed:    make(chan struct{}),
		hook:       hookConfig{retries: defaultWebhookRetries, wait: defaultWebhookWait},
		hookClient: &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()},
	}
	s.hookCtx, s.hookCancel = context.WithCancel(context.Background())
	for _, opt := range opts {
		opt(s)
	}
	s.ts = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.ts.Config.ConnState = s.conns.track
	s.ts.Start()
	s.URL = s.ts.URL
	return s
}

// Close shuts the server down and returns promptly whatever its clients do,
// and stops webhook deliveries: one under way is abandoned, queued ones are
// dropped.
// Requests held by a fault (a delay, an oversized body) end at once with
// their connection reset, as does any request still being read or answered:
// a client that stops reading a response, or never finishes sending its
// body, has its connection closed instead of holding Close. Close may be
// called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		s.store.stopTimers()
		s.mu.Unlock()
		close(s.done)
		// A delivery under way ends with its request; queued ones are
		// dropped.
		s.hookCancel()
		s.workers.Wait()
		s.hookClient.CloseIdleConnections()
		// httptest.Server.Close waits for every active request, and a
		// handler blocked writing to a client that does not read (or
		// reading a body that never comes) sees neither s.done nor its
		// context: only closing the connection under it ends that wait.
		s.conns.closeAll()
		s.ts.Close()
	})
}

// randomHex returns n random bytes as hex: request IDs, tokens.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}
