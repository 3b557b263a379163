package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// streamWait bounds every wait on the server; nothing here sleeps.
const streamWait = 5 * time.Second

// mapSource is a site in memory that records every path it is asked for.
type mapSource struct {
	mu    sync.Mutex
	files map[string]string
	asked []string
}

func (m *mapSource) File(p string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.asked = append(m.asked, p)
	b, ok := m.files[p]
	return []byte(b), ok
}

func (m *mapSource) askedPaths() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.asked)
}

func htmlPage(title string) string {
	return `<!doctype html><html lang="en"><head><title>` + title + `</title></head>` +
		`<body class="kind-page"><h1>` + title + `</h1></body></html>`
}

// testSite has non-HTML files that contain "</body>", so injecting into
// them would show.
func testSite() map[string]string {
	return map[string]string{
		"index.html":            htmlPage("Home"),
		"articles/x/index.html": htmlPage("Article X"),
		"articles/y/index.html": htmlPage("Article Y"),
		"404.html":              `<!doctype html><html><head></head><body class="kind-404"><h1>Page not found</h1></body></html>`,
		"css/briefing.css":      "body { color: red } /* </body> */",
		"feed.json":             `{"title":"</body>"}`,
		"feed.xml":              `<rss><title>&lt;/body&gt;</title></rss></body>`,
		"CNAME":                 "example.org\n",
		".nojekyll":             "",
		"../secret.txt":         "SECRET", // outside the site: must never be served
	}
}

// start serves files under /base/ (unless opts says otherwise) on a real
// listener. tweak runs before the first request.
func startServer(t *testing.T, files map[string]string, opts ServerOptions, tweak ...func(*Server)) (*Server, *httptest.Server, *mapSource) {
	t.Helper()
	if opts.BasePath == "" {
		opts.BasePath = "/base/"
	}
	src := &mapSource{files: files}
	s := NewServer(src, opts)
	for _, f := range tweak {
		f(s)
	}
	ts := httptest.NewServer(s)
	// Cleanups run last-first: end the streams, then the server, which
	// waits for every handler.
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)
	return s, ts, src
}

type serverResponse struct {
	status int
	header http.Header
	body   string
}

// do sends target exactly as written (no client-side cleaning of "..")
// and does not follow redirects.
func request(t *testing.T, ts *httptest.Server, method, target, host string) serverResponse {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.URL.Opaque = target
	if host != "" {
		req.Host = host
	}
	client := &http.Client{
		Timeout:       streamWait,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, target, err)
	}
	return serverResponse{resp.StatusCode, resp.Header, string(body)}
}

func fetch(t *testing.T, ts *httptest.Server, target string) serverResponse {
	t.Helper()
	return request(t, ts, http.MethodGet, target, "")
}

func TestServeFiles(t *testing.T) {
	_, ts, _ := startServer(t, testSite(), ServerOptions{})
	tests := []struct {
		target   string
		status   int
		location string // for redirects
		contains string // for pages
	}{
		{"/base/", 200, "", "<h1>Home</h1>"},
		{"/base/index.html", 200, "", "<h1>Home</h1>"},
		{"/base/articles/x/", 200, "", "<h1>Article X</h1>"},
		{"/base/articles/y/index.html", 200, "", "<h1>Article Y</h1>"},
		{"/base/css/briefing.css", 200, "", "color: red"},
		{"/base/articles/x", 301, "/base/articles/x/", ""},
		{"/base/articles/x?utm=1&b=2", 301, "/base/articles/x/?utm=1&b=2", ""},
		{"/base", 301, "/base/", ""},
		{"/", 302, "/base/", ""},
		{"/?q=1", 302, "/base/?q=1", ""},
		{"/base//articles/x/", 301, "/base/articles/x/", ""},
		{"/base/./articles/x/", 301, "/base/articles/x/", ""},
		// No listing for a folder without index.html, with or without slash.
		{"/base/articles/", 404, "", "Page not found"},
		{"/base/articles", 404, "", "Page not found"},
		{"/base/nope.html", 404, "", "Page not found"},
		{"/other/index.html", 404, "", "Page not found"},
		{"/index.html", 404, "", "Page not found"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			r := fetch(t, ts, tt.target)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d; body:\n%s", r.status, tt.status, r.body)
			}
			if got := r.header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			if !strings.Contains(r.body, tt.contains) {
				t.Errorf("body lacks %q:\n%s", tt.contains, r.body)
			}
			if got := r.header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
		})
	}
}

