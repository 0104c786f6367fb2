package juspay

import (
	"bytes"
	"fmt"
	"io"
)

// maxJSONValues is the most JSON objects, arrays and elements a 2xx body may
// hold: '{', '[' and ',' outside strings, counted as the body is read.
//
// The 10 MiB cap bounds a body's bytes, not what decoding it costs: every
// element of a list becomes a whole wallet (some 450 bytes) however few
// bytes it took on the wire, so 10 MiB of {"list":[{},{},...]} would cost
// gigabytes of heap. Past this count the read fails, before the value is
// decoded. Juspay's largest answers (a customer's wallets, a few dozen
// values each: a page of 200 wallets is under 4,000) stay far below it.
// With it, decoding one response costs at most the decoder's copy of the
// body (under twice the body) plus about 20 MiB for the values (16,384
// empty wallets, the costliest case), where 2 MiB of empty elements cost
// 800 MB before.
const maxJSONValues = 1 << 15

var errTooManyValues = fmt.Errorf("response holds more than %d JSON values (objects, arrays and elements)", maxJSONValues)

// valueCap passes a JSON body through, failing the read once it holds more
// than maxJSONValues values. It scans each byte once, skipping the inside
// of strings with bytes.IndexByte, so the hot path pays little for it.
type valueCap struct {
	r        io.Reader
	left     int
	inString bool // inside a string
	escaped  bool // the previous byte was a backslash inside a string
	err      error
}

func (v *valueCap) Read(p []byte) (int, error) {
	if v.err != nil {
		return 0, v.err
	}
	n, err := v.r.Read(p)
	if !v.count(p[:n]) {
		v.err = errTooManyValues
		return 0, v.err
	}
	return n, err
}

// count scans b, carrying the string state over from the previous read,
// and reports whether the body is still within the cap.
func (v *valueCap) count(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if v.inString {
			if v.escaped {
				v.escaped = false
				continue
			}
			q := bytes.IndexByte(b[i:], '"')
			if q < 0 {
				q = len(b) - i
			}
			if s := bytes.IndexByte(b[i:i+q], '\\'); s >= 0 {
				i += s
				v.escaped = true
				continue
			}
			i += q
			v.inString = i >= len(b)
			continue
		}
		switch b[i] {
		case '"':
			v.inString = true
		case '{', '[', ',':
			v.left--
			if v.left < 0 {
				return false
			}
		}
	}
	return true
}
