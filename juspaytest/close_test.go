package juspaytest_test

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gojuspay/juspay/juspaytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawRequest opens a TCP connection to srv and writes the head of a request
// with every header the server checks, and extra on top. The test owns the
// connection: it reads and writes the rest itself.
func rawRequest(t *testing.T, srv *juspaytest.Server, method, path string, extra ...string) net.Conn {
	t.Helper()
	u, err := url.Parse(srv.URL)
	require.NoError(t, err)
	conn, err := net.Dial("tcp", u.Host)
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	head := []string{
		method + " " + path + " HTTP/1.1",
		"Host: " + u.Host,
		"Authorization: " + basic(srv.APIKey),
		"x-merchantid: " + srv.MerchantID,
		"Content-Type: application/x-www-form-urlencoded",
	}
	head = append(head, extra...)
	_, err = fmt.Fprint(conn, strings.Join(head, "\r\n")+"\r\n\r\n")
	require.NoError(t, err)
	return conn
}

// requireCloses calls srv.Close and fails the test if it has not returned
// long before the client would have let it.
func requireCloses(t *testing.T, srv *juspaytest.Server) {
	t.Helper()
	closed := make(chan struct{})
	go func() { srv.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(30 * time.Second): // the client would hold it forever
		t.Fatal("Close waited for a client")
	}
}

// A client that stops reading an oversized stream leaves the server's write
// blocked on a full socket; Close still returns.
func TestCloseWithClientNotReading(t *testing.T) {
	srv := juspaytest.NewServer()
	srv.Fail(1, juspaytest.OversizedBodyFault(1<<40))
	conn := rawRequest(t, srv, http.MethodGet, "/", "Content-Length: 0")
	br := bufio.NewReader(conn)
	line, err := br.ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "HTTP/1.1 200 OK\r\n", line)
	// Stop reading here. The server writes on until the kernel's buffers
	// hold all they can; give it the moment that takes.
	time.Sleep(200 * time.Millisecond)
	requireCloses(t, srv)
}

// A client that never finishes sending its body leaves the server reading;
// Close still returns. Expect: 100-continue makes the server say when the
// handler starts to read the body, so the test knows it is in there.
func TestCloseWithUnfinishedBody(t *testing.T) {
	srv := juspaytest.NewServer()
	conn := rawRequest(t, srv, http.MethodPost, "/txns", "Content-Length: 1000", "Expect: 100-continue")
	br := bufio.NewReader(conn)
	line, err := br.ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "HTTP/1.1 100 Continue\r\n", line)
	_, err = fmt.Fprint(conn, "order_id=ord_1&amount=1")
	require.NoError(t, err)
	requireCloses(t, srv)
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	assert.Nil(t, reqs[0].Form, "the unfinished body is no form")
}

// A request that arrives while Close runs cannot hold it either: Close
// closes connections that open or become active after it began.
func TestCloseTwiceAndAfterClose(t *testing.T) {
	srv := juspaytest.NewServer()
	requireCloses(t, srv)
	requireCloses(t, srv)
	_, err := http.DefaultClient.Do(newRequest(t, srv, http.MethodGet, "/", nil))
	assert.Error(t, err)
}
