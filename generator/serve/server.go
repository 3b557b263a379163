package serve

import (
	"bytes"
	"crypto/rand"
	_ "embed" // reload.js
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/briefing-digest/briefing/generator"
)

// reloadJS is the live-reload client, added to pages only by this server.
//
//go:embed reload.js
var reloadJS []byte

const (
	// internalDir holds the server's own endpoints under the base path. It
	// hides a site file of the same name, which no theme ships.
	internalDir = "__briefing/"

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

// Source is the built site the server shows. Paths are slash-separated,
// relative to the site root, without a leading slash: "index.html",
// "articles/x/index.html", "css/briefing.css", "404.html".
type Source interface {
	File(path string) ([]byte, bool)
}

// A Releaser is a Source that may reuse the memory of the bytes File
// returned once they are released: the server releases each file when it
// has written it.
type Releaser interface {
	Release(path string, data []byte)
}

// file returns a file of the source, and the function to call when done.
func (s *Server) file(path string) ([]byte, func(), bool) {
	body, ok := s.src.File(path)
	if !ok {
		return nil, func() {}, false
	}
	if r, isReleaser := s.src.(Releaser); isReleaser {
		return body, func() { r.Release(path, body) }, true
	}
	return body, func() {}, true
}

// Event is what one rebuild changed.
type Event struct {
	Changed []string // output paths (as Source names them) whose bytes changed, added or removed
	Err     error    // non-nil while the site has an error; the Source still holds the last good build
}

// ServerOptions configures a Server.
type ServerOptions struct {
	// BasePath is the URL path the site lives under, "/" or "/briefing/".
	// Requests outside it get 404, except "/", which redirects to it.
	BasePath string
	// Hosts lists the Host header values accepted, such as
	// "127.0.0.1:1313" and "localhost:1313", so a page on another origin
	// cannot reach the preview by DNS rebinding. Empty accepts any host.
	Hosts []string
}

// Server serves a Source over HTTP for preview: from memory, never cached,
// with a live-reload script and, while the last build failed, an overlay
// listing the errors on every page.
type Server struct {
	src   Source
	base  string          // "/" or "/x/": always leading and trailing slash
	hosts []string        // as given, for the 403 message
	allow map[string]bool // lower-cased Hosts
	id    string          // tells browsers the server restarted
	ping  time.Duration

	mu      sync.Mutex
	errs    []string // one entry per current error, normalised
	errText string   // errs joined by "\n", as pages and events carry it
	clients map[*client]struct{}
	closed  bool
	done    chan struct{} // closed by Close
}

// NewServer returns a Server showing src under opts.BasePath.
func NewServer(src Source, opts ServerOptions) *Server {
	s := &Server{
		src:     src,
		base:    cleanBase(opts.BasePath),
		hosts:   opts.Hosts,
		allow:   map[string]bool{},
		id:      rand.Text(),
		ping:    pingInterval,
		clients: map[*client]struct{}{},
		done:    make(chan struct{}),
	}
	for _, h := range opts.Hosts {
		s.allow[strings.ToLower(h)] = true
	}
	return s
}

func cleanBase(p string) string {
	p = path.Clean("/" + strings.Trim(p, "/"))
	if p != "/" {
		p += "/"
	}
	return p
}

// Publish tells connected browsers what changed and sets the current error
// (nil clears it). It never waits for a browser.
func (s *Server) Publish(ev Event) {
	urls := make([]string, 0, len(ev.Changed))
	for _, name := range ev.Changed {
		urls = append(urls, s.urlFor(name))
	}
	errs := errorLines(ev.Err)
	text := strings.Join(errs, "\n")

	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs, s.errText = errs, text
	for c := range s.clients {
		c.add(urls, text)
	}
}

// Close ends all open event streams, so http.Server.Shutdown does not wait
// on them, and refuses new ones.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
}

