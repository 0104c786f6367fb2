package juspaytest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// DefaultAPIKey is the API key a Server accepts unless WithAPIKey says otherwise.
const DefaultAPIKey = "test_api_key"

// DefaultMerchantID is the merchant ID a Server accepts unless WithMerchantID
// says otherwise.
const DefaultMerchantID = "test_merchant"

// maxBody bounds the form body a request may carry. Juspay's forms are a few
// hundred bytes; anything near this is a bug in the caller.
const maxBody = 1 << 20

// Server is a fake Juspay Express Checkout API listening on loopback.
//
// It checks every request the way Juspay does (Basic auth with the API key and
// an empty password, the x-merchantid header, a form Content-Type, on GETs
// too), answers the wallet endpoints from the customers and wallets it was
// given (see AddCustomer), records every request (see Requests), and plays the
// faults it was scripted with (see Fail). A Server is safe for concurrent use.
type Server struct {
	// URL is the base URL of the server, "http://127.0.0.1:PORT", with no
	// trailing slash: give it to juspay.WithBaseURL.
	URL string
	// APIKey is the only API key the server accepts. Read it; do not change it.
	APIKey string
	// MerchantID is the only merchant ID the server accepts, in the
	// x-merchantid header and in the merchant_id field of a debit. Read it;
	// do not change it.
	MerchantID string

	ts        *httptest.Server
	done      chan struct{} // closed by Close: ends delays and streams at once
	closeOnce sync.Once
	conns     connSet // the open client connections, force-closed by Close

	hookCtx    context.Context // ends webhook deliveries under way; canceled by Close
	hookCancel context.CancelFunc
	hookClient *http.Client
	wake       chan struct{}  // tells the delivery loop an event is queued
	workers    sync.WaitGroup // the delivery loop, waited for by Close

	mu         sync.Mutex // guards everything below
	closed     bool       // set by Close: no refund settles, no webhook is queued
	store      store
	faults     []*pendingFault
	requests   []Request
	hook       hookConfig
	outbox     []*event      // webhooks waiting for the delivery loop
	delivering bool          // the delivery loop runs
	deliveries []Delivery    // every attempt made
	waited     []bool        // which deliveries WaitDelivery returned
	changed    chan struct{} // closed and replaced when a delivery is recorded
}

// ServerOption configures a Server made by NewServer.
type ServerOption func(*Server)

// WithAPIKey sets the API key the server accepts (default DefaultAPIKey).
func WithAPIKey(key string) ServerOption {
	return func(s *Server) { s.APIKey = key }
}

// WithMerchantID sets the merchant ID the server accepts (default
// DefaultMerchantID).
func WithMerchantID(id string) ServerOption {
	return func(s *Server) { s.MerchantID = id }
}

// NewServer starts a fake Juspay on a loopback port. It holds no customers
// until AddCustomer gives it some. The caller must Close it when done; Start
// does that for a test.
func NewServer(opts ...ServerOption) *Server {
	s := &Server{
		APIKey:     DefaultAPIKey,
		MerchantID: DefaultMerchantID,
		done:       make(chan struct{}),
		store:      newStore(),
		wake:       make(chan struct{}, 1),
		changed:    make(chan struct{}),
		hook:       hookConfig{retries: defaultWebhookRetries, wait: defaultWebhookWait},
		hookClient: &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()},
	}
	s.hookCtx, s.hookCancel = context.WithCancel(context.Background())
	for _, opt := range opts {
		opt(s)
	}
	s.ts = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.ts.Config.ConnState = s.conns.track
	s.ts.Start()
	s.URL = s.ts.URL
	return s
}

// Close shuts the server down and returns promptly whatever its clients do,
// and stops webhook deliveries: one under way is abandoned, queued ones are
// dropped.
// Requests held by a fault (a delay, an oversized body) end at once with
// their connection reset, as does any request still being read or answered:
// a client that stops reading a response, or never finishes sending its
// body, has its connection closed instead of holding Close. Close may be
// called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		s.store.stopTimers()
		s.mu.Unlock()
		close(s.done)
		// A delivery under way ends with its request; queued ones are
		// dropped.
		s.hookCancel()
		s.workers.Wait()
		s.hookClient.CloseIdleConnections()
		// httptest.Server.Close waits for every active request, and a
		// handler blocked writing to a client that does not read (or
		// reading a body that never comes) sees neither s.done nor its
		// context: only closing the connection under it ends that wait.
		s.conns.closeAll()
		s.ts.Close()
	})
}

