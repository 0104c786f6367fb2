package juspaytest

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
)

// maxBody bounds the form body a request may carry. Juspay's forms are a few
// hundred bytes; anything near this is a bug in the caller.
const maxBody = 1 << 20

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
