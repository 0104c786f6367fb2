// Package checkout is a merchant's code under test: the tests beside it show
// how to test an integration with juspaytest and with httpmock.
package checkout

import (
	"context"
	"fmt"

	"github.com/gojuspay/juspay"
)

// Spendable returns the customer's total balance, in paise, over linked
// wallets.
func Spendable(ctx context.Context, client *juspay.Client, customerID string) (int64, error) {
	list, err := client.Wallets.RefreshAll(ctx, customerID)
	if err != nil {
		return 0, fmt.Errorf("checkout: wallets of %s: %w", customerID, err)
	}
	var total int64
	for _, w := range list.Wallets {
		if !w.Linked || w.CurrentBalance == nil {
			continue
		}
		paise, err := w.CurrentBalance.MinorUnits()
		if err != nil {
			return 0, err
		}
		total += paise
	}
	return total, nil
}
