package juspaytest_test

import (
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Many clients at once, with the test reading and seeding alongside: run
// under -race.
func TestConcurrentUse(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_c", "0.01"))
	const workers, rounds = 16, 10
	srv.Fail(workers, juspaytest.StatusFault(503, nil, ""))

	var (
		wg   sync.WaitGroup
		sent atomic.Int64
	)
	call := func(method, path string, form url.Values) response {
		sent.Add(1)
		return do(t, srv, method, path, form)
	}
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			customer := "cth_c" + strconv.Itoa(i)
			if _, err := srv.AddCustomer(juspaytest.Customer{ID: customer}); err != nil {
				t.Error(err)
				return
			}
			for range rounds {
				call(http.MethodGet, refreshPath, nil)
				r := call(http.MethodPost, "/customers/"+customer+"/wallets",
					url.Values{"gateway": {"PAYTM"}, "command": {"authenticate"}})
				if r.status != http.StatusOK {
					assert.Equal(t, http.StatusServiceUnavailable, r.status, "only the scripted faults fail")
					continue
				}
				id := r.json(t)["id"].(string)
				otp, _ := srv.OTP(id)
				call(http.MethodPost, "/wallets/"+id, url.Values{"command": {"link"}, "otp": {otp}})
				r = call(http.MethodGet, "/wallets/"+id, nil)
				if r.status != http.StatusOK {
					continue
				}
				token, _ := r.json(t)["token"].(string)
				if r = call(http.MethodPost, "/txns", debitForm(srv, "ord_c", "PAYTM", token)); r.status == http.StatusOK {
					assert.Equal(t, "CHARGED", r.json(t)["status"])
				}
				call(http.MethodPost, "/customers/"+customer+"/eligibility", url.Values{"amount": {"1"}})
				_ = srv.SetBalance(id, "10")
				_, _ = srv.Wallet(id)
				_ = srv.Requests()
				_, _ = srv.LastRequest()
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, int(sent.Load()), len(srv.Requests()))
}

// Every spent token is refused, even when the same token is raced.
func TestConcurrentDebitsSpendOnce(t *testing.T) {
	srv := withSample(t)
	var wg sync.WaitGroup
	statuses := make(chan int, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses <- do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", paytmToken)).status
		}()
	}
	wg.Wait()
	close(statuses)
	ok := 0
	for s := range statuses {
		if s == http.StatusOK {
			ok++
		}
	}
	assert.Equal(t, 1, ok)
}
