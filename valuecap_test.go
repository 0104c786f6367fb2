package juspay_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gojuspay/juspay"
)

// emptyElementsList is a 200 body of about size bytes: {"list":[{},{},...]}.
// Each empty element is three bytes on the wire but a whole wallet in
// memory once decoded.
func emptyElementsList(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 16)
	b.WriteString(`{"list":[{}`)
	for b.Len() < size-2 {
		b.WriteString(`,{}`)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// allocatedBy reports the bytes the heap allocated while f ran (an upper
// bound on its peak). It is measured around one call with nothing else
// running: the test is not parallel, so no other test shares the heap.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// The response cap bounds memory, not only bytes: a body under 10 MiB of
// empty list elements must not cost the heap more than a small multiple of
// its size. (Not parallel: it measures the process's heap.)
func TestListOfEmptyElementsCostsAFewTimesItsSize(t *testing.T) {
	for _, size := range []int{2 << 20, 10<<20 - 64} {
		t.Run(fmt.Sprintf("%d bytes", size), func(t *testing.T) {
			body := emptyElementsList(size)
			c, mt := newMockClient(t, juspay.WithMaxRetries(0))
			mt.RegisterResponder(http.MethodGet, refreshURL(testCustomerID), func(*http.Request) (*http.Response, error) {
				return &http.Response{
					StatusCode: http.StatusOK,
					Header:     http.Header{"Content-Type": {"application/json"}},
					Body:       io.NopCloser(bytes.NewReader(body)),
				}, nil
			})
			var err error
			alloc := allocatedBy(func() {
				_, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)
			})
			t.Logf("%d-byte body: %d bytes allocated (%.1fx)", len(body), alloc, float64(alloc)/float64(len(body)))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "JSON values")
			assert.False(t, strings.Contains(err.Error(), "{}"), "the body is not quoted")
			assert.Less(t, alloc, uint64(8*len(body)), "heap allocated, against 8x the body")
		})
	}
}

// The costliest body the value cap lets through, a list of as many empty
// wallets as it allows, decodes within the bound valuecap.go states: the
// body's copy plus about 30 MiB. (Not parallel: it measures the heap.)
func TestLargestListUnderTheValueCapIsBounded(t *testing.T) {
	// Two values per element ('{' and ','), and the object's and the list's.
	const elements = 1<<15/2 - 8
	body := emptyElementsList(3*elements + 10)
	c, mt := newMockClient(t, juspay.WithMaxRetries(0))
	mt.RegisterResponder(http.MethodGet, refreshURL(testCustomerID), func(*http.Request) (*http.Response, error) {
		return &http.Response{
			StatusCode: http.StatusOK,
			Header:     http.Header{"Content-Type": {"application/json"}},
			Body:       io.NopCloser(bytes.NewReader(body)),
		}, nil
	})
	var list *juspay.WalletAccountList
	var err error
	alloc := allocatedBy(func() {
		list, err = c.Wallets.RefreshAll(context.Background(), testCustomerID)
	})
	t.Logf("%d-byte body: %d bytes allocated", len(body), alloc)
	require.NoError(t, err)
	assert.Greater(t, len(list.Wallets), elements-8)
	assert.Less(t, alloc, uint64(32<<20), "heap allocated, against the stated bound")
}
