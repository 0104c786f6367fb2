package juspay

import (
	"context"
	"net/http"
)

// WalletsService calls Juspay's wallet APIs. Reach it as Client.Wallets.
type WalletsService struct {
	client *Client
}

// RefreshAll asks every wallet provider for the current balance of each
// wallet the customer has created, and returns them all.
//
// Juspay docs: https://juspay.io/in/docs/api-reference/docs/express-checkout/refresh-all-wallets
//
// It sends GET /customers/{customerID}/wallets/refresh-balances, with the
// customer ID as x-routing-id unless WithRoutingID gives another. Juspay
// calls every provider in turn, so the call is slow (see WithTimeout). Linked
// wallets have a CurrentBalance; unlinked ones have none. An unknown
// customer is a 400 (errors.Is(err, ErrInvalidRequest)) and a wrong key a
// 401 (ErrAuthentication). It is a read: connection failures, attempt
// timeouts, 408, 429 and 5xx are retried.
func (s *WalletsService) RefreshAll(ctx context.Context, customerID string, opts ...Option) (*WalletAccountList, error) {
	const op = "refresh all wallets"
	id, err := pathSegment(op, "customer ID", customerID)
	if err != nil {
		return nil, err
	}
	cfg, err := s.client.callConfig(opts)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodGet, path: "/customers/" + id + "/wallets/refresh-balances", routingID: customerID}
	list := new(WalletAccountList)
	if err := s.client.do(ctx, cfg, r, list); err != nil {
		return nil, err
	}
	return list, nil
}
