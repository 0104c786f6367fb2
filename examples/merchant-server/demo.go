package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/gojuspay/juspay/webhook"
)

// demo runs the server against an embedded fake Juspay and drives one
// customer through the flow, as the shop's pages would.
func demo(ctx context.Context, w io.Writer) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	out := &syncWriter{w: w} // the server logs from its own goroutines

	fake := juspaytest.NewServer()
	defer fake.Close()
	client, err := fake.NewClient()
	if err != nil {
		return err
	}
	// What the dashboard holds: the webhook's Basic auth and the Response
	// Key. Fresh ones each run: nothing secret is written in the code.
	creds := webhook.Credentials{Username: "shop", Password: randomHex(16)}
	responseKey := randomHex(16)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	s := &server{
		juspay:      client,
		creds:       []webhook.Credentials{creds},
		responseKey: responseKey,
		returnURL:   base + "/juspay/return",
		store:       newStore(),
		log:         out,
	}
	serveCtx, stopServing := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- listen(serveCtx, ln, s.routes()) }()
	defer func() { stopServing(); <-served }()

	fake.SetWebhook(base+"/juspay/webhook", creds.Username, creds.Password)
	fmt.Fprintf(out, "Embedded fake Juspay at %s\nShop at %s; Juspay delivers webhooks to /juspay/webhook\n", fake.URL, base)

	shop := &shopClient{base: base, out: out}
	return drive(ctx, shop, fake, creds, responseKey)
}

// drive is the customer's visit, step by step.
func drive(ctx context.Context, shop *shopClient, fake *juspaytest.Server, creds webhook.Credentials, responseKey string) error {
	customerID, walletID, err := linkWallet(ctx, shop, fake)
	if err != nil {
		return err
	}
	out := shop.out
	out.step("4. They pay 120.50 from the wallet")
	var paid struct {
		OrderID string `json:"order_id"`
	}
	orders := "/customers/" + customerID + "/orders"
	if err := shop.call(ctx, "POST", orders, map[string]string{"amount": "120.50", "wallet_id": walletID}, &paid); err != nil {
		return err
	}

	out.step("5. Juspay's webhook arrives; the shop confirms the order with Orders.Get")
	if err := awaitWebhooks(ctx, fake, out, "ORDER_SUCCEEDED", "TXN_CHARGED"); err != nil {
		return err
	}
	if err := shop.call(ctx, "GET", "/orders/"+paid.OrderID, nil, nil); err != nil {
		return err
	}

	out.step("6. The browser comes back to the return URL, signed by Juspay")
	q, err := fake.ReturnQuery(paid.OrderID, responseKey)
	if err != nil {
		return err
	}
	if err := shop.call(ctx, "GET", "/juspay/return?"+q.Encode(), nil, nil); err != nil {
		return err
	}
	q.Set("order_id", "ord_unpaid_0001") // a paid order's link, edited to claim another
	if err := shop.call(ctx, "GET", "/juspay/return?"+q.Encode(), nil, nil); err != nil {
		return err
	}

	out.step("7. The same webhook delivered again: the shop has handled it already")
	if err := redeliver(ctx, fake, shop, creds, "ORDER_SUCCEEDED"); err != nil {
		return err
	}

	out.step("8. A second order whose debit answer is lost on the way: Orders.Wait settles it")
	fake.FailPath("/txns", 1, juspaytest.CutBodyFault())
	if err := shop.call(ctx, "POST", orders, map[string]string{"amount": "100", "wallet_id": walletID}, nil); err != nil {
		return err
	}
	if err := awaitWebhooks(ctx, fake, out, "ORDER_SUCCEEDED", "TXN_CHARGED"); err != nil {
		return err
	}
	return shop.call(ctx, "GET", "/customers/"+customerID+"/wallets", nil, nil)
}

