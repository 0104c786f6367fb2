package main

import (
	"bytes"
	"context"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunWithoutCredentials is the first-run promise: with no API key the
// example talks to the embedded fake Juspay and prints the sample's wallets.
func TestRunWithoutCredentials(t *testing.T) {
	t.Setenv("JUSPAY_API_KEY", "")
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), nil, &out))

	text := out.String()
	assert.Contains(t, text, "embedded fake Juspay")
	assert.Regexp(t, regexp.MustCompile(`(?m)^MOBIKWIK\s+yes\s+100\s+2023-09-11T08:29:47Z\s+MOBIKWIK 100$`), text)
	assert.Regexp(t, regexp.MustCompile(`(?m)^PAYTM\s+yes\s+95\s+2023-09-11T08:29:46Z\s+PAYTM_POSTPAID 22222, PAYTM 95$`), text)
}

func TestRunUnknownCustomer(t *testing.T) {
	t.Setenv("JUSPAY_API_KEY", "")
	err := run(context.Background(), []string{"cth_nobody"}, &bytes.Buffer{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `customer "cth_nobody" was refused`)
	assert.Contains(t, err.Error(), "Customer not found")
}
