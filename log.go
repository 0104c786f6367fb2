package juspay

import (
	"log/slog"
	"net/http"
	"time"
)

// Log records name allow-listed metadata only. The request's headers, its
// form body and the response body never reach a record: they hold the API
// key, OTPs and wallet tokens. An error's text, the request ID and the
// operation (Client.Do's names its path, query and all) are scrubbed of the
// call's secrets first.

// logAttempt writes the debug record of one attempt.
func logAttempt(cl *call, req *http.Request, o *outcome, attempt int, took time.Duration) {
	l := cl.cfg.logger
	if l == nil || !l.Enabled(cl.ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("op", cl.scrub.scrub(cl.r.op)),
		slog.String("method", req.Method),
		slog.String("path", req.URL.EscapedPath()),
		slog.Int("status", o.status),
		slog.Int("attempt", attempt),
		slog.Duration("duration", took),
	}
	scrub := cl.scrubberFor(o)
	if id := requestID(o.header); id != "" {
		// A server may echo anything there, the key included.
		attrs = append(attrs, slog.String("request_id", scrub.scrub(id)))
	}
	if o.err != nil {
		attrs = append(attrs, slog.String("error", scrub.scrub(o.err.Error())))
	}
	l.LogAttrs(cl.ctx, slog.LevelDebug, "juspay: attempt", attrs...)
}

// logRetry writes the warn record before a retry.
func logRetry(cl *call, o *outcome, attempt int, wait time.Duration) {
	l := cl.cfg.logger
	if l == nil || !l.Enabled(cl.ctx, slog.LevelWarn) {
		return
	}
	attrs := []slog.Attr{
		slog.String("op", cl.scrub.scrub(cl.r.op)),
		slog.Int("attempt", attempt),
		slog.Duration("wait", wait),
	}
	switch {
	case o.rejected():
		attrs = append(attrs, slog.Int("status", o.status))
		if after, ok := retryAfter(o.header.Get("Retry-After"), time.Now()); ok {
			attrs = append(attrs, slog.Duration("retry_after", after))
		}
	case o.err != nil:
		attrs = append(attrs, slog.String("error", cl.scrub.scrub(o.err.Error())))
	}
	if id := requestID(o.header); id != "" {
		attrs = append(attrs, slog.String("request_id", cl.scrubberFor(o).scrub(id)))
	}
	l.LogAttrs(cl.ctx, slog.LevelWarn, "juspay: retrying", attrs...)
}

// logBudgetSpent writes a warn record when the budget refuses a retry the
// policy allowed, so that an operator can tell "not retried because the
// client is shedding retries" from "not retryable".
func logBudgetSpent(cl *call, o *outcome, attempt int) {
	l := cl.cfg.logger
	if l == nil || !l.Enabled(cl.ctx, slog.LevelWarn) {
		return
	}
	attrs := []slog.Attr{slog.String("op", cl.scrub.scrub(cl.r.op)), slog.Int("attempt", attempt)}
	if o.status != 0 {
		attrs = append(attrs, slog.Int("status", o.status))
	}
	l.LogAttrs(cl.ctx, slog.LevelWarn, "juspay: not retrying: retry budget exhausted", attrs...)
}
