package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/gojuspay/juspay"
)

// ErrBadSignature is the error of VerifyReturn for a return URL whose
// signature is missing, made with an algorithm other than HMAC-SHA256, or
// wrong: the query was not made by Juspay with your response key, or was
// changed on the way.
var ErrBadSignature = errors.New("webhook: return URL signature does not verify")

// Return is a verified return from Juspay's payment page: the customer's
// browser coming back to the order's return URL.
//
// Show it to the customer, but treat it as a hint, as the webhook is: the
// status is the one at the time of the redirect, and the order status API
// (OrdersService.Get) is the record.
type Return struct {
	OrderID  string           // "order_id": the merchant's order ID
	Status   juspay.TxnStatus // "status", e.g. juspay.TxnCharged
	StatusID int              // "status_id", e.g. 21 for CHARGED; 0 if not a number
	Params   url.Values       // every parameter Juspay signed (all but signature and signature_algorithm)
}

// signatureAlgorithm is the one algorithm Juspay signs return URLs with.
const signatureAlgorithm = "HMAC-SHA256"

// VerifyReturn checks the signature Juspay puts on the return URL and
// returns what it signed. Pass the query as your server decoded it
// (r.URL.Query(), or r.Form for a POST return) and the Response Key made in
// Juspay's dashboard.
//
// The signature is Juspay's "status verification": HMAC-SHA256, keyed with
// the response key, over every parameter but signature and
// signature_algorithm, each key and value percent-encoded, sorted by encoded
// key, joined as k=v&..., and the whole string percent-encoded again. The
// signature is the standard Base64 of the digest; Juspay percent-encodes it
// twice, so the decoded query holds it encoded once ("...%3D"), and it is
// accepted so or fully decoded. It is compared in constant time.
//
// Juspay's own samples percent-encode in two ways (Java's URLEncoder keeps
// "*" and encodes "~"; its Node kit writes a space as %20), which differ
// only for parameters holding a space, "*" or "~", such as ones the merchant
// put on the return URL. A signature made either way, or as Go's
// url.QueryEscape makes it, is accepted.
//
// A missing or wrong signature, a signature_algorithm other than
// HMAC-SHA256 (an absent one is taken as HMAC-SHA256, the only one Juspay
// uses), or a parameter given twice (which of the two did Juspay sign?) is
// an error matching ErrBadSignature. An empty responseKey (a key that was
// never configured, with which anyone could sign) verifies nothing: its
// error matches ErrBadSignature and juspay.ErrInvalidArgument, and is a
// *juspay.ValidationError. No error holds the key.
func VerifyReturn(responseKey string, query url.Values) (*Return, error) {
	if responseKey == "" {
		return nil, emptyKeyError{&juspay.ValidationError{Op: "verify return", Field: "responseKey", Reason: "is empty; copy the Response Key from Juspay's dashboard"}}
	}
	sig, err := signatureOf(query)
	if err != nil {
		return nil, err
	}
	params := url.Values{}
	for k, vs := range query {
		if k == "signature" || k == "signature_algorithm" {
			continue
		}
		if len(vs) != 1 {
			return nil, fmt.Errorf("%w: parameter %q appears %d times", ErrBadSignature, clip(k), len(vs))
		}
		params[k] = []string{vs[0]}
	}
	match := 0
	for _, message := range signedStrings(params) {
		mac := hmac.New(sha256.New, []byte(responseKey))
		mac.Write([]byte(message))
		if hmac.Equal(mac.Sum(nil), sig) {
			match = 1
		}
	}
	if match == 0 {
		return nil, fmt.Errorf("%w: it does not match the parameters and the response key", ErrBadSignature)
	}
	ret := &Return{
		OrderID: params.Get("order_id"),
		Status:  juspay.TxnStatus(params.Get("status")),
		Params:  params,
	}
	ret.StatusID, _ = strconv.Atoi(params.Get("status_id"))
	return ret, nil
}

// signatureOf returns the digest the query's signature holds, after
// checking its algorithm.
func signatureOf(query url.Values) ([]byte, error) {
	if algs := query["signature_algorithm"]; len(algs) > 1 || len(algs) == 1 && algs[0] != signatureAlgorithm {
		return nil, fmt.Errorf("%w: signature_algorithm %q is not %s", ErrBadSignature, clip(strings.Join(algs, ",")), signatureAlgorithm)
	}
	sigs := query["signature"]
	if len(sigs) == 0 || sigs[0] == "" {
		return nil, fmt.Errorf("%w: no signature parameter", ErrBadSignature)
	}
	if len(sigs) > 1 {
		return nil, fmt.Errorf("%w: %d signature parameters", ErrBadSignature, len(sigs))
	}
	s := sigs[0]
	// Base64 holds no "%", so unescaping until none is left is safe, and
	// reads the signature however many times it was decoded on the way.
	for i := 0; i < 3 && strings.Contains(s, "%"); i++ {
		u, err := url.PathUnescape(s)
		if err != nil {
			break
		}
		s = u
	}
	// A "+" of the Base64 turns into a space when a query is decoded once
	// more than it was encoded; Base64 holds no space, so undo it.
	s = strings.ReplaceAll(s, " ", "+")
	digest, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		digest, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
	}
	if err != nil || len(digest) != sha256.Size {
		return nil, fmt.Errorf("%w: the signature is not the Base64 of a SHA-256 digest", ErrBadSignature)
	}
	return digest, nil
}

// signedStrings returns the string Juspay signs for params, once for each
// percent-encoding its samples use (duplicates removed).
func signedStrings(params url.Values) []string {
	var out []string
	for _, enc := range encoders {
		s := signedString(params, enc)
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// signedString is the string to sign: each key and value percent-encoded,
// sorted by encoded key, joined k=v&..., and percent-encoded again.
func signedString(params url.Values, enc func(string) string) string {
	pairs := make([][2]string, 0, len(params))
	for k, vs := range params {
		pairs = append(pairs, [2]string{enc(k), enc(vs[0])})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][0] < pairs[j][0] })
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p[0])
		b.WriteByte('=')
		b.WriteString(p[1])
	}
	return enc(b.String())
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// clip shortens a value from the query for an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// emptyKeyError is VerifyReturn's error for an empty response key: the
// caller's mistake (a *juspay.ValidationError, juspay.ErrInvalidArgument)
// that verifies nothing (ErrBadSignature), worded as this package's.
type emptyKeyError struct{ *juspay.ValidationError }

func (e emptyKeyError) Error() string {
	return "webhook: " + e.Op + ": " + e.Field + " " + e.Reason
}

func (e emptyKeyError) Is(target error) bool {
	return target == ErrBadSignature || target == juspay.ErrInvalidArgument
}

func (e emptyKeyError) Unwrap() error { return e.ValidationError }
