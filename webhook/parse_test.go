package webhook_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay/webhook"
)

func TestParseRefusesBeforeReadingTheBody(t *testing.T) {
	tests := map[string]struct {
		user, pass string
		creds      []webhook.Credentials
	}{
		"a wrong password":                  {"shop", "guess", []webhook.Credentials{current}},
		"zero credentials passed":           {current.Username, current.Password, nil},
		"zero credentials and no auth sent": {"", "", nil},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			body := &countingReader{r: strings.NewReader(minimalEvent)}
			r := httptest.NewRequest(http.MethodPost, "/webhook", body)
			if tt.user != "" {
				r.SetBasicAuth(tt.user, tt.pass)
			}
			e, err := webhook.Parse(r, tt.creds...)
			require.ErrorIs(t, err, webhook.ErrUnauthorized)
			assert.Nil(t, e)
			assert.Zero(t, body.read, "an unauthenticated body is not read")
			if tt.creds == nil {
				assert.Contains(t, err.Error(), "no credentials with a password were given", "the server's configuration is named, not a forger")
			} else {
				assert.Equal(t, webhook.ErrUnauthorized, err)
			}
		})
	}
}

func TestParseReadsAtMostOneMiB(t *testing.T) {
	// A valid event padded with spaces to exactly the cap is read.
	exact := minimalEvent + strings.Repeat(" ", webhook.MaxBodySize-len(minimalEvent))
	require.Len(t, exact, 1<<20)
	e, err := webhook.Parse(post(exact, current), current)
	require.NoError(t, err)
	assert.Equal(t, "evt_V2_1", e.ID)

	// One byte more is refused, after reading no more than the cap and one
	// byte, with no Content-Length to warn.
	over := &countingReader{r: io.MultiReader(strings.NewReader(exact+" "), strings.NewReader(strings.Repeat(" ", 4<<20)))}
	r := httptest.NewRequest(http.MethodPost, "/webhook", over)
	r.ContentLength = -1
	r.SetBasicAuth(current.Username, current.Password)
	_, err = webhook.Parse(r, current)
	var tooLarge *http.MaxBytesError
	require.ErrorAs(t, err, &tooLarge)
	assert.EqualValues(t, 1<<20, tooLarge.Limit)
	assert.LessOrEqual(t, over.read, 1<<20+1+32<<10, "read stops at the cap (plus one read's slack)")
}

func TestParseRefusesADeclaredOversizeBodyUnread(t *testing.T) {
	body := &countingReader{r: strings.NewReader(minimalEvent)}
	r := httptest.NewRequest(http.MethodPost, "/webhook", body)
	r.ContentLength = 1<<20 + 1
	r.SetBasicAuth(current.Username, current.Password)

	_, err := webhook.Parse(r, current)
	var tooLarge *http.MaxBytesError
	require.ErrorAs(t, err, &tooLarge)
	assert.Zero(t, body.read)
}

func TestParseRefusesWhatIsNotAJSONObject(t *testing.T) {
	for _, body := range []string{"", " ", "not json", `{"id":"evt_1"`, `["evt_1"]`, `"evt_1"`, `null`, `42`, "id=evt_1&event_name=ORDER_SUCCEEDED"} {
		_, err := webhook.Parse(post(body, current), current)
		require.Error(t, err, "body %q", body)
		assert.NotErrorIs(t, err, webhook.ErrUnauthorized)
		assert.Contains(t, err.Error(), "webhook: body is not a JSON object")
	}
}

