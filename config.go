package juspay

import (
	"log/slog"
	"net/http"
	"time"
)

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
	headers        http.Header     // WithHeader; never changed in place, so copies share it
	callHeaders    map[string]bool // the keys a call's WithHeader set: they replace the client's
	maxRetries     int
	backoffInitial time.Duration
	backoffMax     time.Duration
	timeout        time.Duration
	logger         *slog.Logger
	userAgent      string       // the full User-Agent
	budget         *retryBudget // the client's, shared by its calls
	response       *Response    // WithResponseInto: filled when a call ends
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
		budget:         newRetryBudget(DefaultRetryBudget),
	}
}

// scope is where an option is given: some configure only a client, some
// only a call.
type scope int

const (
	clientScope scope = iota // given to NewClient
	callScope                // given to one call
)

// apply runs opts over cfg, stopping at the first error.
func (cfg *config) apply(s scope, opts []Option) error {
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt.apply(cfg, s); err != nil {
			return err
		}
	}
	return nil
}

// callConfig returns the settings for one call: the client's, or a copy with
// the call's options applied.
func (c *Client) callConfig(opts []Option) (*config, error) {
	if len(opts) == 0 {
		return c.cfg, nil
	}
	cfg := *c.cfg
	if err := cfg.apply(callScope, opts); err != nil {
		return nil, err
	}
	return &cfg, nil
}
