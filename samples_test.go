package juspay_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// Every response body Juspay publishes for the wallet APIs is copied into
// testdata/samples (so the tests run from a module cache too), and
// refresh-all-wallets--spec.json is the sample of the Refresh All Wallets
// page, spec/refresh-all-wallets.md. Each must decode with no value lost.

// Samples that are not a wallet or a list of wallets; their own tests cover
// them.
var otherSamples = map[string]bool{
	"direct-debit--response.json": true,
	"eligibility--error.json":     true,
	"eligibility--response.json":  true,
}

func utcDate(year int, month time.Month, day, hour, min, sec, nsec int) time.Time {
	return time.Date(year, month, day, hour, min, sec, nsec, time.UTC)
}

// The single wallets the lifecycle samples hold. Those whose published
// samples are the same body share a value.
var (
	unlinkedMobikwik = juspay.WalletAccount{
		ID: "wlt_q23xzki3pazgtezo", Object: "wallet_account", Wallet: "MOBIKWIK",
	}
	linkedMobikwik = juspay.WalletAccount{
		ID: "wlt_q23xzki3pazgtezo", Object: "wallet_account", Wallet: "MOBIKWIK",
		Token: "tok_winysteev9eftrwcv6me", CurrentBalance: amt("250"), Linked: true,
		LastRefreshed: utcDate(2016, 8, 2, 8, 7, 52, 0),
	}
)

// specList is the Refresh All Wallets page's own sample.
var specList = juspay.WalletAccountList{
	Object: "list", Offset: 0, Count: 2, Total: 2,
	Wallets: []juspay.WalletAccount{
		{
			Object: "wallet_account", ID: "wlm_vT890Ngjknnknb89", Wallet: "MOBIKWIK",
			JuspayBankCode: "JP_MOBIKWIK",
			Token:          "tk_ecbio8b69p8aiojdnap9b8u ", // the trailing space is Juspay's, and kept
			Linked:         true, CurrentBalance: amt("100"),
			LastRefreshed: utcDate(2023, 9, 11, 8, 29, 47, 0),
			Metadata:      juspay.WalletMetadata{MobileNumber: "9999999999"},
			SubDetails: []juspay.WalletSubDetail{{
				PaymentMethod: "MOBIKWIK", PaymentMethodType: "WALLET",
				CurrentBalance: amt("100"), LastRefreshed: utcDate(2023, 9, 11, 8, 29, 47, 0),
			}},
		},
		{
			Object: "wallet_account", ID: "wlm_blUutbvo76578u", Wallet: "PAYTM",
			JuspayBankCode: "JP_PAYTM", Token: "tk_csdjcbsd678ovsyfowe9f8nsjdncbs86va",
			Linked: true, CurrentBalance: amt("95"),
			LastRefreshed: utcDate(2023, 9, 11, 8, 29, 46, 0),
			Metadata:      juspay.WalletMetadata{MobileNumber: "9999999999", DeviceID: "blUutbvo76578u"},
			SubDetails: []juspay.WalletSubDetail{
				{
					PaymentMethod: "PAYTM_POSTPAID", PaymentMethodType: "WALLET",
					CurrentBalance: amt("22222"), LastRefreshed: utcDate(2023, 9, 11, 8, 29, 46, 985e6),
				},
				{
					PaymentMethod: "PAYTM", PaymentMethodType: "WALLET",
					CurrentBalance: amt("95"), LastRefreshed: utcDate(2023, 9, 11, 8, 29, 46, 0),
				},
			},
		},
	},
}

