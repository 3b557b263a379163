package theme_test

import (
	"bytes"
	"compress/gzip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/briefing-digest/briefing/internal/browsertest"
)

// TestSearchBytes measures, never asserts, what typical searches download
// from a big site: BRIEFING_SEARCH_SITE names a site's source (a gencorpus
// folder, say), which is built and searched in Chromium. Each query is
// typed into a fresh tab, so nothing is cached; the log gives the bytes
// as served and as gzip would send them (GitHub Pages compresses JSON).
//
//	go run ./internal/corpus/cmd/gencorpus -n 10000 /tmp/s10k
//	BRIEFING_SEARCH_SITE=/tmp/s10k go test -run TestSearchBytes -v ./theme
func TestSearchBytes(t *testing.T) {
	src := os.Getenv("BRIEFING_SEARCH_SITE")
	if src == "" {
		t.Skip("set BRIEFING_SEARCH_SITE to a site's folder to measure its search downloads")
	}
	out, site := serveDir(t, src)
	browser := browsertest.New(t)
	for _, q := range []string{"sanctions", "ceasefire border", "Karim Bakr", "Farouk refugees Japan", "Tarasov", "humanitarian corridors"} {
		for _, filter := range []string{"", "countries=japan"} {
			tab := browsertest.Tab(t, browser)
			page := "search/"
			if filter != "" {
				page += "?" + filter
			}
			open(t, tab, site.url(page))
			if filter != "" {
				// The filter's own results come first; wait for them, then forget them.
				settle(t, tab)
				eval[bool](t, tab, `delete document.querySelector(".search-status").dataset.ms`)
			}
			if err := chromedp.Do(within(t, tab), chromedp.SendKeys(chromedp.ID("q"), q)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(within(t, tab), chromedp.Poll[bool](`document.querySelector(".search-status").dataset.ms !== undefined || /No articles/.test(document.querySelector(".search-status").textContent)`)); err != nil {
				t.Fatal(err)
			}
			fetched := eval[[]string](t, tab, `performance.getEntriesByType("resource").map(r => r.name).filter(n => n.includes("/search/") && n.endsWith(".json"))`)
			var raw, zipped int
			for _, u := range fetched {
				p, err := url.Parse(u)
				if err != nil {
					t.Fatal(err)
				}
				data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(p.Path, basePath))))
				if err != nil {
					t.Fatal(err)
				}
				raw += len(data)
				zipped += gzipSize(data)
			}
			t.Logf("%-24q %-16s %-34s %3d files, %7d bytes, %6d gzipped, first results in %s ms", q, filter,
				eval[string](t, tab, `document.querySelector(".search-status").textContent.split(" match")[0]`),
				len(fetched), raw, zipped, eval[string](t, tab, `document.querySelector(".search-status").dataset.ms || "-"`))
		}
	}
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Len()
}
