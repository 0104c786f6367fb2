package juspaytest

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"
)

// DefaultBalance is the balance of a wallet seeded or created without one: the
// figure of Juspay's link-wallet sample.
const DefaultBalance = "250"

// Customer is a Juspay customer and the wallets created against it, as given
// to AddCustomer.
type Customer struct {
	// ID is the customer_id, e.g. "cth_eN4e4kR12CJV". The server takes any
	// non-empty text, and finds an ID holding "/" or "?" when a client sends
	// it path-escaped ("a%2Fb"). The SDK refuses to send an empty ID, "." or
	// "..": a customer so named is reachable only by a raw request that
	// escapes the dots ("%2E%2E"), so give SDK tests other IDs. AddCustomer
	// makes one like Juspay's ("cst_...") when ID is empty and
	// ObjectReferenceID is not.
	ID string
	// ObjectReferenceID is the merchant's own ID for the customer, unique
	// among the server's customers; every endpoint finds the customer by it
	// as by ID. Optional.
	ObjectReferenceID string
	// MobileNumber, MobileCountryCode, EmailAddress, FirstName and LastName
	// are the customer's details, as Get Customer shows them (null when
	// empty, except mobile_number).
	MobileNumber      string
	MobileCountryCode string
	EmailAddress      string
	FirstName         string
	LastName          string
	// Wallets are the customer's wallets, listed in this order.
	Wallets []Wallet
}

// Wallet is one wallet account: what AddCustomer seeds and what Server.Wallet
// reports.
//
// The provider's balance belongs to the wallet whether or not it is linked;
// Juspay shows it (and a token) only while the wallet is linked.
type Wallet struct {
	// ID is the wallet's id; AddCustomer makes one ("wlm_000001", ...) when empty.
	ID string
	// Gateway is the provider, e.g. "PAYTM" (required).
	Gateway string
	// JuspayBankCode defaults to "JP_" + Gateway.
	JuspayBankCode string
	// Linked is whether the wallet is linked.
	Linked bool
	// Token is the wallet's current one-time payment token, shown while it is
	// linked; AddCustomer mints one for a linked wallet when empty. It must be
	// empty for an unlinked wallet.
	Token string
	// Balance is the provider's balance as exact decimal text, e.g. "100.50",
	// written to the wire as that JSON number; DefaultBalance when empty.
	Balance string
	// LastRefreshed is written to the wire as given, so that any of Juspay's
	// layouts can be served ("2023-09-11T08:29:47Z",
	// "2016-08-02T08:07:52+0000"); null when empty. A linked wallet seeded
	// without one, and a wallet when it is linked, get the server's clock
	// time; delinking clears it.
	LastRefreshed string
	// GatewayReferenceID is null on the wire when empty.
	GatewayReferenceID string
	// Metadata is written as a JSON object of strings, e.g. mobile_number and
	// device_id; omitted when empty.
	Metadata map[string]string
	// SubDetails are the balances of the wallet's payment methods, written as
	// given; omitted when empty, cleared by delinking.
	SubDetails []SubDetail
	// DueDate is the due date of a pay-later wallet as eligibility checks
	// show it, e.g. "03 December 2019"; omitted when empty.
	DueDate string
}

// SubDetail is one entry of a wallet's sub_details.
type SubDetail struct {
	// PaymentMethod is e.g. "PAYTM_POSTPAID".
	PaymentMethod string
	// PaymentMethodType defaults to "WALLET".
	PaymentMethodType string
	// Balance is exact decimal text; null on the wire when empty.
	Balance string
	// LastRefreshed is written as given; null when empty.
	LastRefreshed string
}

// store is the server's state. Every method runs with Server.mu held.
type store struct {
	customers   map[string][]string     // customer ID -> wallet IDs, in order
	profiles    map[string]*profile     // customer ID -> details, for every customer
	refs        map[string]string       // object_reference_id -> customer ID
	wallets     map[string]*walletState // wallet ID -> wallet
	tokens      map[string]*tokenState  // every token minted
	orders      map[string]*orderState  // order ID -> order, made by AddOrder or Create Order
	attempts    map[string]int          // order ID -> debits tried
	holdDebits  bool                    // debits stay PENDING_VBV until SettleOrder
	refundDelay time.Duration           // refunds settle SUCCESS this long after they are made; 0: never
	nextID      int
}

type walletState struct {
	Wallet
	customerID string
	otp        string // the OTP last sent, "" when none is pending
}

func newStore() store {
	return store{
		customers: map[string][]string{},
		profiles:  map[string]*profile{},
		refs:      map[string]string{},
		wallets:   map[string]*walletState{},
		tokens:    map[string]*tokenState{},
		orders:    map[string]*orderState{},
		attempts:  map[string]int{},
	}
}

