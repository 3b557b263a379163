package serve

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
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
