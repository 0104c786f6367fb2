package juspay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"strings"
	"time"
)

// maxBody is the most of a response body the SDK reads. A larger body is an
// error, read no further, so a broken or hostile server cannot exhaust memory.
const maxBody = 10 << 20

// What is left of a body once the SDK has what it needs (a decoded 2xx, the
// part of an error body an APIError keeps) is read and thrown away, so that
// net/http can reuse the connection, but only so much and for so long. Past
// either bound the body is closed unread, and its connection with it: a new
// connection costs a handshake, where an unbounded drain would let a server
// that trickles bytes after its answer hold a call that already has its
// result, until the attempt timeout (forever with WithTimeout(0)). A server
// that behaves sends the rest with the answer, and it is drained at once.
const (
	maxDrainAfterDecode = 256 << 10 // after a 2xx: a newline, normally
	maxDrainAfterError  = 1 << 20   // an error body, read and drained: a proxy's page
	drainWait           = 250 * time.Millisecond
)

// outcome is what one attempt came to: the facts the retry policy, the log
// and the call's error are made from. It holds no verdict of its own.
type outcome struct {
	status    int         // the answer's status; 0 when none came
	header    http.Header // the answer's headers
	errBody   []byte      // a non-2xx answer's body, at most maxErrorRead of it
	cutShort  bool        // that body ended early: the connection or the context failed
	err       error       // no usable answer: sending, reading or decoding failed
	failed    string      // what failed, for the error text
	sent      bool        // the request may have reached the server
	retryable bool        // err is worth another attempt, for a read
	stale     bool        // err met a kept-alive connection before any answer began
	timedOut  bool        // the attempt's own timeout (WithTimeout) ended it
	ctxErr    error       // the caller's context ended it
	skipped   bool        // the caller's context had ended: no attempt was made
}

// succeeded reports a 2xx answer, read and decoded.
func (o *outcome) succeeded() bool { return o.err == nil && o.status >= 200 && o.status <= 299 }

// rejected reports an answer with a status other than 2xx: an APIError.
func (o *outcome) rejected() bool { return o.err == nil && o.status != 0 && !o.succeeded() }

// attempt makes one HTTP exchange.
func (cl *call) attempt(n int) outcome {
	if err := cl.ctx.Err(); err != nil {
		// Ended before anything was sent: say so plainly, rather than let
		// the transport's error make a write's outcome look unknown.
		return outcome{err: err, failed: "request not sent", ctxErr: err, skipped: true}
	}
	// The attempt's context can always be cancelled: read ends a drain
	// that runs too long by cancelling it.
	var actx context.Context
	var cancel context.CancelFunc
	if cl.cfg.timeout > 0 {
		actx, cancel = context.WithTimeout(cl.ctx, cl.cfg.timeout)
	} else {
		actx, cancel = context.WithCancel(cl.ctx)
	}
	defer cancel()
	// A write needs the trace to prove a failure left nothing on the wire;
	// a read, to tell a stale kept-alive connection from a failing server.
	trace := newConnTrace(cl.r.write)
	actx = httptrace.WithClientTrace(actx, &trace.hooks)
	req, err := newAttemptRequest(actx, cl.r.method, cl.url, cl.body)
	if err != nil {
		return outcome{err: err, failed: "building the request"}
	}
	req.Header = cl.header
	if n > 1 {
		req.Header = cl.header.Clone() // a transport may have kept the first attempt's map
	}

	start := time.Now()
	var o outcome
	resp, err := cl.cfg.httpClient.Do(req)
	switch {
	case err != nil:
		o = outcome{err: err, failed: "request failed", sent: !trace.provablyUnsent(err), retryable: true,
			timedOut: cl.ctx.Err() == nil && actx.Err() != nil, ctxErr: cl.ctx.Err()}
		// An attempt that ran out of time is a slow server, not a stale
		// connection, whatever connection it was on.
		o.stale = !o.timedOut && o.ctxErr == nil && trace.staleConn()
	case resp.StatusCode < 200:
		o = interim(resp)
	default:
		o = cl.read(actx, cancel, resp)
	}
	logAttempt(cl, req, &o, n, time.Since(start))
	return o
}

// interim ends an attempt whose response is a 1xx: a protocol error, not
// an answer. net/http waits past other 1xx responses itself, but hands a
// 101 Switching Protocols over as the final response, with the raw
// connection as its body: reading that body would wait on a server that
// has switched protocols, heeding neither the attempt's timeout nor the
// caller's context. (Other 1xx reach the SDK only from a RoundTripper of
// the caller's.) The body is closed unread, and the connection with it.
// Asking again would get the same answer, so it is not retried, and a write
// that met it may have reached Juspay: its outcome is unknown.
func interim(resp *http.Response) outcome {
	resp.Body.Close()
	return outcome{status: resp.StatusCode, header: resp.Header, sent: true, failed: "reading the response",
		err: fmt.Errorf("protocol error: %d %s is not a final answer", resp.StatusCode, http.StatusText(resp.StatusCode))}
}

