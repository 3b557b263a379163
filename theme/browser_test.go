package theme_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/briefing-digest/briefing/internal/browsertest"
)

// TestInBrowser builds a small site, serves it under a sub-path and checks,
// in headless Chromium, what a reader would notice: search works from the
// keyboard, phones never scroll sideways, headings and landmarks make
// sense, dark mode is dark, text is legible, and nothing fails to load.
func TestInBrowser(t *testing.T) {
	site := serveSite(t)
	browser := browsertest.New(t)

	t.Run("search finds an article by a person's name", func(t *testing.T) {
		t.Parallel()
		testSearch(t, browsertest.Tab(t, browser), site)
	})
	t.Run("no page scrolls sideways on a phone", func(t *testing.T) {
		t.Parallel()
		testNoSidewaysScroll(t, browsertest.Tab(t, browser), site)
	})
	t.Run("headings and landmarks", func(t *testing.T) {
		t.Parallel()
		testStructure(t, browsertest.Tab(t, browser), site)
	})
	t.Run("dark mode is dark", func(t *testing.T) {
		t.Parallel()
		testDarkMode(t, browsertest.Tab(t, browser), site)
	})
	for _, scheme := range []string{"light", "dark"} {
		t.Run("text contrast in "+scheme+" mode", func(t *testing.T) {
			t.Parallel()
			testContrast(t, browsertest.Tab(t, browser), site, scheme)
		})
	}
	t.Run("every asset loads under the base path", func(t *testing.T) {
		t.Parallel()
		testAssets(t, browsertest.Tab(t, browser), site)
	})
	t.Run("keyboard focus is visible", func(t *testing.T) {
		t.Parallel()
		testFocus(t, browsertest.Tab(t, browser), site)
	})
	t.Run("print leaves out navigation", func(t *testing.T) {
		t.Parallel()
		testPrint(t, browsertest.Tab(t, browser), site)
	})
}

