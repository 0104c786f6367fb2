package webhook

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// MaxBodySize is the largest webhook body Parse reads: 1 MiB. Juspay's
// largest published order event is a few KiB; the cap keeps a flood of
// bytes from whoever finds the URL out of memory.
const MaxBodySize = 1 << 20

// ErrUnauthorized is the error of Parse for a request without Basic auth
// matching one of its Credentials. Such a request's body is not read.
var ErrUnauthorized = errors.New("webhook: unauthorized: Basic auth matches none of the credentials")

// Parse authenticates a webhook request and decodes its event.
//
// It checks the request's Basic auth against each of creds in constant time
// (pass several during a rotation); with no creds, or none that match, it
// returns ErrUnauthorized and reads nothing. It then reads at most
// MaxBodySize bytes: a larger body is an error for which
// errors.As(err, new(*http.MaxBytesError)) holds. A body that is not a JSON
// object is an error too. Within an object, nothing Juspay sends is an
// error: a value that cannot be read as its field's type is left zero (see
// Event).
//
// Parse does not check the method (Handler does) and does not close the
// body (the server does).
func Parse(r *http.Request, creds ...Credentials) (*Event, error) {
	if r == nil {
		return nil, fmt.Errorf("webhook: parse: nil request")
	}
	if !authorized(r, creds) {
		if !anyPassword(creds) {
			// Every request fails alike then: say it is the server's
			// configuration, not a forged request, that stops them.
			return nil, fmt.Errorf("%w (no credentials with a password were given to check against)", ErrUnauthorized)
		}
		return nil, ErrUnauthorized
	}
	body, err := readBody(r)
	if err != nil {
		return nil, err
	}
	return decodeEvent(body)
}

// readBody reads r's body up to MaxBodySize, refusing a larger one before
// reading it when Content-Length already says so.
func readBody(r *http.Request) ([]byte, error) {
	tooLarge := &http.MaxBytesError{Limit: MaxBodySize}
	if r.ContentLength > MaxBodySize {
		return nil, fmt.Errorf("webhook: body of %d bytes: %w", r.ContentLength, tooLarge)
	}
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodySize+1))
	if err != nil {
		return nil, fmt.Errorf("webhook: reading body: %w", err)
	}
	if len(body) > MaxBodySize {
		return nil, fmt.Errorf("webhook: body over %d bytes: %w", MaxBodySize, tooLarge)
	}
	return body, nil
}