func TestServeBasePathRoot(t *testing.T) {
	_, ts, _ := startServer(t, testSite(), ServerOptions{BasePath: "/"})
	r := fetch(t, ts, "/")
	if r.status != 200 || !strings.Contains(r.body, "<h1>Home</h1>") {
		t.Fatalf("GET / = %d:\n%s", r.status, r.body)
	}
	if !strings.Contains(r.body, `<script src="/__briefing/reload.js"`) {
		t.Errorf("no reload script at /__briefing/:\n%s", r.body)
	}
	if r := fetch(t, ts, "/articles/x"); r.status != 301 || r.header.Get("Location") != "/articles/x/" {
		t.Errorf("GET /articles/x = %d to %q, want 301 to /articles/x/", r.status, r.header.Get("Location"))
	}
	if r := fetch(t, ts, "/__briefing/reload.js"); r.status != 200 || r.body != string(reloadJS) {
		t.Errorf("GET /__briefing/reload.js = %d", r.status)
	}
}

func TestServeNotFound(t *testing.T) {
	t.Run("site page", func(t *testing.T) {
		_, ts, _ := startServer(t, testSite(), ServerOptions{})
		r := fetch(t, ts, "/base/no/such/page/")
		if r.status != 404 {
			t.Fatalf("status %d, want 404", r.status)
		}
		if got := r.header.Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("Content-Type %q", got)
		}
		if !strings.Contains(r.body, "<h1>Page not found</h1>") {
			t.Errorf("not the site's 404 page:\n%s", r.body)
		}
		if !strings.Contains(r.body, `<script src="/base/__briefing/reload.js"`) ||
			!strings.Contains(r.body, `data-briefing-page="/base/404.html"`) {
			t.Errorf("404 page lacks the reload script naming it:\n%s", r.body)
		}
	})
	t.Run("no 404.html", func(t *testing.T) {
		files := testSite()
		delete(files, "404.html")
		_, ts, _ := startServer(t, files, ServerOptions{})
		r := fetch(t, ts, "/base/missing")
		if r.status != 404 || r.body != "404 page not found\n" {
			t.Errorf("got %d %q, want 404 %q", r.status, r.body, "404 page not found\n")
		}
		if got := r.header.Get("Content-Type"); got != "text/plain; charset=utf-8" {
			t.Errorf("Content-Type %q", got)
		}
	})
}

