package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun checks the example's steps happen, in their order.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	rest := out.String()
	for _, step := range []string{
		"(user-1001) created=true",
		"2. wallet PAYTM linked=true balance=250",
		"3. order ord_checkout_0001 120.50 INR NEW",
		"4. debit sent, answer lost",
		"5. order ord_checkout_0001 CHARGED: paid 120.50 INR by PAYTM (DIRECT_DEBIT)",
		"6. refund rf_checkout_0001_1 of 20.50: PENDING (refunds on the order: 1)",
		"7. refund rf_checkout_0001_1 SUCCESS; refunded 20.50 of 120.50, fully refunded=false",
	} {
		i := strings.Index(rest, step)
		require.GreaterOrEqual(t, i, 0, "step %q missing, or out of order, in:\n%s", step, out.String())
		rest = rest[i+len(step):]
	}
	assert.NotRegexp(t, `tkn?_`, out.String(), "no token may be printed")
}
