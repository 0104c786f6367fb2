package webhook_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them, such as
// an httptest server's connection left open by a test.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
