// Command quickstart is the README's first sample: it prints a customer's
// wallets with their balances, using credentials from the environment.
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/gojuspay/juspay"
)

func main() {
	client, err := juspay.NewClientFromEnv() // JUSPAY_API_KEY, JUSPAY_MERCHANT_ID
	if err != nil {
		log.Fatal(err)
	}
	list, err := client.Wallets.RefreshAll(context.Background(), "cth_eN4e4kR12CJV")
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range list.Wallets {
		fmt.Println(w.Wallet, w.Linked, w.CurrentBalance) // PAYTM true 95
	}
}
