package juspay_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// A hostile server echoes every secret of a call back, in every place an
// answer has (an error body, a header, a field of a 2xx body, the text of
// a transport failure), to every method of the client. No error the call
// returns, nor any error reachable from it with errors.Unwrap (and so
// errors.As), nor any log record, nor any fmt verb or reflection walk of
// them, may hold a secret.

const (
	probeOTP   = "482913"
	probeToken = "tk_direct_7f3a9b2c"
	probeCAT   = "tkn_client_5d8e1f"
)

// probeCall is one method of the client and the secrets it sends, beside
// the key.
type probeCall struct {
	name    string
	secrets []string
	call    func(ctx context.Context, c *juspay.Client) error
}

// probeCalls are every method of the client.
func probeCalls() []probeCall { return append(walletProbeCalls(), checkoutProbeCalls()...) }

// walletProbeCalls are the wallet and payment methods.
func walletProbeCalls() []probeCall {
	errOf := func(_ any, err error) error { return err }
	return []probeCall{
		{"Wallets.RefreshAll", nil, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Wallets.RefreshAll(ctx, testCustomerID))
		}},
		{"Wallets.List", nil, func(ctx context.Context, c *juspay.Client) error { return errOf(c.Wallets.List(ctx, testCustomerID)) }},
		{"Wallets.Get", nil, func(ctx context.Context, c *juspay.Client) error { return errOf(c.Wallets.Get(ctx, "wlt_1")) }},
		{"Wallets.Create", []string{probeCAT}, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Wallets.Create(ctx, testCustomerID, &juspay.CreateWalletParams{Gateway: "PAYTM", ClientAuthToken: probeCAT}))
		}},
		{"Wallets.Authenticate", []string{probeCAT}, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Wallets.Authenticate(ctx, "wlt_1", &juspay.AuthenticateWalletParams{ClientAuthToken: probeCAT}))
		}},
		{"Wallets.Link", []string{probeOTP}, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Wallets.Link(ctx, "wlt_1", probeOTP))
		}},
		{"Wallets.Delink", nil, func(ctx context.Context, c *juspay.Client) error { return errOf(c.Wallets.Delink(ctx, "wlt_1")) }},
		{"Wallets.Refresh", nil, func(ctx context.Context, c *juspay.Client) error { return errOf(c.Wallets.Refresh(ctx, "wlt_1")) }},
		{"Wallets.UpdateMobileNumber", nil, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Wallets.UpdateMobileNumber(ctx, "wlt_1", "9999999999"))
		}},
		{"Payments.DirectDebit", []string{probeToken}, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Payments.DirectDebit(ctx, &juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: probeToken}))
		}},
	}
}

// checkoutProbeCalls are the customer and order methods, and Do.
func checkoutProbeCalls() []probeCall {
	order := &juspay.CreateOrderParams{OrderID: "ord_probe", Amount: *amt("100.00"), CustomerID: testCustomerID}
	errOf := func(_ any, err error) error { return err }
	return []probeCall{
		{"Customers.Create", nil, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Customers.Create(ctx, &juspay.CreateCustomerParams{ObjectReferenceID: "ref_1", MobileNumber: "9999999999", ClientAuthToken: true}))
		}},
		{"Customers.Get", nil, func(ctx context.Context, c *juspay.Client) error { return errOf(c.Customers.Get(ctx, testCustomerID)) }},
		{"Customers.Update", nil, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Customers.Update(ctx, testCustomerID, &juspay.UpdateCustomerParams{FirstName: "A"}))
		}},
		{"Customers.GetOrCreate", nil, func(ctx context.Context, c *juspay.Client) error {
			_, _, err := c.Customers.GetOrCreate(ctx, &juspay.CreateCustomerParams{ObjectReferenceID: "ref_1", MobileNumber: "9999999999"})
			return err
		}},
		{"Customers.NewClientAuthToken", nil, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Customers.NewClientAuthToken(ctx, testCustomerID))
		}},
		{"Customers.CheckEligibility", nil, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Customers.CheckEligibility(ctx, testCustomerID, &juspay.EligibilityParams{Amount: amt("10")}))
		}},
		{"Orders.Create", nil, func(ctx context.Context, c *juspay.Client) error { return errOf(c.Orders.Create(ctx, order)) }},
		{"Orders.Get", nil, func(ctx context.Context, c *juspay.Client) error { return errOf(c.Orders.Get(ctx, "ord_probe")) }},
		{"Orders.Update", nil, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Orders.Update(ctx, "ord_probe", &juspay.UpdateOrderParams{Amount: amt("5")}))
		}},
		{"Orders.Refund", nil, func(ctx context.Context, c *juspay.Client) error {
			return errOf(c.Orders.Refund(ctx, "ord_probe", &juspay.RefundParams{UniqueRequestID: "rf_1", Amount: *amt("5")}))
		}},
		{"Orders.Wait", nil, func(ctx context.Context, c *juspay.Client) error { return errOf(c.Orders.Wait(ctx, "ord_probe")) }},
		{"Client.Do", []string{probeOTP, probeToken}, func(ctx context.Context, c *juspay.Client) error {
			form := url.Values{"command": {"link"}, "otp": {probeOTP}, "direct_wallet_token": {probeToken}}
			return c.Do(ctx, http.MethodPost, "/wallets/wlt_1", form, new(juspay.WalletAccount))
		}},
	}
}

// probeFault is how a server echoes a call's secrets.
type probeFault struct {
	name    string
	respond func(secret string) httpmock.Responder
}

