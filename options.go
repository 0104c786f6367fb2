package juspay

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Option configures a Client or a single call. One type serves both places:
// given to NewClient it sets the client's default; given to a call it
// overrides that default for that call only. An option given an invalid
// value makes NewClient, or the call, fail with an error before anything is
// sent.
type Option func(*config) error

// Environment is a Juspay deployment: Sandbox or Production.
type Environment string

// The environments Juspay runs. Sandbox is the default.
const (
	Sandbox    Environment = "sandbox"    // https://sandbox.juspay.in
	Production Environment = "production" // https://api.juspay.in
)

// BaseURL returns the environment's API root, or "" for an unknown one.
func (e Environment) BaseURL() string {
	switch e {
	case Sandbox:
		return "https://sandbox.juspay.in"
	case Production:
		return "https://api.juspay.in"
	}
	return ""
}

// Defaults, as documented on each option.
const (
	DefaultAPIVersion     = "2023-06-30"
	DefaultMaxRetries     = 2
	DefaultBackoffInitial = 500 * time.Millisecond
	DefaultBackoffMax     = 8 * time.Second
	DefaultTimeout        = 30 * time.Second
)

// config is the settings in force for one call: the client's defaults with
// the call's options applied on a copy.
type config struct {
	merchantID     string
	baseURL        string // scheme://host[/path], no trailing slash
	httpClient     *http.Client
	routingID      string
	apiVersion     string
	headers        http.Header // WithHeader; copied before a call's options change it
	headersShared  bool
	maxRetries     int
	backoffInitial time.Duration
	backoffMax     time.Duration
	timeout        time.Duration
	logger         *slog.Logger
	userAgent      string // the full User-Agent
	budget         *retryBudget
	budgetSet      bool // WithRetryBudget was given, so the client uses cfg.budget as it is
}

func defaultConfig() config {
	return config{
		baseURL:        Sandbox.BaseURL(),
		apiVersion:     DefaultAPIVersion,
		maxRetries:     DefaultMaxRetries,
		backoffInitial: DefaultBackoffInitial,
		backoffMax:     DefaultBackoffMax,
		timeout:        DefaultTimeout,
		userAgent:      sdkUserAgent,
	}
}

// apply runs opts over cfg, stopping at the first error.
func (cfg *config) apply(opts []Option) error {
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(cfg); err != nil {
			return err
		}
	}
	return nil
}

// WithMerchantID sets the merchant ID sent as the x-merchantid header. It is
// required: NewClient fails without it.
func WithMerchantID(id string) Option {
	return func(c *config) error {
		if id == "" {
			return errors.New("juspay: merchant ID is empty")
		}
		if hasControl(id) {
			return errors.New("juspay: merchant ID holds a control character")
		}
		c.merchantID = id
		return nil
	}
}

// WithEnvironment selects Sandbox (the default) or Production. It replaces
// any base URL set before it.
func WithEnvironment(env Environment) Option {
	return func(c *config) error {
		u := env.BaseURL()
		if u == "" {
			return fmt.Errorf("juspay: unknown environment %q (want %q or %q)", truncate(string(env), 40), Sandbox, Production)
		}
		c.baseURL = u
		return nil
	}
}

// WithBaseURL sends requests to rawURL instead of an environment's URL: a
// proxy, or a local fake server such as juspaytest's. It must be https,
// except for a loopback host (127.0.0.0/8, ::1, localhost), and may not carry
// credentials, a query or a fragment. A path is kept as a prefix.
func WithBaseURL(rawURL string) Option {
	return func(c *config) error {
		base, err := parseBaseURL(rawURL)
		if err != nil {
			return err
		}
		c.baseURL = base
		return nil
	}
}

func parseBaseURL(rawURL string) (string, error) {
	if hasControl(rawURL) {
		return "", errors.New("juspay: base URL holds a control character")
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		// url.Error quotes the whole URL, credentials included: keep only
		// what is wrong with it.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", fmt.Errorf("juspay: base URL does not parse: %w", err)
	}
	// The errors name the part at fault, never the whole URL: its user
	// name is where a pasted key lands (URL.Redacted hides only a
	// password), and a URL without a scheme is all path.
	switch {
	case u.User != nil:
		return "", errors.New("juspay: base URL may not hold credentials (a user name or password): the API key is the only credential")
	case u.Scheme != "https" && u.Scheme != "http":
		return "", fmt.Errorf("juspay: base URL scheme %q: must be https", truncate(u.Scheme, 20))
	case u.Host == "":
		return "", errors.New("juspay: base URL has no host")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return "", fmt.Errorf("juspay: base URL of host %q may not have a query or fragment", truncate(u.Host, 100))
	case u.Scheme == "http" && !isLoopback(u.Hostname()):
		return "", fmt.Errorf("juspay: base URL %q: plain http is only allowed for a loopback host; use https", "http://"+truncate(u.Host, 100))
	}
	return strings.TrimRight(u.Scheme+"://"+u.Host+u.EscapedPath(), "/"), nil
}

