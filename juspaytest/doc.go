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
//	POST /customers                                         a new customer
//	GET  /customers/{customer_id}                           the customer; a client auth token on request
//	POST /customers/{customer_id}                           new details for the customer
//	POST /orders                                            a new order
//	GET  /orders/{order_id}                                 the order status
//	POST /orders/{order_id}                                 a new amount or udf values for an unpaid order
//	POST /orders/{order_id}/refunds                         a refund of a CHARGED order
//
// Linking takes the OTP the server last sent, which a test reads with
// Server.OTP; a wrong OTP answers 200 with linked false, as Juspay does. OTPs
// run from 100000 to 999999, so "000000" is always wrong.
// command=update needs the version header 2019-09-17 or later and, as in
// Juspay's sample, leaves the wallet unlinked.
//
// A debit, and an eligibility check by order_id, need an order the test
// created (AddOrder, or POST /orders): as Juspay refuses an order it never
// created, an unknown order_id is a 400 with error_code null_error, "Order
// not found for given orderId.". A debit is CHARGED when the wallet's balance covers the
// order's amount, and the balance goes down by it; else it is PENDING_VBV
// with a payment.authentication URL, and the order may be debited again. A
// linked wallet's token is spent by one debit: using it again, or after a
// delink, is a 400 with error_code EXPIRED. A CHARGED order is paid for
// good: debiting it again, even with a fresh token, is a 400 with error_code
// invalid_request, and spends no token.
//
// # Checkout: customers, orders, refunds
//
// The checkout endpoints answer as Juspay's reference and published samples
// do, error bodies included, field for field.
//
// POST /customers needs object_reference_id and mobile_number (else 400,
// "Wrong value in ..."); the customer gets a Juspay ID ("cst_...") and every
// customer path, the wallet ones included, finds it by that ID or by its
// object_reference_id. An object_reference_id in use is a 400 with
// error_code unique; an unknown customer on Get or Update is a 404 with
// error_code object_not_found. options.get_client_auth_token=true, in the
// query or the form, adds a client auth token ("tkn_...", 15 minutes) in
// the "juspay" block. Server.Customer reads a customer back; AddCustomer
// seeds one with details of its own.
//
// POST /orders needs order_id (under 21 characters) and amount (greater
// than 0, at most two decimal places); currency defaults to INR. Juspay
// does not document a create with an order_id it already holds: this
// server answers it with the order as it stands, unchanged. An unknown
// order on GET or POST /orders/{order_id} is Juspay's 400 with "status":
// "NOT_FOUND" and status_id 40, not a 404. A debit (POST /txns) moves its
// order to CHARGED and fills the order status' txn_id, txn_detail and
// payment_gateway_response; HoldDebits keeps debits PENDING_VBV until
// SettleOrder charges or fails them, so that a client's wait on an order
// can be tested. A CHARGED order cannot be updated (400, INVALID_ACTION).
// Server.Order reads an order back.
//
// POST /orders/{order_id}/refunds needs unique_request_id and amount. The
// refund is PENDING until SettleRefund gives it SUCCESS, FAILURE or
// MANUAL_REVIEW, or until the delay SettleRefundsAfter set has passed.
// Juspay's refusals come as it publishes them, all 400: the key used again
// (duplicate.call), an amount over what is left (invalid.amount.exceeded),
// an order not CHARGED (invalid.order.not_successful), an amount not
// greater than 0 ("invalid amount"), missing fields ("Mandatory fields are
// missing"), an unknown order (NOT_FOUND).
//
// # Webhooks and the return URL
//
// Told where with WithWebhook or SetWebhook, the server POSTs Juspay's
// webhooks, with Basic auth and in the envelope of Juspay's samples (id
// "evt_V2_...", event_name, date_created, content), as events happen:
// ORDER_SUCCEEDED (content.order) and TXN_CHARGED (content.txn) when a
// debit charges, ORDER_FAILED and TXN_FAILED when SettleOrder fails one,
// ORDER_REFUNDED, ORDER_REFUND_FAILED or REFUND_MANUAL_REVIEW_NEEDED when a
// refund settles. content.order is the order status at that moment. An
// order created with metadata.webhook_url has its events sent there.
// Deliveries run in the background, one at a time; a handler that answers
// non-2xx, or cannot be reached, gets the same event (same id) again, a
// bounded number of times (WithWebhookRetries; 3 more, 10ms apart, by
// default). Deliveries lists every attempt with the handler's status, and
// WaitDelivery waits for an event to be delivered for good. Close stops
// deliveries.
//
//	srv := juspaytest.NewServer(juspaytest.WithWebhook(shop.URL, "user", "password"))
//	... // a debit
//	d, err := srv.WaitDelivery(ctx, "ORDER_SUCCEEDED") // d.Status is the handler's answer
//
// MaskWebhooks makes payloads carry the quirks of production's: numbers
// and booleans as text, null as {}, customer fields and udf6...udf10 as
// "FILTERED", a masked date_created, so that a handler is tested against
// what Juspay really sends.
//
// ReturnQuery makes the signed query Juspay appends to an order's return
// URL (order_id, status, status_id, signature, signature_algorithm), signed
// with a response key of the test's choosing by Juspay's HMAC-SHA256
// construction, as a merchant's return handler receives it.
//
// # Recorded requests
//
// Requests and LastRequest return what the server received (method, escaped
// path, query, headers, form), faulted requests and retries included, so a
// test can check the headers its code sent or count attempts.
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
// it out (DelayFault), and one answered with a status or reset only after
// it ran (StatusAfterFault, ResetAfterFault): an order is created, a debit
// made or a refund started though the client may never learn of it. These
// are the faults that test how a client settles an unknown outcome by
// reading the order. The others have no effect. Close ends delays and
// streams at once.
//
//	srv.FailPath("/orders/ord_1/refunds", 1, juspaytest.ResetAfterFault())
//	srv.FailPath("/orders", 1, juspaytest.StatusAfterFault(503, nil, ""))
//
// A scheduled fault waits until a request uses it, even when the call it was
// meant for gave up early or never came: it then meets the next request. Use
// PendingFaults to check that a call met its whole script, and ClearFaults
// to drop what is left before the next step; Start logs any fault still
// pending when its test ends.
//
// A Server is safe for concurrent use.
package juspaytest
