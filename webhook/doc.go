// Package webhook reads what Juspay sends to a merchant's server: webhooks,
// and the customer's browser coming back to the return URL.
//
// # Webhooks
//
// Juspay POSTs an event to the URL set in its dashboard (Payments →
// Settings → Webhooks) when an order is paid, fails or is refunded. It
// authenticates with HTTP Basic auth, using a username and password the
// merchant chooses in the same place; there is no signature on webhooks.
// Mount Handler there:
//
//	creds := webhook.Credentials{Username: "shop", Password: os.Getenv("JUSPAY_WEBHOOK_PASSWORD")}
//	http.Handle("POST /juspay/webhook", webhook.Handler(func(ctx context.Context, e *webhook.Event) error {
//		if e.Name != webhook.OrderSucceeded {
//			return nil // answered 200: Juspay stops delivering it
//		}
//		order, err := client.Orders.Get(ctx, e.Order.OrderID)
//		if err != nil {
//			return err // answered 500: Juspay delivers it again
//		}
//		return fulfil(ctx, e.ID, order) // idempotent, keyed by the event ID
//	}, creds))
//
// Handler compares the credentials in constant time, reads at most 1 MiB,
// and answers Juspay with the status codes it documents. Parse does the
// same checks for a server that is not net/http's.
//
// Juspay may deliver an event more than once, and around the same time as
// the customer returns: key your processing by Event.ID (or by order), and
// confirm the order with the order status API before moving goods or money,
// as Juspay advises. A webhook is a prompt to look; the order is the record.
//
// To change the password, give Handler both pairs, change the dashboard,
// then drop the old pair.
//
// # The return URL
//
// After paying, the customer's browser comes back to the order's return URL
// with order_id, status, status_id and an HMAC-SHA256 signature made with
// the dashboard's Response Key. VerifyReturn checks it:
//
//	ret, err := webhook.VerifyReturn(responseKey, r.URL.Query())
//	if err != nil { // errors.Is(err, webhook.ErrBadSignature)
//		http.Error(w, "bad signature", http.StatusBadRequest)
//		return
//	}
//	showResult(w, ret.OrderID, ret.Status)
//
// # Secrets
//
// No error, log record or formatted value of this package holds a webhook
// password or a response key: Credentials formats and logs with its
// password masked.
//
// # Testing
//
// juspaytest delivers webhooks to a handler when its orders are paid or
// refunded, and makes signed return queries, so a merchant's own tests
// exercise the same code paths production does.
package webhook
