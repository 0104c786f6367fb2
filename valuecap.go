package juspay

import (
	"bytes"
	"fmt"
	"io"
)

// maxJSONValues is the most JSON objects, arrays and elements a 2xx body may
// hold, counted as the body is read: the bytes '{', '[' and ','.
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
//
// The count includes those bytes inside strings too. That overstates the
// values of a body whose strings hold commas or braces, which only makes
// the bound stricter, and it makes the count three bytes.Count calls per
// read (vectorised), where following strings byte by byte cost about 3% of
// a 200-wallet call.
const maxJSONValues = 1 << 15

var errTooManyValues = fmt.Errorf("response holds more than %d JSON values (objects, arrays and elements)", maxJSONValues)

// valueCap passes a JSON body through, failing the read once it holds more
// than maxJSONValues values.
type valueCap struct {
	r     io.Reader
	left  int
	err   error
	first byte // the body's first byte that is not white space; 0 before it
}

func (v *valueCap) Read(p []byte) (int, error) {
	if v.err != nil {
		return 0, v.err
	}
	n, err := v.r.Read(p)
	if v.first == 0 {
		v.first = firstNonSpace(p[:n])
	}
	if !v.count(p[:n]) {
		v.err = errTooManyValues
		return 0, v.err
	}
	return n, err
}

// count counts the values b opens or separates, and reports whether the
// body is still within the cap.
func (v *valueCap) count(b []byte) bool {
	v.left -= bytes.Count(b, openBrace) + bytes.Count(b, openBracket) + bytes.Count(b, comma)
	return v.left >= 0
}

var openBrace, openBracket, comma = []byte{'{'}, []byte{'['}, []byte{','}

// firstNonSpace returns the first byte of b that is not JSON white space,
// or 0 when there is none.
func firstNonSpace(b []byte) byte {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r':
		default:
			return c
		}
	}
	return 0
}
