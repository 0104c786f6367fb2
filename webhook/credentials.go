package webhook

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gojuspay/juspay/internal/redact"
)

// redacted stands in for a secret in every formatted value, as in package
// juspay: see redact.Mask.
const redacted = redact.Mask

// Credentials is the Basic auth username and password set for webhooks in
// Juspay's dashboard (Payments → Settings → Webhooks). Juspay sends them with
// every webhook; Parse and Handler refuse a request that does not carry one
// of the Credentials they are given.
//
// Pass several during a rotation: the new pair and the old one, until the
// dashboard holds only the new.
//
// A Credentials with an empty Password matches no request, so a password
// left unset (an environment variable that was never exported) locks the
// endpoint instead of opening it.
//
// Formatting a Credentials shows the username only: String, Format (every
// verb, on a value or a pointer), GoString, LogValue (log/slog) and
// MarshalJSON all print the password as [redacted].
type Credentials struct {
	Username string
	Password string
}

// String returns the username and a masked password.
func (c Credentials) String() string {
	return "{" + c.Username + " " + redacted + "}"
}

// GoString returns the Go syntax of c with the password masked, for %#v.
func (c Credentials) GoString() string {
	return "webhook.Credentials{Username:" + strconv.Quote(c.Username) + ", Password:" + strconv.Quote(redacted) + "}"
}

// Format prints c without its password for every verb: %#v as GoString, %+v
// with field names, any other verb as String. Without it, verbs such as %x
// or %d would walk the struct and print the password.
func (c Credentials) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		fmt.Fprint(f, c.GoString())
	case verb == 'v' && f.Flag('+'):
		fmt.Fprint(f, "{Username:"+c.Username+" Password:"+redacted+"}")
	default:
		fmt.Fprint(f, c.String())
	}
}

// LogValue presents c to log/slog as its username and a masked password.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("username", c.Username),
		slog.String("password", redacted),
	)
}

// MarshalJSON writes c with the password masked, so a configuration dumped
// as JSON (by a logger or a debug endpoint) does not carry it.
func (c Credentials) MarshalJSON() ([]byte, error) {
	return []byte(`{"Username":` + strconv.Quote(c.Username) + `,"Password":"` + redacted + `"}`), nil
}

// authorized reports whether r carries Basic auth matching one of creds.
//
// The comparison takes the same time whichever byte differs and whichever
// credential matches: every credential is compared, and the username and
// password are compared as SHA-256 digests, so neither the position of the
// first wrong byte nor the length of the secret shows in the time taken
// (subtle.ConstantTimeCompare returns at once on a length mismatch).
func authorized(r *http.Request, creds []Credentials) bool {
	user, pass, ok := r.BasicAuth()
	if !ok {
		return false
	}
	gotUser, gotPass := sha256.Sum256([]byte(user)), sha256.Sum256([]byte(pass))
	match := 0
	for _, c := range creds {
		wantUser, wantPass := sha256.Sum256([]byte(c.Username)), sha256.Sum256([]byte(c.Password))
		same := subtle.ConstantTimeCompare(gotUser[:], wantUser[:]) &
			subtle.ConstantTimeCompare(gotPass[:], wantPass[:]) &
			nonEmpty(c.Password)
		match |= same
	}
	return match == 1
}

// nonEmpty is 1 for a non-empty secret and 0 for an empty one.
func nonEmpty(s string) int {
	if s == "" {
		return 0
	}
	return 1
}

// anyPassword reports whether one of creds can match a request at all.
func anyPassword(creds []Credentials) bool {
	for _, c := range creds {
		if c.Password != "" {
			return true
		}
	}
	return false
}
