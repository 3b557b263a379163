package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/templates"
)

// FuzzSitemapEscape checks the sitemap's own escaping against
// encoding/xml's: an address with an ampersand, a quote, a control
// character or broken UTF-8 must come out as xml.EscapeText writes it,
// and a date as time.Format writes it, whatever the year.
func FuzzSitemapEscape(f *testing.F) {
	for _, s := range []string{"", "https://a.example/b/", "q?a=1&b=2", `"'<>`, "caf\u00e9/", "\xff\xfe", "tab\there\n", "\u2028"} {
		f.Add(s, int64(1700000000))
	}
	f.Add("x", int64(-70000000000))
	f.Add("x", int64(300000000000))
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		var got, want bytes.Buffer
		escapeXML(&got, s)
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("escapeXML(%q) = %q, want %q", s, got.String(), want.String())
		}
		day := time.Unix(sec, 0).In(time.FixedZone("x", -11*3600))
		got.Reset()
		appendDay(&got, day)
		if w := day.Format("2006-01-02"); got.String() != w {
			t.Errorf("appendDay(%v) = %q, want %q", day, got.String(), w)
		}
	})
}

// TestSitemapSplitsPastTheLimit renders the example digest with the
// limit of addresses a sitemap file may hold lowered to 40: sitemap.xml
// must then be an index of parts, each within the limit and dated by its
// newest address, which together list exactly what the one sitemap does,
// in its order; and robots.txt must still point at sitemap.xml.
func TestSitemapSplitsPastTheLimit(t *testing.T) {
	cfg, s := loadSite(t, "../..")
	checkSplit(t, cfg, s, 40, 80)
}

// TestSitemapPartsDatedByDay splits the sitemap of articles dated with
// their own offsets from UTC: a part's date in the index is the latest
// day among its addresses as they are printed, each in its own offset,
// not the day of the latest instant (01:00 at +03:00 comes before 23:30
// at -05:00 the day before).
func TestSitemapPartsDatedByDay(t *testing.T) {
	cfg := generator.DefaultConfig()
	var articles []*generator.Article
	for i, d := range []time.Time{
		time.Date(2021, 11, 10, 23, 30, 0, 0, time.FixedZone("", -5*3600)),
		time.Date(2021, 11, 11, 1, 0, 0, 0, time.FixedZone("", 3*3600)),
		time.Date(2021, 11, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2021, 11, 9, 22, 0, 0, 0, time.FixedZone("", -9*3600)),
		time.Date(2021, 11, 10, 6, 0, 0, 0, time.FixedZone("", 9*3600)),
	} {
		a := &generator.Article{Slug: fmt.Sprintf("a%d", i), File: fmt.Sprintf("content/a%d.md", i), BodyLine: 1}
		a.Title, a.Date, a.Countries = fmt.Sprintf("Article %d", i), d, []string{"Chile"}
		articles = append(articles, a)
	}
	s, err := site.Assemble(cfg, articles, site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for limit := 2; limit <= 5; limit++ {
		checkSplit(t, cfg, s, limit, limit)
	}
}

// checkSplit renders s whole and with at most limit addresses a file,
// and compares the two; the whole must hold more than least addresses.
func checkSplit(t *testing.T, cfg generator.Config, s *generator.Site, limit, least int) {
	t.Helper()
	r, err := New(cfg, templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	whole := readURLSet(t, render(t, r, s)["sitemap.xml"])
	if len(whole) <= least {
		t.Fatalf("the sitemap has %d addresses; the test needs more than %d", len(whole), least)
	}
	defer func(saved int) { sitemapLimit = saved }(sitemapLimit)
	sitemapLimit = limit
	files := render(t, r, s)

	var index struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Parts   []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &index); err != nil {
		t.Fatalf("sitemap.xml is no sitemap index: %v\n%.300s", err, files["sitemap.xml"])
	}
	if want := (len(whole) + limit - 1) / limit; len(index.Parts) != want {
		t.Fatalf("limit %d: the index lists %d parts, want %d for %d addresses", limit, len(index.Parts), want, len(whole))
	}
	var joined []sitemapURL
	for k, part := range index.Parts {
		name := fmt.Sprintf("sitemap-%d.xml", k+1)
		if part.Loc != cfg.AbsURL(name) {
			t.Errorf("part %d is at %q, want %q", k+1, part.Loc, cfg.AbsURL(name))
		}
		urls := readURLSet(t, files[name])
		if len(urls) == 0 || len(urls) > limit {
			t.Errorf("%s holds %d addresses, want 1 to %d", name, len(urls), limit)
		}
		newest := ""
		for _, u := range urls {
			newest = max(newest, u.LastMod)
		}
		if part.LastMod != newest {
			t.Errorf("limit %d: the index dates %s %q, want its newest address's %q", limit, name, part.LastMod, newest)
		}
		joined = append(joined, urls...)
	}
	if !slices.Equal(joined, whole) {
		t.Errorf("the parts list %d addresses, not the %d of the whole sitemap in its order", len(joined), len(whole))
	}
	if _, ok := files[fmt.Sprintf("sitemap-%d.xml", len(index.Parts)+1)]; ok {
		t.Errorf("a part past the index's last is written")
	}
	if !strings.Contains(string(files["robots.txt"]), "Sitemap: "+cfg.AbsURL("sitemap.xml")+"\n") {
		t.Errorf("robots.txt does not name sitemap.xml: %q", files["robots.txt"])
	}
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

// readURLSet parses a sitemap of addresses.
func readURLSet(t *testing.T, data []byte) []sitemapURL {
	t.Helper()
	var set struct {
		XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []sitemapURL `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatalf("not a sitemap: %v\n%.300s", err, data)
	}
	return set.URLs
}
