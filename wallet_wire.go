package juspay

import (
	"time"
)

// The wallets' wire types: what their JSON is decoded into before it
// becomes the public types (see decode.go). None of them implements
// json.Unmarshaler above the leaves, so a whole page of wallets is decoded
// in one pass of encoding/json; a per-wallet UnmarshalJSON would re-scan
// every wallet's bytes.

type walletListWire struct {
	Object string       `json:"object"`
	List   []walletWire `json:"list"`
	Offset int          `json:"offset"`
	Count  int          `json:"count"`
	Total  int          `json:"total"`
}

type walletWire struct {
	Object             string          `json:"object"`
	ID                 string          `json:"id"`
	Wallet             string          `json:"wallet"`
	JuspayBankCode     string          `json:"juspay_bank_code"`
	Token              string          `json:"token"`
	Linked             flexBool        `json:"linked"`
	CurrentBalance     flexAmount      `json:"current_balance"`
	LastRefreshed      flexTime        `json:"last_refreshed"`
	GatewayReferenceID string          `json:"gateway_reference_id"`
	Metadata           metadataWire    `json:"metadata"`
	SubDetails         []subDetailWire `json:"sub_details"`
}

type subDetailWire struct {
	PaymentMethod     string     `json:"payment_method"`
	PaymentMethodType string     `json:"payment_method_type"`
	CurrentBalance    flexAmount `json:"current_balance"`
	LastRefreshed     flexTime   `json:"last_refreshed"`
}

// metadataWire holds every metadata value as text.
type metadataWire map[string]flexText

// to moves the documented keys into their fields and the rest, if any, into
// Extra.
func (w metadataWire) to(m *WalletMetadata) {
	*m = WalletMetadata{}
	if w == nil {
		return
	}
	if v, ok := w["mobile_number"]; ok {
		m.MobileNumber = string(v)
		delete(w, "mobile_number")
	}
	if v, ok := w["device_id"]; ok {
		m.DeviceID = string(v)
		delete(w, "device_id")
	}
	if len(w) > 0 {
		m.Extra = textMap(w)
	}
}

func (w *walletListWire) to(l *WalletAccountList) {
	*l = WalletAccountList{Object: w.Object, Offset: w.Offset, Count: w.Count, Total: w.Total}
	if w.List == nil {
		return
	}
	l.Wallets = make([]WalletAccount, len(w.List))
	s := newWalletSlab(w.List)
	for i := range w.List {
		w.List[i].into(&l.Wallets[i], s)
	}
}

// to converts a lone wallet (Link, Unlink, ...): its few values are
// allocated one by one.
func (w *walletWire) to(out *WalletAccount) { w.into(out, nil) }

// into converts the wallet, taking its balances and sub-details from s.
func (w *walletWire) into(out *WalletAccount, s *walletSlab) {
	*out = WalletAccount{
		Object:             w.Object,
		ID:                 w.ID,
		Wallet:             w.Wallet,
		JuspayBankCode:     w.JuspayBankCode,
		Token:              w.Token,
		Linked:             bool(w.Linked),
		CurrentBalance:     s.amount(&w.CurrentBalance),
		LastRefreshed:      time.Time(w.LastRefreshed),
		GatewayReferenceID: w.GatewayReferenceID,
	}
	w.Metadata.to(&out.Metadata)
	if w.SubDetails == nil {
		return
	}
	out.SubDetails = s.subDetails(len(w.SubDetails))
	for i := range w.SubDetails {
		w.SubDetails[i].into(&out.SubDetails[i], s)
	}
}

func (w *subDetailWire) to(out *WalletSubDetail) { w.into(out, nil) }

func (w *subDetailWire) into(out *WalletSubDetail, s *walletSlab) {
	*out = WalletSubDetail{
		PaymentMethod:     w.PaymentMethod,
		PaymentMethodType: w.PaymentMethodType,
		CurrentBalance:    s.amount(&w.CurrentBalance),
		LastRefreshed:     time.Time(w.LastRefreshed),
	}
}
