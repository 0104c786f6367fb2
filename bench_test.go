package juspay_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"testing"
	"time"

	"github.com/gojuspay/juspay"
)

// The benchmarks measure the SDK against what a careful engineer writes by
// hand with net/http and encoding/json (the "floor"), on a loopback server
// answering a canned body. BENCHMARKS.md has the commands, the figures and
// their reading.

// floorList mirrors WalletAccountList with plain types: enough for the
// canned body, none of the SDK's tolerance for Juspay's other shapes.
type floorList struct {
	Object  string        `json:"object"`
	Wallets []floorWallet `json:"list"`
	Offset  int           `json:"offset"`
	Count   int           `json:"count"`
	Total   int           `json:"total"`
}

type floorWallet struct {
	Object             string            `json:"object"`
	ID                 string            `json:"id"`
	Wallet             string            `json:"wallet"`
	JuspayBankCode     string            `json:"juspay_bank_code"`
	Token              string            `json:"token"`
	Linked             bool              `json:"linked"`
	CurrentBalance     json.Number       `json:"current_balance"`
	LastRefreshed      time.Time         `json:"last_refreshed"`
	GatewayReferenceID string            `json:"gateway_reference_id"`
	Metadata           map[string]string `json:"metadata"`
	SubDetails         []floorSubDetail  `json:"sub_details"`
}

type floorSubDetail struct {
	PaymentMethod     string      `json:"payment_method"`
	PaymentMethodType string      `json:"payment_method_type"`
	CurrentBalance    json.Number `json:"current_balance"`
	LastRefreshed     time.Time   `json:"last_refreshed"`
}

var floorAuth = "Basic " + base64.StdEncoding.EncodeToString([]byte(testAPIKey+":"))

// floorRefreshAll is Refresh All Wallets written by hand.
func floorRefreshAll(ctx context.Context, hc *http.Client, baseURL, customerID string) (*floorList, error) {
	list := new(floorList)
	err := floorGet(ctx, hc, baseURL+"/customers/"+url.PathEscape(customerID)+"/wallets/refresh-balances", customerID, list)
	return list, err
}

// floorGet is a GET written by hand with net/http and encoding/json: the
// request with the headers the SDK sends (x-routing-id only when routingID
// is set), the JSON body decoded into out, drained and closed.
func floorGet(ctx context.Context, hc *http.Client, url, routingID string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", floorAuth)
	req.Header.Set("x-merchantid", testMerchantID)
	if routingID != "" {
		req.Header.Set("x-routing-id", routingID)
	}
	req.Header.Set("version", juspay.DefaultAPIVersion)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "shop-backend/1.0")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	defer func() { _, _ = io.Copy(io.Discard, resp.Body) }()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// benchServer serves body to every request until the benchmark ends.
func benchServer(b *testing.B, body []byte) *testServer {
	return newTestServer(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
}

// pooledClient is a client with the SDK default client's pool settings,
// shared by the SDK and the floor so that only the code above the
// transport differs. It is closed when the benchmark ends.
func pooledClient(b *testing.B) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 256, 64
	hc := &http.Client{Transport: t}
	b.Cleanup(hc.CloseIdleConnections)
	return hc
}

// benchSide is one side of a paired benchmark: the name its metrics carry,
// and one call, which fails the benchmark on a wrong answer.
type benchSide struct {
	name  string
	call  func()
	total time.Duration
}

// runPaired runs the sides interleaved, one call of each per iteration in
// rotating order, so that every side sees the same moments of a shared,
// noisy machine. It reports each side's time per call (name-ns/call) and
// each later side's ratio to the first, the floor (name/floor): the figures
// BENCHMARKS.md reads its targets from.
func runPaired(b *testing.B, sides []benchSide) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		for j := range sides {
			side := &sides[(i+j)%len(sides)]
			start := time.Now()
			side.call()
			side.total += time.Since(start)
		}
	}
	floor := float64(sides[0].total)
	for i, side := range sides {
		b.ReportMetric(float64(side.total)/float64(b.N), side.name+"-ns/call")
		if i > 0 {
			b.ReportMetric(float64(side.total)/floor, side.name+"/floor")
		}
	}
}

// refreshAllSides serves n wallets and returns RefreshAll's sides over one
// pooled transport: the floor, the SDK, and the SDK with WithTimeout(0),
// which isolates what the per-attempt timeout (a context and a timer per
// attempt, which the floor does without) costs.
func refreshAllSides(b *testing.B, n int) []benchSide {
	srv := benchServer(b, walletsBody(n))
	hc := pooledClient(b)
	ctx := context.Background()
	sdk := func(opts ...juspay.Option) func() {
		c := newServerClient(b, srv.URL, append(opts, juspay.WithHTTPClient(hc))...)
		return func() {
			if list, err := c.Wallets.RefreshAll(ctx, testCustomerID); err != nil || len(list.Wallets) != n {
				b.Fatal(err)
			}
		}
	}
	return []benchSide{
		{name: "floor", call: func() {
			if list, err := floorRefreshAll(ctx, hc, srv.URL, testCustomerID); err != nil || len(list.Wallets) != n {
				b.Fatal(err)
			}
		}},
		{name: "sdk", call: sdk()},
		{name: "sdk-no-timeout", call: sdk(juspay.WithTimeout(0))},
	}
}

