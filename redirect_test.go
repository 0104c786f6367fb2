package juspay_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// With a caller's http.Client that follows redirects, a 307 or 308 would
// have net/http resend the request, form body and wallet token included,
// to wherever Location points (only Authorization is dropped, and only for
// another host). The SDK's requests cannot be rewound, so net/http returns
// the 307/308 itself instead: nothing reaches the other host.
func TestRedirectingClientDoesNotResendTheBody(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		var elsewhere atomic.Int64
		var leaked atomic.Bool
		other := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			elsewhere.Add(1)
			b, _ := io.ReadAll(r.Body)
			leaked.Store(strings.Contains(string(b), "tok_redirect_secret"))
			answerOK(w, r)
		})
		srv := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/txns", status)
		})
		c := newServerClient(t, srv.URL, juspay.WithHTTPClient(&http.Client{})) // follows redirects
		_, err := c.Payments.DirectDebit(context.Background(), &juspay.DirectDebitParams{
			OrderID: "ord_1", PaymentMethod: "PAYTM", DirectWalletToken: "tok_redirect_secret",
		})
		var apiErr *juspay.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, status, apiErr.StatusCode)
		assert.Zero(t, elsewhere.Load(), "nothing reached the other host")
		assert.False(t, leaked.Load())
	}
}
