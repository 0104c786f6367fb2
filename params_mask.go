package juspay

import (
	"fmt"
	"log/slog"
	"strconv"
)

// The params types below carry a secret (a wallet token, a client auth
// token) in an exported field, as the caller fills it in. Like
// WalletAccount, each prints and logs with the secret masked: String for
// %v and %s, Format for every other verb (without it, %d, %x or %+v would
// print the struct field by field), and LogValue for log/slog, whose JSON
// handler would otherwise encode the fields. All take a value, so a pointer
// and a copied value are covered alike. fmt's %p of a value skips these
// methods and prints the fields; README, Logging, says so.

// String describes the debit with the token masked.
func (p DirectDebitParams) String() string {
	return "DirectDebitParams{OrderID: " + p.OrderID + ", PaymentMethod: " + p.PaymentMethod +
		", DirectWalletToken: " + maskSecret(p.DirectWalletToken) + "}"
}

// Format prints String for every verb, so that none prints the token.
func (p DirectDebitParams) Format(f fmt.State, verb rune) { formatMasked(f, verb, p.String()) }

// LogValue presents the debit to log/slog with the token masked.
func (p DirectDebitParams) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("order_id", p.OrderID),
		slog.String("payment_method", p.PaymentMethod),
		slog.String("direct_wallet_token", maskSecret(p.DirectWalletToken)),
	)
}

// String describes the new wallet with the client auth token masked and
// the mobile number (a customer's personal data) left out.
func (p CreateWalletParams) String() string {
	return "CreateWalletParams{Gateway: " + p.Gateway + ", Authenticate: " + strconv.FormatBool(p.Authenticate) +
		", GatewayReferenceID: " + p.GatewayReferenceID + ", ClientAuthToken: " + maskSecret(p.ClientAuthToken) + "}"
}

// Format prints String for every verb, so that none prints the token.
func (p CreateWalletParams) Format(f fmt.State, verb rune) { formatMasked(f, verb, p.String()) }

// LogValue presents the new wallet to log/slog as String does.
func (p CreateWalletParams) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("gateway", p.Gateway),
		slog.Bool("authenticate", p.Authenticate),
		slog.String("gateway_reference_id", p.GatewayReferenceID),
		slog.String("client_auth_token", maskSecret(p.ClientAuthToken)),
	)
}

// String describes the authentication with the client auth token masked.
func (p AuthenticateWalletParams) String() string {
	return "AuthenticateWalletParams{GatewayReferenceID: " + p.GatewayReferenceID +
		", ClientAuthToken: " + maskSecret(p.ClientAuthToken) + "}"
}

// Format prints String for every verb, so that none prints the token.
func (p AuthenticateWalletParams) Format(f fmt.State, verb rune) { formatMasked(f, verb, p.String()) }

// LogValue presents the authentication to log/slog with the token masked.
func (p AuthenticateWalletParams) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("gateway_reference_id", p.GatewayReferenceID),
		slog.String("client_auth_token", maskSecret(p.ClientAuthToken)),
	)
}

// formatMasked writes s, a masked description, for any verb: %q quotes it,
// every other verb prints it as it is.
func formatMasked(f fmt.State, verb rune, s string) {
	if verb == 'q' {
		s = strconv.Quote(s)
	}
	_, _ = fmt.Fprint(f, s)
}