// walletListSamples are the samples that are a list of wallets.
var walletListSamples = map[string]juspay.WalletAccountList{
	"refresh-all-wallets--spec.json": specList,
	"refresh-all--response.json": {
		Object: "list", Offset: 0, Count: 1, Total: 1,
		Wallets: []juspay.WalletAccount{{
			Wallet: "PAYTM", Token: "tk_04ec****cff6f4095a",
			LastRefreshed:  utcDate(2022, 2, 17, 6, 58, 8, 0),
			JuspayBankCode: "JP_PAYTM", Object: "wallet_account",
			Metadata: juspay.WalletMetadata{MobileNumber: "77****78"},
			ID:       "wlt_x1****K6am", CurrentBalance: amt("109.55"), Linked: true,
		}},
	},
	"list-wallets--response.json": {
		Object: "list", Offset: 0, Count: 10, Total: 100, // as sent: two wallets, "count": 10
		Wallets: []juspay.WalletAccount{
			linkedMobikwik,
			{ID: "wlt_mu2xfwb4mr18flbs", Object: "wallet_account", Wallet: "FREECHARGE"},
		},
	},
	"list-wallets--metadata.json": {
		Object: "list", Offset: 0, Count: 1, Total: 1,
		Wallets: []juspay.WalletAccount{{
			ID: "wlt_d10hncoc6xldk", Object: "wallet_account", Wallet: "PAYTM",
			Metadata: juspay.WalletMetadata{MobileNumber: "9999999999"},
		}},
	},
}

// walletSamples are the samples that are one wallet.
var walletSamples = map[string]juspay.WalletAccount{
	"authenticate--response.json":   unlinkedMobikwik,
	"create-wallet--response.json":  unlinkedMobikwik,
	"delink-wallet--response.json":  unlinkedMobikwik, // "linked": "false"
	"get-wallet--response.json":     linkedMobikwik,   // "linked": "true"
	"refresh-wallet--response.json": linkedMobikwik,
	"link-wallet--response.json": func() juspay.WalletAccount {
		w := linkedMobikwik
		w.LastRefreshed = utcDate(2016, 8, 1, 8, 7, 52, 0)
		return w
	}(),
	"create-wallet--mobile_number.json": {
		ID: "wlt_yvuidaocnaupkvz3", Object: "wallet_account", Wallet: "MOBIKWIK",
		Metadata: juspay.WalletMetadata{MobileNumber: "9999999999"},
	},
	"update-mobile--response.json": {
		ID: "wlt_yvuidaupkvz3", Object: "wallet_account", Wallet: "PAYTM",
		Metadata: juspay.WalletMetadata{MobileNumber: "7777777777"},
	},
}

// sampleNames lists testdata/samples/*.json.
func sampleNames(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "samples", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return names
}

// TestSamplesAllCovered fails when a sample is added without an expectation.
func TestSamplesAllCovered(t *testing.T) {
	for _, name := range sampleNames(t) {
		_, isList := walletListSamples[name]
		_, isWallet := walletSamples[name]
		assert.True(t, isList || isWallet || otherSamples[name], "%s has no expected value", name)
	}
}

// inUTC returns l with every time in UTC, so that reflect-based equality
// compares instants rather than how the offset was written.
func inUTC(l juspay.WalletAccountList) juspay.WalletAccountList {
	if l.Wallets != nil {
		l.Wallets = append([]juspay.WalletAccount(nil), l.Wallets...)
	}
	for i := range l.Wallets {
		l.Wallets[i] = walletInUTC(l.Wallets[i])
	}
	return l
}

func walletInUTC(w juspay.WalletAccount) juspay.WalletAccount {
	w.LastRefreshed = w.LastRefreshed.UTC()
	if w.SubDetails != nil {
		w.SubDetails = append([]juspay.WalletSubDetail(nil), w.SubDetails...)
	}
	for i := range w.SubDetails {
		w.SubDetails[i].LastRefreshed = w.SubDetails[i].LastRefreshed.UTC()
	}
	return w
}

func TestSamplesDecode(t *testing.T) {
	for name, want := range walletListSamples {
		t.Run(name, func(t *testing.T) {
			var got juspay.WalletAccountList
			require.NoError(t, json.Unmarshal(readSample(t, name), &got))
			assert.Equal(t, want, inUTC(got))
		})
	}
	for name, want := range walletSamples {
		t.Run(name, func(t *testing.T) {
			var got juspay.WalletAccount
			require.NoError(t, json.Unmarshal(readSample(t, name), &got))
			assert.Equal(t, want, walletInUTC(got))
		})
	}
}