// AddCustomer adds a customer and its wallets, and returns them as stored:
// with the customer ID, wallet IDs, tokens, bank codes and balances that were
// filled in. It fails, adding nothing, for a customer with neither ID nor
// ObjectReferenceID, a known customer ID or object reference ID, a wallet
// with no Gateway, a known wallet ID or token, an unlinked wallet with a
// token, or a balance that is not decimal text.
func (s *Server) AddCustomer(c Customer) (Customer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.store
	if c.ID == "" && c.ObjectReferenceID == "" {
		return Customer{}, errors.New("juspaytest: AddCustomer: empty customer ID and object reference ID")
	}
	if _, ok := st.customers[c.ID]; ok {
		return Customer{}, fmt.Errorf("juspaytest: AddCustomer: customer %q already exists", c.ID)
	}
	if _, ok := st.resolve(c.ObjectReferenceID); ok && c.ObjectReferenceID != "" {
		return Customer{}, fmt.Errorf("juspaytest: AddCustomer: object reference ID %q already exists", c.ObjectReferenceID)
	}
	ids := map[string]bool{}
	tokens := map[string]bool{}
	for i, w := range c.Wallets {
		if err := validWallet(w); err != nil {
			return Customer{}, fmt.Errorf("juspaytest: AddCustomer: wallet %d: %w", i, err)
		}
		if w.ID != "" && (ids[w.ID] || st.wallets[w.ID] != nil) {
			return Customer{}, fmt.Errorf("juspaytest: AddCustomer: wallet %d: wallet ID %q already exists", i, w.ID)
		}
		if w.Token != "" && (tokens[w.Token] || st.tokens[w.Token] != nil) {
			return Customer{}, fmt.Errorf("juspaytest: AddCustomer: wallet %d: token already exists", i)
		}
		ids[w.ID], tokens[w.Token] = true, true
	}

	out := c
	out.Wallets = make([]Wallet, 0, len(c.Wallets))
	out.ID = st.addProfile(c)
	for _, w := range c.Wallets {
		ws := st.addWallet(out.ID, copyWallet(w))
		if ws.Linked {
			if ws.Token == "" {
				st.mint(ws)
			} else {
				st.tokens[ws.Token] = &tokenState{walletID: ws.ID}
			}
			if ws.LastRefreshed == "" {
				ws.LastRefreshed = now()
			}
		}
		out.Wallets = append(out.Wallets, copyWallet(ws.Wallet))
	}
	return out, nil
}

func validWallet(w Wallet) error {
	if w.Gateway == "" {
		return errors.New("no Gateway")
	}
	if !w.Linked && w.Token != "" {
		return errors.New("an unlinked wallet has no token")
	}
	if w.Balance != "" && !isDecimal(w.Balance) {
		return fmt.Errorf("invalid Balance %q: want decimal text like 100.50", w.Balance)
	}
	for j, d := range w.SubDetails {
		if d.Balance != "" && !isDecimal(d.Balance) {
			return fmt.Errorf("SubDetails[%d]: invalid Balance %q: want decimal text like 100.50", j, d.Balance)
		}
	}
	return nil
}

// addWallet stores w for the customer, filling in its defaults.
func (st *store) addWallet(customerID string, w Wallet) *walletState {
	if w.ID == "" {
		for w.ID == "" || st.wallets[w.ID] != nil {
			st.nextID++
			w.ID = fmt.Sprintf("wlm_%06d", st.nextID)
		}
	}
	if w.JuspayBankCode == "" {
		w.JuspayBankCode = "JP_" + w.Gateway
	}
	if w.Balance == "" {
		w.Balance = DefaultBalance
	}
	for i := range w.SubDetails {
		if w.SubDetails[i].PaymentMethodType == "" {
			w.SubDetails[i].PaymentMethodType = "WALLET"
		}
	}
	ws := &walletState{Wallet: w, customerID: customerID}
	st.wallets[w.ID] = ws
	st.customers[customerID] = append(st.customers[customerID], w.ID)
	return ws
}

// Wallet reports the wallet with the given ID as it stands now: whether it is
// linked, its balance, its current token.
func (s *Server) Wallet(id string) (Wallet, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.store.wallets[id]
	if ws == nil {
		return Wallet{}, false
	}
	return copyWallet(ws.Wallet), true
}

// SetBalance sets the provider's balance of a wallet, e.g. to make the next
// debit fall short. It fails for an unknown wallet or a balance that is not
// decimal text.
func (s *Server) SetBalance(walletID, balance string) error {
	if !isDecimal(balance) {
		return fmt.Errorf("juspaytest: SetBalance: %q is not decimal text like 100.50", balance)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.store.wallets[walletID]
	if ws == nil {
		return fmt.Errorf("juspaytest: SetBalance: no wallet %q", walletID)
	}
	ws.Balance = balance
	return nil
}

// copyWallet returns w with its own map and slice, so that neither the
// caller nor the server changes the other's.
func copyWallet(w Wallet) Wallet {
	w.Metadata = maps.Clone(w.Metadata)
	w.SubDetails = slices.Clone(w.SubDetails)
	return w
}

// now is the server's clock as a last_refreshed value.
func now() string { return time.Now().UTC().Format("2006-01-02T15:04:05Z") }
