package theme_test

import (
	"context"
	"encoding/json"
	"html"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/briefing-digest/briefing/generator/build"
	"github.com/briefing-digest/briefing/generator/search"
	"github.com/briefing-digest/briefing/internal/browsertest"
	"github.com/briefing-digest/briefing/internal/corpus"
)

// The example digest's seed article: its body, and only its body, says
// "Tehran"; its names spell "Ali Shamkhani".
const (
	seedTitle = "Iran, Russia stress cooperation to achieve regional security"
	seedPath  = basePath + "articles/iran-russia-stress-cooperation-to-achieve-regional-security/"
)

// TestSearchInBrowser searches the example digest, built under a sub-path
// and served over HTTP, as a reader would: a word found only in an
// article's body, a name spelt wrong, and two facets combined, each
// checked against the pages the build wrote for the same articles.
func TestSearchInBrowser(t *testing.T) {
	out, site := serveDir(t, "..")
	browser := browsertest.New(t)

	t.Run("a word only the body holds", func(t *testing.T) {
		t.Parallel()
		tab := browsertest.Tab(t, browser)
		got := query(t, tab, site, "tehran")
		if len(got) == 0 || got[0].Path != seedPath {
			t.Fatalf("searching tehran shows %+v, want the seed article first", got)
		}
		marks := eval[[]string](t, tab, `[...document.querySelectorAll(".search-results li")[0].querySelectorAll("mark")].map(m => m.textContent)`)
		if len(marks) == 0 || !strings.EqualFold(marks[0], "Tehran") {
			t.Errorf("the seed article's snippet highlights %q, want Tehran", marks)
		}
		// What the snippet shows must be the index's text, not markup.
		if n := eval[int](t, tab, `document.querySelectorAll(".search-results li *:not(p):not(a):not(time):not(mark)").length`); n != 0 {
			t.Errorf("results hold %d elements besides paragraphs, links, times and marks", n)
		}
	})
	t.Run("a name spelt with a typo", func(t *testing.T) {
		t.Parallel()
		tab := browsertest.Tab(t, browser)
		got := query(t, tab, site, "Shamkani")
		if len(got) == 0 || got[0].Path != seedPath || got[0].Text != seedTitle {
			t.Fatalf("searching Shamkani shows %+v, want %q first", got, seedTitle)
		}
		names := eval[string](t, tab, `document.querySelector(".search-results .entry-names").textContent`)
		if !strings.Contains(names, "Ali Shamkhani") {
			t.Errorf("the result names %q, want Ali Shamkhani among them", names)
		}
	})
	t.Run("case, accents and plurals fold as the build folds them", func(t *testing.T) {
		t.Parallel()
		tab := browsertest.Tab(t, browser)
		// The index holds "patrushev" and "country" (for "countries"):
		// two accents and a plural are more than the one typo forgiven,
		// so these match only if search.js folds and stems as Go does.
		got := query(t, tab, site, "PÂTRÜSHEV countries")
		if len(got) == 0 || got[0].Path != seedPath {
			t.Fatalf("searching PÂTRÜSHEV countries shows %+v, want the seed article first", got)
		}
	})
	t.Run("a filter alone shows each article's summary", func(t *testing.T) {
		t.Parallel()
		testSummaries(t, browsertest.Tab(t, browser), site, out)
	})
	t.Run("two facets from a term page", func(t *testing.T) {
		t.Parallel()
		testFacets(t, browsertest.Tab(t, browser), site, out)
	})
}

type result struct {
	Text string `json:"text"`
	Path string `json:"path"`
}

// query types q into the search box and returns the results once every
// one has loaded, logging how long the first page of them took.
func query(t *testing.T, tab context.Context, site testSite, q string) []result {
	t.Helper()
	open(t, tab, site.url("search/"))
	if err := chromedp.Do(within(t, tab), chromedp.SendKeys(chromedp.ID("q"), q)); err != nil {
		t.Fatalf("typing %q: %v", q, err)
	}
	// Done once the status names the whole query: typed slowly (a loaded
	// machine), a pause mid-word searches for part of it first.
	whole, err := json.Marshal("\u201c" + strings.TrimSpace(q) + "\u201d")
	if err != nil {
		t.Fatal(err)
	}
	done := `(s => s.textContent.includes(` + string(whole) + `) && (s.dataset.ms !== undefined || /No articles/.test(s.textContent)))(document.querySelector(".search-status"))`
	if _, err := chromedp.Run(within(t, tab), chromedp.Poll[bool](done)); err != nil {
		t.Fatalf("searching %q: %v", q, err)
	}
	t.Logf("%q: first results in %s ms (query to rendered results; the 120 ms typing pause not counted)", q,
		eval[string](t, tab, `document.querySelector(".search-status").dataset.ms || "-"`))
	return results(t, tab)
}

