package juspaytest

import (
	"net/http"
	"net/url"
)

// Request is one request the server received, as a test sees it afterwards.
type Request struct {
	// ID is the x-request-id the server answered with (none reached a client
	// whose connection a fault reset).
	ID string
	// Method is the HTTP method.
	Method string
	// Path is the path exactly as sent, still escaped:
	// "/customers/a%2Fb/wallets".
	Path string
	// Query is the URL's query, e.g. options.get_client_auth_token=true;
	// empty when there was none.
	Query url.Values
	// Header is a copy of the request's headers, Authorization included.
	Header http.Header
	// Form is the form-encoded body; empty for a GET, nil when the body was
	// not a readable form.
	Form url.Values
}

// record appends one request to the log.
func (s *Server) record(id string, r *http.Request, form url.Values) {
	req := Request{ID: id, Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.Query(), Header: r.Header.Clone(), Form: form}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, req)
}

// Requests returns every request received so far, oldest first, faulted ones
// included: a retried call shows as one request per attempt. The result is
// the caller's own copy.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneAll(s.requests)
}

// cloneAll copies items, each deep, for a caller who may keep or change
// the copy while the server goes on.
func cloneAll[T interface{ clone() T }](items []T) []T {
	out := make([]T, len(items))
	for i, v := range items {
		out[i] = v.clone()
	}
	return out
}

// LastRequest returns the latest request received, and false when there was
// none.
func (s *Server) LastRequest() (Request, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.requests) == 0 {
		return Request{}, false
	}
	return s.requests[len(s.requests)-1].clone(), true
}

func (r Request) clone() Request {
	r.Header = r.Header.Clone()
	r.Query = url.Values(http.Header(r.Query).Clone())
	if r.Form != nil {
		r.Form = url.Values(http.Header(r.Form).Clone())
	}
	return r
}