// TestSamplesThroughRefreshAll serves every sample from a mock transport:
// lists as they are, single wallets inside a list.
func TestSamplesThroughRefreshAll(t *testing.T) {
	check := func(t *testing.T, body []byte, want juspay.WalletAccountList) {
		c, mt := newMockClient(t)
		mt.RegisterResponder("GET", refreshURL(testCustomerID), jsonResponder(200, string(body)))
		got, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.NoError(t, err)
		assert.Equal(t, want, inUTC(*got))
	}
	for name, want := range walletListSamples {
		t.Run(name, func(t *testing.T) { check(t, readSample(t, name), want) })
	}
	for name, want := range walletSamples {
		t.Run(name, func(t *testing.T) {
			body := `{"object":"list","list":[` + string(readSample(t, name)) + `],"offset":0,"count":1,"total":1}`
			check(t, []byte(body), juspay.WalletAccountList{Object: "list", Count: 1, Total: 1, Wallets: []juspay.WalletAccount{want}})
		})
	}
}

// TestSamplesExactValues spells out the values the issue names, so that a
// change to the expectations above cannot quietly drop them.
func TestSamplesExactValues(t *testing.T) {
	var spec juspay.WalletAccountList
	require.NoError(t, json.Unmarshal(readSample(t, "refresh-all-wallets--spec.json"), &spec))
	require.Len(t, spec.Wallets, 2)
	mobikwik, paytm := spec.Wallets[0], spec.Wallets[1]
	assert.Equal(t, "tk_ecbio8b69p8aiojdnap9b8u ", mobikwik.Token)
	assert.Equal(t, "100", mobikwik.CurrentBalance.String())
	assert.Equal(t, "95", paytm.CurrentBalance.String())
	require.Len(t, paytm.SubDetails, 2)
	assert.Equal(t, "22222", paytm.SubDetails[0].CurrentBalance.String())
	assert.True(t, paytm.SubDetails[0].LastRefreshed.Equal(utcDate(2023, 9, 11, 8, 29, 46, 985e6)), "fractional seconds kept")
	assert.Empty(t, mobikwik.GatewayReferenceID, "null gateway_reference_id")

	var refresh juspay.WalletAccountList
	require.NoError(t, json.Unmarshal(readSample(t, "refresh-all--response.json"), &refresh))
	require.Len(t, refresh.Wallets, 1)
	assert.Equal(t, "109.55", refresh.Wallets[0].CurrentBalance.String())

	var list juspay.WalletAccountList
	require.NoError(t, json.Unmarshal(readSample(t, "list-wallets--response.json"), &list))
	assert.Equal(t, 10, list.Count, "count as sent")
	assert.Len(t, list.Wallets, 2)
	assert.Nil(t, list.Wallets[1].CurrentBalance, "null balance")

	var get, delink juspay.WalletAccount
	require.NoError(t, json.Unmarshal(readSample(t, "get-wallet--response.json"), &get))
	require.NoError(t, json.Unmarshal(readSample(t, "delink-wallet--response.json"), &delink))
	assert.True(t, get.Linked, `"linked": "true"`)
	assert.False(t, delink.Linked, `"linked": "false"`)
	assert.Equal(t, "250", get.CurrentBalance.String())
	assert.True(t, get.LastRefreshed.Equal(utcDate(2016, 8, 2, 8, 7, 52, 0)), "+0000 offset: got %v", get.LastRefreshed)
}

