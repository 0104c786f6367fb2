package juspay

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// The checkout types (Order, TxnDetail, Refund, Customer, ...) decode
// through the loose reader below. Juspay writes one object two ways: its
// API answers with numbers and booleans, its webhooks with the same values
// as text, and it masks what it will not tell with {} or "FILTERED", even
// where a number, a date or an object belongs. So the reader never fails on
// a value: one it cannot read as its field's type is left zero, and only
// bytes that are not JSON are an error. (The wallet types are stricter: they
// name a field of the wrong shape, because the wallet endpoints never mask.)
//
// It is a hand-written single pass over the bytes, rather than
// encoding/json into wire structs, because encoding/json rescans every
// object that has its own UnmarshalJSON, and an order nests four of them:
// an order status read through it cost three times the decoding of a plain
// struct.

// maxDepth bounds the nesting the reader follows, as encoding/json does.
const maxDepth = 10000

// reader reads one JSON value from data, validating as it goes.
type reader struct {
	data []byte
	i    int
	err  error // the first syntax error; the rest of data is then skipped
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("invalid JSON at offset %d", r.i)
	}
	r.i = len(r.data)
}

// peek skips white space and returns the next byte, or 0 at the end (or
// at a NUL byte, which no JSON value starts with).
func (r *reader) peek() byte {
	for r.i < len(r.data) {
		switch c := r.data[r.i]; c {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return c
		}
	}
	return 0
}

// end reports the syntax error, if any, or anything after the value.
func (r *reader) end() error {
	if r.peek(); r.i < len(r.data) {
		r.fail()
	}
	return r.err
}

// object reads an object, calling member for each key with the reader at
// its value, which member must consume. A value that is not an object is
// skipped, and object reports false.
func (r *reader) object(member func(key []byte)) bool {
	if r.peek() != '{' {
		r.skip(0)
		return false
	}
	r.i++
	if r.peek() == '}' {
		r.i++
		return true
	}
	for {
		if r.peek() != '"' {
			r.fail()
			return false
		}
		key := r.key()
		if r.peek() != ':' {
			r.fail()
			return false
		}
		r.i++
		member(key)
		switch r.peek() {
		case ',':
			r.i++
		case '}':
			r.i++
			return true
		default:
			r.fail()
			return false
		}
	}
}

// array reads an array, calling item with the reader at each element,
// which item must consume. A value that is not an array is skipped.
func (r *reader) array(item func()) {
	if r.peek() != '[' {
		r.skip(0)
		return
	}
	r.i++
	if r.peek() == ']' {
		r.i++
		return
	}
	for {
		item()
		switch r.peek() {
		case ',':
			r.i++
		case ']':
			r.i++
			return
		default:
			r.fail()
			return
		}
	}
}

// key reads an object key.
func (r *reader) key() []byte {
	start := r.i
	if r.stringEnd() {
		return r.data[start+1 : r.i-1]
	}
	s, err := unquote(r.data[start:r.i])
	if err != nil {
		r.fail()
	}
	return []byte(s)
}

// skip consumes one value of any kind.
func (r *reader) skip(depth int) {
	if depth > maxDepth {
		r.fail()
		return
	}
	switch r.peek() {
	case '"':
		r.stringEnd()
	case '{':
		r.object(func([]byte) { r.skip(depth + 1) })
	case '[':
		r.array(func() { r.skip(depth + 1) })
	case 't':
		r.literal("true")
	case 'f':
		r.literal("false")
	case 'n':
		r.literal("null")
	default:
		r.number()
	}
}

func (r *reader) literal(s string) {
	if !bytes.HasPrefix(r.data[r.i:], []byte(s)) {
		r.fail()
		return
	}
	r.i += len(s)
}

// number consumes a number in JSON's grammar and returns its text.
func (r *reader) number() []byte {
	start := r.i
	for r.i < len(r.data) {
		c := r.data[r.i]
		if !isDigit(c) && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			break
		}
		r.i++
	}
	text := r.data[start:r.i]
	if !isJSONNumber(string(text)) {
		r.fail()
		return nil
	}
	return text
}

