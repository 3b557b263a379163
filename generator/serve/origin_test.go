package serve

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"testing"
)

// TestAbsoluteFormRefused sends a request whose target names an allowed
// host while its Host header names another: Go takes the host from the
// target, so it used to pass the Host check. A browser never sends this
// form to a server that is not a proxy; it is refused.
func TestAbsoluteFormRefused(t *testing.T) {
	_, ts, _ := startServer(t, testSite(), ServerOptions{Hosts: []string{"127.0.0.1:1313"}})
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET http://127.0.0.1:1313/base/ HTTP/1.1\r\nHost: evil.example:1313\r\nConnection: close\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("status %d, want 400", resp.StatusCode)
	}
}

// TestEventsCheckOrigin checks that the live-reload stream answers only
// pages of the preview itself: a request carrying another site's Origin
// is refused, the preview's own Origin (or none) is let through.
func TestEventsCheckOrigin(t *testing.T) {
	_, ts, _ := startServer(t, testSite(), ServerOptions{Hosts: []string{"localhost:1313"}})
	for origin, want := range map[string]int{
		"http://evil.example":       http.StatusForbidden,
		"http://localhost:1314":     http.StatusForbidden,
		"null":                      http.StatusForbidden,
		"http://localhost:1313":     http.StatusOK,
		"http://LOCALHOST:1313":     http.StatusOK,
		"":                          http.StatusOK,
		"https://localhost:1313":    http.StatusForbidden,
		"http://localhost:1313/x/y": http.StatusForbidden,
	} {
		req, err := http.NewRequest(http.MethodHead, ts.URL+"/base/__briefing/events", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = "localhost:1313"
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Origin %q: status %d, want %d", origin, resp.StatusCode, want)
		}
	}
	// Pages themselves are not limited: a link from another site opens them.
	req, err := http.NewRequest(http.MethodGet, ts.URL+"/base/", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "localhost:1313"
	req.Header.Set("Origin", "http://evil.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("a page with a foreign Origin: status %d", resp.StatusCode)
	}
}
