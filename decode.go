package juspay

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The types in this file are the tolerant reader's leaves. Juspay's own
// samples disagree about the shape of the same field (linked is true in one
// and "true" in the next; three timestamp layouts), so the public types decode
// through these instead of trusting one shape.

// errNotScalar reports an object or array where a scalar was expected.
var errNotScalar = errors.New("not a scalar")

var (
	amountType = reflect.TypeOf(Amount{})
	boolType   = reflect.TypeOf(false)
	timeType   = reflect.TypeOf(time.Time{})
	stringType = reflect.TypeOf("")
)

// flexBool decodes true, false, "true", "false" and null (false).
type flexBool bool

func (b *flexBool) UnmarshalJSON(data []byte) error {
	switch string(data) {
	case "true", `"true"`:
		*b = true
	case "false", `"false"`, "null", `""`:
		*b = false
	default:
		return &json.UnmarshalTypeError{Value: jsonKind(data), Type: boolType}
	}
	return nil
}

// flexTime decodes the timestamp layouts Juspay uses, and null or "" as the
// zero time.
type flexTime time.Time

// timeLayouts are tried in order. RFC 3339 (with or without fraction) covers
// "2023-09-11T08:29:47Z" and "2023-09-11T08:26:15.000Z"; the second covers
// "2016-08-02T08:07:52+0000", whose offset has no colon.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999Z0700",
}

func (t *flexTime) UnmarshalJSON(data []byte) error {
	if string(data) == "null" || string(data) == `""` {
		*t = flexTime{}
		return nil
	}
	if len(data) < 2 || data[0] != '"' {
		return &json.UnmarshalTypeError{Value: jsonKind(data), Type: timeType}
	}
	if v, ok := parseTimestamp(data[1 : len(data)-1]); ok {
		*t = flexTime(v)
		return nil
	}
	s, err := unquote(data)
	if err != nil {
		return err
	}
	for _, layout := range timeLayouts {
		if v, err := time.Parse(layout, s); err == nil && validOffset(v) {
			*t = flexTime(v)
			return nil
		}
	}
	return &json.UnmarshalTypeError{Value: stringValue(s, 40), Type: timeType}
}

