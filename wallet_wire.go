package juspay

import (
	"time"
)

// The wire types below are what JSON is decoded into before it becomes the
// public types. They exist for two reasons. The public fields have fixed Go
// types (bool, time.Time, *Amount) that cannot read Juspay's other shapes,
// so the wire uses the tolerant leaves of decode.go. And none of them
// implements json.Unmarshaler above the leaves, so a whole page of wallets
// is decoded in one pass of encoding/json; a per-wallet UnmarshalJSON would
// re-scan every wallet's bytes. Converting to the public types then costs a
// copy and two allocations per page (one slab of sub-details, one of
// amounts), whatever the number of wallets.

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

// walletSlabs holds one allocation of sub-details and one of amounts for a
// whole page, handed out to its wallets slice by slice.
type walletSlabs struct {
	subs    []WalletSubDetail
	amounts []Amount
}

func (s *walletSlabs) alloc(list []walletWire) {
	nSubs, nAmounts := 0, 0
	for i := range list {
		nSubs += len(list[i].SubDetails)
		if list[i].CurrentBalance.set {
			nAmounts++
		}
		for j := range list[i].SubDetails {
			if list[i].SubDetails[j].CurrentBalance.set {
				nAmounts++
			}
		}
	}
	if nSubs > 0 {
		s.subs = make([]WalletSubDetail, nSubs)
	}
	if nAmounts > 0 {
		s.amounts = make([]Amount, 0, nAmounts)
	}
}

// amount returns f as a pointer into the slab: nil for no amount.
func (f *flexAmount) in(s *walletSlabs) *Amount {
	if !f.set || len(s.amounts) == cap(s.amounts) {
		return f.ptr()
	}
	s.amounts = append(s.amounts, f.v)
	return &s.amounts[len(s.amounts)-1]
}

// take returns the next n sub-details of the slab, capped so that appending
// to one wallet's slice never writes over the next wallet's.
func (s *walletSlabs) take(n int) []WalletSubDetail {
	out := s.subs[:n:n]
	s.subs = s.subs[n:]
	return out
}

func (w *walletListWire) to(l *WalletAccountList) {
	*l = WalletAccountList{Object: w.Object, Offset: w.Offset, Count: w.Count, Total: w.Total}
	if w.List == nil {
		return
	}
	var slabs walletSlabs
	slabs.alloc(w.List)
	l.Wallets = make([]WalletAccount, len(w.List))
	for i := range w.List {
		w.List[i].to(&l.Wallets[i], &slabs)
	}
}

func (w *walletWire) to(out *WalletAccount, slabs *walletSlabs) {
	*out = WalletAccount{
		Object:             w.Object,
		ID:                 w.ID,
		Wallet:             w.Wallet,
		JuspayBankCode:     w.JuspayBankCode,
		Token:              w.Token,
		Linked:             bool(w.Linked),
		CurrentBalance:     w.CurrentBalance.in(slabs),
		LastRefreshed:      time.Time(w.LastRefreshed),
		GatewayReferenceID: w.GatewayReferenceID,
	}
	w.Metadata.to(&out.Metadata)
	if w.SubDetails != nil {
		out.SubDetails = slabs.take(len(w.SubDetails))
		for j := range w.SubDetails {
			d := &w.SubDetails[j]
			out.SubDetails[j] = WalletSubDetail{
				PaymentMethod:     d.PaymentMethod,
				PaymentMethodType: d.PaymentMethodType,
				CurrentBalance:    d.CurrentBalance.in(slabs),
				LastRefreshed:     time.Time(d.LastRefreshed),
			}
		}
	}
}