// stringEnd consumes a string, r at its opening quote, and reports whether
// it holds no escape (so its bytes between the quotes are its value).
func (r *reader) stringEnd() (plain bool) {
	r.i++ // the opening quote
	plain = true
	for r.i < len(r.data) {
		switch c := r.data[r.i]; {
		case c == '"':
			r.i++
			return plain
		case c == '\\':
			plain = false
			if r.i+1 >= len(r.data) {
				r.fail()
				return false
			}
			if r.data[r.i+1] == 'u' {
				if r.i+5 >= len(r.data) || !isHex4(r.data[r.i+2:r.i+6]) {
					r.fail()
					return false
				}
				r.i += 6
				continue
			}
			if !strings.ContainsRune(`"\/bfnrt`, rune(r.data[r.i+1])) {
				r.fail()
				return false
			}
			r.i += 2
		case c < 0x20:
			r.fail()
			return false
		default:
			r.i++
		}
	}
	r.fail()
	return false
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) && (c|0x20 < 'a' || c|0x20 > 'f') {
			return false
		}
	}
	return true
}

// scalar consumes a value and returns it as text: a string unquoted, a
// number or boolean as written; ok is false for null, an object or an
// array (consumed, and no text).
func (r *reader) scalar() (text []byte, quoted, ok bool) {
	switch c := r.peek(); {
	case c == '"':
		start := r.i
		if r.stringEnd() {
			return r.data[start+1 : r.i-1], true, true
		}
		s, err := unquote(r.data[start:r.i])
		return []byte(s), true, err == nil
	case c == 't' || c == 'f':
		start := r.i
		r.skip(0)
		return r.data[start:r.i], false, r.err == nil
	case c == '-' || isDigit(c):
		return r.number(), false, r.err == nil
	}
	r.skip(0)
	return nil, false, false
}

// text reads a text field: a string, or a number or boolean as written;
// absent values (null, {}, "null", "FILTERED") are "".
func (r *reader) text() string {
	b, _, ok := r.scalar()
	if !ok || string(b) == "FILTERED" || string(b) == "null" {
		return ""
	}
	return string(b)
}

// amount reads an amount written as a number or numeric text; ok is false
// for anything else.
func (r *reader) amount() (Amount, bool) {
	b, _, ok := r.scalar()
	if s := string(bytes.TrimSpace(b)); ok && isJSONNumber(s) {
		return Amount{text: s}, true
	}
	return Amount{}, false
}

// amountPtr reads an amount, nil when absent or unreadable.
func (r *reader) amountPtr() *Amount {
	if a, ok := r.amount(); ok {
		return &a
	}
	return nil
}

// integer reads a whole number written as a number or as text ("21",
// "-1", "21.0"); anything else is 0.
func (r *reader) integer() int {
	b, _, ok := r.scalar()
	if !ok {
		return 0
	}
	if n, err := strconv.Atoi(string(b)); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(string(b), 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return int(f)
	}
	return 0
}

// boolean reads true or "true"; anything else is false.
func (r *reader) boolean() bool {
	b, _, ok := r.scalar()
	return ok && strings.EqualFold(string(b), "true")
}

// timestamp reads the layouts flexTime reads ("Z", "+0000", "+05:30",
// fractions); anything else (a masked "1111111T07:00:40Z") is zero.
func (r *reader) timestamp() time.Time {
	b, quoted, ok := r.scalar()
	if !ok || !quoted {
		return time.Time{}
	}
	if t, ok := parseTimestamp(b); ok {
		return t
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, string(b)); err == nil && validOffset(t) {
			return t
		}
	}
	return time.Time{}
}

// decodeObject resets nothing: it reads data, an object, into member, and
// reports a syntax error or trailing data. A valid value that is not an
// object is no error, and sets nothing.
func decodeObject(data []byte, member func(r *reader, key []byte)) error {
	r := &reader{data: data}
	r.object(func(key []byte) { member(r, key) })
	return r.end()
}

// isNull reports whether data is JSON's null: by encoding/json's
// convention, unmarshaling null is a no-op.
func isNull(data []byte) bool { return string(bytes.TrimSpace(data)) == "null" }
