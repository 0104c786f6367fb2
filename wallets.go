package juspay

import (
	"context"
	"net/http"
	"strings"
)

// WalletsService calls Juspay's wallet APIs. Reach it as Client.Wallets.
//
// A wallet goes through a lifecycle: Create it for a customer (optionally
// sending the OTP at once), Authenticate it (send the OTP), Link it with the
// OTP the customer received, then pay with its one-time Token
// (PaymentsService.DirectDebit), Refresh its balance, and Delink it. Calls
// that change a wallet (Create, Authenticate, Link, Delink,
// UpdateMobileNumber) are writes: see Retries in the package doc.
type WalletsService struct {
	client *Client
}

// CreateWalletParams are the fields of a new wallet. Gateway is required.
type CreateWalletParams struct {
	// Gateway is the wallet provider, e.g. "PAYTM" or "MOBIKWIK". Required.
	Gateway string
	// Authenticate asks the provider to send the customer an OTP at once
	// (command=authenticate), saving a separate Authenticate call.
	Authenticate bool
	// MobileNumber is the customer's number at the provider, where it
	// differs from the one Juspay holds for the customer.
	MobileNumber string
	// GatewayReferenceID picks one of several accounts the merchant holds
	// with the same provider.
	GatewayReferenceID string
	// ClientAuthToken authenticates a call made on behalf of a client
	// session. It is a secret: it never appears in errors or logs.
	ClientAuthToken string
}

// AuthenticateWalletParams are the optional fields of Authenticate.
type AuthenticateWalletParams struct {
	// GatewayReferenceID picks one of several accounts the merchant holds
	// with the same provider.
	GatewayReferenceID string
	// ClientAuthToken authenticates a call made on behalf of a client
	// session. It is a secret: it never appears in errors or logs.
	ClientAuthToken string
}

// createWalletForm is the body of POST /customers/{id}/wallets.
type createWalletForm struct {
	Gateway            string `url:"gateway"`
	Command            string `url:"command,omitempty"`
	MobileNumber       string `url:"mobile_number,omitempty"`
	GatewayReferenceID string `url:"gateway_reference_id,omitempty"`
	ClientAuthToken    string `url:"client_auth_token,omitempty"`
}

// walletCommandForm is the body of POST /wallets/{id}: one command and the
// fields it takes.
type walletCommandForm struct {
	Command            string `url:"command"`
	OTP                string `url:"otp,omitempty"`
	MobileNumber       string `url:"mobile_number,omitempty"`
	GatewayReferenceID string `url:"gateway_reference_id,omitempty"`
	ClientAuthToken    string `url:"client_auth_token,omitempty"`
}

// The commands POST /wallets/{id} takes.
const (
	cmdAuthenticate = "authenticate"
	cmdLink         = "link"
	cmdDelink       = "delink"
	cmdRefresh      = "refresh"
	cmdUpdate       = "update"
)

// minMobileUpdateVersion is the oldest API version whose POST /wallets/{id}
// understands command=update.
const minMobileUpdateVersion = "2019-09-17"

// RefreshAll asks every wallet provider for the current balance of each
// wallet the customer has created, and returns them all. A read.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/refresh-all-wallets
//
// It sends GET /customers/{customerID}/wallets/refresh-balances, with the
// customer ID as x-routing-id unless WithRoutingID gives another. Juspay
// calls every provider in turn, so the call is slow (see WithTimeout). Linked
// wallets have a CurrentBalance; unlinked ones have none. An unknown
// customer is a 400 (errors.Is(err, ErrInvalidRequest)) and a wrong key a
// 401 (ErrAuthentication).
func (s *WalletsService) RefreshAll(ctx context.Context, customerID string, opts ...Option) (*WalletAccountList, error) {
	r, err := customerWallets("refresh all wallets", customerID, "/wallets/refresh-balances")
	if err != nil {
		return nil, err
	}
	return send[WalletAccountList](ctx, s.client, r, opts)
}

