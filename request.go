package juspay

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/google/go-querystring/query"
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
	maxDrainAfterError  = 1 << 20   // after an error: the rest of a proxy's page
	drainWait           = 250 * time.Millisecond
)

// request is one API call, built by a service method.
type request struct {
	op        string // names the call in errors and logs, e.g. "refresh all wallets"
	method    string
	path      string // escaped, appended to the base URL
	routingID string // x-routing-id when WithRoutingID is not given; "" sends none
	write     bool   // moves money or state: retried only when provably never sent
	form      url.Values
	secrets   []string // values sent that must never appear in error text or logs

	// scrub removes secrets (the call's and the key's) from a text; set by
	// do. The errors a call returns keep this closure, never the list.
	scrub func(string) string
}

// encodeForm encodes a `url:"..."`-tagged struct as a form body. Every body
// the SDK sends goes through here, as go-github's addOptions does for queries.
func encodeForm(v any) (url.Values, error) {
	return query.Values(v)
}

// pathSegment path-escapes one ID so that it is always exactly one segment:
// "a/b" becomes "a%2Fb" and can never reach another endpoint. "." and "..",
// which escaping leaves alone and proxies collapse, are refused.
func pathSegment(op, name, id string) (string, error) {
	switch {
	case id == "":
		return "", invalid(op, name, "is empty")
	case id == "." || id == "..":
		return "", invalid(op, name, "%q is not a valid ID", id)
	case hasControl(id):
		return "", invalid(op, name, "holds a control character")
	}
	return url.PathEscape(id), nil
}

// send is how every service method sends its request: it applies the
// call's options, sends r as c.do does and returns the decoded 2xx body.
func send[T any](ctx context.Context, c *Client, r *request, opts []Option) (*T, error) {
	cfg, err := c.callConfig(opts)
	if err != nil {
		return nil, err
	}
	out := new(T)
	if err := c.do(ctx, cfg, r, out); err != nil {
		return nil, err
	}
	return out, nil
}

// do sends r with the call's settings and decodes a 2xx JSON body into out,
// retrying as the settings and r.write allow.
func (c *Client) do(ctx context.Context, cfg *config, r *request, out any) error {
	if ctx == nil {
		return invalid(r.op, "ctx", "is nil")
	}
	if len(r.secrets) == 0 {
		// Most calls carry no secret of their own: share the key's list
		// (read-only; its length is its capacity, so no append can write
		// into it) and scrubber instead of building them on every call.
		r.secrets, r.scrub = c.auth.secrets(), c.auth.scrub
	} else {
		r.secrets = append(r.secrets, c.auth.secrets()...)
		r.scrub = scrubber(r.secrets)
	}
	var body []byte
	if r.form != nil {
		body = []byte(r.form.Encode())
	}
	hdr := c.header(cfg, r)
	target := cfg.baseURL + r.path

	for attempt := 1; ; attempt++ {
		res := c.attempt(ctx, cfg, r, target, hdr, body, attempt, out)
		if res.err == nil && res.apiErr == nil {
			cfg.budget.succeeded(attempt > 1)
			return nil
		}
		wait, retry := c.shouldRetry(ctx, cfg, r, &res, attempt)
		if !retry {
			return res.final(r, attempt)
		}
		if !cfg.budget.take(res.retryCost()) {
			res.budgetSpent = true
			logBudgetSpent(ctx, cfg.logger, r, &res, attempt)
			return res.final(r, attempt)
		}
		logRetry(ctx, cfg.logger, r, &res, attempt, wait)
		if err := sleep(ctx, wait); err != nil {
			res.ctxErr, res.waitEnded = err, true
			return res.final(r, attempt)
		}
	}
}

// header builds the headers every attempt of a call sends: the fixed ones,
// built once per client (per call when the call has options of its own),
// and the call's routing ID.
func (c *Client) header(cfg *config, r *request) http.Header {
	fixed := c.fixed
	if cfg != c.cfg || fixed == nil {
		fixed = newFixedHeader(cfg, c.auth)
	}
	h := fixed.copy(1)
	if cfg.routingID == "" && r.routingID != "" {
		h["X-Routing-Id"] = []string{r.routingID}
	}
	return h
}

// fixedHeader makes the headers that are the same for every call made with
// one config. They hold the Authorization value, so, as the credential does,
// it keeps them only inside a closure, out of reach of any walk by
// reflection (go-spew's, in testify's failure diffs, ignores the masks
// below), and formatting it prints a mask.
type fixedHeader struct {
	// copy returns a new map holding the fixed headers, with room for
	// extra more. The value slices are shared between requests: a
	// RoundTripper may not modify its request, and net/http copies headers
	// before changing them (redirects, cookies).
	copy func(extra int) http.Header
}