func TestParseReportsABodyCutShort(t *testing.T) {
	r := httptest.NewRequest(http.MethodPost, "/webhook", io.MultiReader(strings.NewReader(`{"id":`), errReader{}))
	r.SetBasicAuth(current.Username, current.Password)
	_, err := webhook.Parse(r, current)
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Contains(t, err.Error(), "webhook: reading body")
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestParseNilRequest(t *testing.T) {
	_, err := webhook.Parse(nil, current)
	require.Error(t, err)
}

func TestParseEnvelope(t *testing.T) {
	body := `{"id":"evt_V2_714bdcbb817d4fa2b0f64bb9609557d4","event_name":"TXN_CHARGED","date_created":"2023-08-10T07:00:48Z","content":{}}`
	e, err := webhook.Parse(post(body, current), current)
	require.NoError(t, err)
	assert.Equal(t, "evt_V2_714bdcbb817d4fa2b0f64bb9609557d4", e.ID)
	assert.Equal(t, webhook.TxnCharged, e.Name)
	assert.Equal(t, time.Date(2023, 8, 10, 7, 0, 48, 0, time.UTC), e.Created)
	assert.JSONEq(t, body, string(e.Raw))
	assert.Equal(t, body, string(e.Raw), "Raw is the body byte for byte")
}

func TestParseToleratesOddEnvelopes(t *testing.T) {
	tests := []struct {
		name, body string
		want       webhook.Event
	}{
		{"a masked date", `{"id":"evt_1","event_name":"ORDER_SUCCEEDED","date_created":"1111111T07:24:53Z"}`,
			webhook.Event{ID: "evt_1", Name: webhook.OrderSucceeded}},
		{"a FILTERED date", `{"id":"evt_1","date_created":"FILTERED"}`, webhook.Event{ID: "evt_1"}},
		{"a date with an offset and no colon", `{"date_created":"2016-08-02T08:07:52+0000"}`,
			webhook.Event{Created: time.Date(2016, 8, 2, 8, 7, 52, 0, time.UTC)}},
		{"a fractional date with an offset", `{"date_created":"2024-01-01T08:54:38.123+05:30"}`,
			webhook.Event{Created: time.Date(2024, 1, 1, 3, 24, 38, 123e6, time.UTC)}},
		{"an unknown event", `{"id":"evt_2","event_name":"MANDATE_CREATED","content":{"mandate":{"status":"CREATED"}}}`,
			webhook.Event{ID: "evt_2", Name: "MANDATE_CREATED"}},
		{"a numeric id", `{"id":12345,"event_name":"ORDER_FAILED"}`, webhook.Event{ID: "12345", Name: webhook.OrderFailed}},
		{"an object where text belongs", `{"id":{},"event_name":null,"date_created":{}}`, webhook.Event{}},
		{"content masked", `{"id":"evt_3","content":"FILTERED"}`, webhook.Event{ID: "evt_3"}},
		{"content an array", `{"id":"evt_3","content":[1]}`, webhook.Event{ID: "evt_3"}},
		{"an empty object", `{}`, webhook.Event{}},
		{"surrounding white space", "\n\t {\"id\":\"evt_4\"} \n", webhook.Event{ID: "evt_4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := webhook.Parse(post(tt.body, current), current)
			require.NoError(t, err)
			assert.Equal(t, tt.want.ID, e.ID)
			assert.Equal(t, tt.want.Name, e.Name)
			assert.True(t, tt.want.Created.Equal(e.Created), "created %v, want %v", e.Created, tt.want.Created)
			assert.Equal(t, tt.body, string(e.Raw))
		})
	}
}

func TestParseContent(t *testing.T) {
	tests := []struct {
		name, content      string
		wantOrder, wantTxn bool
	}{
		{"an order", `{"order":{"order_id":"ord_1"}}`, true, false},
		{"a transaction", `{"txn":{"order_id":"ord_1"}}`, false, true},
		{"an order masked", `{"order":"FILTERED"}`, false, false},
		{"an empty order", `{"order":{}}`, false, false},
		{"a null order", `{"order":null}`, false, false},
		{"an order that is a list", `{"order":[{"order_id":"ord_1"}]}`, false, false},
		{"a mandate", `{"mandate":{"mandate_id":"m_1"}}`, false, false},
		{"no content", `null`, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := webhook.Parse(post(`{"id":"evt_1","content":`+tt.content+`}`, current), current)
			require.NoError(t, err)
			if tt.wantOrder {
				require.NotNil(t, e.Order)
				assert.Equal(t, "ord_1", e.Order.OrderID)
			} else {
				assert.Nil(t, e.Order)
			}
			if tt.wantTxn {
				require.NotNil(t, e.Txn)
				assert.Equal(t, "ord_1", e.Txn.OrderID)
			} else {
				assert.Nil(t, e.Txn)
			}
		})
	}
}

func TestParseKeepsAnOrderWhoseFieldsHaveTheWrongShape(t *testing.T) {
	body := `{"id":"evt_1","event_name":"ORDER_SUCCEEDED","content":{"order":{
		"order_id":"ord_1","status":"CHARGED","amount":{"value":1},"status_id":[21],
		"refunded":"maybe","date_created":12345,"txn_detail":"FILTERED","refunds":"FILTERED"}}}`
	e, err := webhook.Parse(post(body, current), current)
	require.NoError(t, err, "a value of the wrong shape is left zero, never an error")
	assert.Equal(t, "ord_1", e.Order.OrderID)
	assert.Equal(t, "CHARGED", string(e.Order.Status))
	assert.Zero(t, e.Order.Amount)
	assert.Zero(t, e.Order.StatusID)
	assert.False(t, e.Order.Refunded)
	assert.Zero(t, e.Order.DateCreated)
	assert.Nil(t, e.Order.Txn)
	assert.Empty(t, e.Order.Refunds)
}
