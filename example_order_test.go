package juspay_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/gojuspay/juspay"
)

// A webhook's order decodes into Order, whatever Juspay writes as text or
// masks.
func ExampleOrder() {
	var o juspay.Order
	err := json.Unmarshal([]byte(`{"order_id":"ord_1001","status":"CHARGED","status_id":"21",
		"amount":"120.50","refunded":"false","customer_email":"FILTERED","udf1":"cart-7",
		"txn_detail":{"txn_flow_type":"DIRECT_DEBIT","tax_amount":{}},"date_created":"2024-06-19T11:28:37Z"}`), &o)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.OrderID, o.Status, o.StatusID, o.Amount, o.Refunded, o.CustomerEmail == "", o.UDF[0])
	fmt.Println(o.Txn.TxnFlowType, o.DateCreated.Format(time.RFC3339))
	// Output:
	// ord_1001 CHARGED 21 120.50 false true cart-7
	// DIRECT_DEBIT 2024-06-19T11:28:37Z
}

func ExampleOrder_FindRefund() {
	o := juspay.Order{Refunds: []juspay.Refund{
		{UniqueRequestID: "rf_1", Status: juspay.RefundSuccess, Amount: mustAmount("5")},
		{UniqueRequestID: "rf_2", Status: juspay.RefundFailure, Amount: mustAmount("7")},
	}}
	if r, ok := o.FindRefund("rf_2"); ok && r.Status == juspay.RefundFailure {
		fmt.Println("refund", r.UniqueRequestID, "failed: try again with a new key")
	}
	// Output: refund rf_2 failed: try again with a new key
}

func ExampleTxnStatus_Pending() {
	for _, s := range []juspay.TxnStatus{juspay.TxnCharged, juspay.TxnPendingVBV, juspay.TxnAuthorizing, juspay.TxnAuthorizationFailed} {
		fmt.Println(s, s.Pending())
	}
	// Output:
	// CHARGED false
	// PENDING_VBV true
	// AUTHORIZING true
	// AUTHORIZATION_FAILED false
}

// Juspay's transaction webhooks carry a TxnDetail in content.txn.
func ExampleTxnDetail() {
	var event struct {
		Content struct {
			Txn juspay.TxnDetail `json:"txn"`
		} `json:"content"`
	}
	if err := json.Unmarshal([]byte(`{"event_name":"TXN_FAILED","content":{"txn":{"txn_id":"ms-ord_1-1",
		"status":"AUTHORIZATION_FAILED","status_id":27,"txn_amount":8,"error_code":"03",
		"error_message":"Not sufficient funds","txn_flow_type":"FILTERED"}}}`), &event); err != nil {
		log.Fatal(err)
	}
	t := event.Content.Txn
	fmt.Println(t.TxnID, t.Status, t.TxnAmount, t.ErrorMessage, t.TxnFlowType == "")
	// Output: ms-ord_1-1 AUTHORIZATION_FAILED 8 Not sufficient funds true
}

func ExampleRefund() {
	var r juspay.Refund
	if err := json.Unmarshal([]byte(`{"unique_request_id":"rf_1","status":"MANUAL_REVIEW",
		"sent_to_gateway":"true","amount":"1476","ref":"2.0220408111212802e+34"}`), &r); err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.UniqueRequestID, r.Status, r.SentToGateway, r.Amount, r.Ref)
	// Output: rf_1 MANUAL_REVIEW true 1476 2.0220408111212802e+34
}

func ExampleRefundStatus() {
	for _, s := range []juspay.RefundStatus{juspay.RefundPending, juspay.RefundSuccess, juspay.RefundFailure, juspay.RefundManualReview} {
		switch s {
		case juspay.RefundSuccess:
			fmt.Println(s, "done")
		case juspay.RefundFailure:
			fmt.Println(s, "retry with a new UniqueRequestID")
		case juspay.RefundManualReview:
			fmt.Println(s, "reconcile with the gateway")
		default:
			fmt.Println(s, "read the order again later")
		}
	}
	// Output:
	// PENDING read the order again later
	// SUCCESS done
	// FAILURE retry with a new UniqueRequestID
	// MANUAL_REVIEW reconcile with the gateway
}

