package main

import (
	"context"
	"net/http"

	"github.com/gojuspay/juspay"
)

// walletView is what the shop's pages see of a wallet: never its token,
// which pays for an order.
type walletView struct {
	ID      string         `json:"wallet_id"`
	Wallet  string         `json:"wallet"`
	Linked  bool           `json:"linked"`
	Balance *juspay.Amount `json:"balance,omitempty"`
}

func viewOf(w *juspay.WalletAccount) walletView {
	return walletView{ID: w.ID, Wallet: w.Wallet, Linked: w.Linked, Balance: w.CurrentBalance}
}

// signUp makes the Juspay customer that wallets belong to, once per shop
// user: GetOrCreate is keyed by the shop's own user ID, so a repeated
// sign-up finds the customer made the first time.
func (s *server) signUp(w http.ResponseWriter, r *http.Request) {
	var req struct {
		UserID       string `json:"user_id"`
		MobileNumber string `json:"mobile_number"`
		Email        string `json:"email"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	c, created, err := s.juspay.Customers.GetOrCreate(r.Context(), &juspay.CreateCustomerParams{
		ObjectReferenceID: req.UserID,
		MobileNumber:      req.MobileNumber,
		MobileCountryCode: "91",
		EmailAddress:      req.Email,
	})
	if err != nil {
		s.writeJuspayError(w, "sign up", err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"customer_id": c.ID, "created": created})
}

// listWallets shows the customer's wallets with fresh balances.
func (s *server) listWallets(w http.ResponseWriter, r *http.Request) {
	list, err := s.juspay.Wallets.RefreshAll(r.Context(), r.PathValue("customer"))
	if err != nil {
		s.writeJuspayError(w, "list wallets", err)
		return
	}
	views := make([]walletView, 0, len(list.Wallets))
	for i := range list.Wallets {
		views = append(views, viewOf(&list.Wallets[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"wallets": views})
}

// addWallet creates a wallet for the customer and has the provider text
// them an OTP.
func (s *server) addWallet(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Wallet       string `json:"wallet"` // e.g. "PAYTM"
		MobileNumber string `json:"mobile_number"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	acct, err := s.juspay.Wallets.Create(r.Context(), r.PathValue("customer"), &juspay.CreateWalletParams{
		Gateway:      req.Wallet,
		MobileNumber: req.MobileNumber,
		Authenticate: true, // send the OTP now
	})
	if err != nil {
		s.writeJuspayError(w, "add wallet", err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"wallet": viewOf(acct), "otp_sent": true})
}

// linkWallet submits the OTP the customer typed. A wrong OTP is not an
// error: the wallet stays unlinked and the page asks again.
func (s *server) linkWallet(w http.ResponseWriter, r *http.Request) {
	var req struct {
		OTP string `json:"otp"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	customer, walletID := r.PathValue("customer"), r.PathValue("wallet")
	if _, err := s.customerWallet(r.Context(), customer, walletID); err != nil {
		s.writeJuspayError(w, "link wallet", err)
		return
	}
	acct, err := s.juspay.Wallets.Link(r.Context(), walletID, req.OTP, juspay.WithRoutingID(customer))
	if err != nil {
		s.writeJuspayError(w, "link wallet", err)
		return
	}
	writeJSON(w, http.StatusOK, viewOf(acct))
}

// errNotYours is the answer for a wallet ID that is not one of the
// customer's: IDs from a browser are never trusted.
var errNotYours = &juspay.ValidationError{Op: "wallet", Field: "walletID", Reason: "is not one of the customer's wallets"}

// customerWallet finds walletID among the customer's wallets.
func (s *server) customerWallet(ctx context.Context, customer, walletID string) (*juspay.WalletAccount, error) {
	list, err := s.juspay.Wallets.List(ctx, customer)
	if err != nil {
		return nil, err
	}
	for i := range list.Wallets {
		if list.Wallets[i].ID == walletID {
			return &list.Wallets[i], nil
		}
	}
	return nil, errNotYours
}
