package juspay

import (
	"context"
	"maps"
	"net/http"
	"time"
)

// call is one API call, everything it needs built once, before its first
// attempt: the settings in force, the request, its URL, headers and body,
// where its answer goes, and what its errors and logs must not show.
// Nothing after the build changes it; attempts only read it.
type call struct {
	ctx    context.Context
	cfg    *config
	r      *request
	url    string
	header http.Header // every attempt's headers; a retry sends a copy
	body   []byte      // the encoded form, nil for none
	out    any         // a 2xx JSON body is decoded into it; nil discards it
	scrub  scrubber    // the API key and the call's own secrets
	policy retryPolicy
}

// send is how every service method sends its request: it applies the
// call's options, builds the call from r, runs it, and returns the decoded
// 2xx body.
func send[T any](ctx context.Context, c *Client, r *request, opts []Option) (*T, error) {
	cfg, err := c.configFor(ctx, r.op, opts)
	if err != nil {
		return nil, err
	}
	return sendWith[T](ctx, c, cfg, r)
}

// sendWith is send with the call's options already applied (configFor):
// the calls that send several requests (the settling of a keyed write,
// Orders.Wait) apply the caller's options once and send each request with
// the result.
func sendWith[T any](ctx context.Context, c *Client, cfg *config, r *request) (*T, error) {
	out := new(T)
	cl, err := c.newCall(ctx, cfg, r, out)
	if err != nil {
		return nil, err
	}
	if err := cl.run(); err != nil {
		return nil, err
	}
	return out, nil
}

// configFor checks the call's context and applies its options, once: the
// settings every request of the call is sent with. Its errors are the
// caller's mistakes, named for op.
func (c *Client) configFor(ctx context.Context, op string, opts []Option) (*config, error) {
	if ctx == nil {
		return nil, invalid(op, "ctx", "is nil")
	}
	cfg, err := c.callConfig(opts)
	if err != nil {
		return nil, withOp(err, op)
	}
	return cfg, nil
}

// newCall builds everything the attempts of r send with cfg, out where its
// answer goes: the call run then sends. Its error is the caller's mistake:
// a request the API version in force does not know.
func (c *Client) newCall(ctx context.Context, cfg *config, r *request, out any) (*call, error) {
	if v := cfg.apiVersion; r.minVersion != "" && v < r.minVersion {
		// Versions are YYYY-MM-DD dates, so they compare as strings.
		return nil, invalid(r.op, "WithAPIVersion", "is %s; %s needs %s or later", v, r.op, r.minVersion)
	}
	cl := &call{
		ctx:    ctx,
		cfg:    cfg,
		r:      r,
		url:    cfg.baseURL + r.path,
		header: c.header(cfg, r),
		out:    out,
		scrub:  c.auth.scrub.with(r.secrets),
		policy: policyOf(cfg, r.write),
	}
	if form := r.form; form != nil {
		if r.merchantIDField != "" {
			form = maps.Clone(form)
			form.Set(r.merchantIDField, cfg.merchantID)
		}
		cl.body = []byte(form.Encode())
	}
	return cl, nil
}

// header builds the headers every attempt of a call sends: the fixed ones,
// built once per client (per call when the call has options of its own),
// and the call's routing ID.
func (c *Client) header(cfg *config, r *request) http.Header {
	fixed := c.fixed.get()
	if cfg != c.cfg || fixed == nil {
		fixed = fixedHeader(cfg, c.auth).get()
	}
	h := make(http.Header, len(fixed)+1)
	for k, v := range fixed {
		// The value slices are shared between requests: a RoundTripper may
		// not modify its request, and net/http copies headers before
		// changing them (redirects, cookies).
		h[k] = v
	}
	if cfg.routingID == "" && r.routingID != "" {
		h["X-Routing-Id"] = []string{r.routingID}
	}
	return h
}

// fixedHeader makes the headers that are the same for every call made with
// cfg. They hold the Authorization value, so they are sealed.
func fixedHeader(cfg *config, auth *credential) sealed[http.Header] {
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
	return seal(h)
}

// ending says how a failed call's loop ended, for its error.
type ending int

const (
	endedByPolicy     ending = iota // the policy allowed no more attempts
	endedByBudget                   // the retry budget refused a retry the policy allowed
	endedInBackoff                  // the caller's context ended during the wait before a retry
	endedByRetryAfter               // the answer's Retry-After asked for longer than the backoff maximum
)

// run makes attempts until one succeeds or the retry policy, the retry
// budget or the caller's context ends the call, then reports the result:
// nil, or the error built from the last attempt's outcome.
func (cl *call) run() error {
	for n := 1; ; n++ {
		o := cl.attempt(n)
		if o.succeeded() {
			cl.cfg.budget.succeeded(n > 1)
			cl.report(&o, n)
			return nil
		}
		wait, retry := cl.policy.next(cl.ctx, &o, n)
		end := endedByPolicy
		if !retry && wait > 0 {
			end = endedByRetryAfter // the policy's only refusal with a wait
		}
		if retry && !cl.cfg.budget.take(o.retryCost()) {
			end = endedByBudget
			logBudgetSpent(cl, &o, n)
		} else if retry {
			logRetry(cl, &o, n, wait)
			if sleep(cl.ctx, wait) == nil {
				continue
			}
			end = endedInBackoff
		}
		if o.skipped {
			// The caller's context ended before this attempt was made:
			// it is not counted, and a call that made none reports none.
			n--
		}
		cl.report(&o, n)
		return cl.fail(&o, n, end, wait)
	}
}

// report fills the call's WithResponseInto destination, if any, from its
// last attempt; a call that made no attempt leaves it as WithResponseInto
// zeroed it.
func (cl *call) report(o *outcome, attempts int) {
	if dst := cl.cfg.response; dst != nil && attempts > 0 {
		scrub := cl.scrubberFor(o)
		*dst = Response{StatusCode: o.status, Header: scrub.header(o.header), RequestID: scrub.scrub(requestID(o.header)), Attempts: attempts}
	}
}

// sleep waits d, or until ctx ends, whichever is first, and returns ctx's
// error: nil when the whole wait passed with ctx alive.
func sleep(ctx context.Context, d time.Duration) error {
	if d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
		}
	}
	return ctx.Err()
}