// BenchmarkRefreshAll compares the SDK's RefreshAll with the floor, one call
// at a time, over one pooled transport.
func BenchmarkRefreshAll(b *testing.B) {
	for _, n := range []int{2, 200} {
		for i, impl := range []string{"floor", "sdk"} {
			b.Run(fmt.Sprintf("wallets=%d/impl=%s", n, impl), func(b *testing.B) {
				call := refreshAllSides(b, n)[i].call
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					call()
				}
			})
		}
	}
}

// BenchmarkRefreshAllPaired makes the same comparison with the calls
// interleaved (runPaired), and adds the SDK without its per-attempt timeout.
func BenchmarkRefreshAllPaired(b *testing.B) {
	for _, n := range []int{2, 200} {
		b.Run(fmt.Sprintf("wallets=%d", n), func(b *testing.B) {
			runPaired(b, refreshAllSides(b, n))
		})
	}
}

// concurrentCallers is how many goroutines call at once in
// BenchmarkConcurrent.
const concurrentCallers = 32

// BenchmarkConcurrent runs 32 concurrent callers through the SDK, once with
// the SDK's default HTTP client and once with what http.DefaultClient gives
// (Go's default transport: 2 idle connections per host), reporting calls
// per second and the connections the server saw opened.
func BenchmarkConcurrent(b *testing.B) {
	body := walletsBody(2)
	run := func(b *testing.B, srv *testServer, c *juspay.Client) {
		b.ReportAllocs()
		procs := runtime.GOMAXPROCS(0)
		b.SetParallelism((concurrentCallers + procs - 1) / procs)
		opened := srv.conns.Load()
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			ctx := context.Background()
			for pb.Next() {
				if _, err := c.Wallets.RefreshAll(ctx, testCustomerID); err != nil {
					b.Error(err)
					return
				}
			}
		})
		b.StopTimer()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
		b.ReportMetric(float64(srv.conns.Load()-opened), "conns")
	}

	b.Run("tls=no/client=sdk-default", func(b *testing.B) {
		srv := benchServer(b, body)
		run(b, srv, newServerClient(b, srv.URL))
	})
	b.Run("tls=no/client=go-default", func(b *testing.B) {
		srv := benchServer(b, body)
		hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
		b.Cleanup(hc.CloseIdleConnections)
		run(b, srv, newServerClient(b, srv.URL, juspay.WithHTTPClient(hc)))
	})

	// Over TLS every connection avoided is a handshake avoided. The SDK's
	// default client cannot be told to trust the test certificate, so the
	// two sides are Go's default transport trusting it, with the SDK's 64
	// idle connections per host or Go's 2.
	tlsClient := func(srv *testServer, perHost int) *http.Client {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSClientConfig = srv.Client().Transport.(*http.Transport).TLSClientConfig.Clone()
		if perHost > 0 {
			t.MaxIdleConns, t.MaxIdleConnsPerHost = 256, perHost
		}
		return &http.Client{Transport: t}
	}
	for _, tc := range []struct {
		name    string
		perHost int
	}{{"sdk-default", 64}, {"go-default", 0}} {
		b.Run("tls=yes/client="+tc.name, func(b *testing.B) {
			srv := benchTLSServer(b, body)
			hc := tlsClient(srv, tc.perHost)
			defer hc.CloseIdleConnections()
			run(b, srv, newServerClient(b, srv.URL, juspay.WithHTTPClient(hc)))
		})
	}
}

// benchTLSServer is benchServer over TLS (HTTP/1.1, as httptest serves it).
func benchTLSServer(b *testing.B, body []byte) *testServer {
	s := &testServer{}
	srv := newUnstartedTestServer(s, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
	srv.StartTLS()
	s.Server = srv
	b.Cleanup(srv.Close)
	return s
}

// BenchmarkDecode measures decoding alone, as the list grows: the SDK's
// tolerant types against the floor's plain mirror.
func BenchmarkDecode(b *testing.B) {
	for _, n := range []int{2, 200, 20000} {
		body := walletsBody(n)
		for _, impl := range []struct {
			name  string
			v     func() any
			count func(any) int
		}{
			{"floor", func() any { return new(floorList) }, func(v any) int { return len(v.(*floorList).Wallets) }},
			{"sdk", func() any { return new(juspay.WalletAccountList) }, func(v any) int { return len(v.(*juspay.WalletAccountList).Wallets) }},
		} {
			b.Run(fmt.Sprintf("wallets=%d/impl=%s", n, impl.name), func(b *testing.B) {
				if got := impl.count(decodeEach(b, body, impl.v)); got != n {
					b.Fatalf("decoded %d wallets; want %d", got, n)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/wallet")
			})
		}
	}
}

// decodeEach is a decoding benchmark's loop: body unmarshalled b.N times,
// each into a new value from v. It returns the last value, to be checked.
func decodeEach(b *testing.B, body []byte, v func() any) any {
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	var out any
	for range b.N {
		out = v()
		if err := json.Unmarshal(body, out); err != nil {
			b.Fatal(err)
		}
	}
	return out
}
