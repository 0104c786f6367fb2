package juspay

import (
	"bytes"
	"encoding/json"
)

// scrubEscaped scrubs the strings of a JSON body that spell a secret with
// escapes: JSON lets a server write any character as \uXXXX, so
// "\u0073k_live_..." holds the key though no byte run of the body is the
// key, and scrub, which matches bytes, leaves it. Each string token holding
// an escape is decoded, scrubbed, and written back (encoded by
// encoding/json) where the decoded text held a secret; the rest of the
// body is kept byte for byte. A body without a backslash, or that is not
// JSON, is returned as it is (up to where it stops being JSON).
func (s scrubber) scrubEscaped(body []byte) []byte {
	if bytes.IndexByte(body, '\\') < 0 {
		return body
	}
	var out []byte
	last := 0 // body[:last] is settled: copied to out, or kept when out is nil
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			break
		}
		text, ok := tok.(string)
		end := int(dec.InputOffset())
		if !ok || end > len(body) {
			continue
		}
		start := before + bytes.IndexByte(body[before:end], '"')
		if start < before || bytes.IndexByte(body[start:end], '\\') < 0 {
			continue
		}
		clean := s.scrub(text)
		if clean == text {
			continue
		}
		quoted, _ := json.Marshal(clean)
		out = append(append(out, body[last:start]...), quoted...)
		last = end
	}
	if out == nil {
		return body
	}
	return append(out, body[last:]...)
}
