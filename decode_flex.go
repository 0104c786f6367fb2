package juspay

import (
	"encoding/json"
	"strings"
)

// The flex leaves, for the wallet types: tolerant of every shape Juspay
// is known to send, and an error that names the field for any other (the
// wallet endpoints never mask a value, so another shape is a real change).
//
//	flexString  a string; a number or boolean as written; null as ""
//	flexText    any value as text: flexString's, and an object or array as its JSON
//	flexBool    true, false, "true", "false"; null and "" as false
//	flexAmount  a number or numeric string; null and "" as no amount
//	flexTime    Juspay's timestamp layouts (decode_time.go); null and "" as zero

// flexString decodes a string, null as "", and a number or boolean as its
// JSON text, so a code that arrives unquoted keeps its digits instead of
// failing the whole response.
type flexString string

func (s *flexString) UnmarshalJSON(data []byte) error {
	v, err := scalarText(data)
	if err != nil {
		return &json.UnmarshalTypeError{Value: jsonKind(data), Type: stringType}
	}
	*s = flexString(v)
	return nil
}

// flexText decodes any value as text: a string as it is, a number or
// boolean as written (so a mobile number sent unquoted keeps its digits),
// null as "", and an object or array as its JSON.
type flexText string

func (t *flexText) UnmarshalJSON(data []byte) error {
	text, err := scalarText(data)
	if err == errNotScalar {
		// encoding/json keeps a raw object's bytes as they came, invalid
		// UTF-8 included, and would write them back with U+FFFD instead:
		// replace them now, so the value survives an encode and decode.
		text, err = strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	*t = flexText(text)
	return err
}

// textMap copies a map of flexText into the map of strings the public
// types hold; nil stays nil.
func textMap(m map[string]flexText) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = string(v)
	}
	return out
}

// flexBool decodes true, false, "true", "false" and null or "" (false).
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

// flexAmount decodes an amount: a JSON number, a numeric string, or null or
// "" for no amount at all.
type flexAmount struct {
	v   Amount
	set bool
}

func (f *flexAmount) UnmarshalJSON(data []byte) error {
	*f = flexAmount{}
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

// ptr returns the amount as the public types hold it: nil for none.
func (f *flexAmount) ptr() *Amount {
	if !f.set {
		return nil
	}
	a := f.v
	return &a
}
