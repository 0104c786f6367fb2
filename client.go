package juspay

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"time"
)

// Version is the SDK's version, sent in the User-Agent.
const Version = "0.1.0"

var sdkUserAgent = "juspay-go/" + Version + " go/" + runtime.Version()

// Client calls Juspay's Express Checkout APIs for one merchant.
//
// Build one with NewClient or NewClientFromEnv and share it: a Client is safe
// for concurrent use by many goroutines, and sharing it shares its pool of
// connections and its retry budget. Its settings cannot change after it is
// built; a call's options override them for that call only.
//
// Formatting a Client, with any fmt verb or through log/slog, never shows
// the API key.
type Client struct {
	// Wallets calls the wallet APIs: refresh balances, list, create, link, ...
	Wallets *WalletsService
	// Payments calls the payment APIs: direct debit from a linked wallet.
	Payments *PaymentsService
	// Customers calls the customer APIs: create, get and update a
	// customer, pay-later eligibility.
	Customers *CustomersService
	// Orders calls the order APIs: create, status, update, refund, and
	// Wait to settle a payment.
	Orders *OrdersService

	// Every unexported field is a pointer or sealed, so that even a copied
	// Client printed through reflection (a field of another struct) shows
	// addresses, never the key.
	cfg   *config
	auth  *credential
	fixed sealed[http.Header] // the headers every call with cfg sends
}

// NewClient builds a client that authenticates with apiKey, the key from the
// Juspay dashboard. WithMerchantID is required; every other option has a
// default (see each option). It fails, and builds nothing, for an empty API
// key, a missing merchant ID, a base URL that does not parse or is plain
// http to a host that is not loopback, a header value holding a control
// character, or any other invalid option: each is a *ValidationError
// (errors.Is(err, ErrInvalidArgument) holds) whose Field names the argument
// or the option at fault.
func NewClient(apiKey string, opts ...Option) (*Client, error) {
	const op = "new client"
	auth, err := newCredential(apiKey)
	if err != nil {
		return nil, err
	}
	cfg := defaultConfig()
	if err := cfg.apply(clientScope, opts); err != nil {
		return nil, withOp(err, op)
	}
	if cfg.merchantID == "" {
		return nil, invalid(op, "WithMerchantID", "is required: the merchant ID is sent with every call (or set %s for NewClientFromEnv)", EnvMerchantID)
	}
	if cfg.httpClient == nil {
		cfg.httpClient = newDefaultHTTPClient()
	}
	c := &Client{cfg: &cfg, auth: auth, fixed: fixedHeader(&cfg, auth)}
	c.Wallets = &WalletsService{client: c}
	c.Payments = &PaymentsService{client: c}
	c.Customers = &CustomersService{client: c}
	c.Orders = &OrdersService{client: c}
	return c, nil
}

// The environment variables NewClientFromEnv reads.
const (
	EnvAPIKey      = "JUSPAY_API_KEY"
	EnvMerchantID  = "JUSPAY_MERCHANT_ID"
	EnvEnvironment = "JUSPAY_ENVIRONMENT" // "sandbox" or "production"
	EnvBaseURL     = "JUSPAY_BASE_URL"
)

