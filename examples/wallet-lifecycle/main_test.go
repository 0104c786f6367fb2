package main

import (
	"bytes"
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	text := out.String()
	for _, line := range []string{
		"link with a wrong OTP  linked=false",
		"link with the OTP      linked=true balance=250",
		"Token: [redacted]",
		"eligible for 120.50?  PAYTM true",
		"status=CHARGED",
		"debit again with the same token  400 EXPIRED",
		"debit the paid order with a fresh token  400 invalid_request",
		"balance after the debit  129.50",
		"delinked  linked=false balance=<nil>",
	} {
		assert.Contains(t, text, line)
	}
	assert.NotContains(t, text, "tk_", "no token may be printed")
}

// The wrong OTP the example links with must never be one the fake sends,
// which are 100000 to 999999: else the example could link by chance.
func TestWrongOTPIsNeverSent(t *testing.T) {
	n, err := strconv.Atoi(wrongOTP)
	require.NoError(t, err)
	assert.Len(t, wrongOTP, 6)
	assert.Less(t, n, 100000)
}