// within bounds a browser step, so a page that never becomes ready fails
// the test with a message instead of hanging it. It is not a speed check.
func within(t *testing.T, ctx context.Context) context.Context {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func open(t *testing.T, tab context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(within(t, tab), chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	// Navigate can return before a page served with an error status (the
	// 404 page) is the document, so wait until it is, and fully loaded.
	ready := fmt.Sprintf(`location.href === %q && document.readyState === "complete"`, url)
	if _, err := chromedp.Run(within(t, tab), chromedp.Poll[bool](ready)); err != nil {
		t.Fatalf("waiting for %s to load: %v", url, err)
	}
}

// eval runs a script in the page and decodes its result into T.
func eval[T any](t *testing.T, tab context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(within(t, tab), chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("evaluating script: %v", err)
	}
	return v
}

func testSearch(t *testing.T, tab context.Context, site testSite) {
	const title = "Iran, Russia stress cooperation to achieve regional security"
	open(t, tab, site.url("search/"))
	ctx := within(t, tab)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("q"), "patrushev"),
		chromedp.WaitVisible(chromedp.CSS(".search-results a")),
	); err != nil {
		t.Fatalf("typing a name into the search box: %v", err)
	}
	type result struct {
		Text string `json:"text"`
		Path string `json:"path"`
	}
	results := eval[[]result](t, tab, `[...document.querySelectorAll(".search-results a")].map(a => ({text: a.textContent, path: a.pathname}))`)
	want := result{Text: title, Path: basePath + "articles/iran-russia-security/"}
	if len(results) != 1 || results[0] != want {
		t.Fatalf("searching for a person named in one article shows %+v, want only %+v", results, want)
	}
	status := eval[string](t, tab, `document.querySelector("[role=status]").textContent`)
	if !strings.Contains(status, "1 article") {
		t.Errorf("the status a screen reader announces is %q, want it to say 1 article matches", status)
	}

	// A keyboard user tabs from the box to the result and follows it.
	for range 5 {
		if eval[bool](t, tab, `document.activeElement.matches(".search-results a")`) {
			break
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
	}
	if !eval[bool](t, tab, `document.activeElement.matches(".search-results a")`) {
		t.Fatalf("Tab from the search box never reaches the result; focus is on %s",
			eval[string](t, tab, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(cdppage.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
		t.Fatalf("pressing Enter on the result: %v", err)
	}
	if h1 := eval[string](t, tab, `document.querySelector("h1").textContent`); h1 != title {
		t.Errorf("following the result opens a page headed %q, want %q", h1, title)
	}
	if path := eval[string](t, tab, `location.pathname`); path != want.Path {
		t.Errorf("following the result opens %s, want %s", path, want.Path)
	}
}

func testNoSidewaysScroll(t *testing.T, tab context.Context, site testSite) {
	type overflow struct {
		Scroll int      `json:"scroll"`
		Client int      `json:"client"`
		Wide   []string `json:"wide"`
	}
	for _, width := range []int64{320, 375} {
		if err := chromedp.Do(within(t, tab), chromedp.EmulateViewport(width, 800, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			open(t, tab, site.url(p.path))
			o := eval[overflow](t, tab, overflowScript)
			if o.Scroll > o.Client {
				t.Errorf("%s at %d px is %d px wide, so it scrolls sideways; too wide: %s",
					p.name, width, o.Scroll, strings.Join(o.Wide, "; "))
			}
		}
	}
}

// overflowScript measures the page and names the innermost elements that
// stick out on the right, which is what someone fixing it needs to know.
const overflowScript = `(() => {
	const client = document.documentElement.clientWidth;
	const wide = [...document.querySelectorAll("body *")]
		.filter(e => e.getBoundingClientRect().right > client + 1)
		.filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > client + 1))
		.slice(0, 5)
		.map(e => e.tagName.toLowerCase() + (e.className ? "." + [...e.classList].join(".") : "") + " «" + e.textContent.trim().slice(0, 30) + "»");
	return {scroll: document.documentElement.scrollWidth, client, wide};
})()`

func testStructure(t *testing.T, tab context.Context, site testSite) {
	type structure struct {
		Lang      string   `json:"lang"`
		Headings  []int    `json:"headings"`
		H1        int      `json:"h1"`
		Landmarks []string `json:"landmarks"`
		SkipLink  bool     `json:"skipLink"`
		Current   []string `json:"current"`
		Path      string   `json:"path"`
	}
	// The pages the navigation links to must say so to screen readers.
	navTargets := map[string]bool{"home": true, "issues": true, "taxonomy": true, "search": true}
	for _, p := range pages {
		open(t, tab, site.url(p.path))
		s := eval[structure](t, tab, structureScript)
		if s.Lang == "" {
			t.Errorf("%s: <html> has no lang, so screen readers guess the language", p.name)
		}
		if s.H1 != 1 {
			t.Errorf("%s has %d h1 headings, want exactly one", p.name, s.H1)
		}
		if len(s.Headings) > 0 && s.Headings[0] != 1 {
			t.Errorf("%s starts with an h%d, want the h1 first", p.name, s.Headings[0])
		}
		for i := 1; i < len(s.Headings); i++ {
			if s.Headings[i] > s.Headings[i-1]+1 {
				t.Errorf("%s skips a heading level: h%d follows h%d (all: %v)", p.name, s.Headings[i], s.Headings[i-1], s.Headings)
				break
			}
		}
		for _, want := range []string{"banner", "navigation", "main", "contentinfo"} {
			if !contains(s.Landmarks, want) {
				t.Errorf("%s has no %s landmark (has %v)", p.name, want, s.Landmarks)
			}
		}
		if !s.SkipLink {
			t.Errorf("%s: the first link is not a skip link to the main content", p.name)
		}
		for _, c := range s.Current {
			if c != s.Path {
				t.Errorf("%s: navigation marks %s as the current page, but this is %s", p.name, c, s.Path)
			}
		}
		if navTargets[p.name] && len(s.Current) != 1 {
			t.Errorf("%s: navigation marks %d links as the current page, want 1", p.name, len(s.Current))
		}
	}
}

// structureScript reads headings in document order and the landmarks as
// assistive technology sees them: a header or footer only counts as the
// page's banner or contentinfo outside article, aside, main, nav and section.
const structureScript = `(() => {
	const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
		.filter(h => h.getClientRects().length > 0)
		.map(h => +h.tagName[1]);
	const sectioning = "article, aside, main, nav, section";
	const landmarks = [];
	for (const e of document.querySelectorAll("header, footer, main, nav, [role]")) {
		const role = e.getAttribute("role") ||
			(e.matches("header") ? (e.parentElement.closest(sectioning) ? "" : "banner") :
			 e.matches("footer") ? (e.parentElement.closest(sectioning) ? "" : "contentinfo") :
			 e.matches("main") ? "main" : "navigation");
		if (role) landmarks.push(role);
	}
	const first = document.querySelector("a[href]");
	const target = first && first.hash && document.getElementById(first.hash.slice(1));
	return {
		lang: document.documentElement.lang,
		headings,
		h1: headings.filter(l => l === 1).length,
		landmarks,
		skipLink: !!(target && target.matches("main")),
		current: [...document.querySelectorAll("header a[aria-current=page]")].map(a => a.pathname),
		path: location.pathname,
	};
})()`

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func testDarkMode(t *testing.T, tab context.Context, site testSite) {
	type colours struct {
		Background string `json:"background"`
		Text       string `json:"text"`
	}
	for _, scheme := range []string{"light", "dark"} {
		if err := chromedp.Do(within(t, tab), browsertest.ColorScheme(scheme)); err != nil {
			t.Fatal(err)
		}
		for _, p := range []page{pages[0], pages[1]} {
			open(t, tab, site.url(p.path))
			c := eval[colours](t, tab, `({background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color})`)
			bg, text := browsertest.MustColour(t, c.Background), browsertest.MustColour(t, c.Text)
			dark := bg.Luminance() < 0.05 && text.Luminance() > 0.5
			light := bg.Luminance() > 0.8 && text.Luminance() < 0.05
			if scheme == "dark" && !dark {
				t.Errorf("%s in dark mode: background %s, text %s; want a dark background and light text", p.name, c.Background, c.Text)
			}
			if scheme == "light" && !light {
				t.Errorf("%s in light mode: background %s, text %s; want a light background and dark text", p.name, c.Background, c.Text)
			}
		}
	}
}

func testContrast(t *testing.T, tab context.Context, site testSite, scheme string) {
	type pair struct {
		FG   string `json:"fg"`
		BG   string `json:"bg"`
		What string `json:"what"`
		Text string `json:"text"`
	}
	checked := 0
	if err := chromedp.Do(within(t, tab), browsertest.ColorScheme(scheme)); err != nil {
		t.Fatal(err)
	}
	for _, p := range append(pages, page{"search results", "search/?q=security"}) {
		open(t, tab, site.url(p.path))
		if strings.Contains(p.path, "?q=") {
			if err := chromedp.Do(within(t, tab), chromedp.WaitVisible(chromedp.CSS(".search-results a"))); err != nil {
				t.Fatalf("search results never appeared: %v", err)
			}
		}
		for _, c := range eval[[]pair](t, tab, contrastScript) {
			checked++
			ratio := browsertest.Contrast(browsertest.MustColour(t, c.FG), browsertest.MustColour(t, c.BG))
			if ratio < 4.5 {
				t.Errorf("%s: %s %q is %s on %s, contrast %.2f:1, want at least 4.5:1",
					p.name, c.What, c.Text, c.FG, c.BG, ratio)
			}
		}
	}
	if checked == 0 {
		t.Fatal("found no text to measure")
	}
}

// contrastScript lists each distinct pair of text colour and the
// background it sits on, for every visible element holding text (links
// included). The background is the nearest one an ancestor paints.
const contrastScript = `(() => {
	const transparent = c => c === "transparent" || /^rgba\(.*,\s*0\)$/.test(c);
	const background = e => {
		for (; e; e = e.parentElement) {
			const c = getComputedStyle(e).backgroundColor;
			if (!transparent(c)) return c;
		}
		return "rgb(255, 255, 255)";
	};
	const seen = new Set(), out = [];
	for (const e of document.querySelectorAll("body *")) {
		if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
		const r = e.getBoundingClientRect();
		if (r.width <= 1 || r.height <= 1 || r.bottom <= 0) continue;
		const s = getComputedStyle(e);
		if (s.visibility !== "visible" || +s.opacity === 0) continue;
		const pair = {fg: s.color, bg: background(e)};
		const key = pair.fg + "|" + pair.bg + "|" + e.tagName + e.className;
		if (seen.has(key)) continue;
		seen.add(key);
		pair.what = e.tagName.toLowerCase() + (e.className ? "." + [...e.classList].join(".") : "");
		pair.text = e.textContent.trim().slice(0, 30);
		out.push(pair);
	}
	return out;
})()`

func testAssets(t *testing.T, tab context.Context, site testSite) {
	rec := browsertest.Record(t, tab)
	// What each page must use, besides the two stylesheets every page has.
	required := map[string][]string{
		"article": {"img/map.svg"},
		"search":  {"js/search.js", "search/meta.json"},
	}
	for _, p := range pages {
		rec.Reset()
		open(t, tab, site.url(p.path))
		if p.name == "search" {
			// The index is fetched as the page opens, its words on the first query.
			if err := chromedp.Do(within(t, tab), chromedp.SendKeys(chromedp.ID("q"), "iran")); err != nil {
				t.Fatal(err)
			}
		}
		refs := eval[references](t, tab, referencesScript)
		for _, w := range append([]string{"css/briefing.css", "css/print.css"}, required[p.name]...) {
			if !contains(refs.Loads, site.url(w)) {
				t.Errorf("%s does not use %s; it refers to %v", p.name, site.url(w), refs.Loads)
			}
		}
		for _, u := range append(refs.Loads, refs.Icons...) {
			if !strings.HasPrefix(u, site.base) {
				t.Errorf("%s refers to %s, outside the site's base %s", p.name, u, site.base)
			}
		}
		for _, u := range refs.Icons {
			// Headless Chromium may never ask for the icon, so ask for it here.
			if code := status(t, u); code != 200 {
				t.Errorf("%s: icon %s answered %d", p.name, u, code)
			}
		}
		loaded := func(rs []browsertest.Response) bool {
			for _, u := range refs.Loads {
				if !requested(rs, u) {
					return false
				}
			}
			return true
		}
		if err := rec.Wait(within(t, tab), loaded); err != nil {
			t.Errorf("%s: waiting for %v to load: %v; got %s", p.name, refs.Loads, err, describe(rec.Responses()))
			continue
		}
		for _, r := range rec.Responses() {
			if !strings.HasPrefix(r.URL, site.base) {
				t.Errorf("%s requests %s, outside the site's base %s", p.name, r.URL, site.base)
			} else if r.Done() && r.Status != 200 {
				t.Errorf("%s: %s %s answered %d %s", p.name, r.Type, r.URL, r.Status, r.Failed)
			}
		}
	}
}

// references are the absolute URLs a page refers to: Loads are fetched
// by every browser (stylesheets, scripts, images, the search index),
// Icons only by some.
type references struct {
	Loads []string `json:"loads"`
	Icons []string `json:"icons"`
}

const referencesScript = `(() => {
	const loads = [...document.querySelectorAll("link[rel~=stylesheet][href], script[src], img[src]")]
		.map(e => e.href || e.src);
	for (const f of document.querySelectorAll("form[data-index]")) loads.push(new URL(f.dataset.index + "meta.json", location.href).href);
	const icons = [...document.querySelectorAll("link[rel~=icon][href]")].map(e => e.href);
	return {loads, icons};
})()`

func status(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// requested says whether the page asked for url and got an answer. A
// duplicate request Chromium drops (it does so for icons) never ends, so
// one finished request is enough.
func requested(rs []browsertest.Response, url string) bool {
	for _, r := range rs {
		if r.URL == url && r.Done() {
			return true
		}
	}
	return false
}

func describe(rs []browsertest.Response) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "\n\t%s %s %d %s", r.Type, r.URL, r.Status, r.Failed)
	}
	return b.String()
}

func testPrint(t *testing.T, tab context.Context, site testSite) {
	if err := chromedp.Do(within(t, tab), browsertest.Media("print")); err != nil {
		t.Fatal(err)
	}
	type printed struct {
		Hidden  []string `json:"hidden"`
		Visible []string `json:"visible"`
	}
	for _, p := range []page{pages[1], pages[3]} {
		open(t, tab, site.url(p.path))
		got := eval[printed](t, tab, `(() => {
			const shown = s => [...document.querySelectorAll(s)].some(e => e.getClientRects().length > 0);
			return {
				hidden: ["body > header nav", ".skip-link", ".pager", "footer.site-footer ul"].filter(shown),
				visible: ["h1", "main"].filter(s => !shown(s)),
			};
		})()`)
		for _, s := range got.Hidden {
			t.Errorf("%s prints %s; want navigation left off paper", p.name, s)
		}
		for _, s := range got.Visible {
			t.Errorf("%s does not print its %s", p.name, s)
		}
	}
}

func testFocus(t *testing.T, tab context.Context, site testSite) {
	type focused struct {
		What    string  `json:"what"`
		Outline float64 `json:"outline"`
		Top     float64 `json:"top"`
		Bottom  float64 `json:"bottom"`
	}
	open(t, tab, site.url(pages[1].path))
	// The skip link, the masthead and the first links of the article.
	for i := range 12 {
		if err := chromedp.Do(within(t, tab), chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		f := eval[focused](t, tab, `(() => {
			const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
			return {
				what: e.tagName.toLowerCase() + " «" + e.textContent.trim().slice(0, 30) + "»",
				outline: s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth),
				top: r.top, bottom: r.bottom,
			};
		})()`)
		if f.Outline < 2 {
			t.Errorf("Tab %d focuses %s with a %.0f px outline; want a visible one of at least 2 px", i+1, f.What, f.Outline)
		}
		if f.Bottom <= 0 {
			t.Errorf("Tab %d focuses %s, which is off screen (top %.0f, bottom %.0f)", i+1, f.What, f.Top, f.Bottom)
		}
	}
}