func results(t *testing.T, tab context.Context) []result {
	t.Helper()
	return eval[[]result](t, tab, `[...document.querySelectorAll(".search-results .entry-title a")].map(a => ({text: a.textContent, path: a.pathname}))`)
}

// testFacets follows a country page's search link, ticks a topic, then a
// second one, and checks results, counts, the address and the focus
// against the country and topic pages the build wrote.
func testFacets(t *testing.T, tab context.Context, site testSite, out string) {
	country := "countries/afghanistan/"
	open(t, tab, site.url(country))
	if _, err := chromedp.Run(within(t, tab), chromedp.WaitEvent(cdppage.LoadEventFired, nil, chromedp.Click(chromedp.CSS(".search-link a")))); err != nil {
		t.Fatalf("following the search link on %s: %v", country, err)
	}
	settle(t, tab)
	inCountry := listed(t, out, country)
	if got := paths(results(t, tab)); !sameSet(got, inCountry) {
		t.Fatalf("search from %s shows %v, want the articles its page lists: %v", country, got, inCountry)
	}

	// Pick a topic the facet counts offer, one that narrows the results.
	type value struct {
		Slug  string `json:"slug"`
		Count string `json:"count"`
	}
	topics := eval[[]value](t, tab, `[...document.querySelectorAll("input[name=topics]")].map(i => ({slug: i.value, count: i.parentNode.querySelector(".search-count").textContent}))`)
	var pick value
	var want []string
	for _, v := range topics {
		both := intersect(inCountry, listed(t, out, "topics/"+v.Slug+"/"))
		if v.Count != "("+strconv.Itoa(len(both))+")" {
			t.Errorf("topic %s is counted %s, but its page and %s's share %d articles", v.Slug, v.Count, country, len(both))
		}
		if pick.Slug == "" && len(both) > 0 && len(both) < len(inCountry) {
			pick, want = v, both
		}
	}
	if pick.Slug == "" {
		t.Fatalf("no topic narrows %s's %d articles; topics offered: %+v", country, len(inCountry), topics)
	}
	if _, err := chromedp.Run(within(t, tab), chromedp.Click(chromedp.CSS(`input[name=topics][value="`+pick.Slug+`"]`))); err != nil {
		t.Fatal(err)
	}
	settle(t, tab)
	if got := paths(results(t, tab)); !sameSet(got, want) {
		t.Errorf("Afghanistan and topic %s show %v, want %v", pick.Slug, got, want)
	}
	url := eval[string](t, tab, `location.search`)
	if !strings.Contains(url, "countries=afghanistan") || !strings.Contains(url, "topics="+pick.Slug) {
		t.Errorf("the address holds %q, want both filters in it to share", url)
	}
	status := eval[string](t, tab, `document.querySelector("[role=status]").textContent`)
	if !strings.HasPrefix(status, strconv.Itoa(len(want))+" article") {
		t.Errorf("the status says %q, want it to count %d articles", status, len(want))
	}
	// The same address opened afresh shows the same.
	open(t, tab, site.url("search/"+url))
	settle(t, tab)
	if got := paths(results(t, tab)); !sameSet(got, want) {
		t.Errorf("reopening search/%s shows %v, want %v", url, got, want)
	}

	// A second topic widens the results: the country's articles with
	// either topic. The counts of the other topics still say what each
	// would add, as values of one kind are alternatives.
	others := eval[[]value](t, tab, `[...document.querySelectorAll("input[name=topics]:not(:checked)")].map(i => ({slug: i.value, count: i.parentNode.querySelector(".search-count").textContent}))`)
	var other value
	for _, v := range others {
		extra := intersect(inCountry, listed(t, out, "topics/"+v.Slug+"/"))
		if v.Count != "("+strconv.Itoa(len(extra))+")" {
			t.Errorf("with topic %s chosen, topic %s is counted %s, but %s has %d articles with it", pick.Slug, v.Slug, v.Count, country, len(extra))
		}
		if other.Slug == "" && len(union(want, extra)) > len(want) {
			other = v
			want = union(want, extra)
		}
	}
	if other.Slug == "" {
		t.Fatalf("no other topic adds to %s's articles with topic %s; offered %+v", country, pick.Slug, others)
	}
	if _, err := chromedp.Run(within(t, tab), chromedp.Click(chromedp.CSS(`input[name=topics][value="`+other.Slug+`"]`))); err != nil {
		t.Fatal(err)
	}
	settle(t, tab)
	if got := paths(results(t, tab)); !sameSet(got, want) {
		t.Errorf("%s with topic %s or %s shows %v, want %v", country, pick.Slug, other.Slug, got, want)
	}
	if focused := eval[string](t, tab, `document.activeElement.value || ""`); focused != other.Slug {
		t.Errorf("after ticking %s the focus is on %q, want it kept on the box ticked", other.Slug, focused)
	}
}

