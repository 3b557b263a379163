package ingest

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
)

// benchmarkParse parses inputs on every core, as the import command
// does, and reports documents per second, the figure its throughput is
// set in (-cpu 1 gives one core's share).
func benchmarkParse(b *testing.B, inputs map[string][]byte) {
	b.Helper()
	names := make([]string, 0, len(inputs))
	total := 0
	for name, data := range inputs {
		names = append(names, name)
		total += len(data)
	}
	b.SetBytes(int64(total / len(inputs)))
	b.ReportAllocs()
	var docs atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			name := names[i%len(names)]
			if _, err := Parse(name, inputs[name]); err != nil {
				b.Error(err)
				return
			}
			docs.Add(1)
		}
	})
	b.ReportMetric(float64(docs.Load())/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkParseText(b *testing.B) {
	inputs := map[string][]byte{"seed-article.txt": testdata(b, "seed-article.txt")}
	for _, name := range []string{"GUM_news_warhol.txt", "GUM_news_expo.txt", "GUM_news_korea.txt"} {
		inputs[name] = testdata(b, "wikinews/"+name)
	}
	benchmarkParse(b, inputs)
}

func BenchmarkParseHTML(b *testing.B) {
	inputs := map[string][]byte{}
	for _, name := range []string{"news-jsonld.html", "og-only.html", "graph-jsonld.html", "hostile.html"} {
		inputs[name] = testdata(b, "html/"+name)
	}
	benchmarkParse(b, inputs)
}

// heavyPage is news-jsonld.html grown to the size of a real saved page
// (about 250 KB): a large inline application state, a long stylesheet,
// a mega-menu and a column of teasers around the same article.
func heavyPage(b *testing.B) []byte {
	page := string(testdata(b, "html/news-jsonld.html"))
	var state, style, menu, teasers strings.Builder
	for i := range 1500 {
		fmt.Fprintf(&state, `{"id":%d,"slug":"story-%d","title":"Headline number %d about the region","tags":["iran","russia"]},`, i, i, i)
		fmt.Fprintf(&style, ".c%d{margin:%dpx;padding:%dpx}\n", i, i%7, i%5)
	}
	for i := range 300 {
		fmt.Fprintf(&menu, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	for i := range 60 {
		fmt.Fprintf(&teasers, `<div class="teaser"><a href="/news/%d"><img src="/img/%d.jpg" alt=""><h4>Teaser headline %d on regional affairs</h4></a><p>A short teaser sentence for story %d, as section fronts show beside articles.</p></div>`, i, i, i, i)
	}
	page = strings.Replace(page, "</head>", "<style>"+style.String()+"</style><script>window.__STATE__=["+state.String()+"{}];</script></head>", 1)
	page = strings.Replace(page, `<nav class="main-menu" aria-label="Main menu">`, `<nav class="mega-menu"><ul>`+menu.String()+`</ul></nav><nav class="main-menu" aria-label="Main menu">`, 1)
	page = strings.Replace(page, `<aside class="sidebar">`, `<aside class="sidebar">`+teasers.String(), 1)
	return []byte(page)
}

func BenchmarkParseHeavyHTML(b *testing.B) {
	benchmarkParse(b, map[string][]byte{"heavy.html": heavyPage(b)})
}
