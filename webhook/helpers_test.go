package webhook_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/gojuspay/juspay/webhook"
)

var (
	current  = webhook.Credentials{Username: "shop", Password: "n3w-pa55w0rd"}
	previous = webhook.Credentials{Username: "shop", Password: "0ld-pa55w0rd"}
)

// minimalEvent is the smallest body Juspay sends: an order event whose
// order is masked away.
const minimalEvent = `{"id":"evt_V2_1","event_name":"ORDER_SUCCEEDED","date_created":"2023-08-10T07:00:48Z","content":{}}`

// post builds a webhook request carrying body, with Basic auth from creds
// when given.
func post(body string, creds ...webhook.Credentials) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/webhook", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	for _, c := range creds {
		r.SetBasicAuth(c.Username, c.Password)
	}
	return r
}

// countingReader records how many bytes were read from it.
type countingReader struct {
	r    io.Reader
	read int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read += n
	return n, err
}