var card = regexp.MustCompile(`(?s)class="entry-title"><a href="([^"]+)">.*?</p>\s*<p class="entry-summary">(.*?)</p>`)

// testSummaries opens a search with a filter and no words, where each
// result shows its article's summary, and checks them against the cards
// of the country's page, among them summaries the index gives only as a
// place in the article's text.
func testSummaries(t *testing.T, tab context.Context, site testSite, out string) {
	country := "countries/afghanistan/"
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(country), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, m := range card.FindAllSubmatch(data, -1) {
		want[string(m[1])] = html.UnescapeString(string(m[2]))
	}
	quoted := map[string]bool{} // the summaries the index does not repeat
	files, _ := filepath.Glob(filepath.Join(out, "search", "d", "*.json"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var group []struct {
			URL string `json:"u"`
			At  []int  `json:"x"`
		}
		if err := json.Unmarshal(data, &group); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, fr := range group {
			quoted[fr.URL] = fr.At != nil
		}
	}
	open(t, tab, site.url("search/?countries=afghanistan"))
	settle(t, tab)
	type shown struct {
		Path    string `json:"path"`
		Summary string `json:"summary"`
	}
	list := eval[[]shown](t, tab, `[...document.querySelectorAll(".search-results li")].map(li => ({
		path: li.querySelector(".entry-title a").pathname,
		summary: (li.querySelector(".search-snippet") || {}).textContent || ""}))`)
	if len(list) != len(want) {
		t.Fatalf("search for %s shows %d results, its page %d", country, len(list), len(want))
	}
	fromText := 0
	for _, r := range list {
		if r.Summary != want[r.Path] {
			t.Errorf("result %s shows %q, its card on %s %q", r.Path, r.Summary, country, want[r.Path])
		}
		if quoted[r.Path] {
			fromText++
		}
	}
	if fromText == 0 {
		t.Errorf("no result's summary is one the index gives as a place in the text; the test needs one")
	}
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// settle waits until the results shown are complete.
func settle(t *testing.T, tab context.Context) {
	t.Helper()
	if _, err := chromedp.Run(within(t, tab), chromedp.Poll[bool](`document.querySelector(".search-status").textContent !== "" &&
		![...document.querySelectorAll(".search-results li")].some(li => li.textContent === "Loading…")`)); err != nil {
		t.Fatalf("waiting for results: %v", err)
	}
}

var articleLink = regexp.MustCompile(`class="entry-title"><a href="([^"]+)"`)

// listed reads the articles a built page lists, as site paths.
func listed(t *testing.T, out, page string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, m := range articleLink.FindAllSubmatch(data, -1) {
		list = append(list, string(m[1]))
	}
	if len(list) == 0 {
		t.Fatalf("%s lists no articles", page)
	}
	return list
}

func paths(rs []result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Path)
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))
	return slices.Equal(slices.Compact(a), slices.Compact(b)) && len(a) == len(b)
}

