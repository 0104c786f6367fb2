package juspay_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// The committed seeds are in testdata/fuzz/<FuzzName>/; the f.Add calls
// below add the published samples, so the corpus follows testdata/samples.

// FuzzDecodeWalletAccountList: decoding never panics, and a page that
// decodes encodes and decodes again to the same value.
func FuzzDecodeWalletAccountList(f *testing.F) {
	for name := range walletListSamples {
		f.Add(readSample(f, name))
	}
	for name := range walletSamples {
		f.Add([]byte(`{"list":[` + string(readSample(f, name)) + `]}`))
	}
	f.Fuzz(runDecodeRoundTrip)
}

func runDecodeRoundTrip(t *testing.T, data []byte) {
	var l juspay.WalletAccountList
	if json.Unmarshal(data, &l) != nil {
		return
	}
	b, err := json.Marshal(l)
	require.NoError(t, err, "a page that decodes encodes")
	var again juspay.WalletAccountList
	require.NoError(t, json.Unmarshal(b, &again), "the SDK decodes what it encodes: %s", b)
	assert.Equal(t, inUTC(l), inUTC(again), "round trip through %s", b)
}

// FuzzParseAmount: parsing never panics; an amount that parses keeps its
// text through String and JSON, and its paise agree with its float64.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{
		"0", "95", "100.50", "109.55", "22222", "-0.01", "12345678901234567.89",
		"1e2", "1.005", "92233720368547758.07", "92233720368547758.08", "0.10e-1", "1e400", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := juspay.ParseAmount(s)
		if err != nil {
			assert.True(t, strings.HasPrefix(err.Error(), "juspay: "))
			return
		}
		require.Equal(t, s, a.String())

		b, err := json.Marshal(a)
		require.NoError(t, err)
		assert.Equal(t, s, string(b), "encodes to the same JSON number")
		for _, in := range []string{string(b), `"` + s + `"`} {
			var back juspay.Amount
			require.NoError(t, json.Unmarshal([]byte(in), &back), in)
			assert.Equal(t, s, back.String(), in)
		}

		f64 := a.Float64()
		if f64 > 0 {
			assert.Equal(t, 1, a.Sign())
		} else if f64 < 0 {
			assert.Equal(t, -1, a.Sign())
		}
		m, err := a.MinorUnits()
		if err != nil {
			return
		}
		assert.Equal(t, sign(m), a.Sign(), "paise %d", m)
		if m > -1<<53 && m < 1<<53 {
			want := float64(m) / 100
			assert.LessOrEqual(t, math.Abs(want-f64), 1e-12*math.Max(1, math.Abs(want)), "%s: %d paise, %v", s, m, f64)
		}
	})
}

func sign(n int64) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}

// Placeholders the APIError fuzzer replaces with the secrets of the call,
// wherever they fall in the body or the headers.
const (
	plantKey  = "{KEY}"
	plantAuth = "{AUTH}"
	plantB64  = "{KEY64}" // the key base64-encoded on its own, an encoded form of it
)

// keyBase64 is what plantB64 becomes.
var keyBase64 = base64.StdEncoding.EncodeToString([]byte(testAPIKey))

// FuzzAPIError feeds arbitrary error responses through RefreshAll: the
// error never panics, stays short, matches the sentinel of its status, and
// never holds any part of a secret planted in the response.
func FuzzAPIError(f *testing.F) {
	f.Add(400, "application/json", "req_1", []byte(`{"status":"Invalid Request","error_code":"null_error","error_message":"Customer not found for given customerId."}`))
	f.Add(401, "application/json", "", []byte(`{"status":"Invalid Authentication","error_code":"access_denied","error_message":"Invalid key {KEY}"}`))
	f.Add(403, "application/json", "{KEY}", []byte(`{"error_info":{"code":"X","developer_message":"{AUTH}","fields":[{"field_name":"a","reason":"b"}]}}`))
	f.Add(502, "text/html; charset={KEY}", "", []byte(`<html><body>Bad Gateway {AUTH}</body></html>`))
	f.Add(503, "", "", []byte(nil))
	f.Add(429, "application/json", strings.Repeat("r", 70)+"{KEY}", []byte(`{"error_message":"`+strings.Repeat("m", 195)+`{KEY}"}`))
	f.Add(500, "application/json", "x\r\ny", []byte(`{"error_code":17,"error_message":["{KEY}"],"user_message":"{AUTH}"}`))
	f.Add(400, "application/json", "{KEY64}", []byte(`{"error_message":"`+strings.Repeat("p", 180)+`{KEY64}","user_message":"{KEY64}"}`))
	f.Add(500, "text/plain; v={KEY64}", "r", []byte(strings.Repeat("b", 64<<10-10)+"{KEY}"))
	f.Fuzz(func(t *testing.T, status int, contentType, requestID string, body []byte) {
		status = 300 + (status%300+300)%300 // every non-2xx status a client sees
		raw := contentType + "\x00" + requestID + "\x00" + string(body)
		plant := func(s string) string {
			return strings.NewReplacer(plantKey, testAPIKey, plantAuth, testAuthorization, plantB64, keyBase64).Replace(s)
		}
		planted := plant(string(body))

		c, mt := newMockClient(t, juspay.WithMaxRetries(0))
		mt.RegisterNoResponder(func(*http.Request) (*http.Response, error) {
			resp := httpmock.NewStringResponse(status, planted)
			resp.Header["Content-Type"] = []string{plant(contentType)}
			resp.Header["X-Request-Id"] = []string{plant(requestID)}
			return resp, nil
		})
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.Error(t, err)
		var apiErr *juspay.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, status, apiErr.StatusCode)
		assert.LessOrEqual(t, len(apiErr.Body), 64<<10)
		if planted == string(body) {
			assert.True(t, strings.HasPrefix(planted, string(apiErr.Body)), "Body is the start of the body")
		}
		for _, secret := range append(testSecrets, keyBase64) {
			assertNoPartOf(t, string(apiErr.Body), secret, raw)
		}
		assert.Equal(t, status == 401, errors.Is(err, juspay.ErrAuthentication))
		assert.Equal(t, status >= 500, errors.Is(err, juspay.ErrServer))

		text := err.Error()
		assert.True(t, strings.HasPrefix(text, "juspay: refresh all wallets: "), text)
		assert.Less(t, len(text), 400, text)
		for _, s := range []string{text, fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), fmt.Sprintf("%s", err)} {
			for _, secret := range append(testSecrets, keyBase64) {
				assertNoPartOf(t, s, secret, raw)
			}
		}
	})
}

// assertNoPartOf checks that s holds no 8-byte run of secret that the
// fuzzer's own input did not already hold.
func assertNoPartOf(t *testing.T, s, secret, raw string) {
	t.Helper()
	const run = 8
	for i := 0; i+run <= len(secret); i++ {
		part := secret[i : i+run]
		if strings.Contains(s, part) && !strings.Contains(raw, part) {
			t.Fatalf("%q holds %q, part of a secret", s, part)
		}
	}
}
