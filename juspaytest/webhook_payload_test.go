package juspaytest_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The signed return query, checked against the published test vector.
func TestReturnQuery(t *testing.T) {
	srv := withSample(t)
	chargedOrder(t, srv, "ord_test_001", "1")
	q, err := srv.ReturnQuery("ord_test_001", "test_response_key_123")
	require.NoError(t, err)
	assert.Equal(t, url.Values{
		"order_id":            {"ord_test_001"},
		"status":              {"CHARGED"},
		"status_id":           {"21"},
		"signature":           {"5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%2Fd8hq6ANyZ8Mlg%3D"},
		"signature_algorithm": {"HMAC-SHA256"},
	}, q)
	assert.Contains(t, q.Encode(), "signature=5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%252Fd8hq6ANyZ8Mlg%253D", "as Juspay sends it in the URL")

	other, err := srv.ReturnQuery("ord_test_001", "another_key")
	require.NoError(t, err)
	assert.NotEqual(t, q.Get("signature"), other.Get("signature"))

	// A pending order returns its own status, signed.
	require.NoError(t, srv.AddOrder("ord_2", "1"))
	q, err = srv.ReturnQuery("ord_2", "test_response_key_123")
	require.NoError(t, err)
	assert.Equal(t, "NEW", q.Get("status"))
	assert.Equal(t, "10", q.Get("status_id"))

	_, err = srv.ReturnQuery("ord_none", "test_response_key_123")
	assert.Error(t, err)
	_, err = srv.ReturnQuery("ord_2", "")
	assert.Error(t, err)
}
