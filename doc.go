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
// sent. Amount.MinorUnits gives paise for arithmetic, AmountFromMinorUnits
// builds an Amount from paise, and Amount.Float64 is for display only.
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
// ErrOutcomeUnknown (see Retries).
//
// No error text, log record or formatted value holds the API key, the
// Authorization header, a wallet token or an OTP.
//
// # Retries
//
// Every method's doc says whether it is a read or a write; the rules are
// these.
//
// A read (RefreshAll, List, Get, Refresh, CheckEligibility, and Client.Do
// with GET) is retried, up to WithMaxRetries times (default 2), after a
// connection failure, an attempt that timed out, and a 408, 429, 500, 502,
// 503 or 504. Other 4xx answers, a body that does not decode, and a
// cancelled or expired caller context are not retried.
//
// A write (Create, Authenticate, Link, Delink, UpdateMobileNumber,
// DirectDebit, and Client.Do with any other method) moves money or state,
// so a second attempt could link, debit or send an OTP twice. It is
// retried only when the request provably never left: the host name did
// not resolve, the dial failed, or the TLS handshake failed. Any answer,
// 5xx and 429 included, ends it. A write that may have reached Juspay
// without an answer coming back (a dropped connection, an attempt timeout,
// the caller's context ending mid-flight) fails with an error that matches
// ErrOutcomeUnknown: check its outcome (the order's status, the wallet)
// before trying again.
//
// Retry n waits initial × 2^(n-1), capped at max (WithRetryBackoff; default
// 500ms and 8s), less up to 25% jitter. A Retry-After header within max
// replaces that wait; one beyond max ends the call at once with the 429 or
// 503 error. A read that fails on a kept-alive connection before any byte
// of an answer (the server closed it as idle just as the request went) is
// retried at once, on a new connection: an attempt all the same, charged
// to the retry budget. WithTimeout (default 30s) limits each attempt; the caller's
// context bounds the whole call, backoff waits included. A client-wide
// retry budget (WithRetryBudget) stops retrying when most calls fail, so an
// outage is not multiplied by retries.
//
// # Call results, caller mistakes and raw calls
//
// WithResponseInto records what a call's answer was: its status, headers,
// request ID (quote it to Juspay's support) and the attempts made, for a
// call that succeeded as for one that failed. A call that sends several
// requests (Orders.Create and Orders.Refund when they settle an unknown
// outcome, CustomersService.GetOrCreate, Orders.Wait) applies its options
// once and sends every request with them: the Response then describes the
// last request, the one whose answer decided the call, and Attempts counts
// that request's attempts.
//
// A mistake of the caller that the SDK finds before sending anything (an
// empty or "." ID, a nil context or params, a field out of range, an
// invalid option) is a *ValidationError, and errors.Is(err,
// ErrInvalidArgument) holds: answer it as your own 400, where an
// *APIError or a failed connection is Juspay's side.
//
// Client.Do sends a request to an endpoint the SDK does not wrap, with the
// client's authentication, headers, options, retries and redaction.
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
