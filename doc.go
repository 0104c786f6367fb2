// Package juspay is a typed client for Juspay's Express Checkout wallet APIs:
// which wallets (Paytm, Mobikwik, PhonePe, ...) a customer has linked, what
// each holds, and the wallet lifecycle around them (create, link with an
// OTP, refresh, delink, direct debit, pay-later eligibility).
//
// # Building a client
//
// Build one Client per merchant and share it between goroutines:
//
//	client, err := juspay.NewClient(apiKey,
//		juspay.WithMerchantID("merchant_123"),
//		juspay.WithEnvironment(juspay.Production), // default: juspay.Sandbox
//	)
//
// NewClientFromEnv reads JUSPAY_API_KEY, JUSPAY_MERCHANT_ID,
// JUSPAY_ENVIRONMENT and JUSPAY_BASE_URL instead.
//
// Every option is an Option, and every Option works in two places: given to
// NewClient it sets the client's default, given to a call it overrides that
// default for the one call:
//
//	list, err := client.Wallets.RefreshAll(ctx, customerID,
//		juspay.WithTimeout(10*time.Second))
//
// # Money
//
// Balances are Amount values: exact decimals that keep the digits Juspay
// sent. Amount.MinorUnits gives paise for arithmetic; Amount.Float64 is for
// display only.
//
// # Errors
//
// A response with a non-2xx status is an *APIError carrying Juspay's
// status, error_code, error_message, error_info, the x-request-id and the
// raw body. Juspay's codes differ between endpoints, so classify by HTTP
// status with the sentinels:
//
//	switch {
//	case errors.Is(err, juspay.ErrAuthentication): // 401: rotate the key
//	case errors.Is(err, juspay.ErrInvalidRequest): // 400: e.g. unknown customer
//	case errors.Is(err, context.DeadlineExceeded): // out of time
//	}
//
// A write (creating or linking a wallet, a direct debit, ...) that may have
// reached Juspay without an answer fails with an error that matches
// ErrOutcomeUnknown: check the outcome before trying again.
//
// No error text, log record or formatted value holds the API key, the
// Authorization header, a wallet token or an OTP.
//
// # Retries and timeouts
//
// Reads (RefreshAll, List, Get), Refresh and CheckEligibility are retried,
// up to WithMaxRetries times (default 2), after a connection failure, an
// attempt that timed out, and a 408, 429, 500, 502, 503 or 504. Retry n
// waits initial × 2^(n-1), capped at max (WithRetryBackoff; default 500ms and
// 8s), less up to 25% jitter. A Retry-After header within max replaces that
// wait; one beyond max ends the call at once with the 429 or 503 error.
//
// Writes are retried only when they provably never left: the name did not
// resolve, the dial failed, or the TLS handshake failed.
//
// WithTimeout (default 30s) limits each attempt; the caller's context bounds
// the whole call, backoff waits included. A client-wide retry budget
// (WithRetryBudget) stops retrying when most calls fail, so an outage is not
// multiplied by retries.
//
// # HTTP
//
// By default the client uses its own *http.Client: a clone of Go's default
// transport that keeps up to 64 idle connections per host (Go keeps 2), with
// 10s dial and TLS handshake timeouts, and that does not follow redirects.
// (Where the process replaced http.DefaultTransport with a RoundTripper that
// is not an *http.Transport, such as httpmock.Activate's, that RoundTripper
// is used as it is.)
// WithHTTPClient replaces it, untouched: its Transport is used as it is, so
// httpmock and other transport-level mocks work. Response bodies are read up
// to 10 MiB; what follows is drained briefly, so connections are reused, and
// every body is closed.
//
// # Testing
//
// Package juspaytest runs a fake Juspay on loopback for a merchant's own
// tests; WithHTTPClient takes an httpmock transport for transport-level
// tests.
package juspay