// NewClientFromEnv builds a client from JUSPAY_API_KEY, JUSPAY_MERCHANT_ID,
// JUSPAY_ENVIRONMENT (sandbox or production; sandbox when unset) and
// JUSPAY_BASE_URL. A set JUSPAY_BASE_URL wins over JUSPAY_ENVIRONMENT, and
// opts win over the environment: a variable they override is not read. It
// fails as NewClient does; where a variable is at fault, the
// *ValidationError's Field is its name.
func NewClientFromEnv(opts ...Option) (*Client, error) {
	const op = "new client"
	apiKey := os.Getenv(EnvAPIKey)
	if apiKey == "" {
		return nil, invalid(op, EnvAPIKey, "is not set")
	}
	if _, err := newCredential(apiKey); err != nil {
		// Most often a key read from a file with its trailing newline.
		return nil, fromEnvError(err, EnvAPIKey)
	}
	// A variable that opts (or JUSPAY_BASE_URL, for JUSPAY_ENVIRONMENT)
	// override is not read at all: a stale value there cannot fail a
	// client that does not use it. What opts set shows on a zero config;
	// their own errors are NewClient's to report.
	var given config
	_ = given.apply(clientScope, opts)
	var env []Option
	if v := os.Getenv(EnvMerchantID); v != "" && given.merchantID == "" {
		env = append(env, fromEnv(EnvMerchantID, WithMerchantID(v)))
	}
	if given.baseURL == "" {
		if v := os.Getenv(EnvBaseURL); v != "" {
			env = append(env, fromEnv(EnvBaseURL, WithBaseURL(v)))
		} else if v := os.Getenv(EnvEnvironment); v != "" {
			env = append(env, fromEnv(EnvEnvironment, WithEnvironment(Environment(v))))
		}
	}
	return NewClient(apiKey, append(env, opts...)...)
}

// fromEnv names the variable an option's value came from in its error.
func fromEnv(name string, opt Option) Option {
	return optionFunc(func(c *config, s scope) error {
		return fromEnvError(opt.apply(c, s), name)
	})
}

// fromEnvError puts the variable's name in the Field of a *ValidationError.
func fromEnvError(err error, name string) error {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	named := *ve
	named.Field = name
	return &named
}

// String describes the client without its key.
func (c Client) String() string {
	if c.cfg == nil {
		return "juspay.Client{}"
	}
	return fmt.Sprintf("juspay.Client{BaseURL: %s, MerchantID: %s, APIKey: %s}", c.cfg.baseURL, c.cfg.merchantID, redacted)
}

// Format prints String for every verb (%v, %+v, %#v, %s, %d, ...), so no
// verb walks the struct to the key.
func (c Client) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }

// LogValue presents the client to log/slog without its key.
func (c Client) LogValue() slog.Value {
	if c.cfg == nil {
		return slog.GroupValue()
	}
	return slog.GroupValue(
		slog.String("base_url", c.cfg.baseURL),
		slog.String("merchant_id", c.cfg.merchantID),
		slog.String("api_key", redacted),
	)
}

// newDefaultHTTPClient builds the client used when WithHTTPClient is not
// given: Go's default transport, cloned (so the process-wide
// http.DefaultTransport is never changed), tuned for a server calling one
// API host from many goroutines.
//
// Where the process has replaced http.DefaultTransport with something that
// is not an *http.Transport (httpmock.Activate does, and so do some
// instrumentation libraries), that transport is used as it is: the process
// asked for every default client to go through it, and cloning it is not
// possible.
func newDefaultHTTPClient() *http.Client {
	base, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return &http.Client{Transport: http.DefaultTransport, CheckRedirect: refuseRedirect}
	}
	t := base.Clone()
	t.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = 10 * time.Second
	// Go keeps 2 idle connections per host by default, so a busy backend
	// would open (and TLS-handshake) a new connection for most calls.
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 64
	t.IdleConnTimeout = 90 * time.Second
	// A ceiling for a server that accepts the request and never answers,
	// for callers who turn the per-attempt timeout off; WithTimeout is the
	// limit that normally applies first.
	t.ResponseHeaderTimeout = 2 * time.Minute
	t.MaxResponseHeaderBytes = 1 << 20
	t.ExpectContinueTimeout = time.Second
	return &http.Client{Transport: t, CheckRedirect: refuseRedirect}
}

// refuseRedirect is the default client's redirect policy. Juspay's API does
// not redirect. A redirect means a wrong base URL or a captive proxy, and
// following it would send the merchant ID (and, to the same host name on any
// port or scheme, the key: net/http keeps Authorization when only the port
// or scheme changes) somewhere unexpected: stop and report the 3xx as an
// *APIError instead.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
