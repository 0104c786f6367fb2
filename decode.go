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

// The tolerant reader. Juspay's own samples disagree about the shape of the
// same field (linked is true in one and "true" in the next; a balance is a
// number or a string; three timestamp layouts; a masked value as {} or
// "FILTERED"), so every response type is decoded the same way: into its
// wire type, a mirror made of leaves, in one pass of encoding/json, then
// copied into the public type (the wire type's to method). Only the leaves
// are json.Unmarshalers, so a field of the wrong shape is named by its
// whole path, and a page of wallets is scanned once, not once per wallet.
//
// Two families of leaves share the work: the flex leaves (decode_flex.go)
// of the wallet types name a field of another shape in an error; the loose
// leaves (decode_loose.go) of the checkout types leave it zero, as their
// contract says, because Juspay masks values there.

var (
	amountType = reflect.TypeOf(Amount{})
	boolType   = reflect.TypeOf(false)
	timeType   = reflect.TypeOf(time.Time{})
	stringType = reflect.TypeOf("")
)

// errNotScalar reports an object or array where a scalar was expected.
var errNotScalar = errors.New("not a scalar")

// scalarText returns a scalar JSON value as text: a string unquoted, a
// number or boolean as written, null as "". An object or array is
// errNotScalar, and the text is then "".
func scalarText(data []byte) (string, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return "", errNotScalar
	}
	switch data[0] {
	case '"':
		s, err := unquote(data)
		if err != nil {
			return "", err
		}
		return s, nil
	case '{', '[':
		return "", errNotScalar
	}
	if string(data) == "null" {
		return "", nil
	}
	return string(data), nil
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

// wire is the constraint of a wire type W: its pointer converts it into
// the public type T.
type wire[W, T any] interface {
	*W
	to(*T)
}

// decodeVia decodes data into the wire type W, naming the JSON field at
// fault in an error, and converts it into *out: every public type's
// UnmarshalJSON is this one call.
func decodeVia[W any, PW wire[W, T], T any](data []byte, out *T) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil // encoding/json's convention: null leaves a value as it is
	}
	var w W
	if err := shapeErrorsIgnored(&w, json.Unmarshal(data, &w)); err != nil {
		return fieldError(err)
	}
	PW(&w).to(out)
	return nil
}

// streamDecoder is a public type that an answer is decoded into through
// its wire type, straight from the body. Decoding into the public type
// instead would scan the body twice: encoding/json scans a value to find
// its end before it hands it to an UnmarshalJSON, which then decodes it
// again. Every response type of the SDK is one.
type streamDecoder interface {
	decodeFrom(dec *json.Decoder) error
}

// decodeStreamVia is decodeVia for an answer's body: the one pass of
// encoding/json goes into the wire type W, then converts into *out.
func decodeStreamVia[W any, PW wire[W, T], T any](dec *json.Decoder, out *T) error {
	var w W
	if err := shapeErrorsIgnored(&w, dec.Decode(&w)); err != nil {
		return err
	}
	PW(&w).to(out)
	return nil
}

// toSlice converts a list of wire values into *out; null stays nil.
func toSlice[W any, PW wire[W, T], T any](ws []W, out *[]T) {
	if ws == nil {
		*out = nil
		return
	}
	*out = make([]T, len(ws))
	for i := range ws {
		PW(&ws[i]).to(&(*out)[i])
	}
}

// fieldError words a decode failure for a caller: encoding/json names the
// SDK's internal wire types ("Go struct field walletWire.list.linked"),
// which means nothing to a caller. fieldError names the JSON field and the
// shapes instead, and keeps the original error reachable with errors.As.
func fieldError(err error) error {
	var named *decodeFieldError
	if errors.As(err, &named) {
		return err
	}
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	// No field: the body as a whole has the wrong shape (a list where an
	// object is expected). Said so, rather than with encoding/json's text,
	// which names the SDK's internal wire type.
	return &decodeFieldError{field: te.Field, got: te.Value, want: shapeOf(te.Type), err: err}
}

type decodeFieldError struct {
	field, got, want string
	err              error
}

func (e *decodeFieldError) Error() string {
	if e.field == "" {
		return "the body: got " + e.got + ", want " + e.want
	}
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
