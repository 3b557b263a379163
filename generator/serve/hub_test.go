package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

type sseEvent struct {
	name, data string
	comment    bool
}

type eventStream struct {
	events chan sseEvent // closed when the stream ends
}

// openStream connects to the event stream and parses it in the background.
func openStream(t *testing.T, ts *httptest.Server, target string) *eventStream {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + target)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		resp.Body.Close()
		t.Fatalf("GET %s: status %d", target, resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Type"); got != "text/event-stream" {
		t.Errorf("Content-Type %q, want text/event-stream", got)
	}
	st := &eventStream{events: make(chan sseEvent, 16)}
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop); resp.Body.Close() })
	go func() {
		defer close(st.events)
		br := bufio.NewReader(resp.Body)
		var ev sseEvent
		emit := func(e sseEvent) bool {
			select {
			case st.events <- e:
				return true
			case <-stop:
				return false
			}
		}
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case line == "":
				if ev != (sseEvent{}) && !emit(ev) {
					return
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, ":"):
				if !emit(sseEvent{comment: true, data: strings.TrimSpace(line[1:])}) {
					return
				}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return st
}

func (st *eventStream) next(t *testing.T) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-st.events:
		if !ok {
			t.Fatal("event stream ended")
		}
		return ev
	case <-time.After(streamWait):
		t.Fatal("no event within", streamWait)
	}
	return sseEvent{}
}

type helloMsg struct {
	ID    string `json:"id"`
	Error string `json:"error"`
}

func (st *eventStream) hello(t *testing.T) helloMsg {
	t.Helper()
	ev := st.next(t)
	var h helloMsg
	if ev.name != "hello" || json.Unmarshal([]byte(ev.data), &h) != nil {
		t.Fatalf("first event %+v, want a hello", ev)
	}
	return h
}

// message returns the next change message, skipping pings.
func (st *eventStream) message(t *testing.T) message {
	t.Helper()
	for {
		ev := st.next(t)
		if ev.comment {
			continue
		}
		var m message
		if ev.name != "" || json.Unmarshal([]byte(ev.data), &m) != nil {
			t.Fatalf("event %+v, want a change message", ev)
		}
		return m
	}
}

func TestEventStream(t *testing.T) {
	s, ts, _ := startServer(t, testSite(), ServerOptions{})
	st := openStream(t, ts, "/base/__briefing/events")
	h := st.hello(t)
	if h.ID == "" || h.ID != s.hub.id || h.Error != "" {
		t.Errorf("hello %+v, want id %q and no error", h, s.hub.id)
	}
	if other := NewServer(&mapSource{}, ServerOptions{}); other.hub.id == s.hub.id {
		t.Errorf("two servers share id %q", s.hub.id)
	}

	s.Publish(Event{Changed: []string{"articles/x/index.html", "css/briefing.css", "index.html"}})
	m := st.message(t)
	want := []string{"/base/articles/x/", "/base/css/briefing.css", "/base/"}
	if !slices.Equal(m.Changed, want) || m.Error != "" || m.Reload {
		t.Errorf("message %+v, want changed %q and no error", m, want)
	}

	s.Publish(Event{Changed: nil, Err: errors.New("content/x.md:1:1: broken\nsecond line")})
	m = st.message(t)
	if m.Changed == nil || len(m.Changed) != 0 || m.Error != "content/x.md:1:1: broken\nsecond line" {
		t.Errorf("message %+v, want no changes and the error", m)
	}

	// A browser connecting now learns the error from the hello.
	if h := openStream(t, ts, "/base/__briefing/events").hello(t); h.Error != "content/x.md:1:1: broken\nsecond line" {
		t.Errorf("late hello %+v lacks the current error", h)
	}
}

func TestEventStreamFormat(t *testing.T) {
	s, ts, _ := startServer(t, testSite(), ServerOptions{})
	resp, err := ts.Client().Get(ts.URL + "/base/__briefing/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if got := resp.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control %q", got)
	}
	lines := make(chan string, 16)
	go func() {
		defer close(lines)
		br := bufio.NewReader(resp.Body)
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			lines <- line
		}
	}()
	read := func() string {
		select {
		case l := <-lines:
			return l
		case <-time.After(streamWait):
			t.Fatal("no line within", streamWait)
		}
		return ""
	}
	wantHello := []string{"retry: 1000\n", "event: hello\n", `data: {"id":"` + s.hub.id + `","error":""}` + "\n", "\n"}
	for _, want := range wantHello {
		if got := read(); got != want {
			t.Fatalf("line %q, want %q", got, want)
		}
	}
	s.Publish(Event{Changed: []string{"feed.xml"}})
	for _, want := range []string{`data: {"changed":["/base/feed.xml"],"error":""}` + "\n", "\n"} {
		if got := read(); got != want {
			t.Fatalf("line %q, want %q", got, want)
		}
	}
}

