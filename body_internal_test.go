package juspay

import (
	"bytes"
	"io"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestCappedBody(t *testing.T) {
	t.Parallel()
	const limit = 64

	t.Run("a body of exactly the cap is whole", func(t *testing.T) {
		body := &cappedBody{r: strings.NewReader(strings.Repeat("x", limit)), left: limit}
		data, err := io.ReadAll(body)
		require.NoError(t, err)
		assert.Len(t, data, limit)
		assert.False(t, body.overCap)
		assert.NoError(t, body.readErr)
	})

	t.Run("one byte more is an error, and nothing more is read", func(t *testing.T) {
		src := &countingReader{r: strings.NewReader(strings.Repeat("x", 10*limit))}
		body := &cappedBody{r: src, left: limit}
		data, err := io.ReadAll(body)
		assert.ErrorIs(t, err, errBodyTooLarge)
		assert.Len(t, data, limit)
		assert.True(t, body.overCap)
		assert.Equal(t, limit+1, src.n, "read the cap and the one byte that tells")

		n, err := body.Read(make([]byte, 10))
		assert.Zero(t, n)
		assert.ErrorIs(t, err, errBodyTooLarge, "stays over the cap")
		assert.Equal(t, limit+1, src.n)
	})

	t.Run("a connection failure is told from malformed JSON", func(t *testing.T) {
		body := &cappedBody{r: io.MultiReader(strings.NewReader(`{"list":`), errReader{syscall.ECONNRESET}), left: limit}
		_, err := io.ReadAll(body)
		assert.ErrorIs(t, err, syscall.ECONNRESET)
		assert.ErrorIs(t, body.readErr, syscall.ECONNRESET)
		assert.False(t, body.overCap)

		clean := &cappedBody{r: bytes.NewReader([]byte(`{"list":`)), left: limit}
		_, err = io.ReadAll(clean)
		assert.NoError(t, err)
		assert.NoError(t, clean.readErr, "EOF is not a failure")
	})
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }
