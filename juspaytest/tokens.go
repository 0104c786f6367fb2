package juspaytest

import (
	"math/rand/v2"
	"strconv"
)

type tokenState struct {
	walletID string
	spent    bool // used by a debit, or revoked by a delink
}

// mint gives a linked wallet a fresh one-time token. Tokens minted before stay
// usable until spent, as Juspay's stay usable for their 15 minutes.
func (st *store) mint(ws *walletState) {
	for {
		tok := "tk_" + randomHex(12)
		if st.tokens[tok] == nil {
			st.tokens[tok] = &tokenState{walletID: ws.ID}
			ws.Token = tok
			return
		}
	}
}

// liveToken makes sure a linked wallet shows a token that a debit can still
// use: its current one unless that was spent.
func (st *store) liveToken(ws *walletState) {
	if !ws.Linked {
		return
	}
	if t := st.tokens[ws.Token]; t == nil || t.spent {
		st.mint(ws)
	}
}

// revoke spends every token of a wallet.
func (st *store) revoke(walletID string) {
	for _, t := range st.tokens {
		if t.walletID == walletID {
			t.spent = true
		}
	}
}

// OTP returns the OTP the server last sent for the wallet (by Create with
// command=authenticate, or Authenticate), and whether one is pending. Link
// with it succeeds once; link with anything else answers linked false. An OTP
// is six digits from 100000 to 999999, so "000000" is never the right one.
func (s *Server) OTP(walletID string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.store.wallets[walletID]
	if ws == nil || ws.otp == "" {
		return "", false
	}
	return ws.otp, true
}

// OTPs are six digits with no leading zero, drawn from [minOTP, maxOTP]: a
// test can use an OTP outside that range, such as "000000", as one that is
// always wrong.
const (
	minOTP = 100000
	maxOTP = 999999
)

// sendOTP records a fresh six-digit OTP for the wallet.
func sendOTP(ws *walletState) {
	ws.otp = strconv.Itoa(minOTP + rand.IntN(maxOTP-minOTP+1))
}