func TestServeTraversal(t *testing.T) {
	_, ts, src := startServer(t, testSite(), ServerOptions{})
	for _, target := range []string{
		"/base/../secret.txt",
		"/base/%2e%2e/secret.txt",
		"/base/%2E%2E%2Fsecret.txt",
		"/base/articles/..%2f..%2f..%2fsecret.txt",
		"/base/..%5csecret.txt",
		"/base/articles%5c..%5c..%5csecret.txt",
		"/%2e%2e/secret.txt",
		"/base/%2e%2e",
		"/base/articles/x/%2e%2e/%2e%2e/%2e%2e/secret.txt",
		"/base/secret.txt%00.html",
	} {
		t.Run(target, func(t *testing.T) {
			r := fetch(t, ts, target)
			if r.status != 404 && r.status != 400 {
				t.Errorf("status %d, want 404; Location %q", r.status, r.header.Get("Location"))
			}
			if strings.Contains(r.body, "SECRET") {
				t.Errorf("served a file outside the site")
			}
		})
	}
	for _, p := range src.askedPaths() {
		if p != path.Clean(p) || strings.HasPrefix(p, "/") || p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, `\`) {
			t.Errorf("Source asked for %q, outside or not clean", p)
		}
	}
}

func TestServeContentType(t *testing.T) {
	files := map[string]string{}
	tests := []struct{ name, want string }{
		{"index.html", "text/html; charset=utf-8"},
		{"old.htm", "text/html; charset=utf-8"},
		{"css/briefing.css", "text/css; charset=utf-8"},
		{"js/search.js", "text/javascript; charset=utf-8"},
		{"feed.json", "application/json"},
		{"feed.xml", "application/xml"},
		{"sitemap.xml", "application/xml"},
		{"img/icon.svg", "image/svg+xml"},
		{"img/a.png", "image/png"},
		{"img/b.jpg", "image/jpeg"},
		{"img/c.JPEG", "image/jpeg"},
		{"img/d.gif", "image/gif"},
		{"img/e.webp", "image/webp"},
		{"img/f.avif", "image/avif"},
		{"favicon.ico", "image/x-icon"},
		{"fonts/a.woff", "font/woff"},
		{"fonts/a.woff2", "font/woff2"},
		{"robots.txt", "text/plain; charset=utf-8"},
		{"site.webmanifest", "application/manifest+json"},
		{"issue.pdf", "application/pdf"},
		{"CNAME", "text/plain; charset=utf-8"},
		{".nojekyll", "text/plain; charset=utf-8"},
		{"data/blob.zzqx", "application/octet-stream"},
	}
	for _, tt := range tests {
		files[tt.name] = "x </body> y"
	}
	_, ts, _ := startServer(t, files, ServerOptions{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fetch(t, ts, "/base/"+tt.name)
			if r.status != 200 {
				t.Fatalf("status %d", r.status)
			}
			if got := r.header.Get("Content-Type"); got != tt.want {
				t.Errorf("Content-Type %q, want %q", got, tt.want)
			}
			if got := r.header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			if got := r.header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q", got)
			}
			html := strings.HasPrefix(tt.want, "text/html")
			if injected := strings.Contains(r.body, "__briefing/reload.js"); injected != html {
				t.Errorf("reload script injected = %v, want %v:\n%s", injected, html, r.body)
			}
			if !html && r.body != files[tt.name] {
				t.Errorf("body changed: %q", r.body)
			}
		})
	}
}

func TestServeMethods(t *testing.T) {
	_, ts, _ := startServer(t, testSite(), ServerOptions{})
	t.Run("HEAD", func(t *testing.T) {
		g := fetch(t, ts, "/base/articles/x/")
		h := request(t, ts, http.MethodHead, "/base/articles/x/", "")
		if h.status != 200 || h.body != "" {
			t.Errorf("HEAD = %d with body %q, want 200 and none", h.status, h.body)
		}
		if got, want := h.header.Get("Content-Length"), fmt.Sprint(len(g.body)); got != want {
			t.Errorf("HEAD Content-Length %s, GET body is %s bytes", got, want)
		}
		if got := h.header.Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("HEAD Content-Type %q", got)
		}
	})
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodPatch} {
		t.Run(m, func(t *testing.T) {
			r := request(t, ts, m, "/base/", "")
			if r.status != 405 {
				t.Errorf("status %d, want 405", r.status)
			}
			if got := r.header.Get("Allow"); got != "GET, HEAD" {
				t.Errorf("Allow %q, want %q", got, "GET, HEAD")
			}
		})
	}
}

func TestHostCheck(t *testing.T) {
	hosts := []string{"127.0.0.1:1313", "localhost:1313", "[::1]:1313"}
	_, ts, _ := startServer(t, testSite(), ServerOptions{Hosts: hosts})
	tests := []struct {
		host, target string
		ok           bool
	}{
		{"127.0.0.1:1313", "/base/", true},
		{"localhost:1313", "/base/", true},
		{"LocalHost:1313", "/base/", true},
		{"[::1]:1313", "/base/", true},
		{"evil.example:1313", "/base/", false},
		{"127.0.0.1:1314", "/base/", false},
		{"localhost", "/base/", false},
		{"evil.example:1313", "/base/__briefing/events", false},
		{"evil.example:1313", "/base/__briefing/reload.js", false},
		{"evil.example:1313", "/base/missing", false},
		{"evil.example:1313", "/", false},
	}
	for _, tt := range tests {
		t.Run(tt.host+tt.target, func(t *testing.T) {
			r := request(t, ts, http.MethodGet, tt.target, tt.host)
			if tt.ok {
				if r.status != 200 {
					t.Errorf("status %d, want 200", r.status)
				}
				return
			}
			if r.status != 403 {
				t.Fatalf("status %d, want 403", r.status)
			}
			want := "briefing serve answers only to 127.0.0.1:1313, localhost:1313, [::1]:1313; this request was for " +
				tt.host + ". Use one of those addresses, or --bind 0.0.0.0 to serve other hosts on purpose."
			if !strings.Contains(r.body, want) {
				t.Errorf("body %q\nwant it to contain %q", r.body, want)
			}
		})
	}
	t.Run("empty Hosts accepts any", func(t *testing.T) {
		_, ts, _ := startServer(t, testSite(), ServerOptions{})
		if r := request(t, ts, http.MethodGet, "/base/", "evil.example:1313"); r.status != 200 {
			t.Errorf("status %d, want 200", r.status)
		}
	})
}

func TestReloadScriptServed(t *testing.T) {
	_, ts, _ := startServer(t, testSite(), ServerOptions{})
	r := fetch(t, ts, "/base/__briefing/reload.js")
	if r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	if got := r.header.Get("Content-Type"); got != "text/javascript; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}
	if r.body != string(reloadJS) || !strings.Contains(r.body, "new EventSource(") {
		t.Errorf("not the embedded reload.js: %.80q", r.body)
	}
}

func TestReloadScriptInjection(t *testing.T) {
	s := NewServer(&mapSource{}, ServerOptions{BasePath: "/b/"})
	script := `<script src="/b/__briefing/reload.js" data-briefing-server="` + s.id +
		`" data-briefing-page="/b/p/" data-briefing-error="" defer></script>`
	tests := []struct{ name, in, want string }{
		{"before body end", `<html><body><p>x</p></body></html>`,
			`<html><body><p>x</p>` + script + `</body></html>`},
		{"upper case", `<HTML><BODY><p>x</p></BODY></HTML>`,
			`<HTML><BODY><p>x</p>` + script + `</BODY></HTML>`},
		{"before the last of two", `<body><pre>&lt;/body></pre><script>"</body>"</script></body>`,
			`<body><pre>&lt;/body></pre><script>"</body>"</script>` + script + `</body>`},
		{"no body end", `<!doctype html><p>x`, `<!doctype html><p>x` + script},
		{"not </bodyx>", `<body>a</bodyx>b`, `<body>a</bodyx>b` + script},
		{"empty", ``, script},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(s.decorate([]byte(tt.in), "/b/p/")); got != tt.want {
				t.Errorf("decorate(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOverlayPosition(t *testing.T) {
	s := NewServer(&mapSource{}, ServerOptions{})
	s.Publish(Event{Err: errors.New("boom")})
	tests := []struct{ name, in, before string }{
		{"after body tag", `<!doctype html><html><body class="k"><main>`, `<!doctype html><html><body class="k">`},
		{"quoted >", `<html><body data-x="a>b" class='c>d'><main>`, `<html><body data-x="a>b" class='c>d'>`},
		{"not bodyx", `<html><bodyx></bodyx><body><main>`, `<html><bodyx></bodyx><body>`},
		{"after doctype without body", "\n<!DOCTYPE html><p>x", "\n<!DOCTYPE html>"},
		{"start without either", `<p>x`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(s.decorate([]byte(tt.in), "/p/"))
			if !strings.HasPrefix(got, tt.before+`<div id="briefing-error"`) {
				t.Errorf("overlay not right after %q:\n%s", tt.before, got)
			}
		})
	}
}

func TestOverlay(t *testing.T) {
	s, ts, _ := startServer(t, testSite(), ServerOptions{})
	if r := fetch(t, ts, "/base/articles/x/"); strings.Contains(r.body, "briefing-error\"") {
		t.Fatalf("overlay before any error:\n%s", r.body)
	}

	s.Publish(Event{Err: errors.New(`content/x.md:2:5: bad <script>alert(1)</script> & "q"`)})
	for _, target := range []string{"/base/articles/x/", "/base/missing/"} {
		r := fetch(t, ts, target)
		const escaped = `content/x.md:2:5: bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;q&#34;`
		if !strings.Contains(r.body, `<body class="kind-page"><div id="briefing-error" role="alert"`) &&
			!strings.Contains(r.body, `<body class="kind-404"><div id="briefing-error" role="alert"`) {
			t.Errorf("%s: no overlay right after <body>:\n%s", target, r.body)
		}
		if !strings.Contains(r.body, "The site has an error") || !strings.Contains(r.body, `<li style="`) {
			t.Errorf("%s: overlay lacks heading or list:\n%s", target, r.body)
		}
		if n := strings.Count(r.body, escaped); n != 2 { // the list item and the script's attribute
			t.Errorf("%s: escaped message appears %d times, want 2:\n%s", target, n, r.body)
		}
		if strings.Contains(r.body, "<script>alert(1)") {
			t.Errorf("%s: message served raw:\n%s", target, r.body)
		}
		if !strings.Contains(r.body, "<h1>") {
			t.Errorf("%s: the last good page is gone:\n%s", target, r.body)
		}
	}

	s.Publish(Event{Err: nil})
	r := fetch(t, ts, "/base/articles/x/")
	if strings.Contains(r.body, `id="briefing-error"`) || strings.Contains(r.body, "alert(1)") {
		t.Errorf("overlay still there after the error cleared:\n%s", r.body)
	}
	if !strings.Contains(r.body, `data-briefing-error=""`) {
		t.Errorf("script does not record the cleared error:\n%s", r.body)
	}
}

func TestOverlayErrorList(t *testing.T) {
	s, ts, _ := startServer(t, testSite(), ServerOptions{})
	var list generator.ErrorList
	list.Add(generator.Errorf("content/articles/a.md", 3, 7, "date %q is not YYYY-MM-DD", "03/07"))
	list.Add(generator.Errorf("templates/article.html", 12, 2, "function %q not defined", "nope"))
	s.Publish(Event{Err: fmt.Errorf("build: %w", errors.Join(list.Err()))})
	r := fetch(t, ts, "/base/")
	for _, want := range []string{
		`>content/articles/a.md:3:7: date &#34;03/07&#34; is not YYYY-MM-DD</li>`,
		`>templates/article.html:12:2: function &#34;nope&#34; not defined</li>`,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("overlay lacks %q:\n%s", want, r.body)
		}
	}
}

func TestServerErrorLines(t *testing.T) {
	a := &generator.Error{File: "a.md", Line: 1, Col: 2, Msg: "x"}
	b := &generator.Error{File: "b.md", Line: 3, Msg: "y"}
	list := generator.ErrorList{a, b}
	tests := []struct {
		name string
		err  error
		want []string
	}{
		{"nil", nil, nil},
		{"plain", errors.New("disk full"), []string{"disk full"}},
		{"one Error", a, []string{"a.md:1:2: x"}},
		{"ErrorList", list, []string{"a.md:1:2: x", "b.md:3: y"}},
		{"*ErrorList", &list, []string{"a.md:1:2: x", "b.md:3: y"}},
		{"joined", errors.Join(list, errors.New("z")), []string{"a.md:1:2: x", "b.md:3: y", "z"}},
		{"wrapped list", fmt.Errorf("build: %w", list), []string{"a.md:1:2: x", "b.md:3: y"}},
		{"Error wrapping a join", &generator.Error{File: "c.md", Line: 5, Msg: "z", Err: errors.Join(a, b)}, []string{"c.md:5: z"}},
		{"wrapped Error", fmt.Errorf("build: %w", a), []string{"build: a.md:1:2: x"}},
		{"CR and NUL", errors.New("a\r\nb\rc\x00d\xff"), []string{"a\nb\nc\uFFFDd\uFFFD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errorLines(tt.err); !slices.Equal(got, tt.want) {
				t.Errorf("errorLines = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestServerURLFor(t *testing.T) {
	tests := []struct{ base, name, want string }{
		{"/briefing/", "index.html", "/briefing/"},
		{"/briefing/", "articles/x/index.html", "/briefing/articles/x/"},
		{"/briefing/", "css/briefing.css", "/briefing/css/briefing.css"},
		{"/briefing/", "404.html", "/briefing/404.html"},
		{"/briefing/", "notindex.html", "/briefing/notindex.html"},
		{"/", "index.html", "/"},
		{"/", "articles/café/index.html", "/articles/caf%C3%A9/"},
		{"briefing", "feed.xml", "/briefing/feed.xml"},
		{"", "feed.xml", "/feed.xml"},
		{"/a/b", "x/index.html", "/a/b/x/"},
	}
	for _, tt := range tests {
		t.Run(tt.base+" "+tt.name, func(t *testing.T) {
			s := NewServer(&mapSource{}, ServerOptions{BasePath: tt.base})
			if got := s.urlFor(tt.name); got != tt.want {
				t.Errorf("urlFor(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

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
	if h.ID == "" || h.ID != s.id || h.Error != "" {
		t.Errorf("hello %+v, want id %q and no error", h, s.id)
	}
	if other := NewServer(&mapSource{}, ServerOptions{}); other.id == s.id {
		t.Errorf("two servers share id %q", s.id)
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
	wantHello := []string{"retry: 1000\n", "event: hello\n", `data: {"id":"` + s.id + `","error":""}` + "\n", "\n"}
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
	_, ts, _ := startServer(t, testSite(), ServerOptions{}, func(s *Server) { s.ping = time.Millisecond })
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