func intersect(a, b []string) []string {
	var out []string
	for _, s := range a {
		if slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// serveDir builds the site in src under basePath into a temporary folder
// and serves it on 127.0.0.1, returning the folder and the site.
func serveDir(t *testing.T, src string) (string, testSite) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String() + basePath
	out := t.TempDir()
	if _, err := build.Build(t.Context(), build.Options{Source: src, Destination: out, BaseURL: base}); err != nil {
		t.Fatalf("building %s: %v", src, err)
	}
	mux := http.NewServeMux()
	mux.Handle(basePath, http.StripPrefix(basePath[:len(basePath)-1], http.FileServer(http.Dir(out))))
	srv := httptest.NewUnstartedServer(mux)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return out, testSite{base: base}
}

// TestSearchResultsFromSeveralGroups searches a site of more articles
// than a file of fragments holds, so that a page of results draws on
// several files: each result must show its own article's title, date,
// text and names, however many others share its file, and open its page.
func TestSearchResultsFromSeveralGroups(t *testing.T) {
	src := t.TempDir()
	if err := corpus.Write(src, 3*search.GroupSize+3, 7); err != nil {
		t.Fatal(err)
	}
	out, site := serveDir(t, src)
	// Which file of fragments holds each article's, by its address.
	files, err := filepath.Glob(filepath.Join(out, "search", "d", "*.json"))
	if err != nil || len(files) < 3 {
		t.Fatalf("the build wrote %d files of fragments (%v), want one for each %d articles", len(files), err, search.GroupSize)
	}
	fileOf := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var group []struct {
			URL string `json:"u"`
		}
		if err := json.Unmarshal(data, &group); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, fr := range group {
			fileOf[fr.URL] = filepath.Base(f)
		}
	}

	browser := browsertest.New(t)
	tab := browsertest.Tab(t, browser)
	const q = "ceasefire"
	query(t, tab, site, q)
	type shown struct {
		Title   string   `json:"title"`
		Path    string   `json:"path"`
		Date    string   `json:"date"`
		Snippet string   `json:"snippet"`
		Marks   []string `json:"marks"`
		Names   string   `json:"names"`
	}
	list := eval[[]shown](t, tab, `[...document.querySelectorAll(".search-results li")].map(li => ({
		title: li.querySelector(".entry-title a").textContent,
		path: li.querySelector(".entry-title a").pathname,
		date: li.querySelector("time").dateTime,
		snippet: (li.querySelector(".search-snippet") || {}).textContent || "",
		marks: [...li.querySelectorAll("mark")].map(m => m.textContent.toLowerCase()),
		names: (li.querySelector(".entry-names") || {}).textContent || ""}))`)
	if len(list) < 2 {
		t.Fatalf("searching %q shows %d results, want several", q, len(list))
	}
	groups := map[string][]shown{}
	for _, r := range list {
		file, ok := fileOf[r.Path]
		if !ok {
			t.Errorf("result %q links to %s, an address no fragment has", r.Title, r.Path)
			continue
		}
		groups[file] = append(groups[file], r)
		// The result against its article's page, as the build wrote it.
		page := articlePage(t, out, r.Path)
		if !strings.Contains(page.text, r.Title) || !strings.Contains(page.html, `datetime="`+r.Date) {
			t.Errorf("result %q dated %s does not match its page %s", r.Title, r.Date, r.Path)
		}
		quote := strings.TrimSuffix(strings.TrimPrefix(r.Snippet, "… "), " …")
		if quote == "" || !strings.Contains(page.text, quote) {
			t.Errorf("result %q quotes %q, which its page does not say", r.Title, quote)
		}
		if !slices.ContainsFunc(r.Marks, func(m string) bool { return strings.HasPrefix(m, q) }) {
			t.Errorf("result %q highlights %q, want %s", r.Title, r.Marks, q)
		}
		for _, name := range strings.Split(strings.TrimSuffix(r.Names, " · …"), " · ") {
			if name != "" && !strings.Contains(page.text, name) {
				t.Errorf("result %q names %q, which its page does not", r.Title, name)
			}
		}
	}
	if len(groups) < 2 {
		t.Fatalf("the %d results of %q all come from one file of fragments; the test needs two", len(list), q)
	}
	// Each file a page draws on is fetched once, however many results it holds.
	fetched := eval[[]string](t, tab, `performance.getEntriesByType("resource").map(r => r.name).filter(n => n.includes("/search/d/"))`)
	if len(fetched) != len(groups) {
		t.Errorf("a page of results from %d files of fragments fetched %d: %v", len(groups), len(fetched), fetched)
	}

	// A result from each of two files opens its own article.
	var picks []shown
	for _, f := range slices.Sorted(maps.Keys(groups)) {
		picks = append(picks, groups[f][len(groups[f])-1])
	}
	for _, r := range picks[:2] {
		open(t, tab, site.url("search/?q="+q))
		settle(t, tab)
		link := `.search-results a[href="` + r.Path + `"]`
		if _, err := chromedp.Run(within(t, tab), chromedp.WaitEvent(cdppage.LoadEventFired, nil, chromedp.Click(chromedp.CSS(link)))); err != nil {
			t.Fatalf("opening result %q: %v", r.Title, err)
		}
		if at := eval[string](t, tab, `location.pathname`); at != r.Path {
			t.Errorf("clicking result %q lands on %s, want %s", r.Title, at, r.Path)
		}
		if h1 := eval[string](t, tab, `document.querySelector("h1").textContent`); h1 != r.Title {
			t.Errorf("result %q opens a page headed %q", r.Title, h1)
		}
	}
}

type builtPage struct {
	html string // as written
	text string // its text: tags gone, entities read, spaces collapsed
}

var tag = regexp.MustCompile(`<[^>]*>`)

// articlePage reads the page the build wrote at site path p.
func articlePage(t *testing.T, out, p string) builtPage {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(p, basePath)), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := html.UnescapeString(tag.ReplaceAllString(string(data), " "))
	return builtPage{html: string(data), text: strings.Join(strings.Fields(text), " ")}
}