func newFixedHeader(cfg *config, auth *credential) *fixedHeader {
	h := make(http.Header, 8+len(cfg.headers))
	for k, v := range cfg.headers {
		h[k] = v
	}
	auth.apply(h)
	h["X-Merchantid"] = []string{cfg.merchantID}
	if id := cfg.routingID; id != "" {
		h["X-Routing-Id"] = []string{id}
	}
	h["Version"] = []string{cfg.apiVersion}
	// Juspay's reference sends this Content-Type on every call, GETs included.
	h["Content-Type"] = []string{"application/x-www-form-urlencoded"}
	h["Accept"] = []string{"application/json"}
	h["User-Agent"] = []string{cfg.userAgent}
	return &fixedHeader{copy: func(extra int) http.Header {
		c := make(http.Header, len(h)+extra)
		for k, v := range h {
			c[k] = v
		}
		return c
	}}
}

// String, GoString and Format keep the Authorization value out of any
// formatting of a fixedHeader.
func (f *fixedHeader) String() string                { return redacted }
func (f *fixedHeader) GoString() string              { return redacted }
func (f *fixedHeader) Format(s fmt.State, verb rune) { fmt.Fprint(s, redacted) }

// result is what one attempt came to.
type result struct {
	status    int           // the response status, 0 when none arrived
	requestID string        // from the response, for logs
	apiErr    *APIError     // a non-2xx response
	err       error         // a transport, read or decode failure (when apiErr is nil)
	what      string        // what failed, for the error text
	sent      bool          // the request may have reached the server
	timedOut  bool          // the attempt's own timeout ended it
	limit     time.Duration // that timeout, named in the error
	retryable bool          // a failure worth another attempt, for a read
	after     time.Duration // the response's Retry-After, or -1
	ctxErr    error         // the caller's context ended the call

	budgetSpent bool // the retry budget refused another attempt
	waitEnded   bool // the caller's context ended during the backoff wait
}

// attempt makes one HTTP exchange.
func (c *Client) attempt(ctx context.Context, cfg *config, r *request, target string, hdr http.Header, body []byte, n int, out any) (res result) {
	res.after, res.limit = -1, cfg.timeout
	if err := ctx.Err(); err != nil {
		// Ended before anything was sent: say so plainly, rather than let
		// the transport's error make a write's outcome look unknown.
		return result{err: err, what: "request not sent", ctxErr: err, after: -1}
	}
	// The attempt's context can always be cancelled: readResponse ends a
	// drain that runs too long by cancelling it.
	var actx context.Context
	var cancel context.CancelFunc
	if cfg.timeout > 0 {
		actx, cancel = context.WithTimeout(ctx, cfg.timeout)
	} else {
		actx, cancel = context.WithCancel(ctx)
	}
	defer cancel()
	var trace *connTrace // only a write needs to know; a read leaves it nil
	if r.write {
		trace = new(connTrace)
		actx = httptrace.WithClientTrace(actx, trace.hooks())
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(actx, r.method, target, rd)
	if err != nil {
		return result{err: err, what: "building the request", after: -1}
	}
	if n == 1 {
		req.Header = hdr
	} else {
		req.Header = hdr.Clone() // a transport may have kept the first attempt's map
	}

	start := time.Now()
	resp, err := cfg.httpClient.Do(req)
	if err != nil {
		res.err = err
		res.what = "request failed"
		res.sent = !trace.provablyUnsent(err)
		res.retryable = true
		res.timedOut = ctx.Err() == nil && actx.Err() != nil
		res.ctxErr = ctx.Err()
		logAttempt(ctx, cfg.logger, r, req, &res, n, time.Since(start))
		return res
	}
	res.status, res.requestID, res.sent = resp.StatusCode, requestID(resp.Header), true
	c.readResponse(ctx, actx, cancel, resp, &res, out)
	logAttempt(ctx, cfg.logger, r, req, &res, n, time.Since(start))
	return res
}

// readResponse reads and closes resp.Body, filling res: a decoded 2xx, an
// APIError, or the failure to read either. stop cancels actx, the
// attempt's context, which ends a drain past drainWait.
func (c *Client) readResponse(ctx, actx context.Context, stop context.CancelFunc, resp *http.Response, res *result, out any) {
	body := &cappedBody{r: resp.Body, left: maxBody}
	drainMax := int64(maxDrainAfterDecode)
	defer func() {
		// A body over the cap, or on a connection that failed, has no
		// connection worth keeping: closed as it is.
		if !body.overCap && body.readErr == nil && !body.consumed() {
			drain(resp.Body, drainMax, stop)
		}
		resp.Body.Close()
	}()

	readFailed := func(err error) {
		res.err, res.retryable = err, true
		res.what = "reading the response"
		res.timedOut = ctx.Err() == nil && actx.Err() != nil
		res.ctxErr = ctx.Err()
		if body.overCap {
			res.err, res.retryable = errBodyTooLarge, false
		}
	}

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		drainMax = maxDrainAfterError
		data, err := io.ReadAll(io.LimitReader(body, maxErrorBody))
		// The status is the answer, whatever became of the body: a body
		// cut short (a reset, the attempt timeout) still makes an
		// APIError, from what arrived, retried by its status as any other.
		// A write that got one was answered: its outcome is not unknown.
		res.apiErr = newAPIError(resp, data)
		res.after = retryAfter(resp.Header.Get("Retry-After"), time.Now())
		if err != nil {
			res.apiErr.cutShort = true
			// Where the caller's context cut it, the call's error says
			// so too (final), as the package promises.
			res.ctxErr = ctx.Err()
		}
		return
	}
	if resp.ContentLength > maxBody {
		// The server announced a body over the cap: fail without reading
		// any of it.
		body.overCap = true
		readFailed(nil)
		return
	}
	if out == nil {
		return
	}
	dec := json.NewDecoder(body)
	if err := dec.Decode(out); err != nil {
		if body.readErr != nil || body.overCap {
			readFailed(body.readErr)
			return
		}
		res.err, res.what = decodeError(resp, fieldError(err)), "decoding the response"
	}
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

// cappedBody reads at most left bytes, remembering whether the body went
// past that and whether the connection failed (as opposed to the JSON being
// malformed).
type cappedBody struct {
	r       io.Reader
	left    int64
	overCap bool
	readErr error
	eof     bool // the body was read to its end
}

// consumed reports whether nothing is left to drain. net/http returns
// io.EOF with the last bytes of a body whose length it knows, so most
// answers are read to their end once decoded, and need neither a drain nor
// its timer.
func (b *cappedBody) consumed() bool { return b.eof }

var errBodyTooLarge = fmt.Errorf("response body exceeds %d MiB", maxBody>>20)

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.overCap {
		return 0, errBodyTooLarge
	}
	if b.left <= 0 {
		// One byte more tells a body of exactly the cap from a larger one.
		var one [1]byte
		n, err := b.r.Read(one[:])
		if n > 0 {
			b.overCap = true
			return 0, errBodyTooLarge
		}
		return 0, b.note(err)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, b.note(err)
}

func (b *cappedBody) note(err error) error {
	if err == io.EOF {
		b.eof = true
	} else if err != nil && b.readErr == nil {
		b.readErr = err
	}
	return err
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
	if mt != "" && !strings.Contains(strings.ToLower(mt), "json") {
		return fmt.Errorf("%d response is %s, not JSON (a proxy or gateway page?): %w", resp.StatusCode, truncate(oneLine(mt), 60), err)
	}
	return err
}

// connTrace records, for a write, whether a connection was ever obtained,
// so a failure can be proven to have happened before anything was sent.
type connTrace struct {
	traced  atomic.Bool // the transport reported at all (custom transports may not)
	gotConn atomic.Bool
}

func (t *connTrace) hooks() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		GetConn: func(string) { t.traced.Store(true) },
		GotConn: func(httptrace.GotConnInfo) { t.gotConn.Store(true) },
	}
}

