package webhook_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/webhook"
)

// The published vector of Juspay's return-URL signature ("Status Verification").
const (
	vectorKey       = "test_response_key_123"
	vectorSignature = "5ayZ0xz7B9yihnWtM4sPXwRaKIUdN/d8hq6ANyZ8Mlg="
	// vectorURLQuery is the query as Juspay puts it on the return URL: the
	// signature percent-encoded twice.
	vectorURLQuery = "order_id=ord_test_001&status=CHARGED&status_id=21&signature=5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%252Fd8hq6ANyZ8Mlg%253D&signature_algorithm=HMAC-SHA256"
)

func vectorQuery(signature string) url.Values {
	return url.Values{
		"order_id":            {"ord_test_001"},
		"status":              {"CHARGED"},
		"status_id":           {"21"},
		"signature":           {signature},
		"signature_algorithm": {"HMAC-SHA256"},
	}
}

// sign is the HMAC the tests compare with, over a string they spell out.
func sign(key, message string) string {
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte(message))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

func TestVerifyReturnPublishedVector(t *testing.T) {
	// The vector's construction, spelled out: inner string, encoded again.
	require.Equal(t, vectorSignature, sign(vectorKey, "order_id%3Dord_test_001%26status%3DCHARGED%26status_id%3D21"))

	fromURL, err := url.ParseQuery(vectorURLQuery)
	require.NoError(t, err)
	for name, query := range map[string]url.Values{
		"as net/http decodes the return URL": fromURL,
		"the signature decoded fully":        vectorQuery(vectorSignature),
		"no signature_algorithm":             func() url.Values { q := vectorQuery(vectorSignature); q.Del("signature_algorithm"); return q }(),
	} {
		t.Run(name, func(t *testing.T) {
			ret, err := webhook.VerifyReturn(vectorKey, query)
			require.NoError(t, err)
			assert.Equal(t, "ord_test_001", ret.OrderID)
			assert.Equal(t, juspay.TxnCharged, ret.Status)
			assert.Equal(t, 21, ret.StatusID)
			assert.Equal(t, url.Values{"order_id": {"ord_test_001"}, "status": {"CHARGED"}, "status_id": {"21"}}, ret.Params)
		})
	}
}

func TestVerifyReturnRefusals(t *testing.T) {
	tests := []struct {
		name   string
		key    string
		query  url.Values
		reason string
	}{
		{"a missing signature", vectorKey, func() url.Values { q := vectorQuery(""); q.Del("signature"); return q }(), "no signature"},
		{"an empty signature", vectorKey, vectorQuery(""), "no signature"},
		{"a wrong signature", vectorKey, vectorQuery(sign(vectorKey, "order_id%3Dord_test_001")), "does not match"},
		{"a signature that is not Base64", vectorKey, vectorQuery("not*base64!"), "not the Base64"},
		{"a digest of the wrong size", vectorKey, vectorQuery(base64.StdEncoding.EncodeToString([]byte("short"))), "not the Base64"},
		{"another response key", "another_key", vectorQuery(vectorSignature), "does not match"},
		{"a tampered status", vectorKey, func() url.Values { q := vectorQuery(vectorSignature); q.Set("status", "FAILED"); return q }(), "does not match"},
		{"a tampered order", vectorKey, func() url.Values { q := vectorQuery(vectorSignature); q.Set("order_id", "ord_test_002"); return q }(), "does not match"},
		{"an added parameter", vectorKey, func() url.Values { q := vectorQuery(vectorSignature); q.Set("amount", "1"); return q }(), "does not match"},
		{"a removed parameter", vectorKey, func() url.Values { q := vectorQuery(vectorSignature); q.Del("status_id"); return q }(), "does not match"},
		{"a repeated parameter", vectorKey, func() url.Values { q := vectorQuery(vectorSignature); q.Add("status", "FAILED"); return q }(), `"status" appears 2 times`},
		{"two signatures", vectorKey, func() url.Values { q := vectorQuery(vectorSignature); q.Add("signature", vectorSignature); return q }(), "2 signature"},
		{"an unknown algorithm", vectorKey, func() url.Values {
			q := vectorQuery(vectorSignature)
			q.Set("signature_algorithm", "HMAC-SHA1")
			return q
		}(), `"HMAC-SHA1" is not HMAC-SHA256`},
		{"an empty algorithm", vectorKey, func() url.Values { q := vectorQuery(vectorSignature); q.Set("signature_algorithm", ""); return q }(), "is not HMAC-SHA256"},
		{"an empty query", vectorKey, url.Values{}, "no signature"},
		{"a nil query", vectorKey, nil, "no signature"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ret, err := webhook.VerifyReturn(tt.key, tt.query)
			require.ErrorIs(t, err, webhook.ErrBadSignature)
			assert.Nil(t, ret)
			assert.Contains(t, err.Error(), tt.reason)
			assert.NotContains(t, err.Error(), tt.key, "no error holds the response key")
		})
	}
}

