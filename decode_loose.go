package juspay

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// The loose leaves, for the checkout objects (Order, TxnDetail, Refund,
// Customer, ...). Juspay writes them two ways (its API answers with
// numbers and booleans, its webhooks with the same values as text) and
// masks what it will not tell with {} or "FILTERED", even where a number,
// a date or an object belongs. So a loose leaf never fails: a value it
// cannot read as its field's type is left zero, and only bytes that are
// not JSON are an error (see looseWire). The wallet types use the flex
// leaves instead, which name a field of the wrong shape: the wallet
// endpoints never mask.
//
//	looseText    a string, a number or boolean as written; null, {}, [], "null", "FILTERED" as ""
//	looseAmount  a number or numeric text; anything else as no amount
//	looseInt     a whole number, as a number or text ("21", "21.0"); anything else as 0
//	looseBool    true or "true" (any case); anything else as false
//	looseTime    flexTime's layouts; anything else (a masked "1111111T07:00:40Z") as zero

type looseText string

func (t *looseText) UnmarshalJSON(data []byte) error {
	s, err := scalarText(data)
	if err != nil || s == "null" || s == "FILTERED" {
		s = ""
	}
	*t = looseText(s)
	return nil
}

type looseAmount flexAmount

func (a *looseAmount) UnmarshalJSON(data []byte) error {
	*a = looseAmount{}
	s, err := scalarText(data)
	if s = strings.TrimSpace(s); err == nil && isJSONNumber(s) {
		a.v, a.set = Amount{text: s}, true
	}
	return nil
}

type looseInt int

func (n *looseInt) UnmarshalJSON(data []byte) error {
	*n = 0
	s, err := scalarText(data)
	if err != nil {
		return nil
	}
	if i, err := strconv.Atoi(s); err == nil {
		*n = looseInt(i)
	} else if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		*n = looseInt(f)
	}
	return nil
}

type looseBool bool

func (b *looseBool) UnmarshalJSON(data []byte) error {
	s, err := scalarText(data)
	*b = looseBool(err == nil && strings.EqualFold(s, "true"))
	return nil
}

type looseTime time.Time

func (t *looseTime) UnmarshalJSON(data []byte) error {
	v, _ := timeOf(data)
	*t = looseTime(v)
	return nil
}

// looseWire marks a wire type decoded loosely: a value of another shape
// than its field's, which encoding/json reports as an UnmarshalTypeError
// once it has decoded everything else, is left zero; only a body that is
// not JSON is an error.
type looseWire struct{}

func (looseWire) loose() {}

// shapeErrorsIgnored drops the wrong-shape error of a loose wire type w.
func shapeErrorsIgnored(w any, err error) error {
	var te *json.UnmarshalTypeError
	if _, loose := w.(interface{ loose() }); loose && errors.As(err, &te) {
		return nil
	}
	return err
}

// ptr returns the amount as the public types hold an optional one: nil for none.
func (a *looseAmount) ptr() *Amount { return (*flexAmount)(a).ptr() }