// provablyUnsent reports whether a failed request certainly never left
// (a nil trace, as for a read, is one the transport did not report to):
// net/http never had a connection to write it on, or, where the transport
// does not report (a mock, a custom RoundTripper), the error itself is a
// failure to resolve, dial or handshake.
func (t *connTrace) provablyUnsent(err error) bool {
	if t != nil && t.traced.Load() {
		// net/http reports GotConn once a connection is ready to write
		// on: after the dial and the TLS handshake (and a proxy's
		// CONNECT), before the first byte of the request, for HTTP/1 and
		// HTTP/2 alike. Without it nothing was written, whatever the
		// error says: a handshake that failed with a plain EOF or a reset
		// (a server that accepts and hangs up, a middlebox), a dial cut
		// by the attempt timeout, which leaves a bare context error.
		return !t.gotConn.Load()
	}
	return isConnectError(err)
}

// sleep waits d, or until ctx ends, whichever is first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// final turns the last attempt's result into the call's error.
func (res *result) final(r *request, attempts int) error {
	if res.apiErr != nil {
		a := res.apiErr
		a.op, a.attempts, a.scrub, a.budgetSpent = r.op, attempts, r.scrub, res.budgetSpent
		if !res.waitEnded && res.ctxErr == nil {
			return a
		}
	}
	e := &requestError{op: r.op, what: res.what, err: res.err, attempts: attempts, ctxErr: res.ctxErr, scrub: r.scrub,
		transient: res.retryable}
	if res.apiErr != nil {
		// The caller's context ended the call after an answer came (while
		// waiting to retry, or while its body was read): the error holds
		// both, for errors.As and for errors.Is(err, context.Canceled).
		e.err = res.apiErr
	} else {
		e.requestID = res.requestID
	}
	switch {
	case res.waitEnded:
		// The caller's context ended while waiting to retry; the error
		// still carries what the last attempt ran into.
		e.what = "gave up waiting to retry"
	case res.ctxErr != nil:
		e.what = "the caller's context ended the request"
	case res.timedOut:
		e.what = fmt.Sprintf("attempt timed out after %v (see WithTimeout)", res.limit)
	}
	if res.budgetSpent {
		e.what += " (retry budget exhausted, not retried)"
	}
	// A write that may have reached Juspay, with no answer we could read.
	e.unknown = r.write && res.sent && res.apiErr == nil && !res.waitEnded
	return e
}
