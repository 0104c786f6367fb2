package juspaytest

import (
	"encoding/json"
	"maps"
)

// The JSON the server writes, field for field as Juspay's published samples
// show it. Balances are json.RawMessage holding the stored decimal text, so
// "109.55" goes out as the JSON number 109.55, never through float64; a nil
// RawMessage is written as null.

// walletJSON is a wallet_account object.
type walletJSON struct {
	ID                 string            `json:"id"`
	Object             string            `json:"object"`
	Wallet             string            `json:"wallet"`
	JuspayBankCode     string            `json:"juspay_bank_code"`
	Token              *string           `json:"token"`
	CurrentBalance     json.RawMessage   `json:"current_balance"`
	Linked             bool              `json:"linked"`
	LastRefreshed      *string           `json:"last_refreshed"`
	GatewayReferenceID *string           `json:"gateway_reference_id"`
	Metadata           map[string]string `json:"metadata,omitempty"`
	SubDetails         []subDetailJSON   `json:"sub_details,omitempty"`
}

type subDetailJSON struct {
	PaymentMethod     string          `json:"payment_method"`
	PaymentMethodType string          `json:"payment_method_type"`
	LastRefreshed     *string         `json:"last_refreshed"`
	CurrentBalance    json.RawMessage `json:"current_balance"`
}

// listJSON is the list object of List and Refresh All Wallets.
type listJSON struct {
	Object string       `json:"object"`
	List   []walletJSON `json:"list"`
	Offset int          `json:"offset"`
	Count  int          `json:"count"`
	Total  int          `json:"total"`
}

// txnJSON is the answer to a direct debit.
type txnJSON struct {
	OrderID string       `json:"order_id"`
	TxnID   string       `json:"txn_id"`
	Status  string       `json:"status"`
	Payment *paymentJSON `json:"payment,omitempty"`
}

type paymentJSON struct {
	Authentication authenticationJSON `json:"authentication"`
}

type authenticationJSON struct {
	Method string `json:"method"`
	URL    string `json:"url"`
}

// eligibilityJSON is the answer to an eligibility check.
type eligibilityJSON struct {
	PaymentMethods []methodEligibilityJSON `json:"payment_methods_eligibility"`
}

type methodEligibilityJSON struct {
	Status              string          `json:"status"`
	PaymentMethodType   string          `json:"payment_method_type"`
	PaymentMethod       string          `json:"payment_method"`
	IsEligible          bool            `json:"is_eligible"`
	EligibilityStrategy string          `json:"eligibility_strategy,omitempty"`
	GatewayErrorCode    string          `json:"gateway_error_code,omitempty"`
	GatewayErrorMessage string          `json:"gateway_error_message,omitempty"`
	Description         string          `json:"description"`
	DueDate             string          `json:"due_date,omitempty"`
	Balance             json.RawMessage `json:"balance,omitempty"`
}

// walletView renders a wallet as Juspay shows it: a token and a balance only
// while it is linked.
func walletView(ws *walletState) walletJSON {
	v := walletJSON{
		ID:                 ws.ID,
		Object:             "wallet_account",
		Wallet:             ws.Gateway,
		JuspayBankCode:     ws.JuspayBankCode,
		Linked:             ws.Linked,
		LastRefreshed:      nullable(ws.LastRefreshed),
		GatewayReferenceID: nullable(ws.GatewayReferenceID),
	}
	if ws.Linked {
		v.Token = nullable(ws.Token)
		v.CurrentBalance = number(ws.Balance)
	}
	if len(ws.Metadata) > 0 {
		v.Metadata = maps.Clone(ws.Metadata) // encoded after the lock is released
	}
	for _, d := range ws.SubDetails {
		v.SubDetails = append(v.SubDetails, subDetailJSON{
			PaymentMethod:     d.PaymentMethod,
			PaymentMethodType: d.PaymentMethodType,
			LastRefreshed:     nullable(d.LastRefreshed),
			CurrentBalance:    number(d.Balance),
		})
	}
	return v
}

// nullable is s, or null when s is empty.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// number is decimal text as a JSON number, or null when it is empty. The text
// was checked by isDecimal when it was stored.
func number(s string) json.RawMessage {
	if s == "" {
		return nil
	}
	return json.RawMessage(s)
}
