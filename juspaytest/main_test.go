package juspaytest_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: a
// handler still blocked on a client, a webhook delivery never stopped or a
// connection Close forgot shows up here.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