// List returns the wallets the customer has created, linked or not, without
// asking the providers for balances. A read.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/list-wallets
//
// It sends GET /customers/{customerID}/wallets, with the customer ID as
// x-routing-id unless WithRoutingID gives another. A linked wallet carries a
// fresh one-time Token, valid for 15 minutes. Count and Total are Juspay's
// and may differ from len(Wallets).
func (s *WalletsService) List(ctx context.Context, customerID string, opts ...Option) (*WalletAccountList, error) {
	r, err := customerWallets("list wallets", customerID, "/wallets")
	if err != nil {
		return nil, err
	}
	return send[WalletAccountList](ctx, s.client, r, opts)
}

// customerWallets builds GET /customers/{customerID}{suffix}, whose answer
// is a page of wallets. The customer ID is the default x-routing-id.
func customerWallets(op, customerID, suffix string) (*request, error) {
	id, err := pathSegment(op, "customerID", customerID)
	if err != nil {
		return nil, err
	}
	return &request{op: op, method: http.MethodGet, path: "/customers/" + id + suffix, routingID: customerID}, nil
}

// Create creates a wallet at p.Gateway for the customer. With
// p.Authenticate set, the provider also sends the customer an OTP, to be
// passed to Link. A write: see Retries in the package doc (on
// ErrOutcomeUnknown, List the customer's wallets to see whether it exists).
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/create-wallet
//
// It sends POST /customers/{customerID}/wallets, with the customer ID as
// x-routing-id unless WithRoutingID gives another. The new wallet is not
// linked and has no balance. p and p.Gateway are required: without them the
// call fails before anything is sent.
func (s *WalletsService) Create(ctx context.Context, customerID string, p *CreateWalletParams, opts ...Option) (*WalletAccount, error) {
	const op = "create wallet"
	id, err := pathSegment(op, "customerID", customerID)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, invalid(op, "params", "are nil; Gateway is required")
	}
	if strings.TrimSpace(p.Gateway) == "" {
		return nil, invalid(op, "Gateway", "is empty")
	}
	f := createWalletForm{
		Gateway:            p.Gateway,
		MobileNumber:       p.MobileNumber,
		GatewayReferenceID: p.GatewayReferenceID,
		ClientAuthToken:    p.ClientAuthToken,
	}
	if p.Authenticate {
		f.Command = cmdAuthenticate
	}
	form, err := formOf(op, f)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/customers/" + id + "/wallets", routingID: customerID,
		write: true, form: form, secrets: secretsOf(p.ClientAuthToken)}
	return send[WalletAccount](ctx, s.client, r, opts)
}

// Get returns one wallet. For a linked wallet Juspay mints a fresh one-time
// Token on every Get, valid for 15 minutes, to pay with. A read (a retried
// Get may mint more than one token; only the last one returned matters).
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/get-wallet
//
// It sends GET /wallets/{walletID}, with no x-routing-id unless
// WithRoutingID gives one (pass the customer ID, as Juspay recommends).
func (s *WalletsService) Get(ctx context.Context, walletID string, opts ...Option) (*WalletAccount, error) {
	const op = "get wallet"
	id, err := pathSegment(op, "walletID", walletID)
	if err != nil {
		return nil, err
	}
	return send[WalletAccount](ctx, s.client, &request{op: op, method: http.MethodGet, path: "/wallets/" + id}, opts)
}

// Authenticate asks the wallet's provider to send the customer an OTP, to be
// passed to Link. p may be nil. A write, because a repeat would send the
// customer a second OTP: see Retries in the package doc.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/authenticate-wallet
//
// It sends POST /wallets/{walletID} with command=authenticate, and no
// x-routing-id unless WithRoutingID gives one.
func (s *WalletsService) Authenticate(ctx context.Context, walletID string, p *AuthenticateWalletParams, opts ...Option) (*WalletAccount, error) {
	if p == nil {
		p = &AuthenticateWalletParams{}
	}
	return s.command(ctx, "authenticate wallet", walletID, walletCommandForm{
		Command:            cmdAuthenticate,
		GatewayReferenceID: p.GatewayReferenceID,
		ClientAuthToken:    p.ClientAuthToken,
	}, opts)
}