func ExampleCreateOrderParams() {
	p := &juspay.CreateOrderParams{
		OrderID:         "ord_1001",
		Amount:          mustAmount("120.50"), // sent as "120.50", exactly
		CustomerID:      "cth_eN4e4kR12CJV",
		BillingAddress:  &juspay.Address{FirstName: "Asha", City: "Pune", PostalCode: "411001"},
		Metadata:        map[string]string{"PAYTM:CUST_ID": "cust-1001"},
		ClientAuthToken: true,
	}
	fmt.Println(p.OrderID, p.Amount)
	// Output: ord_1001 120.50
}

func ExampleRefundParams() {
	srv, client := checkoutFake("ord_1001", "25.50")
	defer srv.Close()
	_, err := client.Orders.Refund(context.Background(), "ord_1001", &juspay.RefundParams{
		UniqueRequestID: "rf_1001_refund_number_2", // over 20 characters
		Amount:          mustAmount("5.505"),
	})
	fmt.Println(errors.Is(err, juspay.ErrInvalidArgument), err)
	// Output: true juspay: refund order: UniqueRequestID "rf_1001_refund_number_2" is 23 characters; Juspay allows at most 20
}

func ExampleUpdateOrderParams() {
	amount := mustAmount("90.00")
	p := &juspay.UpdateOrderParams{Amount: &amount, UDF: [10]string{2: "coupon-10"}}
	fmt.Println(p.Amount, p.UDF[2])
	// Output: 90.00 coupon-10
}

func ExampleAddress() {
	// Sent as billing_address_first_name, billing_address_city, ...
	a := &juspay.Address{FirstName: "Asha", Line1: "1 MG Road", City: "Pune", PostalCode: "411001", CountryCodeISO: "IND"}
	fmt.Println(a.City, a.CountryCodeISO)
	// Output: Pune IND
}

func ExamplePaymentLinks() {
	srv, client := checkoutFake("", "")
	defer srv.Close()
	o, err := client.Orders.Create(context.Background(), &juspay.CreateOrderParams{OrderID: "ord_1001", Amount: mustAmount("10")})
	if err != nil {
		log.Fatal(err)
	}
	// Juspay's payment page for the order, should the customer pay there.
	fmt.Println(strings.Contains(o.PaymentLinks.Web, "ord"))
	// Output: true
}

func ExampleGatewayResponse() {
	srv, client := checkoutFake("ord_1001", "25.50")
	defer srv.Close()
	o, err := client.Orders.Get(context.Background(), "ord_1001")
	if err != nil {
		log.Fatal(err)
	}
	// What the wallet's gateway answered: quote it to the gateway's support.
	fmt.Println(o.GatewayResponse != nil, o.GatewayResponse.TxnID == o.TxnID)
	// Output: true true
}

func ExampleOrder_LogValue() {
	o := &juspay.Order{ID: "ordeu_8bdd", OrderID: "ord_1001", Status: juspay.TxnCharged, Amount: mustAmount("120.50"),
		Currency: "INR", CustomerEmail: "asha@example.com",
		ClientAuth: &juspay.ClientAuthToken{Token: "tkn_24543c6a278f45d680d09edb32e78061"}}
	textLogger().Info("paid", "order", o)
	// Output: level=INFO msg=paid order.id=ordeu_8bdd order.order_id=ord_1001 order.status=CHARGED order.amount=120.50 order.currency=INR order.amount_refunded=0 order.client_auth.token=[redacted] order.client_auth.expiry=0001-01-01T00:00:00.000Z
}

func ExampleOrder_MarshalJSON() {
	// An order stored as JSON reads back whole: Juspay's shape, UDFs as
	// udf1 ... udf10.
	o := juspay.Order{OrderID: "ord_1001", Status: juspay.TxnCharged, Amount: mustAmount("120.50"), UDF: [10]string{0: "cart-7"}}
	b, err := json.Marshal(o)
	if err != nil {
		log.Fatal(err)
	}
	var back juspay.Order
	if err := json.Unmarshal(b, &back); err != nil {
		log.Fatal(err)
	}
	fmt.Println(back.OrderID, back.Status, back.Amount, back.UDF[0])
	// Output: ord_1001 CHARGED 120.50 cart-7
}