func TestEventPing(t *testing.T) {
	_, ts, _ := startServer(t, testSite(), ServerOptions{}, func(s *Server) { s.hub.ping = time.Millisecond })
	st := openStream(t, ts, "/base/__briefing/events")
	st.hello(t)
	if ev := st.next(t); !ev.comment || ev.data != "ping" {
		t.Errorf("event %+v, want a ping comment", ev)
	}
}

// A browser that stops reading must not hold up rebuilds, and a browser
// that is merely slow must still learn about every change.
func TestEventPublishNeverBlocks(t *testing.T) {
	s, ts, _ := startServer(t, testSite(), ServerOptions{})

	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "GET /base/__briefing/events HTTP/1.1\r\nHost: %s\r\n\r\n", ts.Listener.Addr())
	if err := conn.SetReadDeadline(time.Now().Add(streamWait)); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the hello: %v", err)
		}
		if strings.HasPrefix(line, "data: ") {
			break // subscribed; from here on this client never reads
		}
	}

	reader := openStream(t, ts, "/base/__briefing/events")
	reader.hello(t)

	const n = 1000
	long := strings.Repeat("x", 200)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range n {
			s.Publish(Event{Changed: []string{fmt.Sprintf("articles/%04d-%s/index.html", i, long)}})
		}
	}()
	select {
	case <-done:
	case <-time.After(2 * streamWait):
		t.Fatalf("%d calls to Publish did not return with an unread client connected", n)
	}

	seen := map[string]bool{}
	for len(seen) < n {
		m := reader.message(t)
		if m.Reload {
			return // too much queued: the browser was told to reload instead
		}
		for _, u := range m.Changed {
			seen[u] = true
		}
	}
}

func TestEventCollapse(t *testing.T) {
	t.Run("merge", func(t *testing.T) {
		c := newClient()
		c.add([]string{"/a/", "/b/"}, "")
		c.add([]string{"/b/", "/c/"}, "oops")
		var m message
		b := c.take()
		if err := json.Unmarshal(bytes.TrimSuffix(bytes.TrimPrefix(b, []byte("data: ")), []byte("\n\n")), &m); err != nil {
			t.Fatalf("frame %q: %v", b, err)
		}
		if !slices.Equal(m.Changed, []string{"/a/", "/b/", "/c/"}) || m.Error != "oops" || m.Reload {
			t.Errorf("merged %+v, want a, b, c with the latest error", m)
		}
		if len(c.wake) != 1 {
			t.Errorf("wake has %d signals, want 1", len(c.wake))
		}
		if b := c.take(); b != nil {
			t.Errorf("second take = %q, want nothing", b)
		}
	})
	t.Run("overflow asks for reload", func(t *testing.T) {
		c := newClient()
		for i := range maxPending + 1 {
			c.add([]string{fmt.Sprint("/p", i, "/")}, "")
		}
		c.add([]string{"/late/"}, "") // once reloading, paths no longer matter
		if b := string(c.take()); !strings.Contains(b, `"reload":true`) || !strings.Contains(b, `"changed":[]`) {
			t.Errorf("frame %q, want reload with no paths", b)
		}
	})
}

func TestServerClose(t *testing.T) {
	s, ts, _ := startServer(t, testSite(), ServerOptions{})
	st := openStream(t, ts, "/base/__briefing/events")
	st.hello(t)
	s.Close()
	select {
	case ev, ok := <-st.events:
		if ok {
			t.Fatalf("got %+v, want the stream to end", ev)
		}
	case <-time.After(streamWait):
		t.Fatal("stream still open after Close")
	}
	s.Close() // twice is fine
	if r := fetch(t, ts, "/base/__briefing/events"); r.status != 503 {
		t.Errorf("new stream after Close: status %d, want 503", r.status)
	}
	if r := fetch(t, ts, "/base/"); r.status != 200 {
		t.Errorf("pages after Close: status %d, want 200", r.status)
	}
}
