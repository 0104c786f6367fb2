package juspay

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// valueCap counts the same values whatever sizes the reads come in: every
// '{', '[' and ',', in strings too, and nothing else.
func TestValueCapCounts(t *testing.T) {
	for body, want := range map[string]int{
		`{"list":[{},{},{}]}`:         7,
		`{"a":"{[,,,]}","b":[1,2,3]}`: 10,
		`"no values at all: ]}"`:      0,
		``:                            0,
	} {
		for chunk := 1; chunk <= max(len(body), 1); chunk++ {
			v := &valueCap{left: maxJSONValues}
			for i := 0; i < len(body); i += chunk {
				assert.True(t, v.count([]byte(body[i:min(i+chunk, len(body))])))
			}
			assert.Equal(t, want, maxJSONValues-v.left, "%s in reads of %d bytes", body, chunk)
		}
	}
}

// One value past the cap fails the read, and the error stays.
func TestValueCapRefusesOnePastTheCap(t *testing.T) {
	body := strings.Repeat(",", maxJSONValues)
	v := &valueCap{r: strings.NewReader(body + ","), left: maxJSONValues}
	buf := make([]byte, len(body))
	n, err := v.Read(buf)
	assert.Equal(t, len(body), n)
	assert.NoError(t, err)
	_, err = v.Read(buf)
	assert.ErrorIs(t, err, errTooManyValues)
	_, err = v.Read(buf)
	assert.ErrorIs(t, err, errTooManyValues)
}
