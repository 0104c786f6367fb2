package juspay

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
