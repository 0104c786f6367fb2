package juspay

import (
	"errors"
	"net"
	"net/url"
	"strings"
)

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

// parseBaseURL checks a base URL as WithBaseURL documents, and returns it
// without a trailing slash. Its errors are *ValidationError, with Field
// "WithBaseURL", and never quote credentials the URL holds.
func parseBaseURL(rawURL string) (string, error) {
	const field = "WithBaseURL"
	if hasControl(rawURL) {
		return "", invalid("", field, "got a base URL holding a control character")
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		// url.Error quotes the whole URL, credentials included: keep only
		// what is wrong with it.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", invalid("", field, "got a base URL that does not parse: %v", err)
	}
	// The errors name the part at fault, never the whole URL: its user
	// name is where a pasted key lands (URL.Redacted hides only a
	// password), and a URL without a scheme is all path.
	switch {
	case u.User != nil:
		return "", invalid("", field, "got a base URL holding credentials (a user name or password): the API key is the only credential")
	case u.Scheme != "https" && u.Scheme != "http":
		return "", invalid("", field, "got base URL scheme %q: must be https", truncate(u.Scheme, 20))
	case u.Host == "":
		return "", invalid("", field, "got a base URL with no host")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return "", invalid("", field, "got a base URL of host %q with a query or fragment", truncate(u.Host, 100))
	case u.Scheme == "http" && !isLoopback(u.Hostname()):
		return "", invalid("", field, "got base URL %q: plain http is only allowed for a loopback host; use https", "http://"+truncate(u.Host, 100))
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
