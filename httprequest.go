package juspay

import (
	"bytes"
	"context"
	"io"
	"net/http"
)

// newAttemptRequest builds one attempt's request so that net/http can never
// send it more than once. net/http replays a request on its own whenever it
// can rewind the body: over HTTP/2 after RST_STREAM(PROTOCOL_ERROR),
// RST_STREAM(REFUSED_STREAM) or GOAWAY, even once the server has read the
// request in full (http2shouldRetryRequest resends a request whose Body is
// nil or NoBody, or calls its GetBody, and does so again on every new
// connection), and over HTTP/1 when a reused connection fails
// (Request.isReplayable: a GET, or a body with GetBody). Those replays
// happen beneath the SDK's retry policy: a debit would reach Juspay hundreds
// of times in one attempt, and a read would escape the retry budget. So
// every request, a GET included, carries a body with no GetBody, set after
// NewRequest (which would give a *bytes.Reader one): net/http's own replays
// are off, and every request on the wire is an attempt of the SDK, seen by
// its retry policy and budget.
func newAttemptRequest(ctx context.Context, method, target string, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, target, nil)
	if err != nil {
		return nil, err
	}
	if len(body) == 0 {
		// An empty body is of unknown length to net/http (0 with a Body);
		// said to be sent as it is (TransferEncoding's documented
		// "identity"), HTTP/1 sends no body and no framing for it, where
		// it would otherwise probe the body in a goroutine of its own on
		// every GET. HTTP/2 ends the stream with an empty DATA frame.
		req.Body, req.TransferEncoding = emptyBody{}, identityEncoding
		return req, nil
	}
	// An in-memory reader, so that HTTP/1 writes the headers and the body
	// in one packet, as it does for NewRequest's.
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	return req, nil
}

// identityEncoding is shared by every body-less request: net/http only
// reads it.
var identityEncoding = []string{"identity"}

// emptyBody is a request body with nothing in it that net/http cannot
// rewind (it is not NoBody); see newAttemptRequest.
type emptyBody struct{}

func (emptyBody) Read([]byte) (int, error) { return 0, io.EOF }
func (emptyBody) Close() error             { return nil }

// WriteTo writes nothing. Without it, io.Copy in net/http would allocate a
// 32 KiB buffer to copy no bytes.
func (emptyBody) WriteTo(io.Writer) (int64, error) { return 0, nil }
