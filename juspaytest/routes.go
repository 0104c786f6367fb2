package juspaytest

import (
	"net/http"
	"net/url"
	"strings"
)

// handler is one endpoint; it runs with s.mu held.
type handler func(s *Server, c *call) reply

// routes maps a method and a path pattern to its endpoint. In a pattern, "*"
// is one path parameter.
var routes = []struct {
	method  string
	pattern []string
	h       handler
}{
	{http.MethodGet, []string{"customers", "*", "wallets", "refresh-balances"}, (*Server).refreshBalances},
	{http.MethodGet, []string{"customers", "*", "wallets"}, (*Server).listWallets},
	{http.MethodPost, []string{"customers", "*", "wallets"}, (*Server).createWallet},
	{http.MethodPost, []string{"customers", "*", "eligibility"}, (*Server).eligibility},
	{http.MethodGet, []string{"wallets", "*"}, (*Server).getWallet},
	{http.MethodPost, []string{"wallets", "*"}, (*Server).walletCommand},
	{http.MethodPost, []string{"txns"}, (*Server).directDebit},
	{http.MethodPost, []string{"customers"}, (*Server).createCustomer},
	{http.MethodGet, []string{"customers", "*"}, (*Server).getCustomer},
	{http.MethodPost, []string{"customers", "*"}, (*Server).updateCustomer},
	{http.MethodPost, []string{"orders"}, (*Server).createOrder},
	{http.MethodGet, []string{"orders", "*"}, (*Server).getOrder},
	{http.MethodPost, []string{"orders", "*"}, (*Server).updateOrder},
	{http.MethodPost, []string{"orders", "*", "refunds"}, (*Server).refundOrder},
}

// route finds the endpoint for r, or else returns the 404 or 405 to answer.
// The path is split on "/" as sent, and each
// segment is unescaped on its own, so an ID holding an escaped "/" (%2F) is
// one segment, as Juspay sees it. http.ServeMux is not used: it would clean
// and redirect such paths.
func route(r *http.Request) (handler, []string, reply) {
	notFound := errorReply(http.StatusNotFound, "Not Found", "not_found", "No endpoint at "+r.URL.EscapedPath()+".")
	raw := r.URL.EscapedPath()
	if !strings.HasPrefix(raw, "/") {
		return nil, nil, notFound
	}
	segs := strings.Split(raw[1:], "/")
	for i, seg := range segs {
		u, err := url.PathUnescape(seg)
		if err != nil || u == "" {
			return nil, nil, notFound
		}
		segs[i] = u
	}
	var allowed []string
	for _, rt := range routes {
		params, ok := match(rt.pattern, segs)
		if !ok {
			continue
		}
		if rt.method == r.Method {
			return rt.h, params, reply{}
		}
		allowed = append(allowed, rt.method)
	}
	if allowed != nil {
		return nil, nil, errorReply(http.StatusMethodNotAllowed, "Method Not Allowed", "method_not_allowed",
			r.Method+" is not allowed here; use "+strings.Join(allowed, " or ")+".")
	}
	return nil, nil, notFound
}

func match(pattern, segs []string) ([]string, bool) {
	if len(pattern) != len(segs) {
		return nil, false
	}
	var params []string
	for i, p := range pattern {
		switch p {
		case "*":
			params = append(params, segs[i])
		case segs[i]:
		default:
			return nil, false
		}
	}
	return params, true
}
