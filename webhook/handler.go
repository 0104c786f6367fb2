package webhook

import (
	"context"
	"errors"
	"net/http"
)

// Handler returns the http.Handler to mount at the webhook URL set in
// Juspay's dashboard. It answers:
//
//   - 405 (with Allow: POST) to any method but POST;
//   - 401 (with WWW-Authenticate) when the Basic auth matches none of creds,
//     before reading the body;
//   - 413 to a body over MaxBodySize;
//   - 400 to a body that is not a JSON object;
//   - otherwise it calls fn with the request's context and the event, and
//     answers 500 if fn returns an error (Juspay then delivers the event
//     again) or 200 if it returns nil.
//
// Juspay may deliver one event more than once, and may deliver it while the
// customer's browser is on its way to the return URL: make fn idempotent,
// keyed by Event.ID, and confirm the order with OrdersService.Get before
// acting on it. Answer nil to events you do not act on.
//
// fn's error is not sent back (it may say more than Juspay needs to
// know). With no creds every request is refused. Handler panics if fn is
// nil, as http.Handle does for a nil handler. The handler is safe for
// concurrent use; fn is called concurrently for concurrent deliveries.
func Handler(fn func(ctx context.Context, e *Event) error, creds ...Credentials) http.Handler {
	if fn == nil {
		panic("webhook: Handler with a nil func")
	}
	// A copy, so that a caller reusing its slice cannot change who is let
	// in; it lives only in this closure, out of reach of a printer that
	// walks the handler by reflection.
	creds = append([]Credentials(nil), creds...)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "webhook: POST only", http.StatusMethodNotAllowed)
			return
		}
		e, err := Parse(r, creds...)
		if err != nil {
			refuse(w, err)
			return
		}
		if err := fn(r.Context(), e); err != nil {
			http.Error(w, "webhook: event not processed", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// refuse answers a request Parse refused.
func refuse(w http.ResponseWriter, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.Is(err, ErrUnauthorized):
		w.Header().Set("WWW-Authenticate", `Basic realm="juspay-webhook", charset="UTF-8"`)
		http.Error(w, "webhook: unauthorized", http.StatusUnauthorized)
	case errors.As(err, &tooLarge):
		http.Error(w, "webhook: body too large", http.StatusRequestEntityTooLarge)
	case errors.Is(err, errNotJSON):
		http.Error(w, "webhook: body is not a JSON object", http.StatusBadRequest)
	default:
		// The body could not be read: the connection failed mid-body.
		http.Error(w, "webhook: body not read", http.StatusBadRequest)
	}
}
