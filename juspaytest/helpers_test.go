package juspaytest_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/require"
)

// These tests speak plain net/http to the server, with the headers the SDK
// sends, so that they check the wire and nothing else.

func newServer(t *testing.T, opts ...juspaytest.ServerOption) *juspaytest.Server {
	t.Helper()
	srv := juspaytest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

func withSample(t *testing.T, opts ...juspaytest.ServerOption) *juspaytest.Server {
	t.Helper()
	srv := newServer(t, opts...)
	_, err := srv.AddCustomer(juspaytest.SampleCustomer())
	require.NoError(t, err)
	return srv
}

func basic(key string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(key+":"))
}

// newRequest builds a request carrying every header the SDK sends.
func newRequest(t *testing.T, srv *juspaytest.Server, method, path string, form url.Values) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Authorization", basic(srv.APIKey))
	req.Header.Set("x-merchantid", srv.MerchantID)
	req.Header.Set("version", "2023-06-30")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "juspaytest-test")
	return req
}

// setBody replaces a request's body with raw text.
func setBody(req *http.Request, body string) {
	req.Body = io.NopCloser(strings.NewReader(body))
	req.ContentLength = int64(len(body))
}

type response struct {
	status int
	header http.Header
	body   []byte
}

// json decodes the body into a map, numbers kept as their text.
func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(r.body))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&m), "body: %s", r.body)
	return m
}

func send(t *testing.T, req *http.Request) response {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return response{resp.StatusCode, resp.Header, body}
}

func do(t *testing.T, srv *juspaytest.Server, method, path string, form url.Values) response {
	t.Helper()
	return send(t, newRequest(t, srv, method, path, form))
}

// requireError checks a response in Juspay's documented error shape.
func requireError(t *testing.T, r response, status int, statusText, code string) map[string]any {
	t.Helper()
	require.Equal(t, status, r.status, "body: %s", r.body)
	require.Equal(t, "application/json", r.header.Get("Content-Type"))
	m := r.json(t)
	require.Equal(t, statusText, m["status"], "body: %s", r.body)
	require.Equal(t, code, m["error_code"], "body: %s", r.body)
	require.NotEmpty(t, m["error_message"])
	return m
}

func requireOK(t *testing.T, r response) map[string]any {
	t.Helper()
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)
	return r.json(t)
}

// testdata reads one of the published samples the module keeps in
// ../testdata/samples (the root package's tests keep them identical to the
// spec's); "refresh-all-wallets.json" is the sample response of the Refresh
// All Wallets page itself.
func testdata(t *testing.T, name string) []byte {
	t.Helper()
	if name == "refresh-all-wallets.json" {
		name = "refresh-all-wallets--spec.json"
	}
	b, err := os.ReadFile(filepath.Join("..", "testdata", "samples", name))
	require.NoError(t, err)
	return b
}

// normalise re-encodes JSON with sorted keys and numbers as their text.
func normalise(t *testing.T, b []byte) string {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v), "%s", b)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	return string(out)
}

// assertCovers checks that the JSON got has every key that the sample has,
// at every depth; each element of a sample's array must be covered by some
// element of got's. The values differ (IDs, tokens, times), and Juspay's own
// samples disagree on some of their kinds, so only the keys are compared.
func assertCovers(t *testing.T, sample, got []byte) {
	t.Helper()
	var s, g any
	require.NoError(t, json.Unmarshal(sample, &s))
	require.NoError(t, json.Unmarshal(got, &g), "%s", got)
	for _, p := range uncovered("$", s, g) {
		t.Error(p)
	}
}

func uncovered(at string, sample, got any) []string {
	switch s := sample.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want an object, got %v", at, got)}
		}
		var out []string
		for k, v := range s {
			gv, ok := g[k]
			if !ok {
				out = append(out, fmt.Sprintf("%s: no key %q", at, k))
				continue
			}
			out = append(out, uncovered(at+"."+k, v, gv)...)
		}
		return out
	case []any:
		g, _ := got.([]any)
		var out []string
	next:
		for i, v := range s {
			var first []string
			for _, gv := range g {
				p := uncovered(fmt.Sprintf("%s[%d]", at, i), v, gv)
				if len(p) == 0 {
					continue next
				}
				if first == nil {
					first = p
				}
			}
			if first == nil {
				first = []string{fmt.Sprintf("%s[%d]: got no elements", at, i)}
			}
			out = append(out, first...)
		}
		return out
	}
	return nil
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// checkout reads one of Juspay's published checkout samples, kept in
// ../testdata/samples/checkout.
func checkout(t *testing.T, name string) []byte {
	t.Helper()
	return testdata(t, filepath.Join("checkout", name))
}

// requireSample checks that a response is status with exactly the body of a
// published sample: every key and every value.
func requireSample(t *testing.T, r response, status int, sample string) {
	t.Helper()
	require.Equal(t, status, r.status, "body: %s", r.body)
	require.Equal(t, "application/json", r.header.Get("Content-Type"))
	require.Equal(t, normalise(t, checkout(t, sample)), normalise(t, r.body))
}

// assertCoversExcept is assertCovers with the sample's top-level keys skip
// left out: parts of a sample that belong to other payment methods (card,
// offers) or that the fake does not model.
func assertCoversExcept(t *testing.T, sample, got []byte, skip ...string) {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(sample, &m))
	for _, k := range skip {
		require.Contains(t, m, k, "the sample has no key %q to skip", k)
		delete(m, k)
	}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assertCovers(t, b, got)
}

// jsonNumber is how response.json holds a number: its text.
type jsonNumber = json.Number