func probeFaults() []probeFault {
	return []probeFault{
		{"in an error answer", func(s string) httpmock.Responder {
			return jsonResponder(400, `{"status":"`+s+`","error_code":"bad `+s+`","error_message":"`+s+` rejected",`+
				`"user_message":"`+s+`","error_info":{"code":"`+s+`","developer_message":"`+s+`","fields":[{"field_name":"`+s+`","reason":"`+s+`"}]}}`,
				"X-Request-Id", "req_"+s)
		}},
		{"by the transport", func(s string) httpmock.Responder {
			return failResponder(errors.New("proxy refused " + s))
		}},
		{"in a timestamp of a 2xx answer", func(s string) httpmock.Responder {
			// The wallet types name a field of the wrong shape, quoting
			// a short value: here, the secret.
			return jsonResponder(200, `{"id":"w","last_refreshed":"`+s+`","list":[{"id":"w","last_refreshed":"`+s+`"}],`+
				`"order_id":"ord_probe","status":"CHARGED","amount":100,"currency":"INR"}`, "X-Request-Id", "req_"+s)
		}},
	}
}

// errorChain returns err and every error reachable from it by Unwrap.
func errorChain(err error) []error {
	var out []error
	queue := []error{err}
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		if e == nil {
			continue
		}
		out = append(out, e)
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			queue = append(queue, u.Unwrap())
		case interface{ Unwrap() []error }:
			queue = append(queue, u.Unwrap()...)
		}
	}
	return out
}

// chainTexts is everything a caller may print of err: every error of its
// chain as text, in every fmt verb, and every string reflection reaches.
func chainTexts(err error) []string {
	var out []string
	for _, e := range errorChain(err) {
		out = append(out, formatted(e)...)
		out = append(out, reachableStrings(e)...)
	}
	return out
}

// assertNothingHolds checks that none of texts holds a secret.
func assertNothingHolds(t *testing.T, texts []string, secrets []string, what string) {
	t.Helper()
	for _, s := range texts {
		for _, secret := range secrets {
			if strings.Contains(s, secret) {
				t.Errorf("%s holds %q: %q", what, secret, s)
			}
		}
	}
}

func TestNoErrorInTheChainHoldsASecret(t *testing.T) {
	keyForms := append([]string{testAuthorization}, testSecrets...)
	for _, pc := range probeCalls() {
		for _, fault := range probeFaults() {
			for _, planted := range append([]string{testAPIKey}, pc.secrets...) {
				t.Run(pc.name+"/"+fault.name+"/"+planted, func(t *testing.T) {
					var logs bytes.Buffer
					logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
					ctx, cancel := context.WithCancel(context.Background())
					defer cancel()
					respond, sent := fault.respond(planted), 0
					c, mt := newMockClient(t, juspay.WithLogger(logger), juspay.WithMaxRetries(1))
					mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
						// Wait reads on through transient failures, until
						// its context ends.
						if sent++; sent >= 4 {
							cancel()
						}
						return respond(req)
					})

					err := pc.call(ctx, c)

					require.NotZero(t, sent, "a request was sent")
					secrets := append(append([]string{}, keyForms...), pc.secrets...)
					if err != nil {
						assertNothingHolds(t, chainTexts(err), secrets, "the error chain")
					}
					assertNothingHolds(t, []string{logs.String()}, secrets, "the log")
				})
			}
		}
	}
}

// TestSettlingErrorsHoldNoSecret: a keyed write whose outcome is unknown,
// and whose settling read fails too, returns an error wrapping both
// failures. With the server echoing the key in each, neither holds it.
func TestSettlingErrorsHoldNoSecret(t *testing.T) {
	echo := failResponder(errors.New("proxy refused " + testAPIKey))
	notFound := jsonResponder(404, `{"status":"Not Found","error_message":"no customer"}`)
	calls := map[string]struct {
		routes map[string]httpmock.Responder
		call   func(ctx context.Context, c *juspay.Client) error
	}{
		"Customers.GetOrCreate": {map[string]httpmock.Responder{
			"GET /customers/ref_1": sequence(notFound, echo), "POST /customers": echo,
		}, func(ctx context.Context, c *juspay.Client) error {
			_, _, err := c.Customers.GetOrCreate(ctx, &juspay.CreateCustomerParams{ObjectReferenceID: "ref_1", MobileNumber: "9999999999"})
			return err
		}},
		"Orders.Refund": {map[string]httpmock.Responder{
			"POST /orders/ord_1/refunds": echo, "GET /orders/ord_1": echo,
		}, func(ctx context.Context, c *juspay.Client) error {
			_, err := c.Orders.Refund(ctx, "ord_1", &juspay.RefundParams{UniqueRequestID: "rf_1", Amount: *amt("5")})
			return err
		}},
		"Orders.Create": {map[string]httpmock.Responder{
			"POST /orders": echo, "GET /orders/ord_1": echo,
		}, func(ctx context.Context, c *juspay.Client) error {
			_, err := c.Orders.Create(ctx, &juspay.CreateOrderParams{OrderID: "ord_1", Amount: *amt("5")})
			return err
		}},
	}
	for name, tc := range calls {
		t.Run(name, func(t *testing.T) {
			c, _ := newRecordedClient(t, routes(t, tc.routes), juspay.WithMaxRetries(0))

			err := tc.call(context.Background(), c)

			require.Error(t, err)
			require.GreaterOrEqual(t, len(errorChain(err)), 5, "the chain holds both failures: %v", err)
			require.Contains(t, err.Error(), "reading to settle it failed")
			assertNothingHolds(t, chainTexts(err), append([]string{testAuthorization}, testSecrets...), "the settling error")
		})
	}
}
