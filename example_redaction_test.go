package juspay_test

import (
	"fmt"
	"log/slog"
	"os"

	"github.com/gojuspay/juspay"
)

func ExampleDirectDebitParams_String() {
	p := juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: "tok_secret"}
	fmt.Println(p)
	fmt.Printf("%+v\n", &p)
	// Output:
	// DirectDebitParams{OrderID: ord_1, PaymentMethod: PAYTM, DirectWalletToken: [redacted]}
	// DirectDebitParams{OrderID: ord_1, PaymentMethod: PAYTM, DirectWalletToken: [redacted]}
}

func ExampleDirectDebitParams_LogValue() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // keep the output stable
			}
			return a
		},
	}))
	logger.Info("debit", "params", juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: "tok_secret"})
	// Output: level=INFO msg=debit params.order_id=ord_1 params.payment_method=PAYTM params.direct_wallet_token=[redacted]
}

func ExampleDirectDebitParams_Format() {
	p := juspay.DirectDebitParams{OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: "tok_secret"}
	fmt.Printf("%#v\n", p)
	// Output: DirectDebitParams{OrderID: ord_1, PaymentMethod: PAYTM, DirectWalletToken: [redacted]}
}

func ExampleCreateWalletParams_String() {
	p := &juspay.CreateWalletParams{Gateway: "PAYTM", Authenticate: true, MobileNumber: "9999999999", ClientAuthToken: "cat_secret"}
	fmt.Println(p)
	// Output: CreateWalletParams{Gateway: PAYTM, Authenticate: true, GatewayReferenceID: , ClientAuthToken: [redacted]}
}

func ExampleCreateWalletParams_Format() {
	p := juspay.CreateWalletParams{Gateway: "PAYTM", ClientAuthToken: "cat_secret"}
	fmt.Printf("%q\n", p)
	// Output: "CreateWalletParams{Gateway: PAYTM, Authenticate: false, GatewayReferenceID: , ClientAuthToken: [redacted]}"
}

func ExampleCreateWalletParams_LogValue() {
	v := juspay.CreateWalletParams{Gateway: "PAYTM", ClientAuthToken: "cat_secret"}.LogValue()
	fmt.Println(v)
	// Output: [gateway=PAYTM authenticate=false gateway_reference_id= client_auth_token=[redacted]]
}

func ExampleAuthenticateWalletParams_String() {
	p := juspay.AuthenticateWalletParams{GatewayReferenceID: "ref_1", ClientAuthToken: "cat_secret"}
	fmt.Println(p)
	// Output: AuthenticateWalletParams{GatewayReferenceID: ref_1, ClientAuthToken: [redacted]}
}

func ExampleAuthenticateWalletParams_Format() {
	p := juspay.AuthenticateWalletParams{ClientAuthToken: "cat_secret"}
	fmt.Printf("%d\n", &p)
	// Output: AuthenticateWalletParams{GatewayReferenceID: , ClientAuthToken: [redacted]}
}

func ExampleAuthenticateWalletParams_LogValue() {
	v := juspay.AuthenticateWalletParams{ClientAuthToken: "cat_secret"}.LogValue()
	fmt.Println(v)
	// Output: [gateway_reference_id= client_auth_token=[redacted]]
}
