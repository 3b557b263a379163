package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

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
	r, err := New(cfg, templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	whole := readURLSet(t, render(t, r, s)["sitemap.xml"])
	if len(whole) <= 80 {
		t.Fatalf("the example digest's sitemap has %d addresses; the test needs more than two parts' worth", len(whole))
	}
	defer func(saved int) { sitemapLimit = saved }(sitemapLimit)
	sitemapLimit = 40
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
	if want := (len(whole) + 39) / 40; len(index.Parts) != want {
		t.Fatalf("the index lists %d parts, want %d for %d addresses", len(index.Parts), want, len(whole))
	}
	var joined []sitemapURL
	for k, part := range index.Parts {
		name := fmt.Sprintf("sitemap-%d.xml", k+1)
		if part.Loc != cfg.AbsURL(name) {
			t.Errorf("part %d is at %q, want %q", k+1, part.Loc, cfg.AbsURL(name))
		}
		urls := readURLSet(t, files[name])
		if len(urls) == 0 || len(urls) > 40 {
			t.Errorf("%s holds %d addresses, want 1 to 40", name, len(urls))
		}
		newest := ""
		for _, u := range urls {
			newest = max(newest, u.LastMod)
		}
		if part.LastMod != newest {
			t.Errorf("the index dates %s %q, want its newest address's %q", name, part.LastMod, newest)
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
