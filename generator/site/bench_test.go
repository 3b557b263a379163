package site

import (
	"fmt"
	"testing"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
)

// BenchmarkBuild assembles taxonomies, related terms and weekly issues
// from articles already loaded; writing and loading the corpus is not timed.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			cfg, articles := corpustest.Load(b, n)
			for b.Loop() {
				if s := Build(cfg, articles); len(s.Entries) != n {
					b.Fatalf("built %d entries, want %d", len(s.Entries), n)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkLiveReplace updates an assembled site of 10,000 articles after
// one of them changes, as serve does on a save: a country added, or the
// date moved a week on. Compare with BenchmarkBuild/articles=10000, the
// cost of assembling the site again.
func BenchmarkLiveReplace(b *testing.B) {
	const n = 10000
	cfg, articles := corpustest.Load(b, n)
	edits := []struct {
		name string
		edit func(a generator.Article, i int) *generator.Article
	}{
		{"country", func(a generator.Article, i int) *generator.Article {
			a.Countries = append([]string{[]string{"Chile", "Peru"}[i%2]}, a.Countries...)
			return &a
		}},
		{"date", func(a generator.Article, i int) *generator.Article {
			a.Date = a.Date.AddDate(0, 0, 7*(1+i%2))
			return &a
		}},
	}
	for _, ed := range edits {
		b.Run(ed.name, func(b *testing.B) {
			live, err := NewLive(cfg, articles, Options{})
			if err != nil {
				b.Fatal(err)
			}
			original := *articles[n/2]
			i := 0
			for b.Loop() {
				i++
				if ok, err := live.Replace(ed.edit(original, i)); !ok || err != nil {
					b.Fatalf("edit %d not followed: %v", i, err)
				}
			}
		})
	}
}
