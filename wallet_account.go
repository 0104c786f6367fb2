package juspay

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// WalletAccountList is a page of a customer's wallets, as Refresh All Wallets
// and List answer it.
//
// Count and Total are what Juspay reports; they do not always match
// len(Wallets) (Juspay's own samples disagree), so range over Wallets.
type WalletAccountList struct {
	Object  string          `json:"object"` // "list"
	Wallets []WalletAccount `json:"list"`
	Offset  int             `json:"offset"` // the page's start, as Juspay reports it
	Count   int             `json:"count"`  // wallets on this page, as Juspay reports it
	Total   int             `json:"total"`  // wallets in all, as Juspay reports it
}

// WalletAccount is one wallet of a customer at a provider (Paytm, Mobikwik,
// ...), with its balance where the wallet is linked.
//
// Token is a one-time payment token, valid for 15 minutes: a secret. String,
// Format (so every fmt verb, %#v included) and LogValue mask it, so a
// WalletAccount can be logged or printed; read the field itself to pay with
// it. encoding/json, though, writes it as it is, so that a wallet can be
// stored and decoded again: never log a wallet's JSON.
//
// Decoding is tolerant, because Juspay's samples disagree with each other:
// linked may be a boolean or the string "true"/"false"; a balance may be a
// number, a numeric string, "" or null (both no balance, so CurrentBalance is
// nil); last_refreshed comes in three layouts, and null or "" leaves it zero;
// unknown fields are ignored. A field of the wrong shape is an error that
// names the field.
type WalletAccount struct {
	Object             string            `json:"object"` // "wallet_account"
	ID                 string            `json:"id"`
	Wallet             string            `json:"wallet"` // provider, e.g. "PAYTM"
	JuspayBankCode     string            `json:"juspay_bank_code"`
	Token              string            `json:"token"`                // one-time, 15-minute payment token: a secret
	Linked             bool              `json:"linked"`               // whether the wallet is linked to the customer
	CurrentBalance     *Amount           `json:"current_balance"`      // nil when Juspay sent none (unlinked wallets)
	LastRefreshed      time.Time         `json:"last_refreshed"`       // zero when absent or null
	GatewayReferenceID string            `json:"gateway_reference_id"` // empty when null
	Metadata           WalletMetadata    `json:"metadata"`
	SubDetails         []WalletSubDetail `json:"sub_details"`
}

// WalletSubDetail is one payment method inside a wallet, such as a Paytm
// wallet's Postpaid line, with its own balance.
type WalletSubDetail struct {
	PaymentMethod     string    `json:"payment_method"`      // e.g. "PAYTM_POSTPAID"
	PaymentMethodType string    `json:"payment_method_type"` // e.g. "WALLET"
	CurrentBalance    *Amount   `json:"current_balance"`     // nil when Juspay sent none
	LastRefreshed     time.Time `json:"last_refreshed"`      // zero when absent or null
}

// WalletMetadata is the free-form metadata Juspay keeps with a wallet.
//
// The two keys Juspay documents have fields; every other key Juspay sends is
// kept in Extra, so nothing is lost. Values are text: a number keeps its
// digits ("9999999999" stays exact even when sent unquoted), a boolean is
// "true" or "false", and an object or array keeps its JSON.
type WalletMetadata struct {
	MobileNumber string            `json:"mobile_number"` // as given when the wallet was created
	DeviceID     string            `json:"device_id"`
	Extra        map[string]string `json:"-"` // every other key; nil when there is none
}

// Get returns the value of any metadata key, documented or not.
func (m WalletMetadata) Get(key string) (string, bool) {
	switch key {
	case "mobile_number":
		return m.MobileNumber, m.MobileNumber != ""
	case "device_id":
		return m.DeviceID, m.DeviceID != ""
	}
	v, ok := m.Extra[key]
	return v, ok
}

// UnmarshalJSON decodes the metadata object, keeping every key as text.
func (m *WalletMetadata) UnmarshalJSON(data []byte) error {
	return decodeVia[metadataWire](data, m)
}

