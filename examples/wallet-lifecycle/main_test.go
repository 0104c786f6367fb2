package main

import (
	"bytes"
	"context"
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
		"Token: [REDACTED]",
		"eligible for 120.50?  PAYTM true",
		"status=CHARGED",
		"debit again with the same token  400 EXPIRED",
		"balance after the debit  129.50",
		"delinked  linked=false balance=<nil>",
	} {
		assert.Contains(t, text, line)
	}
	assert.NotContains(t, text, "tk_", "no token may be printed")
}