func TestVerifyReturnRefusesAnEmptyKey(t *testing.T) {
	// An empty key would let anyone sign: HMAC accepts it.
	q := vectorQuery(sign("", "order_id%3Dord_test_001%26status%3DCHARGED%26status_id%3D21"))
	_, err := webhook.VerifyReturn("", q)
	require.ErrorIs(t, err, juspay.ErrInvalidArgument)
	require.ErrorIs(t, err, webhook.ErrBadSignature, "nothing verifies without a key")
	var verr *juspay.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "responseKey", verr.Field)
	assert.Equal(t, "webhook: verify return: responseKey is empty; copy the Response Key from Juspay's dashboard", err.Error())
}

// Juspay's samples percent-encode differently; a merchant parameter with a
// space, "*" and "~" on the return URL shows every difference.
func TestVerifyReturnAcceptsEachEncodingOfJuspaysSamples(t *testing.T) {
	params := url.Values{"order_id": {"ord_1"}, "status": {"CHARGED"}, "status_id": {"21"}, "note": {"gift wrap*~"}}
	tests := map[string]string{
		// Java URLEncoder: space "+", "*" kept, "~" encoded; then the whole
		// string again ("%" -> %25, "+" -> %2B, "=" -> %3D, "&" -> %26).
		"Java": "note%3Dgift%2Bwrap*%257E%26order_id%3Dord_1%26status%3DCHARGED%26status_id%3D21",
		// Node (encodeURIComponent, !'()* escaped): space %20, "~" kept.
		"Node": "note%3Dgift%2520wrap%252A~%26order_id%3Dord_1%26status%3DCHARGED%26status_id%3D21",
		// Go url.QueryEscape: space "+", "*" encoded, "~" kept.
		"Go": "note%3Dgift%2Bwrap%252A~%26order_id%3Dord_1%26status%3DCHARGED%26status_id%3D21",
	}
	for name, message := range tests {
		t.Run(name, func(t *testing.T) {
			q := url.Values{"signature": {sign("k3y", message)}, "signature_algorithm": {"HMAC-SHA256"}}
			for k, v := range params {
				q[k] = v
			}
			ret, err := webhook.VerifyReturn("k3y", q)
			require.NoError(t, err)
			assert.Equal(t, "gift wrap*~", ret.Params.Get("note"))
		})
	}
}

func TestVerifyReturnSortsByEncodedKey(t *testing.T) {
	// "a/" sorts after "a." as written, but encoded ("a%2F") before it; and
	// "Z" sorts before "a" in byte order.
	message := url.QueryEscape("Z=1&a%2F=2&a.=3&order_id=o")
	q := url.Values{"a.": {"3"}, "a/": {"2"}, "Z": {"1"}, "order_id": {"o"}, "signature": {sign("k3y", message)}}
	ret, err := webhook.VerifyReturn("k3y", q)
	require.NoError(t, err)
	assert.Equal(t, "o", ret.OrderID)
	assert.Zero(t, ret.StatusID, "no status_id")
}