// linkWallet signs the customer up and links their wallet with the OTP
// they received.
func linkWallet(ctx context.Context, shop *shopClient, fake *juspaytest.Server) (customerID, walletID string, err error) {
	out := shop.out
	var signedUp struct {
		CustomerID string `json:"customer_id"`
	}
	out.step("1. The customer signs up; the shop makes their Juspay customer")
	if err := shop.call(ctx, "POST", "/customers", map[string]string{
		"user_id": "user-42", "mobile_number": "9999999999", "email": "asha@example.com",
	}, &signedUp); err != nil {
		return "", "", err
	}
	wallets := "/customers/" + signedUp.CustomerID + "/wallets"

	out.step("2. They add their Paytm wallet; Paytm texts them an OTP")
	var added struct {
		Wallet walletView `json:"wallet"`
	}
	if err := shop.call(ctx, "POST", wallets, map[string]string{"wallet": "PAYTM", "mobile_number": "9999999999"}, &added); err != nil {
		return "", "", err
	}
	otp, ok := fake.OTP(added.Wallet.ID) // the code on the customer's phone
	if !ok {
		return "", "", errors.New("the fake Juspay sent no OTP")
	}

	out.step("3. They type the OTP: the wallet is linked, and shows its balance")
	if err := shop.call(ctx, "POST", wallets+"/"+added.Wallet.ID+"/link", map[string]string{"otp": otp}, nil); err != nil {
		return "", "", err
	}
	return signedUp.CustomerID, added.Wallet.ID, shop.call(ctx, "GET", wallets, nil, nil)
}

// awaitWebhooks waits until the fake Juspay has delivered an event of each
// name, and says how the shop answered.
func awaitWebhooks(ctx context.Context, fake *juspaytest.Server, out *syncWriter, names ...string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for _, name := range names {
		d, err := fake.WaitDelivery(ctx, name)
		if err != nil {
			return fmt.Errorf("no %s webhook: %w", name, err)
		}
		if d.Status != http.StatusOK {
			return fmt.Errorf("the shop answered the %s webhook %d %s", name, d.Status, d.Err)
		}
		out.printf("Juspay delivered %s %s for %s: the shop answered %d\n", d.EventName, d.EventID, d.OrderID, d.Status)
	}
	return nil
}

// redeliver posts the last delivered event of the name to the shop again,
// as Juspay may.
func redeliver(ctx context.Context, fake *juspaytest.Server, shop *shopClient, creds webhook.Credentials, name string) error {
	var last *juspaytest.Delivery
	for _, d := range fake.Deliveries() {
		if d.EventName == name {
			last = &d
		}
	}
	if last == nil {
		return fmt.Errorf("no %s delivered", name)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, last.URL, bytes.NewReader(last.Body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.SetBasicAuth(creds.Username, creds.Password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	shop.out.printf("POST /juspay/webhook (%s %s again) -> %s\n", name, last.EventID, resp.Status)
	return nil
}

// shopClient is the shop's pages: plain HTTP calls to its API, printed.
type shopClient struct {
	base string
	out  *syncWriter
}

// call sends a JSON request, prints it and the answer, and decodes a 2xx
// answer into into (when not nil). A 4xx is printed, not an error: the
// demo shows refusals too.
func (c *shopClient) call(ctx context.Context, method, path string, body, into any) error {
	var rd io.Reader
	shown := ""
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd, shown = bytes.NewReader(b), " "+shownBody(body, b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	c.out.printf("%s %s%s\n  -> %s %s\n", method, shortPath(path), shown, resp.Status, strings.TrimSpace(string(answer)))
	if resp.StatusCode >= 500 {
		return fmt.Errorf("%s %s: %s", method, path, resp.Status)
	}
	if into != nil && resp.StatusCode < 300 {
		return json.Unmarshal(answer, into)
	}
	return nil
}

// shownBody is the request body as the transcript prints it: with the OTP
// masked, as a shop's own logs should never hold one.
func shownBody(body any, encoded []byte) string {
	m, ok := body.(map[string]string)
	if !ok || m["otp"] == "" {
		return string(encoded)
	}
	masked := maps.Clone(m)
	masked["otp"] = "******"
	b, err := json.Marshal(masked)
	if err != nil {
		return "{}"
	}
	return string(b)
}

// shortPath shortens the signature of a printed return URL.
func shortPath(path string) string {
	p, query, ok := strings.Cut(path, "?")
	q, err := url.ParseQuery(query)
	if !ok || err != nil || q.Get("signature") == "" {
		return path
	}
	q.Set("signature", q.Get("signature")[:8]+"...")
	return p + "?" + q.Encode()
}

// syncWriter serialises writes from the demo and the server's goroutines.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func (s *syncWriter) printf(format string, args ...any) { fmt.Fprintf(s, format, args...) }

func (s *syncWriter) step(title string) { fmt.Fprintf(s, "\n%s\n", title) }

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // no randomness from the OS: nothing secret can be made
	}
	return hex.EncodeToString(b)
}
