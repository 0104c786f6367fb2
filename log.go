package juspay

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

// Log records name allow-listed metadata only. The request's headers, its
// form body and the response body never reach a record: they hold the API
// key, OTPs and wallet tokens.

// logAttempt writes the debug record of one attempt.
func logAttempt(ctx context.Context, l *slog.Logger, r *request, req *http.Request, res *result, attempt int, took time.Duration) {
	if l == nil || !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("op", r.op),
		slog.String("method", req.Method),
		slog.String("path", req.URL.EscapedPath()),
		slog.Int("status", res.status),
		slog.Int("attempt", attempt),
		slog.Duration("duration", took),
	}
	if res.requestID != "" {
		attrs = append(attrs, slog.String("request_id", res.requestID))
	}
	if res.err != nil {
		attrs = append(attrs, slog.String("error", scrub(res.err.Error(), r.secrets)))
	}
	l.LogAttrs(ctx, slog.LevelDebug, "juspay: attempt", attrs...)
}

// logRetry writes the warn record before a retry.
func logRetry(ctx context.Context, l *slog.Logger, r *request, res *result, attempt int, wait time.Duration) {
	if l == nil || !l.Enabled(ctx, slog.LevelWarn) {
		return
	}
	attrs := []slog.Attr{
		slog.String("op", r.op),
		slog.Int("attempt", attempt),
		slog.Duration("wait", wait),
	}
	switch {
	case res.apiErr != nil:
		attrs = append(attrs, slog.Int("status", res.apiErr.StatusCode))
		if res.after >= 0 {
			attrs = append(attrs, slog.Duration("retry_after", res.after))
		}
	case res.err != nil:
		attrs = append(attrs, slog.String("error", scrub(res.err.Error(), r.secrets)))
	}
	if res.requestID != "" {
		attrs = append(attrs, slog.String("request_id", res.requestID))
	}
	l.LogAttrs(ctx, slog.LevelWarn, "juspay: retrying", attrs...)
}
