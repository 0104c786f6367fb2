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
			for round := range rounds {
				order := "ord_c" + strconv.Itoa(i) + "_" + strconv.Itoa(round)
				if err := srv.AddOrder(order, "0.01"); err != nil {
					t.Error(err)
					return
				}
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
				if r = call(http.MethodPost, "/txns", debitForm(srv, order, "PAYTM", token)); r.status == http.StatusOK {
					assert.Equal(t, "CHARGED", r.json(t)["status"])
				} else if token != "" {
					assert.Equal(t, http.StatusServiceUnavailable, r.status, "only the scripted faults fail: %s", r.body)
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

// Every spent token is refused, even when the same token is raced over
// orders of its own.
func TestConcurrentDebitsSpendOnce(t *testing.T) {
	srv := withSample(t)
	const n = 20
	for i := range n {
		require.NoError(t, srv.AddOrder("ord_r"+strconv.Itoa(i), "1"))
	}
	var wg sync.WaitGroup
	statuses := make(chan int, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses <- do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_r"+strconv.Itoa(i), "PAYTM", paytmToken)).status
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
	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "94", w.Balance)
}

// An order is paid once, even when fresh tokens race to pay it.
func TestConcurrentDebitsChargeOrderOnce(t *testing.T) {
	srv := withSample(t)
	require.NoError(t, srv.AddOrder("ord_1", "1"))
	const n = 20
	tokens := make([]string, n)
	for i := range tokens {
		tokens[i] = requireOK(t, do(t, srv, http.MethodGet, "/wallets/"+paytmID, nil))["token"].(string)
	}
	var wg sync.WaitGroup
	results := make(chan response, n)
	for _, token := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- do(t, srv, http.MethodPost, "/txns", debitForm(srv, "ord_1", "PAYTM", token))
		}()
	}
	wg.Wait()
	close(results)
	ok := 0
	for r := range results {
		if r.status == http.StatusOK {
			ok++
			continue
		}
		requireError(t, r, 400, "Invalid Request", "invalid_request")
	}
	assert.Equal(t, 1, ok)
	w, _ := srv.Wallet(paytmID)
	assert.Equal(t, "94", w.Balance)
}
