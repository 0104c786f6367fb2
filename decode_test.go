package juspay_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// decodeWallet decodes one wallet, failing the test on an error.
func decodeWallet(t *testing.T, body string) juspay.WalletAccount {
	t.Helper()
	var w juspay.WalletAccount
	require.NoError(t, json.Unmarshal([]byte(body), &w), body)
	return w
}

func TestDecodeIgnoresUnknownFields(t *testing.T) {
	w := decodeWallet(t, `{"id":"wlt_1","brand_new":{"nested":[1,2]},"another":7,"linked":true}`)
	assert.Equal(t, juspay.WalletAccount{ID: "wlt_1", Linked: true}, w)

	var l juspay.WalletAccountList
	require.NoError(t, json.Unmarshal([]byte(`{"object":"list","cursor":"abc","list":[{"id":"wlt_1","x":null}],"has_more":false}`), &l))
	assert.Equal(t, juspay.WalletAccountList{Object: "list", Wallets: []juspay.WalletAccount{{ID: "wlt_1"}}}, l)
}

func TestDecodeNullIsZero(t *testing.T) {
	w := decodeWallet(t, `{"object":null,"id":null,"wallet":null,"juspay_bank_code":null,"token":null,
		"linked":null,"current_balance":null,"last_refreshed":null,"gateway_reference_id":null,
		"metadata":null,"sub_details":null}`)
	assert.Equal(t, juspay.WalletAccount{}, w)

	w = decodeWallet(t, `{"sub_details":[{"payment_method":null,"payment_method_type":null,"current_balance":null,"last_refreshed":null}]}`)
	assert.Equal(t, []juspay.WalletSubDetail{{}}, w.SubDetails)

	var l juspay.WalletAccountList
	require.NoError(t, json.Unmarshal([]byte(`{"object":null,"list":null,"offset":null,"count":null,"total":null}`), &l))
	assert.Equal(t, juspay.WalletAccountList{}, l)
}

func TestDecodeLinked(t *testing.T) {
	for in, want := range map[string]bool{`true`: true, `false`: false, `"true"`: true, `"false"`: false, `null`: false} {
		w := decodeWallet(t, `{"linked":`+in+`}`)
		assert.Equal(t, want, w.Linked, in)
	}
}

func TestDecodeBalance(t *testing.T) {
	tests := []struct {
		in   string
		want *juspay.Amount
	}{
		{`100`, amt("100")},
		{`109.55`, amt("109.55")},
		{`"109.55"`, amt("109.55")},
		{`"250"`, amt("250")},
		{`0`, amt("0")},
		{`12345678901234567.89`, amt("12345678901234567.89")},
		{`""`, nil},
		{`null`, nil},
	}
	for _, tt := range tests {
		w := decodeWallet(t, `{"current_balance":`+tt.in+`,"sub_details":[{"current_balance":`+tt.in+`}]}`)
		assert.Equal(t, tt.want, w.CurrentBalance, tt.in)
		require.Len(t, w.SubDetails, 1)
		assert.Equal(t, tt.want, w.SubDetails[0].CurrentBalance, "sub-detail %s", tt.in)
	}
	assert.Nil(t, decodeWallet(t, `{}`).CurrentBalance, "absent")
}

func TestDecodeLastRefreshed(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{`"2023-09-11T08:29:47Z"`, utcDate(2023, 9, 11, 8, 29, 47, 0)},
		{`"2023-09-11T08:26:15.000Z"`, utcDate(2023, 9, 11, 8, 26, 15, 0)},
		{`"2023-09-11T08:29:46.985Z"`, utcDate(2023, 9, 11, 8, 29, 46, 985e6)},
		{`"2016-08-02T08:07:52+0000"`, utcDate(2016, 8, 2, 8, 7, 52, 0)},
		{`"2016-08-02T13:37:52+0530"`, utcDate(2016, 8, 2, 8, 7, 52, 0)},
		{`"2016-08-02T13:37:52+05:30"`, utcDate(2016, 8, 2, 8, 7, 52, 0)},
		{`"2016-08-02T03:07:52-0500"`, utcDate(2016, 8, 2, 8, 7, 52, 0)},
	}
	for _, tt := range tests {
		w := decodeWallet(t, `{"last_refreshed":`+tt.in+`,"sub_details":[{"last_refreshed":`+tt.in+`}]}`)
		assert.True(t, tt.want.Equal(w.LastRefreshed), "%s: got %v", tt.in, w.LastRefreshed)
		require.Len(t, w.SubDetails, 1)
		assert.True(t, tt.want.Equal(w.SubDetails[0].LastRefreshed), "sub-detail %s: got %v", tt.in, w.SubDetails[0].LastRefreshed)
	}
	for _, in := range []string{`null`, `""`} {
		assert.True(t, decodeWallet(t, `{"last_refreshed":`+in+`}`).LastRefreshed.IsZero(), in)
	}
	assert.True(t, decodeWallet(t, `{}`).LastRefreshed.IsZero(), "absent")
}

