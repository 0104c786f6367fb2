package juspay

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// The checkout types (Order, TxnDetail, Refund, Customer, ...) decode
// through the loose leaves below. Juspay writes one object two ways: its
// API answers with numbers and booleans, its webhooks with the same values
// as text, and masks what it will not tell with {} or "FILTERED", even
// where a number, a date or an object belongs. So a loose leaf never fails:
// a value it cannot read as its type is left zero, and only a body that is
// not JSON at all is an error. (The wallet types are stricter: they name a
// field of the wrong shape, because the wallet endpoints never mask.)

// looseDecode decodes data into a wire struct of loose leaves. encoding/json
// reports a value of the wrong kind for a nested object (a string where an
// object belongs) as an UnmarshalTypeError after decoding everything else,
// so that error means "some value was left zero", which is the contract.
func looseDecode(data []byte, wire any) error {
	err := json.Unmarshal(data, wire)
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return nil
	}
	return err
}

// absentText reports whether a text value stands for no value: Juspay
// writes "null" as a string in places, and masks fields in webhooks as
// "FILTERED".
func absentText(s string) bool { return s == "FILTERED" || s == "null" }

// looseString decodes a string, a number or boolean as its JSON text, and
// anything absent or unreadable ({}, null, "null", "FILTERED") as "".
type looseString string

func (s *looseString) UnmarshalJSON(data []byte) error {
	v, err := textOf(data)
	if err != nil || absentText(v) {
		v = ""
	}
	*s = looseString(v)
	return nil
}

// looseInt decodes a whole number written as a number or as text ("21",
// "-1"); anything else is 0.
type looseInt int

func (n *looseInt) UnmarshalJSON(data []byte) error {
	*n = 0
	text, err := numberText(data)
	if err != nil || text == "" {
		return nil
	}
	if v, err := strconv.Atoi(text); err == nil {
		*n = looseInt(v)
	} else if f, err := strconv.ParseFloat(text, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		*n = looseInt(f) // "21.0", "2.1e1"
	}
	return nil
}

// looseBool decodes true and "true" as true, anything else as false.
type looseBool bool

func (b *looseBool) UnmarshalJSON(data []byte) error {
	v, err := textOf(data)
	*b = looseBool(err == nil && strings.EqualFold(v, "true"))
	return nil
}

// looseTime decodes the timestamp layouts flexTime reads ("Z", "+0000",
// "+05:30", fractions); anything else (a masked "1111111T07:00:40Z",
// {}, null) is the zero time.
type looseTime time.Time

func (t *looseTime) UnmarshalJSON(data []byte) error {
	var ft flexTime
	if ft.UnmarshalJSON(data) != nil {
		ft = flexTime{}
	}
	*t = looseTime(ft)
	return nil
}

// looseAmount decodes an amount written as a number or as numeric text;
// anything else is the zero Amount.
type looseAmount Amount

func (a *looseAmount) UnmarshalJSON(data []byte) error {
	text, err := numberText(data)
	if err != nil {
		text = ""
	}
	*a = looseAmount{text: text}
	return nil
}

// looseAmountPtr decodes an amount into *dst, as looseAmount does, with nil
// for an absent or unreadable one.
type looseAmountPtr struct{ dst **Amount }

func (p looseAmountPtr) UnmarshalJSON(data []byte) error {
	*p.dst = nil
	if text, err := numberText(data); err == nil && text != "" {
		*p.dst = &Amount{text: text}
	}
	return nil
}

// looseObject decodes a nested object into a new *T, left nil for null, {}
// or anything that is not an object.
type looseObject[T any, PT interface {
	*T
	json.Unmarshaler
}] struct{ dst **T }

func (o looseObject[T, PT]) UnmarshalJSON(data []byte) error {
	*o.dst = nil
	if !filledObject(data) {
		return nil
	}
	v := PT(new(T))
	if err := v.UnmarshalJSON(data); err != nil {
		return nil
	}
	*o.dst = (*T)(v)
	return nil
}

// looseList decodes an array of objects into *dst, skipping elements that
// are not objects; anything but an array leaves it nil.
type looseList[T any, PT interface {
	*T
	json.Unmarshaler
}] struct{ dst *[]T }

func (l looseList[T, PT]) UnmarshalJSON(data []byte) error {
	*l.dst = nil
	var raw []json.RawMessage
	if json.Unmarshal(data, &raw) != nil {
		return nil
	}
	var out []T
	for _, item := range raw {
		if !filledObject(item) {
			continue
		}
		var v T
		if PT(&v).UnmarshalJSON(item) == nil {
			out = append(out, v)
		}
	}
	*l.dst = out
	return nil
}

// filledObject reports whether data is a JSON object with at least one
// member: Juspay's {} means "no value", as null does.
func filledObject(data []byte) bool {
	data = bytes.TrimSpace(data)
	if len(data) < 2 || data[0] != '{' {
		return false
	}
	return len(bytes.TrimSpace(data[1:len(data)-1])) > 0
}

// udfWire points udf1 ... udf10 at an array's elements.
type udfWire struct {
	U1  *looseString `json:"udf1"`
	U2  *looseString `json:"udf2"`
	U3  *looseString `json:"udf3"`
	U4  *looseString `json:"udf4"`
	U5  *looseString `json:"udf5"`
	U6  *looseString `json:"udf6"`
	U7  *looseString `json:"udf7"`
	U8  *looseString `json:"udf8"`
	U9  *looseString `json:"udf9"`
	U10 *looseString `json:"udf10"`
}

func newUDFWire(u *[10]string) udfWire {
	s := func(i int) *looseString { return (*looseString)(&u[i]) }
	return udfWire{s(0), s(1), s(2), s(3), s(4), s(5), s(6), s(7), s(8), s(9)}
}