// MarshalJSON writes the metadata back as one flat object of strings.
func (m WalletMetadata) MarshalJSON() ([]byte, error) {
	out := make(map[string]string, len(m.Extra)+2)
	for k, v := range m.Extra {
		out[k] = v
	}
	if m.MobileNumber != "" {
		out["mobile_number"] = m.MobileNumber
	}
	if m.DeviceID != "" {
		out["device_id"] = m.DeviceID
	}
	return json.Marshal(out)
}

// UnmarshalJSON decodes a page of wallets tolerantly; see WalletAccount.
func (l *WalletAccountList) UnmarshalJSON(data []byte) error {
	return decodeVia[walletListWire](data, l)
}

func (l *WalletAccountList) decodeFrom(dec *json.Decoder) error {
	return decodeWalletList(dec, l)
}

// UnmarshalJSON decodes a wallet tolerantly; see WalletAccount.
func (w *WalletAccount) UnmarshalJSON(data []byte) error {
	return decodeVia[walletWire](data, w)
}

func (w *WalletAccount) decodeFrom(dec *json.Decoder) error {
	return decodeStreamVia[walletWire](dec, w)
}

// UnmarshalJSON decodes a sub-detail tolerantly, as WalletAccount does.
func (d *WalletSubDetail) UnmarshalJSON(data []byte) error {
	return decodeVia[subDetailWire](data, d)
}

// String describes the wallet for logs and debugging, with the token masked
// and the metadata (a customer's mobile number) left out.
func (w WalletAccount) String() string {
	var b strings.Builder
	b.WriteString("WalletAccount{ID: ")
	b.WriteString(w.ID)
	b.WriteString(", Wallet: ")
	b.WriteString(w.Wallet)
	fmt.Fprintf(&b, ", Linked: %t, CurrentBalance: ", w.Linked)
	if w.CurrentBalance != nil {
		b.WriteString(w.CurrentBalance.String())
	} else {
		b.WriteString("none")
	}
	if !w.LastRefreshed.IsZero() {
		b.WriteString(", LastRefreshed: ")
		b.WriteString(w.LastRefreshed.Format(time.RFC3339))
	}
	b.WriteString(", Token: ")
	b.WriteString(maskSecret(w.Token))
	b.WriteString("}")
	return b.String()
}

// Format prints String for every verb, so that no verb (%d, %x, ...) walks
// the struct and prints the token.
func (w WalletAccount) Format(f fmt.State, verb rune) {
	fmt.Fprint(f, w.String())
}

// LogValue presents the wallet to log/slog as a group, with the token masked
// and the metadata left out.
func (w WalletAccount) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 6)
	attrs = append(attrs,
		slog.String("id", w.ID),
		slog.String("wallet", w.Wallet),
		slog.Bool("linked", w.Linked),
	)
	if w.CurrentBalance != nil {
		attrs = append(attrs, slog.String("current_balance", w.CurrentBalance.String()))
	}
	if !w.LastRefreshed.IsZero() {
		attrs = append(attrs, slog.Time("last_refreshed", w.LastRefreshed))
	}
	attrs = append(attrs, slog.String("token", maskSecret(w.Token)))
	return slog.GroupValue(attrs...)
}

// LogValue presents the page to log/slog, each wallet as its own LogValue
// gives it, token masked. Without it, slog's JSON handler would encode the
// page with encoding/json, tokens included.
func (l WalletAccountList) LogValue() slog.Value {
	wallets := make([]slog.Attr, len(l.Wallets))
	for i, w := range l.Wallets {
		wallets[i] = slog.Attr{Key: strconv.Itoa(i), Value: w.LogValue()}
	}
	return slog.GroupValue(
		slog.Int("offset", l.Offset),
		slog.Int("count", l.Count),
		slog.Int("total", l.Total),
		slog.Attr{Key: "wallets", Value: slog.GroupValue(wallets...)},
	)
}