func TestDecodeMetadata(t *testing.T) {
	w := decodeWallet(t, `{"metadata":{
		"mobile_number": 9999999999,
		"device_id": "blUutbvo76578u",
		"upi_handle": "shop@upi",
		"kyc": true,
		"limit": 10000.50,
		"nothing": null,
		"nested": {"a": [1, 2]}
	}}`)
	m := w.Metadata
	assert.Equal(t, "9999999999", m.MobileNumber, "a number keeps its digits")
	assert.Equal(t, "blUutbvo76578u", m.DeviceID)
	for key, want := range map[string]string{
		"mobile_number": "9999999999",
		"device_id":     "blUutbvo76578u",
		"upi_handle":    "shop@upi",
		"kyc":           "true",
		"limit":         "10000.50",
		"nothing":       "",
		"nested":        `{"a": [1, 2]}`,
	} {
		got, ok := m.Get(key)
		assert.True(t, ok, key)
		assert.Equal(t, want, got, key)
	}
	assert.Equal(t, "shop@upi", m.Extra["upi_handle"])
	assert.NotContains(t, m.Extra, "mobile_number", "documented keys have their own fields")
	_, ok := m.Get("absent")
	assert.False(t, ok)

	assert.Nil(t, decodeWallet(t, `{"metadata":{"mobile_number":"1"}}`).Metadata.Extra, "no other key, no map")

	// Metadata written back is one flat object of strings that decodes to
	// the same value.
	b, err := json.Marshal(m)
	require.NoError(t, err)
	var again juspay.WalletMetadata
	require.NoError(t, json.Unmarshal(b, &again))
	assert.Equal(t, m, again)
}

// Each wrong shape fails with an error that names the field, from
// json.Unmarshal and from RefreshAll alike.
var wrongShapes = []struct {
	body  string
	field string
}{
	{`{"list":[{"linked":5}]}`, "linked"},
	{`{"list":[{"linked":"yes"}]}`, "linked"},
	{`{"list":[{"current_balance":"abc"}]}`, "current_balance"},
	{`{"list":[{"current_balance":true}]}`, "current_balance"},
	{`{"list":[{"current_balance":{}}]}`, "current_balance"},
	{`{"list":[{"last_refreshed":12}]}`, "last_refreshed"},
	{`{"list":[{"last_refreshed":"yesterday"}]}`, "last_refreshed"},
	{`{"list":[{"last_refreshed":"2016-08-02T08:07:52+2400"}]}`, "last_refreshed"},
	{`{"list":[{"token":5}]}`, "token"},
	{`{"list":[{"id":{}}]}`, "id"},
	{`{"list":[{"metadata":[1]}]}`, "metadata"},
	{`{"list":[{"metadata":"x"}]}`, "metadata"},
	{`{"list":[{"sub_details":{}}]}`, "sub_details"},
	{`{"list":[{"sub_details":[{"current_balance":"x"}]}]}`, "current_balance"},
	{`{"list":[{"sub_details":[{"last_refreshed":false}]}]}`, "last_refreshed"},
	{`{"list":{}}`, "list"},
	{`{"list":"none"}`, "list"},
	{`{"count":"2"}`, "count"},
	{`{"total":1.5}`, "total"},
}

