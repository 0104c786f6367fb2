package juspay_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gojuspay/juspay"
)

// Orders.Get against the floor: Order Status written by hand with net/http
// and encoding/json, on a loopback server answering Juspay's published
// wallet order-status sample. BENCHMARKS.md has the commands and figures.

// floorOrder mirrors Order with plain types: enough for the sample, none
// of the SDK's tolerance for the webhooks' text numbers, {} and FILTERED.
type floorOrder struct {
	ID                 string            `json:"id"`
	OrderID            string            `json:"order_id"`
	MerchantID         string            `json:"merchant_id"`
	CustomerID         string            `json:"customer_id"`
	CustomerEmail      string            `json:"customer_email"`
	CustomerPhone      string            `json:"customer_phone"`
	Status             string            `json:"status"`
	StatusID           int               `json:"status_id"`
	Amount             json.Number       `json:"amount"`
	EffectiveAmount    *json.Number      `json:"effective_amount"`
	AmountRefunded     json.Number       `json:"amount_refunded"`
	Currency           string            `json:"currency"`
	Refunded           bool              `json:"refunded"`
	ReturnURL          string            `json:"return_url"`
	ProductID          string            `json:"product_id"`
	Description        string            `json:"description"`
	UDF1               string            `json:"udf1"`
	UDF2               string            `json:"udf2"`
	UDF3               string            `json:"udf3"`
	UDF4               string            `json:"udf4"`
	UDF5               string            `json:"udf5"`
	UDF6               string            `json:"udf6"`
	UDF7               string            `json:"udf7"`
	UDF8               string            `json:"udf8"`
	UDF9               string            `json:"udf9"`
	UDF10              string            `json:"udf10"`
	DateCreated        time.Time         `json:"date_created"`
	LastUpdated        *time.Time        `json:"last_updated"`
	PaymentLinks       map[string]string `json:"payment_links"`
	TxnID              string            `json:"txn_id"`
	TxnUUID            string            `json:"txn_uuid"`
	PaymentMethodType  string            `json:"payment_method_type"`
	PaymentMethod      string            `json:"payment_method"`
	AuthType           string            `json:"auth_type"`
	GatewayID          int               `json:"gateway_id"`
	GatewayReferenceID string            `json:"gateway_reference_id"`
	BankErrorCode      string            `json:"bank_error_code"`
	BankErrorMessage   string            `json:"bank_error_message"`
	Txn                *struct {
		TxnID, TxnUUID, OrderID, Status, ErrorCode, ErrorMessage, Currency, Gateway string
		TxnAmount, NetAmount                                                        *json.Number
		GatewayID                                                                   int
		Redirect, ExpressCheckout                                                   bool
		Created                                                                     time.Time
	} `json:"txn_detail"`
	GatewayResponse *struct {
		TxnID, RRN, RespCode, RespMessage, AuthIDCode string
		EpgTxnID                                      string `json:"epg_txn_id"`
		Created                                       time.Time
	} `json:"payment_gateway_response"`
	Refunds []struct {
		UniqueRequestID string      `json:"unique_request_id"`
		ID, Ref, ARN    string      //
		Status          string      //
		Amount          json.Number //
		SentToGateway   bool        `json:"sent_to_gateway"`
		InitiatedBy     string      `json:"initiated_by"`
		ErrorMessage    string      `json:"error_message"`
		Created         time.Time   //
	} `json:"refunds"`
}

// floorGetOrder is Order Status written by hand: the same request, the
// same headers, the body decoded, drained and closed.
func floorGetOrder(ctx context.Context, hc *http.Client, baseURL, orderID string) (*floorOrder, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/orders/"+url.PathEscape(orderID), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", floorAuth)
	req.Header.Set("x-merchantid", trMerchant)
	req.Header.Set("version", juspay.DefaultAPIVersion)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "shop-backend/1.0")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	defer func() { _, _ = io.Copy(io.Discard, resp.Body) }()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("order status: %s", resp.Status)
	}
	var o floorOrder
	if err := json.NewDecoder(resp.Body).Decode(&o); err != nil {
		return nil, err
	}
	return &o, nil
}

func walletStatusSample(b *testing.B) []byte {
	body, err := os.ReadFile(filepath.Join("testdata", "samples", "checkout", "order-status--wallet.json"))
	if err != nil {
		b.Fatal(err)
	}
	return body
}

const benchOrderID = "145678234"

// BenchmarkOrdersGetPaired compares Orders.Get with the floor, the calls
// interleaved one of each per iteration in rotating order (as
// BenchmarkRefreshAllPaired does), and reports each side's time per call
// and sdk/floor, the figure the target is about.
func BenchmarkOrdersGetPaired(b *testing.B) {
	srv := benchServer(b, walletStatusSample(b))
	hc := pooledClient()
	defer hc.CloseIdleConnections()
	c := newTRClient(b, srv.URL, juspay.WithHTTPClient(hc))
	ctx := context.Background()
	sides := []struct {
		call  func()
		total time.Duration
	}{
		{call: func() {
			if o, err := floorGetOrder(ctx, hc, srv.URL, benchOrderID); err != nil || len(o.Refunds) != 1 {
				b.Fatal(err)
			}
		}},
		{call: func() {
			if o, err := c.Orders.Get(ctx, benchOrderID); err != nil || len(o.Refunds) != 1 {
				b.Fatal(err)
			}
		}},
	}
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
	floor, sdk := float64(sides[0].total), float64(sides[1].total)
	b.ReportMetric(floor/float64(b.N), "floor-ns/call")
	b.ReportMetric(sdk/float64(b.N), "sdk-ns/call")
	b.ReportMetric(sdk/floor, "sdk/floor")
}

// BenchmarkDecodeOrder measures decoding alone: the SDK's tolerant Order
// against the floor's plain mirror, on the wallet order-status sample.
func BenchmarkDecodeOrder(b *testing.B) {
	body := walletStatusSample(b)
	for _, impl := range []struct {
		name string
		v    func() any
	}{
		{"floor", func() any { return new(floorOrder) }},
		{"sdk", func() any { return new(juspay.Order) }},
	} {
		b.Run("impl="+impl.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for range b.N {
				if err := json.Unmarshal(body, impl.v()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
