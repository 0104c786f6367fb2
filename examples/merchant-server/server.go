package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/gojuspay/juspay"
	"github.com/gojuspay/juspay/webhook"
)

// server is the merchant's backend: its own JSON API for the shop's pages,
// and the two endpoints Juspay calls (the webhook and the return URL).
type server struct {
	juspay      *juspay.Client
	creds       []webhook.Credentials // the dashboard's webhook Basic auth; two during a rotation
	responseKey string                // the dashboard's Response Key, for the return URL
	returnURL   string                // where Juspay sends the customer back after paying
	store       *store
	log         io.Writer // one line per thing worth knowing
}

// routes mounts the shop's API and Juspay's two endpoints.
//
// A real shop takes the customer from its login session; this one takes it
// from the path, so that the flow can be driven with plain HTTP calls.
func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /customers", s.signUp)
	mux.HandleFunc("GET /customers/{customer}/wallets", s.listWallets)
	mux.HandleFunc("POST /customers/{customer}/wallets", s.addWallet)
	mux.HandleFunc("POST /customers/{customer}/wallets/{wallet}/link", s.linkWallet)
	mux.HandleFunc("POST /customers/{customer}/orders", s.pay)
	mux.HandleFunc("GET /orders/{order}", s.getOrder)
	// Juspay's endpoints. The webhook handler answers every method itself
	// (405 for all but POST), so it is mounted without one.
	mux.Handle("/juspay/webhook", webhook.Handler(s.onEvent, s.creds...))
	mux.HandleFunc("GET /juspay/return", s.onReturn)
	return mux
}

func (s *server) logf(format string, args ...any) {
	fmt.Fprintf(s.log, "  [server] "+format+"\n", args...)
}

// readJSON decodes a small JSON request body into v.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("bad request body: %v", err))
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

// writeJuspayError answers a failed Juspay call. What Juspay said about the
// customer's input goes back to the shop's page; anything else is the
// shop's problem, and says no more than that.
func (s *server) writeJuspayError(w http.ResponseWriter, op string, err error) {
	s.logf("%s failed: %v", op, err) // SDK errors never hold the API key or a token
	var apiErr *juspay.APIError
	switch {
	case errors.Is(err, juspay.ErrInvalidArgument):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, juspay.ErrInvalidRequest) && errors.As(err, &apiErr):
		msg := apiErr.UserMessage
		if msg == "" {
			msg = apiErr.ErrorMessage
		}
		writeError(w, http.StatusBadRequest, msg)
	default:
		writeError(w, http.StatusBadGateway, op+" failed; try again")
	}
}
