package juspay

import (
	"encoding/json"
	"time"
)

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
	if v, ok := timeOf(data); ok {
		*t = flexTime(v)
		return nil
	}
	s, err := unquote(data)
	if err != nil {
		return err
	}
	return &json.UnmarshalTypeError{Value: stringValue(s, 40), Type: timeType}
}

// timeOf reads a JSON string holding a timestamp in one of Juspay's
// layouts; ok is false for anything else.
func timeOf(data []byte) (time.Time, bool) {
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return time.Time{}, false
	}
	if v, ok := parseTimestamp(data[1 : len(data)-1]); ok {
		return v, true
	}
	s, err := unquote(data)
	if err != nil {
		return time.Time{}, false
	}
	for _, layout := range timeLayouts {
		if v, err := time.Parse(layout, s); err == nil && validOffset(v) {
			return v, true
		}
	}
	return time.Time{}, false
}

// parseTimestamp reads the layouts Juspay uses without allocating:
// YYYY-MM-DDTHH:MM:SS, an optional fraction, then Z, ±HH:MM or ±HHMM. It
// reports false for anything else, which then goes through time.Parse.
func parseTimestamp(b []byte) (time.Time, bool) {
	if len(b) < 20 || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := atoi(b[0:4])
	month, ok2 := atoi(b[5:7])
	day, ok3 := atoi(b[8:10])
	hour, ok4 := atoi(b[11:13])
	minute, ok5 := atoi(b[14:16])
	sec, ok6 := atoi(b[17:19])
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
		hh, okh := atoi(rest[1:3])
		mm, okm := atoi(rest[len(rest)-2:])
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
