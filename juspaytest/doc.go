// Package juspaytest runs a fake Juspay Express Checkout API on loopback, for
// a merchant's own tests and for runnable examples that have no credentials.
//
// It speaks the wire as Juspay's API reference writes it, from its own code:
// it never uses the juspay package to read or write JSON, so a bug in the SDK
// cannot hide behind the same bug here.
//
// # Starting
//
// In a test, Start gives a server, closed when the test ends, and a client of
// the SDK pointed at it:
//
//	srv, client := juspaytest.Start(t)
//	if _, err := srv.AddCustomer(juspaytest.SampleCustomer()); err != nil {
//		t.Fatal(err)
//	}
//	list, err := client.Wallets.RefreshAll(ctx, juspaytest.SampleCustomerID)
//
// Outside a test, NewServer starts one (Close it when done) and
// Server.NewClient makes clients for it; options given to NewClient win over
// the ones it sets (the server's API key, merchant ID and URL, and retry
// waits of juspay.WithRetryBackoff(1ms, 8s)). The computed waits stay tiny,
// so scripted faults cost a test milliseconds, while the cap is the SDK's
// production one: a Retry-After of up to 8 seconds is waited out and the
// call retried, as in production, so a test of one takes that long. The
// server accepts DefaultAPIKey and DefaultMerchantID unless WithAPIKey and
// WithMerchantID say otherwise.
//
// Close returns promptly whatever clients do: a client that stops reading a
// response, or never finishes sending its body, has its connection closed.
//
// # Customers and wallets
//
// The server knows the customers it is given with AddCustomer, and their
// wallets: linked or not, a Balance as exact decimal text ("100.50"),
// sub_details, metadata, last_refreshed text in any of Juspay's layouts.
// SampleCustomer is the customer of the Refresh All Wallets sample; the
// server answers Refresh All Wallets for it with the published sample
// response, field for field. Server.Wallet shows a wallet as it stands,
// SetBalance changes its balance, and AddOrder creates an order with its
// amount.
//
// # Endpoints
//
// Every request must carry Basic auth with the API key and an empty password
// (else 401, error_code access_denied), the x-merchantid header of the server's
// merchant, and Content-Type application/x-www-form-urlencoded, on GETs too
// (else 400). An unknown customer is a 400 with error_code null_error and
// "Customer not found for given customerId."; an unknown wallet is a 400 of
// the same shape, "Wallet not found for given walletId.". Every response has
// an x-request-id header. IDs in paths are single segments: "a%2Fb" is the
// customer "a/b". The SDK refuses to send an empty ID, "." or "..", so give
// the customers and wallets of SDK tests other IDs.
//
//	GET  /customers/{customer_id}/wallets/refresh-balances  the customer's wallets, with balances
//	GET  /customers/{customer_id}/wallets                   the same list
//	POST /customers/{customer_id}/wallets                   a new unlinked wallet; command=authenticate sends an OTP
//	GET  /wallets/{wallet_id}                               the wallet; a linked one gets a fresh token
//	POST /wallets/{wallet_id}                               command=authenticate, link, delink, refresh or update
//	POST /txns                                              a direct wallet debit with a wallet's token
//	POST /customers/{customer_id}/eligibility               which wallets can pay an amount or an order
//
// Linking takes the OTP the server last sent, which a test reads with
// Server.OTP; a wrong OTP answers 200 with linked false, as Juspay does. OTPs
// run from 100000 to 999999, so "000000" is always wrong.
// command=update needs the version header 2019-09-17 or later and, as in
// Juspay's sample, leaves the wallet unlinked.
//
// A debit, and an eligibility check by order_id, need an order the test
// created with AddOrder: as Juspay refuses an order it never created, an
// unknown order_id is a 400 with error_code null_error, "Order not found for
// given orderId.". A debit is CHARGED when the wallet's balance covers the
// order's amount, and the balance goes down by it; else it is PENDING_VBV
// with a payment.authentication URL, and the order may be debited again. A
// linked wallet's token is spent by one debit: using it again, or after a
// delink, is a 400 with error_code EXPIRED. A CHARGED order is paid for
// good: debiting it again, even with a fresh token, is a 400 with error_code
// invalid_request, and spends no token.
//
// # Recorded requests
//
// Requests and LastRequest return what the server received (method, escaped
// path, headers, form), faulted requests and retries included, so a test can
// check the headers its code sent or count attempts.
//
// # Faults
//
// Fail scripts the next requests to misbehave, and FailPath does so for one
// path only: a status of your choice with headers and a body (a 429 with
// Retry-After, a proxy's HTML 502, an empty 503), a delay, a connection reset
// before any header, a body cut off by a reset, a truncated JSON body, or an
// oversized body: valid JSON of the size given to OversizedBodyFault,
// streamed without a Content-Length.
//
//	srv.Fail(2, juspaytest.StatusFault(503, nil, ""))
//	srv.FailPath("/txns", 1, juspaytest.CutBodyFault())
//
// A fault plays before any check, so it answers even a request with wrong
// credentials. A request cut or truncated from its real answer (CutBodyFault,
// TruncatedBodyFault) takes effect, as does a delayed one whose client waits
// it out (DelayFault): a debit is made though the client may never learn of
// it. The others have no effect. Close ends delays and streams at once.
//
// A scheduled fault waits until a request uses it, even when the call it was
// meant for gave up early or never came: it then meets the next request. Use
// PendingFaults to check that a call met its whole script, and ClearFaults
// to drop what is left before the next step; Start logs any fault still
// pending when its test ends.
//
// A Server is safe for concurrent use.
package juspaytest