// read reads and closes resp.Body: a decoded 2xx, the body of an error, or
// the failure to read either. stop cancels actx, the attempt's context,
// which ends a drain past drainWait.
func (cl *call) read(actx context.Context, stop context.CancelFunc, resp *http.Response) outcome {
	o := outcome{status: resp.StatusCode, header: resp.Header, sent: true}
	body := &cappedBody{r: resp.Body, left: maxBody}
	drainMax := int64(maxDrainAfterDecode)
	defer func() {
		// A body over the cap, or on a connection that failed, has no
		// connection worth keeping: closed as it is.
		if !body.overCap && body.readErr == nil && !body.eof {
			drain(resp.Body, drainMax, stop)
		}
		resp.Body.Close()
	}()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		data, err := io.ReadAll(io.LimitReader(body, maxErrorRead))
		// What was read for the fields counts against the drain: an error
		// costs at most maxDrainAfterError of reading in all.
		drainMax = max(maxDrainAfterError-int64(len(data)), 0)
		// The status is the answer, whatever became of the body: a body
		// cut short (a reset, the attempt timeout) still makes an
		// APIError, from what arrived, retried by its status as any other.
		// A write that got one was answered: its outcome is not unknown.
		o.errBody = data
		if err != nil {
			// Where the caller's context cut it, the call's error says
			// so too, as the package promises.
			o.cutShort, o.ctxErr = true, cl.ctx.Err()
		}
		return o
	}
	if resp.ContentLength > maxBody {
		// The server announced a body over the cap: fail without reading
		// any of it.
		body.overCap = true
		return o.readFailed(cl.ctx, actx, body)
	}
	if cl.out == nil {
		return o
	}
	body.values = valueCap{r: body, left: maxJSONValues}
	if err := decode(json.NewDecoder(&body.values), cl.out); err != nil {
		if body.readErr != nil || body.overCap {
			return o.readFailed(cl.ctx, actx, body)
		}
		if err == io.EOF && cl.r.emptyOK {
			return o
		}
		o.err, o.failed = decodeError(resp, fieldError(err)), "decoding the response"
		return o
	}
	if _, ours := cl.out.(streamDecoder); ours && body.values.first != '{' {
		// Every answer Juspay documents is an object. null, [] or "ok"
		// would decode into an empty result without a word, and an
		// order that does not exist would look like one that does.
		o.err, o.failed = notAnObject(resp.StatusCode, body.values.first), "decoding the response"
	}
	return o
}

// notAnObject explains a 2xx body whose JSON value, starting with first,
// is not the object every Juspay answer is.
func notAnObject(status int, first byte) error {
	kind := "a string or a number"
	switch first {
	case 'n':
		kind = "null"
	case '[':
		kind = "an array"
	case 't', 'f':
		kind = "a boolean"
	}
	return fmt.Errorf("%d response is %s, not a JSON object", status, kind)
}

// decode decodes the next JSON value of dec into out: through out's wire
// type where it has one (see streamDecoder).
func decode(dec *json.Decoder, out any) error {
	if s, ok := out.(streamDecoder); ok {
		return s.decodeFrom(dec)
	}
	return dec.Decode(out)
}

// readFailed records that a 2xx body could not be read: over the cap (not
// worth another attempt), or cut short by the connection or a context.
func (o outcome) readFailed(ctx, actx context.Context, body *cappedBody) outcome {
	o.failed, o.err, o.retryable = "reading the response", body.readErr, true
	o.timedOut = ctx.Err() == nil && actx.Err() != nil
	o.ctxErr = ctx.Err()
	if body.overCap {
		o.err, o.retryable = errBodyTooLarge, false
	}
	return o
}

// drain reads and discards at most n bytes of body, so that net/http can
// reuse its connection, and gives up after drainWait by calling stop, which
// cancels the request's context and makes the read return. A body not read
// to its end costs its connection, which closing the body then drops.
func drain(body io.Reader, n int64, stop context.CancelFunc) {
	t := time.AfterFunc(drainWait, stop)
	defer t.Stop()
	_, _ = io.CopyN(io.Discard, body, n)
}

// decodeError explains a 2xx body that is not the JSON expected. It names
// the field at fault but never quotes the body, which may hold tokens.
func decodeError(resp *http.Response, err error) error {
	if err == io.EOF {
		return fmt.Errorf("%d response has an empty body", resp.StatusCode)
	}
	if err == io.ErrUnexpectedEOF {
		// The body arrived whole (a cut connection is a read error, not
		// this), but its JSON stops before the value ends.
		return fmt.Errorf("%d response's JSON ends before its value does: %w", resp.StatusCode, err)
	}
	mt := mediaType(resp.Header.Get("Content-Type"))
	var shape *decodeFieldError
	if mt != "" && !strings.Contains(strings.ToLower(mt), "json") && (!errors.As(err, &shape) || shape.field == "") {
		// A field of the wrong shape is not blamed on a proxy's page:
		// the body was JSON up to it, whatever its media type says.
		// Named whole or not at all, never cut: see stringValue.
		what := oneLine(mt)
		if len(what) > 60 {
			what = "a " + strconv.Itoa(len(what)) + "-byte media type"
		}
		return fmt.Errorf("%d response is %s, not JSON (a proxy or gateway page?): %w", resp.StatusCode, what, err)
	}
	return err
}
