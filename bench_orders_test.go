package juspay_test

import (
	"context"
	"encoding/json"
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
	ID                            string            `json:"id"`
	OrderID                       string            `json:"order_id"`
	MerchantID                    string            `json:"merchant_id"`
	CustomerID                    string            `json:"customer_id"`
	CustomerEmail                 string            `json:"customer_email"`
	CustomerPhone                 string            `json:"customer_phone"`
	Status                        string            `json:"status"`
	StatusID                      int               `json:"status_id"`
	Amount                        json.Number       `json:"amount"`
	EffectiveAmount               *json.Number      `json:"effective_amount"`
	AmountRefunded                json.Number       `json:"amount_refunded"`
	Currency                      string            `json:"currency"`
	Refunded                      bool              `json:"refunded"`
	ReturnURL                     string            `json:"return_url"`
	ProductID                     string            `json:"product_id"`
	Description                   string            `json:"description"`
	UDF1, UDF2, UDF3, UDF4, UDF5  string            // encoding/json matches udf1 ... udf10
	UDF6, UDF7, UDF8, UDF9, UDF10 string            //
	DateCreated                   time.Time         `json:"date_created"`
	LastUpdated                   *time.Time        `json:"last_updated"`
	PaymentLinks                  map[string]string `json:"payment_links"`
	TxnID                         string            `json:"txn_id"`
	TxnUUID                       string            `json:"txn_uuid"`
	PaymentMethodType             string            `json:"payment_method_type"`
	PaymentMethod                 string            `json:"payment_method"`
	AuthType                      string            `json:"auth_type"`
	GatewayID                     int               `json:"gateway_id"`
	GatewayReferenceID            string            `json:"gateway_reference_id"`
	BankErrorCode                 string            `json:"bank_error_code"`
	BankErrorMessage              string            `json:"bank_error_message"`
	Txn                           *struct {
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

// floorGetOrder is Order Status written by hand.
func floorGetOrder(ctx context.Context, hc *http.Client, baseURL, orderID string) (*floorOrder, error) {
	o := new(floorOrder)
	err := floorGet(ctx, hc, baseURL+"/orders/"+url.PathEscape(orderID), "", o)
	return o, err
}

func walletStatusSample(b *testing.B) []byte {
	body, err := os.ReadFile(filepath.Join("testdata", "samples", "checkout", "order-status--wallet.json"))
	if err != nil {
		b.Fatal(err)
	}
	return body
}

const benchOrderID = "145678234"

// BenchmarkOrdersGetPaired compares Orders.Get with the floor, interleaved
// (runPaired), on Juspay's wallet order-status sample.
func BenchmarkOrdersGetPaired(b *testing.B) {
	srv := benchServer(b, walletStatusSample(b))
	hc := pooledClient(b)
	c := newServerClient(b, srv.URL, juspay.WithHTTPClient(hc))
	ctx := context.Background()
	runPaired(b, []benchSide{
		{name: "floor", call: func() {
			if o, err := floorGetOrder(ctx, hc, srv.URL, benchOrderID); err != nil || len(o.Refunds) != 1 {
				b.Fatal(err)
			}
		}},
		{name: "sdk", call: func() {
			if o, err := c.Orders.Get(ctx, benchOrderID); err != nil || len(o.Refunds) != 1 {
				b.Fatal(err)
			}
		}},
	})
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
			decodeEach(b, body, impl.v) // fails on any decoding error
		})
	}
}