func TestVerifyReturnReadsAPlusTurnedIntoASpace(t *testing.T) {
	// A signature holding "+" that was decoded once too often.
	var message, sig string
	for i := 0; !strings.Contains(sig, "+"); i++ {
		message = "order_id%3Dord_" + strings.Repeat("x", i)
		sig = sign("k3y", message)
	}
	q := url.Values{"order_id": {strings.TrimPrefix(message, "order_id%3D")}, "signature": {strings.ReplaceAll(sig, "+", " ")}}
	_, err := webhook.VerifyReturn("k3y", q)
	require.NoError(t, err)
}

// The published vector, as a merchant's server receives it: from the
// return URL's query however it was encoded on the way, read with
// r.URL.Query() or r.ParseForm, and as a test would build it by hand.
func TestVerifyReturnPublishedVectorHoweverItArrives(t *testing.T) {
	const params = "order_id=ord_test_001&status=CHARGED&status_id=21"
	queries := map[string]string{
		"signature encoded twice, as Juspay sends it": vectorURLQuery,
		"signature encoded once":                      params + "&signature=5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%2Fd8hq6ANyZ8Mlg%3D&signature_algorithm=HMAC-SHA256",
		"signature written as is":                     params + "&signature=5ayZ0xz7B9yihnWtM4sPXwRaKIUdN/d8hq6ANyZ8Mlg=&signature_algorithm=HMAC-SHA256",
		"no signature_algorithm":                      params + "&signature=5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%252Fd8hq6ANyZ8Mlg%253D",
		"url.Values.Encode of the Go values":          vectorQuery(vectorSignature).Encode(),
		"parameters in another order":                 "signature_algorithm=HMAC-SHA256&status_id=21&signature=5ayZ0xz7B9yihnWtM4sPXwRaKIUdN%252Fd8hq6ANyZ8Mlg%253D&status=CHARGED&order_id=ord_test_001",
	}
	readers := map[string]func(t *testing.T, rawQuery string) url.Values{
		"r.URL.Query()": func(t *testing.T, rawQuery string) url.Values {
			return httptest.NewRequest(http.MethodGet, "https://shop.example/juspay/return?"+rawQuery, nil).URL.Query()
		},
		"r.ParseForm of a POST": func(t *testing.T, rawQuery string) url.Values {
			r := httptest.NewRequest(http.MethodPost, "https://shop.example/juspay/return", strings.NewReader(rawQuery))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			require.NoError(t, r.ParseForm())
			return r.Form
		},
	}
	for qname, rawQuery := range queries {
		for rname, read := range readers {
			t.Run(qname+"/"+rname, func(t *testing.T) {
				ret, err := webhook.VerifyReturn(vectorKey, read(t, rawQuery))
				require.NoError(t, err)
				assert.Equal(t, "ord_test_001", ret.OrderID)
				assert.Equal(t, juspay.TxnCharged, ret.Status)
				assert.Equal(t, 21, ret.StatusID)
				assert.Equal(t, url.Values{"order_id": {"ord_test_001"}, "status": {"CHARGED"}, "status_id": {"21"}}, ret.Params)

				for name, q := range map[string]url.Values{
					"a tampered status":   func() url.Values { q := read(t, rawQuery); q.Set("status", "FAILED"); return q }(),
					"a tampered order":    func() url.Values { q := read(t, rawQuery); q.Set("order_id", "ord_test_002"); return q }(),
					"a missing signature": func() url.Values { q := read(t, rawQuery); q.Del("signature"); return q }(),
				} {
					_, err := webhook.VerifyReturn(vectorKey, q)
					assert.ErrorIs(t, err, webhook.ErrBadSignature, name)
				}
				_, err = webhook.VerifyReturn("test_response_key_124", read(t, rawQuery))
				assert.ErrorIs(t, err, webhook.ErrBadSignature, "a wrong key")
			})
		}
	}
}
