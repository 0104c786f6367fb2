package juspaytest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// filtered are the keys production's webhooks mask as "FILTERED", as
// Juspay's samples show them.
var filtered = map[string]bool{
	"customer_id": true, "customer_email": true, "customer_phone": true, "txn_flow_type": true,
	"udf6": true, "udf7": true, "udf8": true, "udf9": true, "udf10": true,
}

// maskPayload rewrites a webhook's content as production sends it: see
// MaskWebhooks.
func maskPayload(content []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(content))
	dec.UseNumber()
	var v map[string]any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if o, ok := v["order"].(map[string]any); ok {
		o["maximum_eligible_refund_amount"] = "FILTERED"
		if d, ok := o["date_created"].(string); ok && len(d) > 10 {
			o["date_created"] = "1111111" + d[10:]
		}
	}
	return encodeJSON(mask("", v))
}

// mask applies production's quirks to one value found under key.
func mask(key string, v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = mask(k, e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = mask("", e)
		}
		return x
	case nil:
		return map[string]any{}
	case json.Number:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	case string:
		if filtered[key] {
			return "FILTERED"
		}
	}
	return v
}

// orderEvents queues the webhooks of an order's latest attempt reaching
// its outcome, with s.mu held: ORDER_SUCCEEDED and TXN_CHARGED for a
// charge, ORDER_FAILED and TXN_FAILED for a failure.
func (s *Server) orderEvents(o *orderState) {
	orderEvent, txnEvent := "ORDER_SUCCEEDED", "TXN_CHARGED"
	if o.status != "CHARGED" {
		orderEvent, txnEvent = "ORDER_FAILED", "TXN_FAILED"
	}
	s.emit(orderEvent, o.orderID, o.metadata["webhook_url"], map[string]any{"order": withGatewayResponse(s.orderView(o, true, false))})
	txn := s.txnView(o)
	txn.PaymentGateway = o.txn.pg.full()
	s.emit(txnEvent, o.orderID, o.metadata["webhook_url"], map[string]any{"txn": txn})
}

// refundEvent queues the webhook of a refund that settled, with s.mu held.
func (s *Server) refundEvent(o *orderState, status string) {
	name := map[string]string{
		"SUCCESS": "ORDER_REFUNDED", "FAILURE": "ORDER_REFUND_FAILED", "MANUAL_REVIEW": "REFUND_MANUAL_REVIEW_NEEDED",
	}[status]
	s.emit(name, o.orderID, o.metadata["webhook_url"], map[string]any{"order": withGatewayResponse(s.orderView(o, true, false))})
}

// ReturnQuery returns the query Juspay appends to the order's return URL
// when the customer's browser comes back from paying it: order_id, status
// and status_id as the order stands, signature and signature_algorithm
// HMAC-SHA256, signed with responseKey as Juspay signs with the dashboard's
// Response Key.
//
// The signature is HMAC-SHA256 over every parameter but signature and
// signature_algorithm, each key and value percent-encoded (as
// url.QueryEscape does), sorted by encoded key, joined k=v&..., and the
// whole string percent-encoded again; its value is the standard padded
// Base64 of the digest. Juspay percent-encodes the signature twice in the
// URL: the values returned are the query as a server decodes it
// (r.URL.Query()), so the signature here is encoded once ("...%3D"), and
// Encode gives the query exactly as Juspay sends it ("...%253D").
//
// It fails for an unknown order or an empty responseKey; no error holds the
// key.
func (s *Server) ReturnQuery(orderID, responseKey string) (url.Values, error) {
	if responseKey == "" {
		return nil, errors.New("juspaytest: ReturnQuery: empty response key")
	}
	s.mu.Lock()
	o := s.store.orders[orderID]
	var status string
	if o != nil {
		status = o.status
	}
	s.mu.Unlock()
	if o == nil {
		return nil, fmt.Errorf("juspaytest: ReturnQuery: no order %q", orderID)
	}
	q := url.Values{
		"order_id":  {orderID},
		"status":    {status},
		"status_id": {strconv.Itoa(statusIDs[status])},
	}
	q.Set("signature", url.QueryEscape(signReturn(responseKey, q)))
	q.Set("signature_algorithm", "HMAC-SHA256")
	return q, nil
}

// signReturn is Juspay's return-URL signature of params, as ReturnQuery
// describes it, written here from Juspay's documentation alone.
func signReturn(key string, params url.Values) string {
	type pair struct{ k, v string }
	var pairs []pair
	for k, vs := range params {
		for _, v := range vs {
			pairs = append(pairs, pair{url.QueryEscape(k), url.QueryEscape(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].k < pairs[j].k })
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p.k + "=" + p.v
	}
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte(url.QueryEscape(strings.Join(parts, "&"))))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