// urlFor turns an output path into the URL a browser shows for it:
// "articles/x/index.html" becomes "/base/articles/x/".
func (s *Server) urlFor(name string) string {
	name = strings.TrimPrefix(name, "/")
	if name == "index.html" {
		name = ""
	} else if strings.HasSuffix(name, "/index.html") {
		name = strings.TrimSuffix(name, "index.html")
	}
	return (&url.URL{Path: s.base + name}).EscapedPath()
}

// ServeHTTP answers GET and HEAD for the site's files, the reload script
// and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if absoluteForm(r) {
		s.write(w, r, http.StatusBadRequest, "text/plain; charset=utf-8", []byte("briefing serve is not a proxy: request a path, not a whole URL\n"))
		return
	}
	if len(s.allow) > 0 && !s.allow[strings.ToLower(r.Host)] {
		host := r.Host
		if host == "" {
			host = "no host at all"
		}
		msg := fmt.Sprintf("briefing serve answers only to %s; this request was for %s. "+
			"Use one of those addresses, or --bind 0.0.0.0 to serve other hosts on purpose.\n",
			strings.Join(s.hosts, ", "), host)
		s.write(w, r, http.StatusForbidden, "text/plain; charset=utf-8", []byte(msg))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.write(w, r, http.StatusMethodNotAllowed, "text/plain; charset=utf-8", []byte("405 method not allowed\n"))
		return
	}

	// r.URL.Path is already decoded, so "%2e%2e" and "%5c" arrive as ".."
	// and "\". Browsers resolve dot segments before sending, so a request
	// still carrying one is crafted: refuse it rather than guess.
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if strings.ContainsAny(p, "\\\x00") || hasDotDot(p) {
		s.notFound(w, r)
		return
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	switch {
	case clean != p: // "//" or "/./": send the browser to the form relative links work from
		s.redirect(w, r, clean, http.StatusMovedPermanently)
		return
	case p == "/" && s.base != "/":
		// Temporary: a cached permanent redirect would outlive a change of base path.
		s.redirect(w, r, s.base, http.StatusFound)
		return
	case p+"/" == s.base:
		s.redirect(w, r, s.base, http.StatusMovedPermanently)
		return
	}
	rel, ok := strings.CutPrefix(p, s.base)
	if !ok {
		s.notFound(w, r)
		return
	}

	switch rel {
	case internalDir + "reload.js":
		s.write(w, r, http.StatusOK, "text/javascript; charset=utf-8", reloadJS)
		return
	case internalDir + "events":
		if !sameOrigin(r) {
			s.write(w, r, http.StatusForbidden, "text/plain; charset=utf-8", []byte("the live-reload stream is only for the preview's own pages\n"))
			return
		}
		s.events(w, r)
		return
	}

	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if body, done, ok := s.file(name); ok {
		s.serveFile(w, r, http.StatusOK, name, body)
		done()
		return
	}
	if rel != "" && !strings.HasSuffix(rel, "/") {
		if _, done, ok := s.file(rel + "/index.html"); ok {
			done()
			s.redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	s.notFound(w, r)
}

func hasDotDot(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return true
		}
	}
	return false
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if body, done, ok := s.file("404.html"); ok {
		s.serveFile(w, r, http.StatusNotFound, "404.html", body)
		done()
		return
	}
	s.write(w, r, http.StatusNotFound, "text/plain; charset=utf-8", []byte("404 page not found\n"))
}

// redirect sends to a cleaned, slash-rooted path, so the Location can never
// be read as another host ("//evil").
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to string, code int) {
	u := url.URL{Path: to, RawQuery: r.URL.RawQuery}
	w.Header().Set("Location", u.String())
	s.write(w, r, code, "text/plain; charset=utf-8", nil)
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, code int, name string, body []byte) {
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		body = s.decorate(body, s.urlFor(name))
	}
	s.write(w, r, code, ctype, body)
}

// write sends a complete response. no-store keeps the preview from ever
// showing a stale page, redirects included (a cached 301 would stick).
func (s *Server) write(w http.ResponseWriter, r *http.Request, code int, ctype string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(body) // an error means the browser went away: nothing to tell it
	}
}

