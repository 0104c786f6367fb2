package juspay

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
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
	amountType   = reflect.TypeOf(Amount{})
	boolType     = reflect.TypeOf(false)
	timeType     = reflect.TypeOf(time.Time{})
	stringType   = reflect.TypeOf("")
	metadataType = reflect.TypeOf(WalletMetadata{})
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
	if string(data) == "null" {
		*t = flexTime{}
		return nil
	}
	if len(data) == 0 || data[0] != '"' {
		return &json.UnmarshalTypeError{Value: jsonKind(data), Type: timeType}
	}
	s, err := unquote(data)
	if err != nil {
		return err
	}
	if s == "" {
		*t = flexTime{}
		return nil
	}
	for _, layout := range timeLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			*t = flexTime(v)
			return nil
		}
	}
	return &json.UnmarshalTypeError{Value: "string " + strconv.Quote(truncate(s, 40)), Type: timeType}
}

// flexAmount decodes a balance into *dst: a JSON number, a numeric string,
// or null or "" for no balance at all (nil).
type flexAmount struct{ dst **Amount }

func (f flexAmount) UnmarshalJSON(data []byte) error {
	text, err := "", error(nil)
	if string(data) != "null" {
		text, err = numberText(data)
	}
	if err != nil {
		return err
	}
	if text == "" {
		*f.dst = nil
		return nil
	}
	*f.dst = &Amount{text: text}
	return nil
}

// flexString decodes a string, null as "", and a number or boolean as its
// JSON text, so an ID or a mobile number that arrives unquoted keeps its
// digits instead of failing the whole response.
type flexString string

func (s *flexString) UnmarshalJSON(data []byte) error {
	v, err := textOf(data)
	if err != nil {
		return &json.UnmarshalTypeError{Value: jsonKind(data), Type: stringType}
	}
	*s = flexString(v)
	return nil
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
