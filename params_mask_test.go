package juspay_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"reflect"
	"testing"

	"github.com/gojuspay/juspay"
	"github.com/stretchr/testify/assert"
)

// The params types that carry a secret print and log it masked, in every
// verb and handler, as a value and through a pointer. (fmt's %p of a value
// prints the fields raw, methods skipped: see README, Logging.)
func TestParamsFormatAndLogMasked(t *testing.T) {
	const secret = "tok_params_secret_9f8e"
	for _, v := range []any{
		juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: secret},
		juspay.CreateWalletParams{Gateway: "PAYTM", MobileNumber: "9999999999", ClientAuthToken: secret},
		juspay.AuthenticateWalletParams{GatewayReferenceID: "ref", ClientAuthToken: secret},
	} {
		ptr := reflect.New(reflect.TypeOf(v))
		ptr.Elem().Set(reflect.ValueOf(v))
		for _, x := range []any{v, ptr.Interface()} {
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%X", "%q", "%10.3v", "%t", "%e"} {
				out := fmt.Sprintf(verb, x)
				assert.NotContains(t, out, secret, "%s of %T", verb, x)
				assert.NotContains(t, out, "9999999999", "%s of %T", verb, x)
			}
			assert.NotContains(t, fmt.Sprint(x), secret)
			assert.NotContains(t, fmt.Sprintf("%v", []any{x}), secret)
			var buf bytes.Buffer
			slog.New(slog.NewJSONHandler(&buf, nil)).Info("p", "params", x)
			slog.New(slog.NewTextHandler(&buf, nil)).Info("p", "params", x)
			assert.NotContains(t, buf.String(), secret, "slog of %T", x)
			assert.Contains(t, buf.String(), "[redacted]", "slog of %T says a secret was there", x)
		}
		assert.NotContains(t, fmt.Sprintf("%p", ptr.Interface()), secret)
	}
}
