package juspay

import (
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Option configures a Client or a single call. One type serves both places:
// given to NewClient it sets the client's default; given to a call it
// overrides that default for that call only (WithRetryBudget configures
// only a client, WithResponseInto only a call). An option given an invalid
// value makes NewClient, or the call, fail before anything is sent, with a
// *ValidationError whose Field names the option.
type Option interface {
	apply(cfg *config, s scope) error
}

// optionFunc makes a function an Option.
type optionFunc func(cfg *config, s scope) error

func (f optionFunc) apply(cfg *config, s scope) error { return f(cfg, s) }

// WithMerchantID sets the merchant ID sent as the x-merchantid header. It is
// required: NewClient fails without it. An ID that is blank, has leading or
// trailing white space, or holds a control character is refused, as such an
// API key is.
func WithMerchantID(id string) Option {
	return optionFunc(func(c *config, _ scope) error {
		if err := checkMerchantID("WithMerchantID", id); err != nil {
			return err
		}
		c.merchantID = id
		return nil
	})
}

// checkMerchantID refuses a merchant ID Juspay would not match: empty,
// blank, padded with white space, or holding a control character.
func checkMerchantID(field, id string) error {
	switch {
	case strings.TrimSpace(id) == "":
		return invalid("", field, "got an empty or blank merchant ID")
	case hasControl(id):
		return invalid("", field, "got a merchant ID holding a control character")
	case strings.TrimSpace(id) != id:
		return invalid("", field, "got a merchant ID with leading or trailing white space")
	}
	return nil
}

// WithEnvironment selects Sandbox (the default) or Production. It replaces
// any base URL set before it.
func WithEnvironment(env Environment) Option {
	return optionFunc(func(c *config, _ scope) error {
		u := env.BaseURL()
		if u == "" {
			return invalid("", "WithEnvironment", "got unknown environment %q (want %q or %q)", truncate(string(env), 40), Sandbox, Production)
		}
		c.baseURL = u
		return nil
	})
}

// WithBaseURL sends requests to rawURL instead of an environment's URL: a
// proxy, or a local fake server such as juspaytest's. It must be https,
// except for a loopback host (127.0.0.0/8, ::1, localhost), and may not carry
// credentials, a query or a fragment. A path is kept as a prefix.
func WithBaseURL(rawURL string) Option {
	return optionFunc(func(c *config, _ scope) error {
		base, err := parseBaseURL(rawURL)
		if err != nil {
			return err
		}
		c.baseURL = base
		return nil
	})
}

// WithHTTPClient sends every request through hc, untouched: its Transport,
// redirect policy, jar and timeout are honoured (httpmock and other
// transport-level mocks work through it). The default is a client built for
// servers; see the package documentation.
func WithHTTPClient(hc *http.Client) Option {
	return optionFunc(func(c *config, _ scope) error {
		if hc == nil {
			return invalid("", "WithHTTPClient", "got a nil client")
		}
		c.httpClient = hc
		return nil
	})
}

// WithRoutingID sets the x-routing-id header. When it is not given, calls
// that take a customer ID send that ID, as Juspay recommends; calls that take
// a wallet ID or an order send none. Use the same routing ID for every call
// about one customer, and give it per call: given to NewClient it is sent
// for every customer, which Juspay warns against.
func WithRoutingID(id string) Option {
	return optionFunc(func(c *config, _ scope) error {
		if id == "" {
			return invalid("", "WithRoutingID", "got an empty routing ID")
		}
		if hasControl(id) {
			return invalid("", "WithRoutingID", "got a routing ID holding a control character")
		}
		c.routingID = id
		return nil
	})
}

// WithAPIVersion sets the version header, a YYYY-MM-DD date. The default is
// DefaultAPIVersion, 2023-06-30.
func WithAPIVersion(v string) Option {
	return optionFunc(func(c *config, _ scope) error {
		if _, err := time.Parse("2006-01-02", v); err != nil {
			return invalid("", "WithAPIVersion", "got API version %q, not a YYYY-MM-DD date", truncate(v, 40))
		}
		c.apiVersion = v
		return nil
	})
}

// refusedHeaders are the headers WithHeader refuses, with the reason it
// gives: the SDK sets them, each through its own option, or net/http does,
// or they would break the SDK's promises.
var refusedHeaders = map[string]string{
	"Authorization":     "is set from the API key given to NewClient",
	"X-Merchantid":      "is set by WithMerchantID",
	"X-Routing-Id":      "is set by WithRoutingID",
	"Version":           "is set by WithAPIVersion",
	"Content-Type":      "is set by the SDK",
	"Accept":            "is set by the SDK",
	"User-Agent":        "is set by WithUserAgent",
	"Host":              "is set by WithBaseURL",
	"Content-Length":    "is set by net/http",
	"Transfer-Encoding": "is set by net/http",
	"Connection":        "is set by net/http",
	// net/http treats a request carrying either of these as safe to send
	// again on a new connection (Request.isReplayable), so a debit or a
	// link could reach Juspay twice behind the SDK's never-retry rule.
	"Idempotency-Key":   "would let net/http send a write twice",
	"X-Idempotency-Key": "would let net/http send a write twice",
}

// WithHeader adds one more header to every request (or to one call). The
// headers the SDK manages (Authorization, x-merchantid, x-routing-id,
// version, Content-Type, Accept, User-Agent) have their own options, and
// WithHeader refuses them with an error, as it refuses an invalid name, a
// value with a control character, and Idempotency-Key (net/http would
// resend a write that carries it). Given twice for one key, the values add
// up. Given to a call, it overrides the client's WithHeader for that key:
// the call sends the call's values only.
func WithHeader(key, value string) Option {
	return optionFunc(func(c *config, s scope) error {
		const field = "WithHeader"
		if !isToken(key) {
			return invalid("", field, "got %q, not a valid header name", truncate(key, 60))
		}
		canonical := http.CanonicalHeaderKey(key)
		if why, ok := refusedHeaders[canonical]; ok {
			return invalid("", field, "got %s, which %s", canonical, why)
		}
		if hasControl(value) {
			return invalid("", field, "got a value of %s holding a control character", canonical)
		}
		// A copy, never the map in place: a call's config shares the
		// client's map, and so do the client's cached headers.
		h := c.headers.Clone()
		if h == nil {
			h = make(http.Header, 1)
		}
		if s == callScope && !c.callHeaders[canonical] {
			// The call's first value for the key replaces the client's;
			// its later ones add up, as the client's do. The map is the
			// call's own: a client's config never has one.
			if c.callHeaders == nil {
				c.callHeaders = make(map[string]bool, 1)
			}
			c.callHeaders[canonical] = true
			h.Del(canonical)
		}
		h.Add(canonical, value)
		c.headers = h
		return nil
	})
}

// WithMaxRetries sets how many times a failed call is retried after its
// first attempt; 0 disables retries. The default is DefaultMaxRetries, 2.
// Which failures are retried is described in the package documentation.
func WithMaxRetries(n int) Option {
	return optionFunc(func(c *config, _ scope) error {
		if n < 0 {
			return invalid("", "WithMaxRetries", "got %d, a negative count", n)
		}
		c.maxRetries = n
		return nil
	})
}

// WithRetryBackoff sets the bounds of the wait between attempts: retry n
// waits initial × 2^(n-1), capped at max, less a random jitter of up to 25%.
// A Retry-After the server sends within max replaces the computed wait; one
// beyond max ends the call at once. The defaults are 500ms and 8s.
func WithRetryBackoff(initial, max time.Duration) Option {
	return optionFunc(func(c *config, _ scope) error {
		if initial <= 0 || max < initial {
			return invalid("", "WithRetryBackoff", "got (%v, %v): want 0 < initial <= max", initial, max)
		}
		c.backoffInitial, c.backoffMax = initial, max
		return nil
	})
}

// WithRetryBudget sets the size, in tokens, of the client's retry budget: a
// token bucket shared by all of the client's calls. Each retry spends tokens
// (5 after an error response, 10 after a timeout or connection failure) and
// each success refunds some; when the bucket is empty a call fails at once
// with its last error instead of retrying, so an outage at Juspay is not
// multiplied by every caller's retries. 0 disables the budget. The default
// is DefaultRetryBudget, 500. It configures the client: given to a call, the
// call fails.
func WithRetryBudget(tokens int) Option {
	return optionFunc(func(c *config, s scope) error {
		const field = "WithRetryBudget"
		switch {
		case s == callScope:
			return invalid("", field, "configures a client, not a call: give it to NewClient")
		case tokens < 0:
			return invalid("", field, "got %d tokens, a negative budget", tokens)
		}
		c.budget = newRetryBudget(tokens)
		return nil
	})
}

// WithTimeout limits each attempt, from sending the request to reading the
// whole response. A read whose attempt runs out is retried like a
// connection error; a write whose attempt runs out after it was sent is not,
// and fails with ErrOutcomeUnknown. The caller's context still bounds the
// whole call, retries and waits included. 0 removes the per-attempt limit.
// The default is DefaultTimeout, 30s: Refresh All Wallets asks every wallet
// provider, so it is slow.
func WithTimeout(d time.Duration) Option {
	return optionFunc(func(c *config, _ scope) error {
		if d < 0 {
			return invalid("", "WithTimeout", "got %v, a negative timeout", d)
		}
		c.timeout = d
		return nil
	})
}

// WithLogger logs each attempt at debug level (method, path, status,
// attempt, duration, request id) and each retry at warn level (the wait and
// why). Records never hold the API key, the Authorization header, wallet
// tokens, OTPs or bodies. The default is no logging; nil turns it off.
func WithLogger(l *slog.Logger) Option {
	return optionFunc(func(c *config, _ scope) error {
		c.logger = l
		return nil
	})
}

// WithUserAgent puts app (such as "shop-backend/1.4") in front of the SDK's
// own User-Agent, "juspay-go/VERSION go/GOVERSION".
func WithUserAgent(app string) Option {
	return optionFunc(func(c *config, _ scope) error {
		if hasControl(app) {
			return invalid("", "WithUserAgent", "got a value holding a control character")
		}
		app = strings.TrimSpace(app)
		if app == "" {
			c.userAgent = sdkUserAgent
		} else {
			c.userAgent = app + " " + sdkUserAgent
		}
		return nil
	})
}

// WithResponseInto fills dst with what the call's answer was (its status,
// headers, request ID and the attempts made) when the call ends, whether it
// succeeded or failed, whenever an answer came. dst is zeroed as the option
// is made and again as the call starts, so a call that made no attempt (a
// ValidationError, a context that had already ended) leaves it zero, never
// holding an earlier call's answer. It is how to record the request ID of a
// successful debit for Juspay's support. It configures a call: given to
// NewClient, NewClient fails. dst must not be nil.
func WithResponseInto(dst *Response) Option {
	if dst != nil {
		*dst = Response{}
	}
	return optionFunc(func(c *config, s scope) error {
		const field = "WithResponseInto"
		switch {
		case s == clientScope:
			return invalid("", field, "configures a call, not a client: give it to the call")
		case dst == nil:
			return invalid("", field, "got a nil *Response")
		}
		*dst = Response{}
		c.response = dst
		return nil
	})
}
