package serve

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator"
)

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
	script := `<script src="/b/__briefing/reload.js" data-briefing-server="` + s.hub.id +
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
