package juspay_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: a
// response body left open, a retry timer never stopped or a connection never
// closed shows up here as a leaked net/http or time goroutine.
//
// Tests close their httptest servers (which closes the idle connections the
// clients keep) instead of ignoring net/http's connection goroutines here, so
// a client that kept a connection busy after its call returned is caught.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
