package webhook_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gojuspay/juspay/webhook"
)

// FuzzParse feeds Parse any body an authenticated sender could send: it
// must never panic, and must either decode an event whose Raw is the body
// or refuse the body, never both or neither.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(samplesDir, "webhook--*.json"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	for _, seed := range []string{minimalEvent, `{}`, `{"content":"FILTERED"}`, `{"content":{"order":{"refunds":[1,{}]}}}`,
		`{"content":{"txn":{"txn_amount":"1e999999"}}}`, `{"id":[],"date_created":"9999-99-99T99:99:99Z"}`, `nul`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		e, err := webhook.Parse(post(body, current), current)
		if (e == nil) == (err == nil) {
			t.Fatalf("event %v and error %v", e, err)
		}
		if err != nil {
			return
		}
		if string(e.Raw) != body {
			t.Fatalf("Raw %q, body %q", e.Raw, body)
		}
		_ = e.String()
	})
}

// FuzzVerifyReturn feeds VerifyReturn any query a browser could bring: it
// must never panic, and nothing but a signature made with the key verifies.
func FuzzVerifyReturn(f *testing.F) {
	f.Add(vectorURLQuery)
	f.Add("order_id=a&signature=%25%25%25&signature_algorithm=HMAC-SHA256")
	f.Add("signature=" + strings.Repeat("A", 44) + "&x=%zz")
	f.Add("signature=====&order_id=&order_id=")
	f.Fuzz(func(t *testing.T, rawQuery string) {
		q, err := url.ParseQuery(rawQuery)
		if err != nil {
			return
		}
		ret, err := webhook.VerifyReturn("fuzz-key", q)
		if err == nil {
			t.Fatalf("a query not signed with the key verified: %q -> %+v", rawQuery, ret)
		}
		// The same query as net/http decodes a request's.
		u := url.URL{RawQuery: rawQuery}
		if _, err := webhook.VerifyReturn("fuzz-key", u.Query()); err == nil {
			t.Fatalf("a query not signed with the key verified: %q", rawQuery)
		}
	})
}