// isLoopback reports whether host is localhost or a loopback IP address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// WithHTTPClient sends every request through hc, untouched: its Transport,
// redirect policy, jar and timeout are honoured (httpmock and other
// transport-level mocks work through it). The default is a client built for
// servers; see the package documentation.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("juspay: WithHTTPClient: client is nil")
		}
		c.httpClient = hc
		return nil
	}
}

// WithRoutingID sets the x-routing-id header. When it is not given, calls
// that take a customer ID send that ID, as Juspay recommends; calls that take
// a wallet ID or an order send none. Use the same routing ID for every call
// about one customer, and give it per call: given to NewClient it is sent
// for every customer, which Juspay warns against.
func WithRoutingID(id string) Option {
	return func(c *config) error {
		if id == "" {
			return errors.New("juspay: routing ID is empty")
		}
		if hasControl(id) {
			return errors.New("juspay: routing ID holds a control character")
		}
		c.routingID = id
		return nil
	}
}

// WithAPIVersion sets the version header, a YYYY-MM-DD date. The default is
// DefaultAPIVersion, 2023-06-30.
func WithAPIVersion(v string) Option {
	return func(c *config) error {
		if _, err := time.Parse("2006-01-02", v); err != nil {
			return fmt.Errorf("juspay: API version %q is not a YYYY-MM-DD date", truncate(v, 40))
		}
		c.apiVersion = v
		return nil
	}
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
// resend a write that carries it). Given twice for one key, the values add up.
func WithHeader(key, value string) Option {
	return func(c *config) error {
		if !validHeaderName(key) {
			return fmt.Errorf("juspay: WithHeader: %q is not a valid header name", truncate(key, 60))
		}
		canonical := http.CanonicalHeaderKey(key)
		if why, ok := refusedHeaders[canonical]; ok {
			return fmt.Errorf("juspay: WithHeader: %s %s", canonical, why)
		}
		if hasControl(value) {
			return fmt.Errorf("juspay: WithHeader: the value of %s holds a control character", canonical)
		}
		if c.headers == nil || c.headersShared {
			c.headers = c.headers.Clone()
			if c.headers == nil {
				c.headers = make(http.Header)
			}
			c.headersShared = false
		}
		c.headers.Add(canonical, value)
		return nil
	}
}

// validHeaderName reports whether key is an RFC 9110 token.
func validHeaderName(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0 {
			continue
		}
		return false
	}
	return true
}

// WithMaxRetries sets how many times a failed call is retried after its
// first attempt; 0 disables retries. The default is DefaultMaxRetries, 2.
// Which failures are retried is described in the package documentation.
func WithMaxRetries(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("juspay: WithMaxRetries: %d is negative", n)
		}
		c.maxRetries = n
		return nil
	}
}

// WithRetryBackoff sets the bounds of the wait between attempts: retry n
// waits initial × 2^(n-1), capped at max, less a random jitter of up to 25%.
// A Retry-After the server sends within max replaces the computed wait; one
// beyond max ends the call at once. The defaults are 500ms and 8s.
func WithRetryBackoff(initial, max time.Duration) Option {
	return func(c *config) error {
		if initial <= 0 || max < initial {
			return fmt.Errorf("juspay: WithRetryBackoff(%v, %v): want 0 < initial <= max", initial, max)
		}
		c.backoffInitial, c.backoffMax = initial, max
		return nil
	}
}

// WithTimeout limits each attempt, from sending the request to reading the
// whole response. A read whose attempt runs out is retried like a
// connection error; a write whose attempt runs out after it was sent is not,
// and fails with ErrOutcomeUnknown. The caller's context still bounds the whole call, retries and waits
// included. 0 removes the per-attempt limit. The default is DefaultTimeout,
// 30s: Refresh All Wallets asks every wallet provider, so it is slow.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("juspay: WithTimeout: %v is negative", d)
		}
		c.timeout = d
		return nil
	}
}

// WithLogger logs each attempt at debug level (method, path, status,
// attempt, duration, request id) and each retry at warn level (the wait and
// why). Records never hold the API key, the Authorization header, wallet
// tokens, OTPs or bodies. The default is no logging; nil turns it off.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = l
		return nil
	}
}

// WithUserAgent puts app (such as "shop-backend/1.4") in front of the SDK's
// own User-Agent, "juspay-go/VERSION go/GOVERSION".
func WithUserAgent(app string) Option {
	return func(c *config) error {
		if hasControl(app) {
			return errors.New("juspay: WithUserAgent: the value holds a control character")
		}
		app = strings.TrimSpace(app)
		if app == "" {
			c.userAgent = sdkUserAgent
		} else {
			c.userAgent = app + " " + sdkUserAgent
		}
		return nil
	}
}
