package juspay_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/juspaytest"
)

// stdoutJSONLogger and textLogger log to stdout without the time, so that
// an example's output is stable.
func stdoutJSONLogger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: withoutTime}))
}

func textLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: withoutTime}))
}

func withoutTime(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

// unknownCustomer makes srv answer the next call with Juspay's 400 for an
// unknown customer, under a fixed request ID, for stable example output.
func unknownCustomer(srv *juspaytest.Server) {
	srv.Fail(1, juspaytest.StatusFault(http.StatusBadRequest,
		http.Header{"Content-Type": {"application/json"}, "X-Request-Id": {"req_7f3a9c"}},
		`{"status":"Invalid Request","error_code":"null_error","error_message":"Customer not found for given customerId."}`))
}

// String is safe to log: the API key is never shown.
func ExampleClient_String() {
	client, err := juspay.NewClient("key_live_do_not_print", juspay.WithMerchantID("merchant_123"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(client.String())
	// Output: juspay.Client{BaseURL: https://sandbox.juspay.in, MerchantID: merchant_123, APIKey: [redacted]}
}

// No verb walks the struct to the key, %#v included.
func ExampleClient_Format() {
	client, _ := juspay.NewClient("key_live_do_not_print", juspay.WithMerchantID("merchant_123"))
	fmt.Printf("%#v\n", client)
	// Output: juspay.Client{BaseURL: https://sandbox.juspay.in, MerchantID: merchant_123, APIKey: [redacted]}
}

// Through log/slog, any handler, the key stays hidden.
func ExampleClient_LogValue() {
	client, _ := juspay.NewClient("key_live_do_not_print", juspay.WithMerchantID("merchant_123"))
	stdoutJSONLogger().Info("juspay client ready", "client", client)
	// Output: {"level":"INFO","msg":"juspay client ready","client":{"base_url":"https://sandbox.juspay.in","merchant_id":"merchant_123","api_key":"[redacted]"}}
}

// Every verb prints String, so the one-time token never reaches a log line.
func ExampleWalletAccount_Format() {
	w := juspay.WalletAccount{ID: "wlt_1", Wallet: "PAYTM", Linked: true, Token: "tk_secret"}
	fmt.Printf("%+v\n%#v\n", w, w)
	// Output:
	// WalletAccount{ID: wlt_1, Wallet: PAYTM, Linked: true, CurrentBalance: none, Token: [redacted]}
	// WalletAccount{ID: wlt_1, Wallet: PAYTM, Linked: true, CurrentBalance: none, Token: [redacted]}
}

// slog gets a group with the token masked and the metadata (a mobile
// number) left out.
func ExampleWalletAccount_LogValue() {
	w := juspay.WalletAccount{ID: "wlt_1", Wallet: "PAYTM", Linked: true, Token: "tk_secret"}
	stdoutJSONLogger().Info("wallet", "wallet", w)
	// Output: {"level":"INFO","msg":"wallet","wallet":{"id":"wlt_1","wallet":"PAYTM","linked":true,"token":"[redacted]"}}
}

// Without LogValue, slog's JSON handler would encode the page with
// encoding/json, tokens included.
func ExampleWalletAccountList_LogValue() {
	list := juspay.WalletAccountList{Object: "list", Wallets: []juspay.WalletAccount{
		{ID: "wlt_1", Wallet: "PAYTM", Linked: true, Token: "tk_secret"},
	}, Count: 1, Total: 1}
	stdoutJSONLogger().Info("wallets", "list", list)
	// Output: {"level":"INFO","msg":"wallets","list":{"offset":0,"count":1,"total":1,"wallets":{"0":{"id":"wlt_1","wallet":"PAYTM","linked":true,"token":"[redacted]"}}}}
}

// The text names the call, the status and what Juspay said, with the
// request ID to quote to Juspay's support.
func ExampleAPIError_Error() {
	srv, client := lifecycleServer()
	defer srv.Close()
	unknownCustomer(srv)
	_, err := client.Wallets.RefreshAll(context.Background(), "cth_unknown")
	fmt.Println(err)
	// Output: juspay: refresh all wallets: 400 Bad Request: null_error: Customer not found for given customerId. (request id req_7f3a9c)
}

// Branch on the class of failure, not on Juspay's strings, which differ from
// endpoint to endpoint.
func ExampleAPIError_Is() {
	srv, client := lifecycleServer()
	defer srv.Close()
	_, err := client.Wallets.RefreshAll(context.Background(), "cth_unknown")
	fmt.Println(errors.Is(err, juspay.ErrInvalidRequest), errors.Is(err, juspay.ErrAuthentication))
	// Output: true false
}

// %+v prints the same short text as %v: no verb dumps the body.
func ExampleAPIError_Format() {
	srv, client := lifecycleServer()
	defer srv.Close()
	unknownCustomer(srv)
	_, err := client.Wallets.RefreshAll(context.Background(), "cth_unknown")
	fmt.Printf("%+v\n", err)
	// Output: juspay: refresh all wallets: 400 Bad Request: null_error: Customer not found for given customerId. (request id req_7f3a9c)
}

// %#v shows the fields, for debugging.
func ExampleAPIError_GoString() {
	srv, client := lifecycleServer()
	defer srv.Close()
	unknownCustomer(srv)
	_, err := client.Wallets.RefreshAll(context.Background(), "cth_unknown")
	var apiErr *juspay.APIError
	errors.As(err, &apiErr)
	fmt.Printf("%#v\n", apiErr)
	// Output: &juspay.APIError{StatusCode:400, Status:"Invalid Request", ErrorCode:"null_error", ErrorMessage:"Customer not found for given customerId.", UserMessage:"", Info:nil, RequestID:"req_7f3a9c", Body:[]byte("{\"status\":\"Invalid Request\",\"error_code\":\"null_error\",\"error_message\":\"Customer not found for given customerId.\"}")}
}

// A call refused before anything was sent names the argument at fault, and
// never repeats a secret such as the OTP.
func ExampleValidationError_Error() {
	srv, client := lifecycleServer()
	defer srv.Close()
	_, err := client.Wallets.Link(context.Background(), "wlt_mu2xfwb4mr18flbs", "")
	fmt.Println(err)
	// Output: juspay: link wallet: OTP is empty
}

// Every mistake of the caller matches ErrInvalidArgument; nothing was sent.
func ExampleValidationError_Is() {
	srv, client := lifecycleServer()
	defer srv.Close()
	_, err := client.Wallets.Get(context.Background(), "")
	fmt.Println(errors.Is(err, juspay.ErrInvalidArgument), len(srv.Requests()))
	// Output: true 0
}

// An Amount is written with the digits it was given.
func ExampleAmount_MarshalJSON() {
	a, _ := juspay.ParseAmount("100.50")
	b, _ := json.Marshal(map[string]juspay.Amount{"amount": a})
	fmt.Println(string(b))
	// Output: {"amount":100.50}
}

// Juspay sends amounts as numbers or as strings; both decode exactly.
func ExampleAmount_UnmarshalJSON() {
	for _, in := range []string{`95`, `"109.55"`, `"1e3"`, `"abc"`} {
		var a juspay.Amount
		err := json.Unmarshal([]byte(in), &a)
		fmt.Println(a, err)
	}
	// Output:
	// 95 <nil>
	// 109.55 <nil>
	// 1e3 <nil>
	// 0 json: cannot unmarshal string of 3 bytes into Go value of type juspay.Amount
}

// Metadata is written back as one flat object of strings, every key kept.
func ExampleWalletMetadata_MarshalJSON() {
	var m juspay.WalletMetadata
	_ = json.Unmarshal([]byte(`{"mobile_number": 9999999999, "kyc_level": 2}`), &m)
	b, _ := json.Marshal(m)
	fmt.Println(string(b))
	// Output: {"kyc_level":"2","mobile_number":"9999999999"}
}

// Decoding is tolerant of the shapes Juspay sends, and names the field when
// a value has none of them.
func ExampleWalletAccount_UnmarshalJSON() {
	var w juspay.WalletAccount
	err := json.Unmarshal([]byte(`{"wallet": "PAYTM", "linked": "false", "current_balance": ""}`), &w)
	fmt.Println(w.Wallet, w.Linked, w.CurrentBalance == nil, err)
	err = json.Unmarshal([]byte(`{"wallet": "PAYTM", "linked": "maybe"}`), &w)
	fmt.Println(err)
	// Output:
	// PAYTM false true <nil>
	// field "linked": got string, want a boolean
}
