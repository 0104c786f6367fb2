package juspaytest

import (
	"maps"
	"net/http"
	"time"
)

// updateSince is the first API version that has command=update.
const updateSince = "2019-09-17"

func customerNotFound() reply {
	return invalid("null_error", "Customer not found for given customerId.")
}

// walletNotFound answers an unknown wallet ID: a 400 in the shape Juspay
// documents for an unknown customer.
func walletNotFound() reply {
	return invalid("null_error", "Wallet not found for given walletId.")
}

// refreshBalances serves GET /customers/{customer_id}/wallets/refresh-balances.
// The fake's balances move only when a test or a debit moves them, so a
// refresh shows the stored ones and keeps the stored last_refreshed.
func (s *Server) refreshBalances(c *call) reply {
	return s.walletList(c.params[0])
}

// listWallets serves GET /customers/{customer_id}/wallets.
func (s *Server) listWallets(c *call) reply {
	return s.walletList(c.params[0])
}

// walletList is the list object of a customer's wallets, each linked one
// with a token a debit can still use.
func (s *Server) walletList(customerID string) reply {
	customerID, ok := s.store.resolve(customerID)
	if !ok {
		return customerNotFound()
	}
	ids := s.store.customers[customerID]
	l := listJSON{Object: "list", List: []walletJSON{}, Count: len(ids), Total: len(ids)}
	for _, id := range ids {
		ws := s.store.wallets[id]
		s.store.liveToken(ws)
		l.List = append(l.List, walletView(ws))
	}
	return reply{http.StatusOK, l}
}

// createWallet serves POST /customers/{customer_id}/wallets: a new, unlinked
// wallet; with command=authenticate the OTP is sent at once.
func (s *Server) createWallet(c *call) reply {
	customerID, ok := s.store.resolve(c.params[0])
	if !ok {
		return customerNotFound()
	}
	gateway := c.form.Get("gateway")
	if gateway == "" {
		return invalid("invalid_request", "Missing field gateway.")
	}
	command := c.form.Get("command")
	if command != "" && command != "authenticate" {
		return invalid("invalid_request", "Invalid command; only authenticate is allowed here.")
	}
	w := Wallet{Gateway: gateway, GatewayReferenceID: c.form.Get("gateway_reference_id")}
	if m := c.form.Get("mobile_number"); m != "" {
		w.Metadata = map[string]string{"mobile_number": m}
	}
	ws := s.store.addWallet(customerID, w)
	if command == "authenticate" {
		sendOTP(ws)
	}
	return reply{http.StatusOK, walletView(ws)}
}

// getWallet serves GET /wallets/{wallet_id}; a linked wallet gets a fresh
// token on every Get.
func (s *Server) getWallet(c *call) reply {
	ws := s.store.wallets[c.params[0]]
	if ws == nil {
		return walletNotFound()
	}
	if ws.Linked {
		s.store.mint(ws)
	}
	return reply{http.StatusOK, walletView(ws)}
}

// walletCommand serves POST /wallets/{wallet_id} with command authenticate,
// link, delink, refresh or update.
func (s *Server) walletCommand(c *call) reply {
	ws := s.store.wallets[c.params[0]]
	if ws == nil {
		return walletNotFound()
	}
	switch cmd := c.form.Get("command"); cmd {
	case "authenticate":
		sendOTP(ws)
	case "link":
		otp := c.form.Get("otp")
		if otp == "" {
			return invalid("invalid_request", "Missing field otp.")
		}
		// A wrong OTP is not an error at Juspay: the answer is the wallet,
		// still unlinked.
		if ws.otp != "" && otp == ws.otp {
			ws.otp = ""
			ws.Linked = true
			ws.LastRefreshed = now()
			s.store.mint(ws)
		}
	case "delink":
		s.store.delink(ws)
	case "refresh":
		s.store.liveToken(ws)
	case "update":
		if !versionAtLeast(c.r.Header.Get("version"), updateSince) {
			return invalid("invalid_request", "command=update needs the header version "+updateSince+" or later.")
		}
		mobile := c.form.Get("mobile_number")
		if mobile == "" {
			return invalid("invalid_request", "Missing field mobile_number.")
		}
		// Juspay's sample answers an update with the wallet unlinked: the
		// new number has to be linked again.
		s.store.delink(ws)
		m := maps.Clone(ws.Metadata)
		if m == nil {
			m = map[string]string{}
		}
		m["mobile_number"] = mobile
		ws.Metadata = m
	case "":
		return invalid("invalid_request", "Missing field command.")
	default:
		return invalid("invalid_request", "Invalid command "+quoteShort(cmd)+"; use authenticate, link, delink, refresh or update.")
	}
	return reply{http.StatusOK, walletView(ws)}
}

// delink unlinks a wallet: its tokens stop working and Juspay forgets its
// refresh data. The provider's balance stays for the next link.
func (st *store) delink(ws *walletState) {
	ws.Linked = false
	ws.Token = ""
	ws.LastRefreshed = ""
	ws.SubDetails = nil
	ws.otp = ""
	st.revoke(ws.ID)
}

// versionAtLeast reports whether the version header v is a YYYY-MM-DD date
// no earlier than since.
func versionAtLeast(v, since string) bool {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return false
	}
	m, _ := time.Parse(time.DateOnly, since)
	return !t.Before(m)
}

// quoteShort quotes caller text for an error message, cut to a readable length.
func quoteShort(s string) string {
	const n = 40
	if len(s) > n {
		s = s[:n] + "..."
	}
	return `"` + s + `"`
}