func TestDecodeWrongShapeNamesField(t *testing.T) {
	for _, tt := range wrongShapes {
		var l juspay.WalletAccountList
		err := json.Unmarshal([]byte(tt.body), &l)
		if assert.Error(t, err, tt.body) {
			assert.Contains(t, err.Error(), tt.field, tt.body)
		}
	}
	var w juspay.WalletAccount
	err := json.Unmarshal([]byte(`{"linked":5}`), &w)
	assert.ErrorContains(t, err, "linked")
}

func TestRefreshAllWrongShape(t *testing.T) {
	for _, tt := range wrongShapes {
		c, mt := newMockClient(t)
		mt.RegisterResponder("GET", refreshURL(testCustomerID), jsonResponder(200, tt.body))
		list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		assert.Nil(t, list, tt.body)
		if !assert.Error(t, err, tt.body) {
			continue
		}
		assert.Contains(t, err.Error(), tt.field, tt.body)
		assert.Contains(t, err.Error(), "juspay: refresh all wallets: ", tt.body)
		var apiErr *juspay.APIError
		assert.False(t, errors.As(err, &apiErr), "a 200 is not an APIError")
		assert.Equal(t, 1, mt.GetTotalCallCount(), "a body of the wrong shape is not retried")
	}
}

func TestRefreshAllNotJSON(t *testing.T) {
	for _, body := range []string{``, `<html>maintenance</html>`, `{"list":[`, `[]`, `"list"`} {
		c, mt := newMockClient(t)
		mt.RegisterResponder("GET", refreshURL(testCustomerID), jsonResponder(200, body))
		list, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		assert.Error(t, err, "%q", body)
		assert.Nil(t, list, "%q", body)
	}
}

// A body of the wrong shape as a whole says so in the SDK's words, never
// with encoding/json's name for an internal type; and JSON of the wrong
// shape is not blamed on a proxy's page when its media type is not JSON's.
func TestRefreshAllWrongShapeText(t *testing.T) {
	for _, tt := range []struct{ body, contentType, want string }{
		{`[]`, "application/json", "the body: got array, want an object"},
		{`{"list":[{"linked":5}]}`, "text/plain", `field "list.linked": got number, want a boolean`},
	} {
		c, _ := newRecordedClient(t, httpmock.NewStringResponder(200, tt.body).HeaderSet(http.Header{"Content-Type": {tt.contentType}}))
		_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
		require.Error(t, err, tt.body)
		assert.Equal(t, "juspay: refresh all wallets: decoding the response: "+tt.want, err.Error())
	}
	c, _ := newRecordedClient(t, httpmock.NewStringResponder(200, "<html>down</html>").HeaderSet(http.Header{"Content-Type": {"text/html"}}))
	_, err := c.Wallets.RefreshAll(context.Background(), testCustomerID)
	assert.ErrorContains(t, err, "200 response is text/html, not JSON")
}

// Every answer Juspay documents is a JSON object. A 2xx whose JSON is
// anything else is an error, never an empty result: an order that does not
// exist must not read as one that does.
func TestAnswerThatIsNotAnObjectIsAnError(t *testing.T) {
	ctx := context.Background()
	for _, body := range []string{`null`, ` []`, `"ok"`, `42`, `true`} {
		t.Run(body, func(t *testing.T) {
			c, rec := newRecordedClient(t, jsonResponder(200, body))
			order, err := c.Orders.Get(ctx, "ord_1")
			require.Error(t, err)
			assert.Nil(t, order)
			assert.Contains(t, err.Error(), "not a JSON object")
			assert.Equal(t, 1, rec.count(), "not retried: the server answered")

			_, err = c.Customers.Get(ctx, "cst_1")
			assert.ErrorContains(t, err, "not a JSON object")
			_, err = c.Wallets.RefreshAll(ctx, testCustomerID)
			assert.ErrorContains(t, err, "object", "the strict wallet decoder or the shape check")
		})
	}

	c, _ := newRecordedClient(t, jsonResponder(200, `[1,2]`))
	var out []int
	require.NoError(t, c.Do(ctx, "GET", "/anything", nil, &out), "Do decodes whatever the caller asks for")
	assert.Equal(t, []int{1, 2}, out)
}
