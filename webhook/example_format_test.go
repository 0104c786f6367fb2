package webhook_test

import (
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/webhook"
)

// textLogger writes slog records to stdout without their time, so that the
// examples' output is stable.
func textLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
}

// Printing credentials, to check which pair a server loaded, shows the
// username only.
func ExampleCredentials_String() {
	creds := webhook.Credentials{Username: "shop", Password: "s3cret-from-the-dashboard"}
	err := fmt.Errorf("webhook credentials %s: username not registered", creds)
	fmt.Println(creds)
	fmt.Println(err)
	// Output:
	// {shop [redacted]}
	// webhook credentials {shop [redacted]}: username not registered
}

// Every verb masks the password, on a value or a pointer, even those that
// would otherwise walk the struct.
func ExampleCredentials_Format() {
	creds := webhook.Credentials{Username: "shop", Password: "s3cret-from-the-dashboard"}
	fmt.Printf("%v\n%+v\n%#v\n%x\n", creds, &creds, creds, creds)
	// Output:
	// {shop [redacted]}
	// {Username:shop Password:[redacted]}
	// webhook.Credentials{Username:"shop", Password:"[redacted]"}
	// {shop [redacted]}
}

// GoString is what %#v prints, for a value dumped into a test's failure
// message.
func ExampleCredentials_GoString() {
	creds := webhook.Credentials{Username: "shop", Password: "s3cret-from-the-dashboard"}
	fmt.Println(creds.GoString())
	// Output:
	// webhook.Credentials{Username:"shop", Password:"[redacted]"}
}

// A configuration logged with log/slog carries the username and a masked
// password.
func ExampleCredentials_LogValue() {
	creds := webhook.Credentials{Username: "shop", Password: "s3cret-from-the-dashboard"}
	textLogger().Info("webhook endpoint ready", "credentials", creds)
	// Output:
	// level=INFO msg="webhook endpoint ready" credentials.username=shop credentials.password=[redacted]
}

// A configuration dumped as JSON, by a debug endpoint say, does not carry the
// password either.
func ExampleCredentials_MarshalJSON() {
	cfg := struct {
		Webhook webhook.Credentials `json:"webhook"`
	}{webhook.Credentials{Username: "shop", Password: "s3cret-from-the-dashboard"}}
	b, err := json.Marshal(cfg)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output:
	// {"webhook":{"Username":"shop","Password":"[redacted]"}}
}

// sampleEvent is an event as Parse returns it, with a body holding a client
// auth token that must stay out of logs.
func sampleEvent() *webhook.Event {
	return &webhook.Event{
		ID:      "evt_V2_714bdcbb817d4fa2b0f64bb9609557d4",
		Name:    webhook.OrderSucceeded,
		Created: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC),
		Order:   &juspay.Order{OrderID: "ord_1", Status: juspay.TxnCharged},
		Raw:     json.RawMessage(`{"content":{"order":{"juspay":{"client_auth_token":"tkn_secret"}}}}`),
	}
}

// Printing an event names it and its order, and leaves the body out.
func ExampleEvent_String() {
	fmt.Println(sampleEvent())
	// Output:
	// webhook.Event{ID: evt_V2_714bdcbb817d4fa2b0f64bb9609557d4, Name: ORDER_SUCCEEDED, Created: 2024-05-06T07:08:09Z, Order: ord_1 CHARGED}
}

// No verb walks an event into its body or its order's fields: each prints
// String.
func ExampleEvent_Format() {
	e := sampleEvent()
	fmt.Printf("%+v\n%#v\n", *e, e)
	// Output:
	// webhook.Event{ID: evt_V2_714bdcbb817d4fa2b0f64bb9609557d4, Name: ORDER_SUCCEEDED, Created: 2024-05-06T07:08:09Z, Order: ord_1 CHARGED}
	// webhook.Event{ID: evt_V2_714bdcbb817d4fa2b0f64bb9609557d4, Name: ORDER_SUCCEEDED, Created: 2024-05-06T07:08:09Z, Order: ord_1 CHARGED}
}

// Logging an event with log/slog records what identifies it, never the body.
func ExampleEvent_LogValue() {
	textLogger().Info("webhook received", "event", sampleEvent())
	// Output:
	// level=INFO msg="webhook received" event.id=evt_V2_714bdcbb817d4fa2b0f64bb9609557d4 event.name=ORDER_SUCCEEDED event.created=2024-05-06T07:08:09.000Z event.order_id=ord_1 event.status=CHARGED
}