// Link submits the OTP the customer received (from Create with Authenticate
// set, or from Authenticate) and links the wallet to the customer. A write:
// see Retries in the package doc (on ErrOutcomeUnknown, Get the wallet to
// see whether it is linked).
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/link-wallet
//
// It sends POST /wallets/{walletID} with command=link and the OTP, and no
// x-routing-id unless WithRoutingID gives one. A wrong OTP is not an error:
// Juspay answers 200 with the wallet still unlinked, so check Linked. A
// linked wallet comes back with its balance and a one-time Token. An empty
// OTP fails before anything is sent; the OTP never appears in errors or
// logs.
func (s *WalletsService) Link(ctx context.Context, walletID, otp string, opts ...Option) (*WalletAccount, error) {
	const op = "link wallet"
	if strings.TrimSpace(otp) == "" {
		return nil, invalid(op, "OTP", "is empty")
	}
	return s.command(ctx, op, walletID, walletCommandForm{Command: cmdLink, OTP: otp}, opts)
}

// Delink unlinks the wallet from the customer; its tokens stop working. A
// write: see Retries in the package doc.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/delink-wallet
//
// It sends POST /wallets/{walletID} with command=delink, and no
// x-routing-id unless WithRoutingID gives one. Juspay has been seen to
// answer linked as the string "false"; Linked reads it either way.
func (s *WalletsService) Delink(ctx context.Context, walletID string, opts ...Option) (*WalletAccount, error) {
	return s.command(ctx, "delink wallet", walletID, walletCommandForm{Command: cmdDelink}, opts)
}

// Refresh asks the provider for the current balance of one linked wallet.
// A read: although a POST, it changes nothing.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/refresh-wallet
//
// It sends POST /wallets/{walletID} with command=refresh, and no
// x-routing-id unless WithRoutingID gives one.
func (s *WalletsService) Refresh(ctx context.Context, walletID string, opts ...Option) (*WalletAccount, error) {
	return s.command(ctx, "refresh wallet", walletID, walletCommandForm{Command: cmdRefresh}, opts)
}

// UpdateMobileNumber changes the mobile number Juspay holds for the wallet,
// for a customer whose number at the provider changed. A write: see Retries
// in the package doc.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/update-mobile-number
//
// It sends POST /wallets/{walletID} with command=update and mobile_number,
// and no x-routing-id unless WithRoutingID gives one. Juspay understands the
// command from API version 2019-09-17 on: with an older WithAPIVersion, or
// an empty number, the call fails before anything is sent.
func (s *WalletsService) UpdateMobileNumber(ctx context.Context, walletID, mobileNumber string, opts ...Option) (*WalletAccount, error) {
	const op = "update wallet mobile number"
	if strings.TrimSpace(mobileNumber) == "" {
		return nil, invalid(op, "mobileNumber", "is empty")
	}
	return s.command(ctx, op, walletID, walletCommandForm{Command: cmdUpdate, MobileNumber: mobileNumber}, opts)
}

// command sends POST /wallets/{walletID} with one command: a read for
// refresh, which changes nothing, and a write for every other command. The
// OTP and the client auth token it carries are the call's secrets.
func (s *WalletsService) command(ctx context.Context, op, walletID string, f walletCommandForm, opts []Option) (*WalletAccount, error) {
	id, err := pathSegment(op, "walletID", walletID)
	if err != nil {
		return nil, err
	}
	form, err := formOf(op, f)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/wallets/" + id, form: form,
		write: f.Command != cmdRefresh, secrets: secretsOf(f.OTP, f.ClientAuthToken)}
	if f.Command == cmdUpdate {
		r.minVersion = minMobileUpdateVersion
	}
	return send[WalletAccount](ctx, s.client, r, opts)
}
