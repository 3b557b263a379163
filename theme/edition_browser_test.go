package theme_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/generator/build"
	"github.com/briefing-digest/briefing/internal/browsertest"
)

// edition is the test site's issue file for week 45, the week of its
// newest article, held back with published: false.
const edition = `---
title: "Neighbours meet in Delhi"
lead: iran-russia-security
featured: [tokayev-mirziyoyev-samarkand]
published: false
---
The region's security chiefs spent the week in **Delhi** and Samarkand.
`

// TestEditionInBrowser builds the test site with an edition file and
// checks in Chromium what a reader sees: the number, the editor's
// note, the lead and featured stories and the week in brief; a built
// site's home page shows the last published week; a held-back edition
// is not on the built site at all, and only a preview shows it, under a
// banner that says so.
func TestEditionInBrowser(t *testing.T) {
	write := func(edition string) string {
		src := t.TempDir()
		files := map[string]string{"content/issues/2021-w45.md": edition}
		for name, text := range siteFiles {
			files[name] = text
		}
		for name, text := range files {
			p := filepath.Join(src, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return src
	}
	src := write(edition)
	built := serveBuilt(t, src, false)
	preview := serveBuilt(t, src, true)
	// The same edition, published.
	published := serveBuilt(t, write(strings.Replace(edition, "published: false", "published: true", 1)), false)
	browser := browsertest.New(t)

	t.Run("the issue page shows the edition", func(t *testing.T) {
		t.Parallel()
		tab := browsertest.Tab(t, browser)
		open(t, tab, published.url("issues/2021-w45/"))
		for sel, want := range map[string]string{
			".kicker .issue-number":    "No. 2",
			"h1":                       "Neighbours meet in Delhi",
			".editors-note":            "The region's security chiefs spent the week in Delhi and Samarkand.",
			".lead-story .entry-title": "Iran, Russia stress cooperation to achieve regional security",
			".featured .entry-title":   "Kazakhstan's Kassym-Jomart Tokayev",
			".in-brief li":             "Cyber attacks on regional ports rose sharply this year",
		} {
			// The kicker is in capitals, as the stylesheet sets it.
			if got := visibleText(t, tab, sel); !strings.Contains(strings.ToLower(got), strings.ToLower(want)) {
				t.Errorf("%s shows %q, want %q", sel, got, want)
			}
		}
		if got := visibleText(t, tab, ".editors-note strong"); got != "Delhi" {
			t.Errorf("the note's bold word is %q: its Markdown was not rendered", got)
		}
		if got := visibleText(t, tab, ".preview-banner"); got != "" {
			t.Errorf("a built page shows the preview banner %q", got)
		}
	})
	t.Run("a held-back edition is not on the built site", func(t *testing.T) {
		t.Parallel()
		tab := browsertest.Tab(t, browser)
		open(t, tab, built.url("issues/2021-w45/"))
		if got := visibleText(t, tab, "h1"); got != "Week 45 · 8–14 November 2021" {
			t.Errorf("the unpublished issue's page is headed %q, want the week, not the edition's title", got)
		}
		if got := visibleText(t, tab, ".editors-note"); got != "" {
			t.Errorf("the unpublished issue's page shows the note %q", got)
		}
	})
	t.Run("a built home page shows the last published issue", func(t *testing.T) {
		t.Parallel()
		tab := browsertest.Tab(t, browser)
		open(t, tab, built.url(""))
		if got := visibleText(t, tab, "h1"); got != "Week 44 · 1–7 November 2021" {
			t.Errorf("home is headed %q, want week 44: week 45 is held back", got)
		}
		if got := visibleText(t, tab, ".kicker .issue-number"); !strings.EqualFold(got, "No. 1") {
			t.Errorf("home's issue number is %q, want No. 1", got)
		}
		if got := visibleText(t, tab, ".preview-banner"); got != "" {
			t.Errorf("a built home page shows the preview banner %q", got)
		}
	})
	for _, page := range []string{"", "issues/2021-w45/"} {
		t.Run("a preview marks the unpublished issue at /"+page, func(t *testing.T) {
			t.Parallel()
			tab := browsertest.Tab(t, browser)
			open(t, tab, preview.url(page))
			if got := visibleText(t, tab, ".preview-banner"); got != "Preview: this issue is not published" {
				t.Errorf("the banner reads %q", got)
			}
			if got := visibleText(t, tab, "h1"); got != "Neighbours meet in Delhi" {
				t.Errorf("the page is headed %q, want the edition's title", got)
			}
			if got := visibleText(t, tab, ".editors-note"); !strings.Contains(got, "security chiefs") {
				t.Errorf("the note shows %q", got)
			}
		})
	}
}

// visibleText is the rendered text of the first element matching sel,
// or "" when there is none or it takes no room on the page.
func visibleText(t *testing.T, tab context.Context, sel string) string {
	t.Helper()
	return eval[string](t, tab, fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		if (!el) return "";
		const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
		if (r.width === 0 || r.height === 0 || cs.visibility === "hidden") return "";
		return el.innerText.trim();
	})()`, sel))
}

// serveBuilt builds src under basePath, as a preview when asked (what
// serve renders), and serves it on 127.0.0.1.
func serveBuilt(t *testing.T, src string, preview bool) testSite {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String() + basePath
	out := t.TempDir()
	if _, err := build.Build(t.Context(), build.Options{Source: src, Destination: out, BaseURL: base, Preview: preview}); err != nil {
		t.Fatalf("building %s: %v", src, err)
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
