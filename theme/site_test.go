package theme_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefing-digest/briefing/generator/build"
)

// basePath is where the test site lives on its server, as a GitHub
// project site lives under /repo/: links that forget it break here.
const basePath = "/repo/"

// testSite is a built site served over HTTP.
type testSite struct {
	base string // "http://127.0.0.1:PORT/repo/"
}

// url is the address of a page given by its path under the base.
func (s testSite) url(path string) string { return s.base + path }

// A page of each kind the theme has a template for.
type page struct{ name, path string }

var pages = []page{
	{"home", ""},
	{"article", "articles/iran-russia-security/"},
	{"long article", "articles/tokayev-mirziyoyev-samarkand/"},
	{"issue", "issues/2021-w45/"},
	{"issues", "issues/"},
	{"term", "people/nikolay-patrushev/"},
	{"term, page 2", "countries/afghanistan/page/2/"},
	{"taxonomy", "countries/"},
	{"search", "search/"},
	{"not found", "404.html"},
}

// serveSite builds the test articles with the real build pipeline, into
// a temporary folder, and serves the result on 127.0.0.1 under basePath.
func serveSite(t *testing.T) testSite {
	t.Helper()
	// The base URL names the port, so listen before building.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String() + basePath

	src, out := t.TempDir(), t.TempDir()
	for name, text := range siteFiles {
		path := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := build.Build(t.Context(), build.Options{Source: src, Destination: out, BaseURL: base}); err != nil {
		t.Fatalf("building the test site: %v", err)
	}
	for _, p := range pages {
		file := filepath.Join(out, filepath.FromSlash(p.path))
		if p.path == "" || file[len(file)-1] == filepath.Separator || filepath.Ext(file) == "" {
			file = filepath.Join(file, "index.html")
		}
		if _, err := os.Stat(file); err != nil {
			t.Fatalf("the build made no %s page: %v", p.name, err)
		}
	}

	mux := http.NewServeMux()
	mux.Handle(basePath, http.StripPrefix(basePath[:len(basePath)-1], http.FileServer(http.Dir(out))))
	srv := httptest.NewUnstartedServer(mux)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return testSite{base: base}
}

// siteFiles is the test site: a few articles over two weeks with the
// things that stretch a layout (a long headline, long names, a table, an
// unbroken word, a long URL, an image) and an article naming no country.
var siteFiles = map[string]string{
	"briefing.yaml": `title: "Regional Security Briefing"
description: "A weekly digest of security news"
language: en
# Two to a page, so Afghanistan's three articles make a second page and
# the pager is checked like everything else.
paginate: 2
`,
	"static/img/map.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#ccc"/></svg>`,
	"content/articles/2021/iran-russia-security.md": `---
title: "Iran, Russia stress cooperation to achieve regional security"
date: 2021-11-10
source: "Tehran Times"
url: "https://www.tehrantimes.com/news/466788/Iran-Russia-stress-cooperation-to-achieve-regional-security"
sections: [Iran, Middle East, World News]
summary: "The two security chiefs met on the sidelines of the Delhi dialogue and called for regional solutions."
people: [Ali Shamkhani, Nikolay Patrushev]
countries: [Iran, Russia, India, Afghanistan]
organizations: [Supreme National Security Council, Security Council of Russia]
places: [New Delhi]
event: "Delhi Regional Security Dialogue on Afghanistan"
topics: [Regional security, Terrorism, Sanctions]
---
Ali Shamkhani met his Russian counterpart in New Delhi, on the sidelines of the dialogue hosted by India.

> The solution is the cooperation and coordination of countries in the region.

## What was agreed

- Regular consultations between the two councils
- Joint work against terrorism

![Map of the region](/img/map.svg)

See https://www.tehrantimes.com/news/466788/Iran-Russia-stress-cooperation-to-achieve-regional-security-and-a-very-long-tail for the original.
`,
	"content/articles/2021/tokayev-mirziyoyev-samarkand.md": `---
title: "Kazakhstan's Kassym-Jomart Tokayev and Uzbekistan's Shavkat Mirziyoyev sign a far-reaching water-sharing, border-demarcation and counter-terrorism cooperation framework in Samarkand"
date: 2021-11-09
source: "Kazinform International News Agency"
url: "https://www.inform.kz/en/a/very/long/path/that/goes/on/and/on/2021-11-09-framework"
summary: "The presidents signed twenty-one documents, among them an agreement on the Syr Darya's waters."
people: [Kassym-Jomart Tokayev, Shavkat Mirziyoyev, Abdulla Nigmatovich Aripov]
countries: [Kazakhstan, Uzbekistan, Afghanistan]
organizations: [International Fund for Saving the Aral Sea, Collective Security Treaty Organization]
event: "Kazakhstan–Uzbekistan Supreme Interstate Council"
topics: [Water security, Border security]
---
The presidents met in Samarkand.

| Agreement | Value | Signed by |
|---|---|---|
| Syr Darya water allocation | — | Ministers of water resources and land reclamation |
| Industrial cooperation zone | $3.1 billion | Ministries of economy and foreign trade |

Observers attended. Averylongunbrokenwordwithoutanyspacesthatwouldbreakthelayoutofasmallphonescreen.
`,
	"content/articles/2021/ports-cyber.md": `---
title: "Cyber attacks on regional ports rose sharply this year, report says"
date: 2021-11-08
source: "Reuters"
summary: "A maritime insurer counted twice as many incidents as last year."
topics: [Cyber security]
---
A report counted twice as many incidents.
`,
	"content/articles/2021/torkham-reopens.md": `---
title: "Pakistan reopens Torkham crossing after nine days"
date: 2021-11-03
source: "Dawn"
summary: "Trade resumed at the main crossing with Afghanistan."
people: [Amir Khan Muttaqi]
countries: [Pakistan, Afghanistan]
topics: [Border security, Trade]
---
The crossing reopened on Tuesday.
`,
}