// contentTypes is explicit because mime.TypeByExtension reads the
// machine's /etc/mime.types, which differs between systems.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".xml":         "application/xml", // feeds too: RSS readers accept it, browsers show it
	".xsl":         "application/xml",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".webmanifest": "application/manifest+json",
	".pdf":         "application/pdf",
	".wasm":        "application/wasm",
	".mp4":         "video/mp4",
	".webm":        "video/webm",
	".mp3":         "audio/mpeg",
}

// contentType names the type of an output file. Files without an extension
// ("CNAME", ".nojekyll") are hosting settings, shown as text.
func contentType(name string) string {
	base := path.Base(name)
	ext := strings.ToLower(path.Ext(base))
	if ext == "" || ext == "." || len(ext) == len(base) {
		return "text/plain; charset=utf-8"
	}
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// decorate returns a copy of an HTML page with the error overlay right
// after <body> (while there is an error) and the reload script before the
// last </body>. The script carries what the page was served with, so it
// can tell whether a later event concerns it.
func (s *Server) decorate(page []byte, pageURL string) []byte {
	s.mu.Lock()
	errs, errText := s.errs, s.errText
	s.mu.Unlock()

	script := fmt.Sprintf(`<script src="%s" data-briefing-server="%s" data-briefing-page="%s" data-briefing-error="%s" defer></script>`,
		html.EscapeString(s.base+internalDir+"reload.js"), html.EscapeString(s.id),
		html.EscapeString(pageURL), html.EscapeString(errText))

	end := lastTag(page, "</body")
	if end < 0 {
		end = len(page)
	}
	start := afterBodyOpen(page)
	if start > end {
		start = end
	}
	var b bytes.Buffer
	b.Grow(len(page) + len(script) + 2048)
	b.Write(page[:start])
	if len(errs) > 0 {
		writeOverlay(&b, errs)
	}
	b.Write(page[start:end])
	b.WriteString(script)
	b.Write(page[end:])
	return b.Bytes()
}

// afterBodyOpen finds where the body's content starts: after the <body …>
// tag, or after the doctype when the page has no body tag, so the overlay
// cannot push the page into quirks mode.
func afterBodyOpen(page []byte) int {
	for i := 0; i < len(page); i++ {
		if isTag(page, i, "<body") {
			if end := tagEnd(page, i+len("<body")); end >= 0 {
				return end
			}
			break
		}
	}
	trimmed := bytes.TrimLeft(page, "\ufeff \t\r\n")
	if hasPrefixFold(trimmed, "<!doctype") {
		if end := tagEnd(trimmed, 0); end >= 0 {
			return len(page) - len(trimmed) + end
		}
	}
	return 0
}

// tagEnd returns the index just past the '>' closing the tag that runs from
// i, skipping quoted attribute values, or -1.
func tagEnd(page []byte, i int) int {
	var quote byte
	for ; i < len(page); i++ {
		switch c := page[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return -1
}

// lastTag returns the index of the last tag named by prefix ("</body"),
// or -1.
func lastTag(page []byte, prefix string) int {
	for i := len(page) - len(prefix); i >= 0; i-- {
		if isTag(page, i, prefix) {
			return i
		}
	}
	return -1
}

// isTag reports whether the tag named by prefix ("<body", "</body") starts
// at page[i], in any case, and not as the start of a longer name (<bodyx>).
// It compares ASCII by hand: bytes.ToLower can change a page's length.
func isTag(page []byte, i int, prefix string) bool {
	if !hasPrefixFold(page[i:], prefix) {
		return false
	}
	j := i + len(prefix)
	return j == len(page) || strings.IndexByte(" \t\n\r\f/>", page[j]) >= 0
}

func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// writeOverlay writes the error panel. Its styles are inline and fixed
// (light text on dark red in either colour scheme) so it reads the same
// whatever the theme; the theme's element rules are overridden property by
// property. Every message is escaped: errors quote the broken input.
func writeOverlay(b *bytes.Buffer, errs []string) {
	const (
		box = "all:initial;display:block;position:fixed;top:0;left:0;right:0;z-index:2147483647;" +
			"box-sizing:border-box;max-height:60vh;overflow:auto;margin:0;padding:16px 20px;" +
			"background:#3b0d0c;color:#ffffff;border-bottom:4px solid #ff8a80;" +
			"box-shadow:0 4px 24px rgba(0,0,0,.5);font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;text-align:left"
		head   = "display:block;margin:0 96px 8px 0;padding:0;font:700 17px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#ffffff"
		list   = "display:block;margin:0;padding:0;list-style:none"
		item   = "display:block;margin:4px 0;padding:0;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace;color:#ffe4e1;white-space:pre-wrap;overflow-wrap:anywhere"
		note   = "display:block;margin:8px 0 0;padding:0;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#ffd2cc"
		button = "all:initial;position:absolute;top:12px;right:16px;padding:4px 12px;border:2px solid #ffffff;border-radius:4px;" +
			"background:#ffffff;color:#3b0d0c;font:600 14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;cursor:pointer"
	)
	fmt.Fprintf(b, `<div id="briefing-error" role="alert" style="%s">`, box)
	fmt.Fprintf(b, `<button type="button" data-briefing-dismiss style="%s">Dismiss</button>`, button)
	fmt.Fprintf(b, `<p style="%s">The site has an error — showing the last good build</p>`, head)
	fmt.Fprintf(b, `<ul style="%s">`, list)
	for _, e := range errs {
		fmt.Fprintf(b, `<li style="%s">%s</li>`, item, html.EscapeString(e))
	}
	fmt.Fprintf(b, `</ul><p style="%s">Fix it and save: this page reloads by itself.</p></div>`, note)
}

// errorLines lists an error's parts, one per problem: the entries of a
// generator.ErrorList or an errors.Join, each in its "file:line:col: message"
// form.
func errorLines(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case generator.ErrorList:
			for _, item := range e {
				if item != nil {
					out = append(out, normalizeText(item.Error()))
				}
			}
		case *generator.ErrorList:
			if e != nil {
				walk(*e)
			}
		case *generator.Error: // its position is the point, whatever it wraps
			out = append(out, normalizeText(e.Error()))
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		default:
			if list := wrappedList(err); list != nil {
				walk(list)
				return
			}
			out = append(out, normalizeText(err.Error()))
		}
	}
	walk(err)
	return out
}

// wrappedList finds the list or join inside a plain wrapper such as
// fmt.Errorf("build: %w", list): its items carry the positions, the prefix
// does not. A *generator.Error in the chain stops the search, since its own
// text is the point.
func wrappedList(err error) error {
	for inner := errors.Unwrap(err); inner != nil; inner = errors.Unwrap(inner) {
		switch inner.(type) {
		case *generator.Error:
			return nil
		case generator.ErrorList, *generator.ErrorList, interface{ Unwrap() []error }:
			return inner
		}
	}
	return nil
}

// normalizeText makes an error message survive the trip through an HTML
// attribute unchanged (the parser turns CR into LF and NUL and invalid
// UTF-8 into U+FFFD), so reload.js can compare the page's copy with the
// event's.
func normalizeText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
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
func (s *Server) subscribe(c *client) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, false
	}
	s.clients[c] = struct{}{}
	hello := struct {
		ID    string `json:"id"`
		Error string `json:"error"`
	}{s.id, s.errText}
	// retry: a restarted server is back within a second; the browser's
	// default wait is longer.
	return append([]byte("retry: 1000\n"), frame("hello", hello)...), true
}

func (s *Server) unsubscribe(c *client) {
	s.mu.Lock()
	delete(s.clients, c)
	s.mu.Unlock()
}

// events streams server-sent events: a hello with the server's id and
// current error, then one message per Publish (merged while the browser is
// slow), and a comment now and then to keep the connection open.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	c := newClient()
	hello, ok := s.subscribe(c)
	if !ok {
		s.write(w, r, http.StatusServiceUnavailable, "text/plain; charset=utf-8", []byte("briefing serve is shutting down\n"))
		return
	}
	defer s.unsubscribe(c)

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
	ping := time.NewTicker(s.ping)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
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
