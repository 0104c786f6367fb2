package juspay

import (
	"encoding/json"
	"sync"
)

// walletSlab holds a page's balances and sub-details in one allocation of
// each, handed out wallet by wallet. Without it a page costs three
// allocations per wallet (two balances and a sub-detail list, as Juspay
// sends them), which a page of 200 wallets pays 600 times over, in
// allocation and then in garbage collection.
type walletSlab struct {
	amounts []Amount
	subs    []WalletSubDetail
}

// newWalletSlab sizes a slab for exactly what list holds: every balance
// set, every sub-detail.
func newWalletSlab(list []walletWire) *walletSlab {
	nAmounts, nSubs := 0, 0
	for i := range list {
		w := &list[i]
		if w.CurrentBalance.set {
			nAmounts++
		}
		nSubs += len(w.SubDetails)
		for j := range w.SubDetails {
			if w.SubDetails[j].CurrentBalance.set {
				nAmounts++
			}
		}
	}
	return &walletSlab{amounts: make([]Amount, 0, nAmounts), subs: make([]WalletSubDetail, nSubs)}
}

// amount returns f's amount as the public types hold it, nil for none,
// from the slab; a nil slab (a lone wallet) or a full one allocates it.
func (s *walletSlab) amount(f *flexAmount) *Amount {
	if s == nil || !f.set || len(s.amounts) == cap(s.amounts) {
		return f.ptr()
	}
	s.amounts = append(s.amounts, f.v)
	return &s.amounts[len(s.amounts)-1]
}

// subDetails returns the next n sub-details of the slab, or n new ones
// when s is nil. Their capacity is n, so that a caller appending to one
// wallet's list never writes over the next wallet's.
func (s *walletSlab) subDetails(n int) []WalletSubDetail {
	if s == nil || len(s.subs) < n {
		return make([]WalletSubDetail, n)
	}
	out := s.subs[:n:n]
	s.subs = s.subs[n:]
	return out
}

// walletLists recycles the wire lists pages of wallets are decoded into.
// encoding/json grows a list by doubling as it reads it, so a page of 200
// wallets costs some 100 KB of wire values that are garbage as soon as they
// are converted: more than the hand-written floor allocates for the whole
// page. A recycled list is decoded into in place.
var walletLists = sync.Pool{New: func() any { return new(walletListWire) }}

// maxRecycledWallets bounds the lists kept: a rare huge page's array is left
// to the garbage collector rather than held by the pool.
const maxRecycledWallets = 1024

// decodeWalletList decodes a page of wallets from dec into l through a
// recycled wire list.
func decodeWalletList(dec *json.Decoder, l *WalletAccountList) error {
	w := walletLists.Get().(*walletListWire)
	defer recycleWalletList(w)
	recycled := w.List
	if err := dec.Decode(w); err != nil {
		return err
	}
	if len(w.List) == 0 && cap(w.List) > 0 {
		// The body had no list: encoding/json left the recycled one
		// alone. (It makes [] a list of capacity 0, and null nil.)
		w.List = nil
		defer func() { w.List = recycled }()
	}
	w.to(l)
	return nil
}

// recycleWalletList zeroes w and gives it back to the pool, so that the
// pool holds on to none of a customer's values, and the next decode starts
// from zero values: encoding/json decodes into a list's element as it
// finds it. The list is kept with length 0 and its capacity.
func recycleWalletList(w *walletListWire) {
	list := w.List[:cap(w.List)]
	if cap(list) > maxRecycledWallets {
		return
	}
	clear(list)
	*w = walletListWire{List: list[:0]}
	walletLists.Put(w)
}