// TestSamplesNoUnknownKeys proves that no key of any sample is dropped as
// unknown: each is a field of the public types (whose values the tests above
// assert), or a metadata key reachable through Get.
func TestSamplesNoUnknownKeys(t *testing.T) {
	listKeys := jsonKeys(reflect.TypeOf(juspay.WalletAccountList{}))
	walletKeys := jsonKeys(reflect.TypeOf(juspay.WalletAccount{}))
	subKeys := jsonKeys(reflect.TypeOf(juspay.WalletSubDetail{}))

	checkWallet := func(t *testing.T, raw map[string]json.RawMessage, decoded juspay.WalletAccount) {
		for k, v := range raw {
			assert.Contains(t, walletKeys, k)
			switch k {
			case "metadata":
				var meta map[string]json.RawMessage
				require.NoError(t, json.Unmarshal(v, &meta))
				for mk := range meta {
					_, ok := decoded.Metadata.Get(mk)
					assert.True(t, ok, "metadata key %q lost", mk)
				}
			case "sub_details":
				var subs []map[string]json.RawMessage
				require.NoError(t, json.Unmarshal(v, &subs))
				for _, sub := range subs {
					for sk := range sub {
						assert.Contains(t, subKeys, sk)
					}
				}
			}
		}
	}
	for name := range walletListSamples {
		t.Run(name, func(t *testing.T) {
			data := readSample(t, name)
			var raw struct {
				List []map[string]json.RawMessage `json:"list"`
			}
			var top map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(data, &top))
			require.NoError(t, json.Unmarshal(data, &raw))
			for k := range top {
				assert.Contains(t, listKeys, k)
			}
			var got juspay.WalletAccountList
			require.NoError(t, json.Unmarshal(data, &got))
			require.Len(t, got.Wallets, len(raw.List))
			for i := range raw.List {
				checkWallet(t, raw.List[i], got.Wallets[i])
			}
		})
	}
	for name := range walletSamples {
		t.Run(name, func(t *testing.T) {
			data := readSample(t, name)
			var raw map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(data, &raw))
			var got juspay.WalletAccount
			require.NoError(t, json.Unmarshal(data, &got))
			checkWallet(t, raw, got)
		})
	}
}

// jsonKeys lists the JSON names of a struct's fields.
func jsonKeys(t reflect.Type) []string {
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	sort.Strings(keys)
	return keys
}

// covers checks, independently of the expectations written by hand, that
// every non-null value of the sample is in the decoded value re-encoded as
// JSON: no field of the sample was dropped on the way.
func covers(t *testing.T, sample string, got any) {
	t.Helper()
	encoded, err := json.Marshal(got)
	require.NoError(t, err)
	coversValue(t, "$", parseJSONValue(t, sample), parseJSONValue(t, string(encoded)))
}

func parseJSONValue(t *testing.T, s string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

func coversValue(t *testing.T, at string, want, got any) {
	t.Helper()
	switch w := want.(type) {
	case nil:
		return // null: the zero value, nothing to keep
	case map[string]any:
		g, ok := got.(map[string]any)
		if !assert.True(t, ok, "%s: want an object, got %T", at, got) {
			return
		}
		for k, v := range w {
			if v == nil {
				continue
			}
			gv, ok := g[k]
			if assert.True(t, ok, "%s.%s was dropped", at, k) {
				coversValue(t, at+"."+k, v, gv)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !assert.True(t, ok, "%s: want an array, got %T", at, got) || !assert.Len(t, g, len(w), at) {
			return
		}
		for i := range w {
			coversValue(t, at+"["+strconv.Itoa(i)+"]", w[i], g[i])
		}
	default:
		if sameScalar(w, got) {
			return
		}
		assert.Failf(t, "value lost", "%s: sample has %v (%T), decoded to %v (%T)", at, w, w, got, got)
	}
}

// sameScalar compares a sample's scalar with the re-encoded one, allowing
// the shapes the tolerant reader normalises: "true" for true, one instant in
// two layouts, the same number as a string or a number.
func sameScalar(want, got any) bool {
	if want == got {
		return true
	}
	ws, gs := scalarString(want), scalarString(got)
	if ws == gs {
		return true
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700"} {
		wt, err1 := time.Parse(layout, ws)
		gt, err2 := time.Parse(time.RFC3339Nano, gs)
		if err1 == nil && err2 == nil && wt.Equal(gt) {
			return true
		}
	}
	return false
}

func scalarString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return ""
}
