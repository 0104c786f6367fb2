package juspay

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeWalletListRecycled decodes pages one after another, so that
// each may get the wire list the one before it used: no page may see
// another's values, and an absent, null or empty list keeps its meaning.
func TestDecodeWalletListRecycled(t *testing.T) {
	decode := func(body string) WalletAccountList {
		t.Helper()
		var l WalletAccountList
		require.NoError(t, l.decodeFrom(json.NewDecoder(strings.NewReader(body))))
		return l
	}
	full := `{"list":[` +
		`{"id":"w1","linked":true,"current_balance":1,"metadata":{"k":"v"},"sub_details":[{"payment_method":"P","current_balance":2}]},` +
		`{"id":"w2","token":"tk","current_balance":3},{"id":"w3"}]}`
	for range 3 {
		l := decode(full)
		require.Len(t, l.Wallets, 3)
		assert.Equal(t, "2", l.Wallets[0].SubDetails[0].CurrentBalance.String())
		assert.Equal(t, "3", l.Wallets[1].CurrentBalance.String())

		one := decode(`{"list":[{"id":"w9"}],"count":1}`)
		require.Len(t, one.Wallets, 1)
		assert.Equal(t, WalletAccount{ID: "w9"}, one.Wallets[0], "nothing of an earlier page")

		assert.Nil(t, decode(`{"count":0}`).Wallets, "no list")
		assert.Nil(t, decode(`{"list":null}`).Wallets)
		empty := decode(`{"list":[]}`).Wallets
		assert.NotNil(t, empty, "an empty list stays a list")
		assert.Empty(t, empty)
	}
}

// TestWalletSlabIsolation checks that wallets of one page that share the
// slab do not share values: appending to one wallet's sub-details or
// changing its balance leaves the next wallet's alone.
func TestWalletSlabIsolation(t *testing.T) {
	var l WalletAccountList
	body := `{"list":[{"current_balance":1,"sub_details":[{"current_balance":2}]},` +
		`{"current_balance":3,"sub_details":[{"current_balance":4}]}]}`
	require.NoError(t, l.decodeFrom(json.NewDecoder(strings.NewReader(body))))
	require.Len(t, l.Wallets, 2)
	l.Wallets[0].SubDetails = append(l.Wallets[0].SubDetails, WalletSubDetail{PaymentMethod: "X"})
	*l.Wallets[0].CurrentBalance = Amount{text: "9"}
	assert.Equal(t, "3", l.Wallets[1].CurrentBalance.String())
	assert.Equal(t, "4", l.Wallets[1].SubDetails[0].CurrentBalance.String())
	assert.Equal(t, "", l.Wallets[1].SubDetails[0].PaymentMethod)
}
