package site

import (
	"fmt"
	"testing"

	"github.com/briefing-digest/briefing/generator/config"
	"github.com/briefing-digest/briefing/generator/content"
	"github.com/briefing-digest/briefing/internal/corpus"
)

// BenchmarkBuild assembles taxonomies, related terms and weekly issues
// from articles already loaded; writing and loading the corpus is not timed.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := corpus.Write(dir, n, 42); err != nil {
				b.Fatal(err)
			}
			cfg, err := config.Load(dir)
			if err != nil {
				b.Fatal(err)
			}
			articles, err := content.Load(dir, content.Options{Location: cfg.Location})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if s := Build(cfg, articles); len(s.Entries) != n {
					b.Fatalf("built %d entries, want %d", len(s.Entries), n)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
