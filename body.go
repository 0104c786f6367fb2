package juspay

import (
	"fmt"
	"io"
)

var errBodyTooLarge = fmt.Errorf("response body exceeds %d MiB", maxBody>>20)

// cappedBody reads at most left bytes, remembering whether the body went
// past that, whether it was read to its end, and whether the connection
// failed (as opposed to the JSON being malformed).
type cappedBody struct {
	r       io.Reader
	left    int64
	overCap bool
	readErr error
	// eof: the body was read to its end, so nothing is left to drain.
	// net/http returns io.EOF with the last bytes of a body whose length it
	// knows, so most answers are read to their end once decoded, and need
	// neither a drain nor its timer.
	eof bool

	values valueCap // counts a 2xx body's JSON values as it is decoded; here to save an allocation
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.overCap {
		return 0, errBodyTooLarge
	}
	if b.left <= 0 {
		// One byte more tells a body of exactly the cap from a larger one.
		var one [1]byte
		n, err := b.r.Read(one[:])
		if n > 0 {
			b.overCap = true
			return 0, errBodyTooLarge
		}
		return 0, b.note(err)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, b.note(err)
}

func (b *cappedBody) note(err error) error {
	if err == io.EOF {
		b.eof = true
	} else if err != nil && b.readErr == nil {
		b.readErr = err
	}
	return err
}
