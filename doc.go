// Package juspay is a typed client for Juspay's Express Checkout APIs, built
// around wallets: which wallets (Paytm, Mobikwik, PhonePe, ...) a customer
// has linked and what each holds, the wallet lifecycle (create, link with an
// OTP, refresh, delink, direct debit, pay-later eligibility), and the
// checkout around it (customers, orders, order status, refunds). Package
// [github.com/gojuspay/juspay/webhook] receives Juspay's webhooks and
// verifies the return URL; package [github.com/gojuspay/juspay/juspaytest]
// is a fake Juspay for tests.
//
// # Clients and options
//
// Build one Client per merchant and share it between goroutines: it is safe
// for concurrent use, and sharing it shares its connection pool and retry
// budget.
//
//	client, err := juspay.NewClient(apiKey,
//		juspay.WithMerchantID("merchant_123"),
//		juspay.WithEnvironment(juspay.Production), // default: juspay.Sandbox
//	)
//
// NewClientFromEnv reads JUSPAY_API_KEY, JUSPAY_MERCHANT_ID,
// JUSPAY_ENVIRONMENT and JUSPAY_BASE_URL instead.
//
// The client's work is split by resource, as Juspay's API reference splits
// it: client.Wallets, client.Payments, client.Customers and client.Orders.
// Every method takes a context and options, and every option works in two
// places: given to NewClient it sets the client's default, given to a call
// it overrides that default for the one call. WithRoutingID belongs on the
// call: Juspay asks for the customer's ID as x-routing-id on every call
// about that customer.
//
//	list, err := client.Wallets.RefreshAll(ctx, customerID,
//		juspay.WithTimeout(10*time.Second))
//
// # Money
//
// Balances and amounts are Amount values: exact decimals that keep the
// digits Juspay sent. Amount.MinorUnits gives paise for arithmetic,
// AmountFromMinorUnits builds an Amount from paise, and Amount.Float64 is
// for display only.
//
// # Retries
//
// Every method's doc says whether it is a read or a write; the rules are
// these, and they are written here only.
//
// A read is retried, up to WithMaxRetries times (default 2), after a
// connection failure, an attempt that timed out, and a 408, 429, 500, 502,
// 503 or 504. Other 4xx answers, a body that does not decode, and a
// cancelled or expired caller context are not retried. The reads are the
// GETs (Wallets.RefreshAll, List and Get; Customers.Get and
// NewClientAuthToken; Orders.Get; Client.Do with GET) and the POSTs that
// change nothing or set values, so are safe to repeat (Wallets.Refresh,
// Customers.CheckEligibility, Customers.Update, Orders.Update).
//
// A write moves money or state, so a second attempt could link, debit or
// send an OTP twice. It is retried only when the request provably never
// left: the host name did not resolve, the dial failed, or the TLS
// handshake failed. Any answer, 5xx and 429 included, ends it. A write that
// may have reached Juspay without an answer coming back (a dropped
// connection, an attempt timeout, the caller's context ending mid-flight)
// fails with an error that matches ErrOutcomeUnknown: check its outcome
// (the order's status, the wallet) before trying again. The writes are
// Wallets.Create, Authenticate, Link, UpdateMobileNumber and Delink,
// Payments.DirectDebit, Customers.Create, and Client.Do with any other
// method. net/http never resends a request on its own (no request body can
// be rewound), so a write reaches Juspay at most once per attempt.
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
// # Settling writes
//
// The checkout writes that Juspay keys settle an unknown outcome themselves,
// by reading what the key holds before repeating, so that money moves at
// most once and the caller gets an answer instead of ErrOutcomeUnknown; Wait
// settles a debit's the same way:
//
//   - OrdersService.Create is keyed by the order ID: after a lost answer, a
//     408 or 5xx, or Juspay's "already exists", it reads the order. The same
//     amount and currency is the result; other values are ErrConflict; no
//     order means the create never arrived, and it is sent again.
//   - OrdersService.Refund is keyed by its unique request ID and retried as
//     a read with that key; Juspay's "duplicate.call" is settled from the
//     refunds on the order.
//   - CustomersService.GetOrCreate reads the customer by the merchant's
//     object reference ID around its create.
//   - OrdersService.Wait reads an order until its payment is settled: it is
//     how a DirectDebit that ended in ErrOutcomeUnknown, or a pending one,
//     is settled.
//
// Such a call applies its options once and sends every request with them;
// its Response describes the last request, the one whose answer decided the
// call.
//
// # Errors
//
// A response with a non-2xx status is an *APIError carrying Juspay's
// status, error_code, error_message, error_info, the request ID and the raw
// body. Juspay's codes differ between endpoints, so classify by HTTP
// status with the sentinels:
//
//	switch {
//	case errors.Is(err, juspay.ErrAuthentication): // 401: rotate the key
//	case errors.Is(err, juspay.ErrInvalidRequest): // 400: e.g. unknown customer
//	case errors.Is(err, context.DeadlineExceeded): // out of time
//	}
//
// ErrOutcomeUnknown (see Retries) and ErrConflict (see Settling writes) are
// the SDK's own findings. A mistake of the caller that the SDK finds before
// sending anything (an empty or "." ID, a nil context or params, a field out
// of range, an invalid option) is a *ValidationError, and errors.Is(err,
// ErrInvalidArgument) holds: answer it as your own 400, where an *APIError
// or a failed connection is Juspay's side. A cancelled or expired context
// stays reachable with errors.Is.
//
// # Responses
//
// WithResponseInto records what a call's answer was: its status, headers,
// request ID (quote it to Juspay's support) and the attempts made, for a
// call that succeeded as for one that failed.
//
//	var resp juspay.Response
//	txn, err := client.Payments.DirectDebit(ctx, params, juspay.WithResponseInto(&resp))
//
// # Endpoints the SDK does not wrap
//
// Client.Do sends a request to any endpoint with the client's
// authentication, headers, options, retries (a GET as a read, any other
// method as a write) and redaction, and decodes a 2xx JSON answer.
//
// # HTTP
//
// By default the client uses its own *http.Client: a clone of Go's default
// transport that keeps up to 64 idle connections per host (Go keeps 2), with
// 10s dial and TLS handshake timeouts, and that does not follow redirects.
// (Where the process replaced http.DefaultTransport with a RoundTripper that
// is not an *http.Transport, such as httpmock.Activate's, that RoundTripper
// is used as it is.) WithHTTPClient replaces it, untouched: its Transport is
// used as it is, so middleware and transport-level mocks work. A 2xx body
// is read up to 10 MiB; what follows the part the SDK needs is drained
// briefly, so connections are reused, and every body is closed.
//
// # Secrets and logging
//
// No error text, log record or formatted value holds the API key, the
// Authorization header, a wallet token, an OTP or a client auth token: the
// types that hold one mask it in every fmt verb and in log/slog.
// encoding/json does write a wallet's token (so that a wallet can be stored
// and read back): never log a value's JSON. WithLogger writes a debug record
// per attempt and a warn record per retry.
//
// # Testing
//
// Package juspaytest runs a fake Juspay on loopback for a merchant's own
// tests: juspaytest.Start(t) gives a server and a client pointed at it, with
// scripted faults, held debits and webhook deliveries. WithHTTPClient takes
// an httpmock transport for transport-level tests.
//
// # Webhooks
//
// Package webhook authenticates the webhooks Juspay POSTs to the merchant's
// server and decodes their order or transaction into this package's types;
// it verifies the signed query of the return URL too.
package juspay
