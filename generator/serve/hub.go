package serve

// This file is the event hub: the server-sent event streams that tell
// open pages what changed, and the current error they start from.

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"
)

const (
	// pingInterval keeps idle event streams open through proxies and
	// browsers that drop a silent connection.
	pingInterval = 15 * time.Second

	// writeTimeout is how long one event may take to reach a browser
	// before its stream is dropped; EventSource reconnects if it is alive.
	writeTimeout = 10 * time.Second

	// maxPending bounds the paths queued for one slow client; past it the
	// client is told to reload whatever it shows instead.
	maxPending = 512
)

// hub is the live-reload side of the server: what the last Publish said
// (the current error, which pages and new streams start from) and the
// open event streams each Publish reaches.
type hub struct {
	id   string // tells browsers the server restarted
	ping time.Duration

	mu      sync.Mutex
	errs    []string // one entry per current error, normalised
	errText string   // errs joined by "\n", as pages and events carry it
	clients map[*client]struct{}
	closed  bool
	done    chan struct{} // closed by close
}

func newHub() *hub {
	return &hub{
		id:      rand.Text(),
		ping:    pingInterval,
		clients: map[*client]struct{}{},
		done:    make(chan struct{}),
	}
}

// publish sets the current error and queues the changed URLs for every
// open stream, without waiting for any.
func (h *hub) publish(urls, errs []string) {
	text := strings.Join(errs, "\n")
	h.mu.Lock()
	defer h.mu.Unlock()
	h.errs, h.errText = errs, text
	for c := range h.clients {
		c.add(urls, text)
	}
}

// current is the error as the last publish set it: its lines, and their
// text joined as pages carry it.
func (h *hub) current() ([]string, string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.errs, h.errText
}

// close ends every open stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// A client is one open event stream. Publish merges what changed into the
// pending message and wakes the stream; the stream sends the merged message
// when it can. A slow browser thus costs memory bounded by maxPending and
// never holds up Publish.
type client struct {
	wake chan struct{} // capacity 1: "a message is pending"

	mu      sync.Mutex
	pending bool
	changed []string
	seen    map[string]bool
	reload  bool // too much queued: the browser should reload outright
	err     string
}

func newClient() *client {
	return &client{wake: make(chan struct{}, 1), seen: map[string]bool{}}
}

func (c *client) add(urls []string, errText string) {
	c.mu.Lock()
	for _, u := range urls {
		if c.reload || c.seen[u] {
			continue
		}
		if len(c.changed) >= maxPending {
			c.reload, c.changed, c.seen = true, nil, map[string]bool{}
			continue
		}
		c.seen[u] = true
		c.changed = append(c.changed, u)
	}
	c.err = errText
	c.pending = true
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default: // already woken; the stream will send everything merged so far
	}
}

// message is one change event as the stream sends it.
type message struct {
	Changed []string `json:"changed"`
	Error   string   `json:"error"`
	Reload  bool     `json:"reload,omitempty"`
}

// take returns the pending message as an SSE frame and clears it, or nil.
func (c *client) take() []byte {
	c.mu.Lock()
	if !c.pending {
		c.mu.Unlock()
		return nil
	}
	m := message{Changed: c.changed, Error: c.err, Reload: c.reload}
	if m.Changed == nil {
		m.Changed = []string{}
	}
	c.pending, c.changed, c.seen, c.reload = false, nil, map[string]bool{}, false
	c.mu.Unlock()
	return frame("", m)
}

// frame encodes one server-sent event. JSON escapes newlines, so the data
// always fits on one "data:" line.
func frame(event string, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		data = []byte("{}") // unreachable for the types sent here
	}
	var b bytes.Buffer
	if event != "" {
		b.WriteString("event: " + event + "\n")
	}
	b.WriteString("data: ")
	b.Write(data)
	b.WriteString("\n\n")
	return b.Bytes()
}

// subscribe registers c and returns the hello frame describing the state
// at that moment, so no Publish falls between the two.
func (h *hub) subscribe(c *client) ([]byte, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	h.clients[c] = struct{}{}
	hello := struct {
		ID    string `json:"id"`
		Error string `json:"error"`
	}{h.id, h.errText}
	// retry: a restarted server is back within a second; the browser's
	// default wait is longer.
	return append([]byte("retry: 1000\n"), frame("hello", hello)...), true
}

func (h *hub) unsubscribe(c *client) {
	h.mu.Lock()
	delete(h.clients, c)
	h.mu.Unlock()
}

// events streams server-sent events: a hello with the server's id and
// current error, then one message per Publish (merged while the browser is
// slow), and a comment now and then to keep the connection open.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	c := newClient()
	hello, ok := s.hub.subscribe(c)
	if !ok {
		s.write(w, r, http.StatusServiceUnavailable, "text/plain; charset=utf-8", []byte("briefing serve is shutting down\n"))
		return
	}
	defer s.hub.unsubscribe(c)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	send := func(b []byte) bool {
		// A deadline per message replaces any server-wide WriteTimeout,
		// which would cut a long stream, and lets go of a browser that
		// stopped reading, which would otherwise hold up Shutdown.
		_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send(hello) {
		return
	}
	ping := time.NewTicker(s.hub.ping)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.done:
			return
		case <-ping.C:
			if !send([]byte(": ping\n\n")) {
				return
			}
		case <-c.wake:
			if b := c.take(); b != nil && !send(b) {
				return
			}
		}
	}
}