// parseTimestamp reads the layouts Juspay uses without allocating:
// YYYY-MM-DDTHH:MM:SS, an optional fraction, then Z, ±HH:MM or ±HHMM. It
// reports false for anything else, which then goes through time.Parse.
func parseTimestamp(b []byte) (time.Time, bool) {
	if len(b) < 20 || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := digits(b[0:4])
	month, ok2 := digits(b[5:7])
	day, ok3 := digits(b[8:10])
	hour, ok4 := digits(b[11:13])
	minute, ok5 := digits(b[14:16])
	sec, ok6 := digits(b[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || month < 1 || month > 12 || day < 1 ||
		day > daysIn(time.Month(month), year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	rest := b[19:]
	nsec := 0
	if rest[0] == '.' {
		i := 1
		for i < len(rest) && isDigit(rest[i]) {
			if i <= 9 {
				nsec = nsec*10 + int(rest[i]-'0')
			}
			i++
		}
		if i == 1 {
			return time.Time{}, false
		}
		for k := min(i, 10); k < 10; k++ { // scale to nanoseconds
			nsec *= 10
		}
		rest = rest[i:]
	}
	loc := time.UTC
	switch {
	case len(rest) == 1 && rest[0] == 'Z':
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':',
		len(rest) == 5 && (rest[0] == '+' || rest[0] == '-'):
		hh, okh := digits(rest[1:3])
		mm, okm := digits(rest[len(rest)-2:])
		if !okh || !okm || hh > 23 || mm > 59 {
			return time.Time{}, false
		}
		offset := (hh*60 + mm) * 60
		if rest[0] == '-' {
			offset = -offset
		}
		if offset != 0 {
			loc = time.FixedZone("", offset)
		}
	default:
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc), true
}

// digits reads a run of ASCII digits as a number.
func digits(s []byte) (int, bool) {
	n := 0
	for _, c := range s {
		if !isDigit(c) {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// validOffset reports whether t's zone offset is within ±23:59. time.Parse
// accepts "+2400" in the layouts without a colon, but no such zone exists and
// time.Time.MarshalJSON refuses it, so a wallet holding one could not be
// encoded again.
func validOffset(t time.Time) bool {
	_, off := t.Zone()
	return off > -24*60*60 && off < 24*60*60
}

// flexAmount decodes a balance into *dst in place: a JSON number, a
// numeric string, or null or "" for no balance at all (nil).
type flexAmount struct{ dst **Amount }

func (f flexAmount) UnmarshalJSON(data []byte) error {
	var b flexBalance
	if err := b.UnmarshalJSON(data); err != nil {
		return err
	}
	*f.dst = b.pointer(nil)
	return nil
}

// flexBalance decodes a balance by value, for the wire types: a JSON number,
// a numeric string, or null or "" for no balance at all.
type flexBalance struct {
	v   Amount
	set bool
}

func (f *flexBalance) UnmarshalJSON(data []byte) error {
	*f = flexBalance{}
	if string(data) == "null" {
		return nil
	}
	text, err := numberText(data)
	if err != nil || text == "" {
		return err
	}
	f.v, f.set = Amount{text: text}, true
	return nil
}

// pointer returns the balance as the public types hold it: nil for none.
func (f *flexBalance) pointer(slabs *walletSlabs) *Amount {
	if !f.set {
		return nil
	}
	return slabs.amount(f.v)
}

// flexString decodes a string, null as "", and a number or boolean as its
// JSON text, so a code that arrives unquoted keeps its digits instead of
// failing the whole response.
type flexString string

func (s *flexString) UnmarshalJSON(data []byte) error {
	v, err := textOf(data)
	if err != nil {
		return &json.UnmarshalTypeError{Value: jsonKind(data), Type: stringType}
	}
	*s = flexString(v)
	return nil
}

// metaValue decodes any metadata value as text: a string as it is, a number
// or boolean as written (so a mobile number sent unquoted keeps its digits),
// null as "", and an object or array as its JSON.
type metaValue string

func (m *metaValue) UnmarshalJSON(data []byte) error {
	text, err := textOf(data)
	if err == errNotScalar {
		// encoding/json keeps a raw object's bytes as they came, invalid
		// UTF-8 included, and would write them back with U+FFFD instead:
		// replace them now, so the value survives an encode and decode.
		text, err = strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	*m = metaValue(text)
	return err
}

// textOf returns a scalar JSON value as text: a string unquoted, a number or
// boolean as written, null as "". Objects and arrays are errors.
func textOf(data []byte) (string, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return "", errNotScalar
	}
	switch data[0] {
	case '"':
		return unquote(data)
	case '{', '[':
		return "", errNotScalar
	}
	if string(data) == "null" {
		return "", nil
	}
	return string(data), nil
}

// jsonKind names the kind of a JSON value for an error message, without
// repeating the value (which could be a secret).
func jsonKind(data []byte) string {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return "nothing"
	}
	switch data[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	default:
		return "number"
	}
}

// stringValue describes a string a server sent, for a decode error: quoted
// whole when it is at most n bytes, by its length when it is longer. It
// never cuts the text: the error's text is scrubbed of the call's secrets
// later (clean), and a secret cut in two would escape the scrub, its first
// bytes left in the error.
func stringValue(s string, n int) string {
	if len(s) <= n {
		return "string " + strconv.Quote(s)
	}
	return "string of " + strconv.Itoa(len(s)) + " bytes"
}

// truncate shortens s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// unquote decodes a JSON string. Most strings Juspay sends are plain ASCII
// without escapes, which are copied as they are; anything else goes through
// encoding/json so escapes and invalid UTF-8 are handled exactly as it does.
func unquote(data []byte) (string, error) {
	if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' {
		inner := data[1 : len(data)-1]
		plain := true
		for _, c := range inner {
			if c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
				plain = false
				break
			}
		}
		if plain {
			return string(inner), nil
		}
	}
	var s string
	err := json.Unmarshal(data, &s)
	return s, err
}

// FieldError-style wording for decode failures: encoding/json names the
// SDK's internal wire types ("Go struct field walletWire.list.linked"),
// which means nothing to a caller. fieldError names the JSON field and the
// shapes instead, and keeps the original error reachable with errors.As.
func fieldError(err error) error {
	var named *decodeFieldError
	if errors.As(err, &named) {
		return err
	}
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Field == "" {
		return err
	}
	return &decodeFieldError{field: te.Field, got: te.Value, want: shapeOf(te.Type), err: err}
}

type decodeFieldError struct {
	field, got, want string
	err              error
}

func (e *decodeFieldError) Error() string {
	return "field " + strconv.Quote(e.field) + ": got " + e.got + ", want " + e.want
}

func (e *decodeFieldError) Unwrap() error { return e.err }

func shapeOf(t reflect.Type) string {
	if t == nil {
		return "another shape"
	}
	switch t {
	case timeType:
		return "a timestamp"
	case amountType:
		return "a decimal number"
	case boolType:
		return "a boolean"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "an integer"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return t.String()
}
