package theme_test

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing-digest/briefing/internal/browsertest"
)

// TestMapAndTimelineInBrowser checks the coverage map and a term's
// timeline as a reader meets them in Chromium: drawn at a usable size,
// each country and week linked to its own page, named for screen readers,
// and in either colour scheme clearly apart from the page behind them.
func TestMapAndTimelineInBrowser(t *testing.T) {
	site := serveSite(t)
	browser := browsertest.New(t)

	// The countries the test site's articles name, and how many name each.
	all := map[string]int{"afghanistan": 3, "india": 1, "iran": 1, "kazakhstan": 1, "pakistan": 1, "russia": 1, "uzbekistan": 1}
	week45 := map[string]int{"afghanistan": 2, "india": 1, "iran": 1, "kazakhstan": 1, "russia": 1, "uzbekistan": 1}
	for _, scheme := range []string{"light", "dark"} {
		t.Run("map in "+scheme+" mode", func(t *testing.T) {
			t.Parallel()
			tab := browsertest.Tab(t, browser)
			if err := chromedp.Do(within(t, tab), browsertest.ColorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			for _, p := range []struct {
				name, path string
				want       map[string]int
			}{{"home", "", all}, {"issue", "issues/2021-w45/", week45}, {"countries index", "countries/", all}} {
				testMap(t, tab, site, p.name, p.path, p.want)
			}
		})
		t.Run("timeline in "+scheme+" mode", func(t *testing.T) {
			t.Parallel()
			tab := browsertest.Tab(t, browser)
			if err := chromedp.Do(within(t, tab), browsertest.ColorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			testTimeline(t, tab, site)
		})
	}
	t.Run("clicking a country opens its page", func(t *testing.T) {
		t.Parallel()
		testMapClick(t, browsertest.Tab(t, browser), site)
	})
}

// drawing is what a script reads of a map or chart.
type drawing struct {
	Found   bool      `json:"found"`
	Width   float64   `json:"width"`
	Height  float64   `json:"height"`
	Label   string    `json:"label"`
	Role    string    `json:"role"`
	Page    string    `json:"page"` // the body's background colour
	Links   []mark    `json:"links"`
	Plain   []mark    `json:"plain"` // shapes that link nowhere
	Listed  []string  `json:"listed"`
	Columns []float64 `json:"columns"`
}

// mark is one linked (or unlinked) shape or bar.
type mark struct {
	Href   string  `json:"href"`
	Title  string  `json:"title"`
	Fill   string  `json:"fill"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Top    float64 `json:"top"`
}

// drawingScript reads the first SVG matching the selector it is given.
const drawingScript = `(sel => {
	const svg = document.querySelector(sel);
	if (!svg) return {found: false};
	const r = svg.getBoundingClientRect();
	const read = e => {
		const b = e.getBoundingClientRect(), a = e.closest("a");
		const t = e.querySelector("title");
		return {href: a ? new URL(a.getAttribute("href"), location.href).href : "", title: t ? t.textContent : "", fill: getComputedStyle(e).fill, width: b.width, height: b.height, top: b.top};
	};
	const list = svg.closest("figure").querySelector("details");
	return {
		found: true, width: r.width, height: r.height,
		label: svg.getAttribute("aria-label") || "", role: svg.getAttribute("role") || "",
		page: getComputedStyle(document.body).backgroundColor,
		links: [...svg.querySelectorAll("a path, a rect")].map(read),
		plain: [...svg.querySelectorAll("path")].filter(e => !e.closest("a")).map(read),
		listed: list ? [...list.querySelectorAll("a")].map(a => a.href) : [],
	};
})`

func readDrawing(t *testing.T, tab context.Context, selector string) drawing {
	t.Helper()
	return eval[drawing](t, tab, fmt.Sprintf("%s(%q)", drawingScript, selector))
}

func testMap(t *testing.T, tab context.Context, site testSite, name, path string, want map[string]int) {
	open(t, tab, site.url(path))
	d := readDrawing(t, tab, "svg.map-svg")
	if !d.Found {
		t.Fatalf("%s has no map", name)
	}
	if d.Width < 300 || d.Height < 130 {
		t.Errorf("%s: the map is drawn %.0f × %.0f px, too small to read", name, d.Width, d.Height)
	}
	if d.Role != "img" || !strings.Contains(d.Label, fmt.Sprintf("%d countries", len(want))) {
		t.Errorf("%s: map role %q, label %q; want an image named for the %d countries it shows", name, d.Role, d.Label, len(want))
	}
	page := browsertest.MustColour(t, d.Page)
	got := map[string]int{}
	for _, l := range d.Links {
		u, err := url.Parse(l.Href)
		if err != nil {
			t.Fatal(err)
		}
		slug := strings.TrimSuffix(strings.TrimPrefix(u.Path, basePath+"countries/"), "/")
		if u.Path != basePath+"countries/"+slug+"/" {
			t.Errorf("%s: a country links to %s, not a country page under %s", name, l.Href, basePath)
			continue
		}
		n := want[slug]
		got[slug] = n
		wantTitle := fmt.Sprintf(": %d article", n)
		if !strings.Contains(l.Title, wantTitle) {
			t.Errorf("%s: %s's shape is titled %q, want its count (%s)", name, slug, l.Title, wantTitle)
		}
		if l.Width < 2 || l.Height < 2 {
			t.Errorf("%s: %s is drawn %.1f × %.1f px", name, slug, l.Width, l.Height)
		}
		if status(t, l.Href) != 200 {
			t.Errorf("%s: %s's link %s is broken", name, slug, l.Href)
		}
		if c := browsertest.Contrast(browsertest.MustColour(t, l.Fill), page); c < 2 {
			t.Errorf("%s: %s is filled %s on a %s page, contrast %.2f:1; want at least 2:1 to see it", name, slug, l.Fill, d.Page, c)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: the map links %v, want every country named: %v", name, keys(got), keys(want))
	}
	if len(d.Plain) < 150 {
		t.Errorf("%s: only %d countries are drawn without coverage; want the rest of the world", name, len(d.Plain))
	}
	for _, p := range d.Plain[:min(5, len(d.Plain))] {
		if c := browsertest.Contrast(browsertest.MustColour(t, p.Fill), page); c < 1.2 {
			t.Errorf("%s: land no article names (%s) is %s on %s, contrast %.2f:1; it vanishes into the page", name, p.Title, p.Fill, d.Page, c)
		}
	}
	// The darkest and palest covered shades differ, so more coverage shows.
	fills := map[string]bool{}
	for _, l := range d.Links {
		fills[l.Fill] = true
	}
	if len(fills) < 2 {
		t.Errorf("%s: every covered country has the same fill %v; want shades by count", name, fills)
	}
	if len(d.Listed) != len(want) {
		t.Errorf("%s: the map's text list links %d countries, want %d", name, len(d.Listed), len(want))
	}
}

func testTimeline(t *testing.T, tab context.Context, site testSite) {
	open(t, tab, site.url("countries/afghanistan/"))
	d := readDrawing(t, tab, "svg.timeline-svg")
	if !d.Found {
		t.Fatal("Afghanistan's page has no timeline")
	}
	if d.Width < 250 || d.Height < 30 {
		t.Errorf("the timeline is drawn %.0f × %.0f px", d.Width, d.Height)
	}
	if d.Role != "img" || !strings.Contains(d.Label, "3 articles in 2 weeks") {
		t.Errorf("timeline role %q, label %q; want an image saying 3 articles in 2 weeks", d.Role, d.Label)
	}
	if len(d.Links) != 2 {
		t.Fatalf("timeline has %d linked bars, want the 2 weeks naming Afghanistan", len(d.Links))
	}
	page := browsertest.MustColour(t, d.Page)
	byWeek := map[string]mark{}
	for _, b := range d.Links {
		u, _ := url.Parse(b.Href)
		byWeek[u.Path] = b
		if status(t, b.Href) != 200 {
			t.Errorf("bar %q links to %s, which is broken", b.Title, b.Href)
		}
		if c := browsertest.Contrast(browsertest.MustColour(t, b.Fill), page); c < 3 {
			t.Errorf("bar %q is %s on %s, contrast %.2f:1, want at least 3:1", b.Title, b.Fill, d.Page, c)
		}
	}
	w45, w44 := byWeek[basePath+"issues/2021-w45/"], byWeek[basePath+"issues/2021-w44/"]
	if w45.Height == 0 || w44.Height == 0 {
		t.Fatalf("bars link to %v, want weeks 44 and 45 of 2021", keys(byWeek))
	}
	// Week 45 has two of Afghanistan's articles, week 44 one.
	if w45.Height < 1.8*w44.Height || w44.Height < 2 {
		t.Errorf("week 45's bar is %.1f px high and week 44's %.1f; want twice as high", w45.Height, w44.Height)
	}
	if !strings.Contains(w45.Title, "2 articles") || !strings.Contains(w44.Title, "1 article") {
		t.Errorf("bar titles %q and %q do not give the counts", w45.Title, w44.Title)
	}
	if len(d.Listed) != 2 {
		t.Errorf("the timeline's text list links %d weeks, want 2", len(d.Listed))
	}
	// The chart is the term's, drawn once on its first page: later pages
	// list older articles and lead back to it.
	open(t, tab, site.url("countries/afghanistan/page/2/"))
	if eval[bool](t, tab, `document.querySelector("svg.timeline-svg") !== null`) {
		t.Error("page 2 repeats the timeline its first page has")
	}
	if !eval[bool](t, tab, `[...document.querySelectorAll("a")].some(a => new URL(a.href).pathname === "`+basePath+`countries/afghanistan/")`) {
		t.Error("page 2 has no link back to the first page, where the timeline is")
	}
}

// testMapClick clicks the middle of Kazakhstan, as a reader would, and
// expects to land on its page.
func testMapClick(t *testing.T, tab context.Context, site testSite) {
	open(t, tab, site.url(""))
	type point struct {
		X, Y float64
		Hit  string
	}
	p := eval[point](t, tab, `(() => {
		const a = [...document.querySelectorAll("svg.map-svg a")].find(a => a.getAttribute("href").endsWith("countries/kazakhstan/"));
		a.scrollIntoView({block: "center"});
		const r = a.querySelector("path").getBoundingClientRect();
		const x = r.left + r.width / 2, y = r.top + r.height / 2;
		const hit = document.elementFromPoint(x, y);
		return {X: x, Y: y, Hit: hit && hit.closest("a") ? hit.closest("a").getAttribute("href") : ""};
	})()`)
	if !strings.HasSuffix(p.Hit, "countries/kazakhstan/") {
		t.Fatalf("the middle of Kazakhstan's outline is %q, not its link", p.Hit)
	}
	if err := chromedp.Do(within(t, tab), chromedp.MouseClickXY(p.X, p.Y)); err != nil {
		t.Fatal(err)
	}
	want := site.url("countries/kazakhstan/")
	// While the new page loads, the old one's script context goes away
	// and a poll fails; ask again until the new page answers.
	var at string
	for range 100 {
		v, err := chromedp.Run(within(t, tab), chromedp.Evaluate[string](`document.readyState === "complete" ? location.href : ""`))
		if err == nil && v == want {
			at = v
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if at != want {
		t.Fatalf("clicking Kazakhstan did not open %s", want)
	}
	if h1 := eval[string](t, tab, `document.querySelector("h1").textContent`); h1 != "Kazakhstan" {
		t.Errorf("Kazakhstan's link opened a page headed %q", h1)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