// reply is what an endpoint answers: a status and a value written as JSON.
type reply struct {
	status int
	body   any
}

// errorJSON is Juspay's documented error body.
type errorJSON struct {
	Status       string `json:"status"`
	ErrorCode    string `json:"error_code"`
	ErrorMessage string `json:"error_message"`
}

func errorReply(status int, statusText, code, message string) reply {
	return reply{status, errorJSON{Status: statusText, ErrorCode: code, ErrorMessage: message}}
}

// invalid is a 400 in Juspay's documented shape.
func invalid(code, message string) reply {
	return errorReply(http.StatusBadRequest, "Invalid Request", code, message)
}

// call is one request as the endpoint handlers see it.
type call struct {
	r      *http.Request
	form   url.Values // the form-encoded body
	params []string   // the unescaped path parameters, in order
}

// option reports whether the boolean option name (e.g.
// "options.get_client_auth_token") is "true", in the query or in the form:
// Juspay reads it from either.
func (c *call) option(name string) bool {
	return c.r.URL.Query().Get(name) == "true" || c.form.Get(name) == "true"
}

// serve is the server's handler: record, play a fault if one is due, else
// answer.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	id := "req_" + randomHex(12)
	w.Header().Set("X-Request-Id", id)

	body, bodyErr := readBody(r)
	form, formErr := url.ParseQuery(string(body))
	if bodyErr != nil {
		formErr = bodyErr
	}
	if formErr != nil {
		form = nil
	}
	s.record(id, r, form)

	answer := func() (int, []byte) { return s.answer(r, form, formErr) }
	if f, ok := s.takeFault(r.URL.EscapedPath()); ok {
		s.play(w, r, f, answer)
		return
	}
	writeAnswer(w, answer)
}

// writeAnswer writes the real answer to w.
func writeAnswer(w http.ResponseWriter, answer func() (int, []byte)) {
	status, body := answer()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// answer checks the request and runs its endpoint, returning the status and
// the JSON body to send.
func (s *Server) answer(r *http.Request, form url.Values, formErr error) (int, []byte) {
	rep := s.check(r, formErr)
	if rep.status == 0 {
		rep = s.dispatch(r, form)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // write text as Juspay would, not \u003c
	if err := enc.Encode(rep.body); err != nil {
		// Only the server's own wire structs reach here, and they always encode.
		return http.StatusInternalServerError, []byte(`{"status":"Internal Server Error","error_code":"internal_error","error_message":"juspaytest: cannot encode the answer"}`)
	}
	return rep.status, buf.Bytes()
}

// dispatch runs the endpoint of the request's method and path, with the
// server's state locked.
func (s *Server) dispatch(r *http.Request, form url.Values) reply {
	h, params, miss := route(r)
	if h == nil {
		return miss
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return h(s, &call{r: r, form: form, params: params})
}

// check applies the checks Juspay makes before any endpoint: credentials,
// merchant, Content-Type and a readable form. It returns a zero reply when
// the request passes.
func (s *Server) check(r *http.Request, formErr error) reply {
	user, pass, ok := r.BasicAuth()
	if !ok || pass != "" || subtle.ConstantTimeCompare([]byte(user), []byte(s.APIKey)) != 1 {
		return errorReply(http.StatusUnauthorized, "Invalid Authentication", "access_denied", "Invalid Authentication")
	}
	switch mid := r.Header.Get("x-merchantid"); {
	case mid == "":
		return invalid("invalid_request", "Missing header x-merchantid.")
	case mid != s.MerchantID:
		return invalid("invalid_request", "Invalid merchant id in header x-merchantid.")
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/x-www-form-urlencoded" {
		return invalid("invalid_request", "Content-Type must be application/x-www-form-urlencoded.")
	}
	if formErr != nil {
		return invalid("invalid_request", "Cannot read the form-encoded body: "+formErr.Error())
	}
	return reply{}
}

// readBody reads the request body, at most maxBody bytes of it.
func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxBody {
		return nil, errors.New("body larger than 1 MiB")
	}
	return b, nil
}

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

// randomHex returns n random bytes as hex: request IDs, tokens.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}
