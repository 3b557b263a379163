package build

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/internal/corpus"
	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
)

// BenchmarkGenerate runs the whole pipeline in memory, as check and serve
// do: config, loading 1,000 articles from disk, assembling, rendering and
// the theme's assets, into an Output that discards the bytes. Writing the
// corpus is not timed.
func BenchmarkGenerate(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	if err := corpus.Write(dir, n, 42); err != nil {
		b.Fatal(err)
	}
	discard := func(string, []byte) error { return nil }
	for b.Loop() {
		res, err := Generate(context.Background(), Options{Source: dir}, discard)
		if err != nil {
			b.Fatal(err)
		}
		if res.Articles != n {
			b.Fatalf("generated %d articles, want %d", res.Articles, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkLiveRebuild times Live.Rebuild after one save of an article,
// for each kind of save serve sees: its text, its summary, its title, a
// country added and its date moved a week or two on. It is serve's
// save-to-reload without the watcher and the event stream. The site is
// the one named by BRIEFING_BENCH_SITE (its first article is edited and
// restored), or 1,000 generated articles:
//
//	BRIEFING_BENCH_SITE=/tmp/c10k go test -run '^$' -bench LiveRebuild -benchtime 20x ./generator/build
func BenchmarkLiveRebuild(b *testing.B) {
	dir := os.Getenv("BRIEFING_BENCH_SITE")
	if dir == "" {
		dir = b.TempDir()
		if err := corpus.Write(dir, 1000, 42); err != nil {
			b.Fatal(err)
		}
	}
	article := corpustest.FirstArticle(b, dir)
	data, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	original := string(data)
	b.Cleanup(func() { os.WriteFile(article, data, 0o644) })
	l, err := NewLive(Options{Source: dir})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := l.Rebuild(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	date := regexp.MustCompile(`(?m)^date: *"?([0-9]{4}-[0-9]{2}-[0-9]{2})`)
	m := date.FindStringSubmatch(original)
	if m == nil {
		b.Fatalf("no date: line in %s", article)
	}
	day, err := time.Parse("2006-01-02", m[1])
	if err != nil {
		b.Fatal(err)
	}
	edits := []struct {
		name string
		edit func(n int) string
	}{
		{"text", func(n int) string { return original + fmt.Sprintf("\nEdit number %d.\n", n) }},
		{"summary", func(n int) string {
			return strings.Replace(original, "summary: \"", fmt.Sprintf("summary: \"Edit %d ", n), 1)
		}},
		{"title", func(n int) string { return strings.Replace(original, "title: ", fmt.Sprintf("title: Edit %d ", n), 1) }},
		{"country", func(n int) string {
			return strings.Replace(original, "countries: [", fmt.Sprintf("countries: [%s, ", []string{"Chile", "Peru"}[n%2]), 1)
		}},
		// A week or two on, as serve's benchmark moves it: into another
		// week the site has.
		{"date", func(n int) string {
			return strings.Replace(original, m[0], strings.Replace(m[0], m[1], day.AddDate(0, 0, 7*(1+n%2)).Format("2006-01-02"), 1), 1)
		}},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			var times []time.Duration
			n := 0
			for b.Loop() {
				n++
				if err := os.WriteFile(article, []byte(e.edit(n)), 0o644); err != nil {
					b.Fatal(err)
				}
				t0 := time.Now()
				if _, err := l.Rebuild(context.Background(), []string{article}); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
			b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "ms-p90")
		})
	}
}
