package smtpsend

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// A relay that accepts the connection and never says a word must not
// hang the command: the timeout ends the conversation with an error.
func TestSilentRelay(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, silent, until the test ends
		}
	}()
	err = Send(context.Background(), Options{Addr: ln.Addr().String(), From: "a@example.org", To: []string{"b@example.org"}, Timeout: 200 * time.Millisecond}, []byte("Subject: x\r\n\r\nx\r\n"))
	if err == nil || !strings.Contains(err.Error(), "greeting") || !strings.Contains(err.Error(), "gave up after 200ms") {
		t.Errorf("got %v, want a greeting that timed out", err)
	}
}

func TestBadOptions(t *testing.T) {
	for _, tc := range []struct {
		o    Options
		want string
	}{
		{Options{Addr: "nohost", To: []string{"b@example.org"}}, `relay address "nohost"`},
		{Options{Addr: "127.0.0.1:25"}, "no recipients"},
		{Options{Addr: "127.0.0.1:25", To: []string{"b@example.org"}, StartTLS: "sometimes"}, `starttls "sometimes"`},
	} {
		if err := Send(context.Background(), tc.o, nil); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want %q", tc.o, err, tc.want)
		}
	}
}
