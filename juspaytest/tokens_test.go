package juspaytest_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOTP(t *testing.T) {
	srv := withSample(t)
	_, ok := srv.OTP(paytmID)
	assert.False(t, ok, "none sent yet")
	_, ok = srv.OTP("wlm_none")
	assert.False(t, ok)

	requireOK(t, do(t, srv, http.MethodPost, "/wallets/"+paytmID, url.Values{"command": {"authenticate"}}))
	otp, ok := srv.OTP(paytmID)
	require.True(t, ok)
	assert.Regexp(t, `^\d{6}$`, otp)

	// Every OTP is in [100000, 999999], so "000000" is always a wrong one.
	// A tenth of six-digit draws would fall below; 300 would miss them all
	// with a chance of 0.9^300, about 2e-14.
	for range 300 {
		requireOK(t, do(t, srv, http.MethodPost, "/wallets/"+paytmID, url.Values{"command": {"authenticate"}}))
		otp, _ := srv.OTP(paytmID)
		n, err := strconv.Atoi(otp)
		require.NoError(t, err, otp)
		require.True(t, n >= 100000 && n <= 999999, "OTP %q", otp)
	}

	// A delink drops a pending OTP.
	requireOK(t, do(t, srv, http.MethodPost, "/wallets/"+paytmID, url.Values{"command": {"delink"}}))
	_, ok = srv.OTP(paytmID)
	assert.False(t, ok)
}
