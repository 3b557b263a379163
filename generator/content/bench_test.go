package content

import (
	"testing"

	"github.com/briefing-digest/briefing/internal/corpus"
)

// BenchmarkLoad reads and parses a 1,000-article corpus from disk (the
// page cache, after the first pass), as every build starts.
func BenchmarkLoad(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	if err := corpus.Write(dir, n, 42); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		articles, err := Load(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(articles) != n {
			b.Fatalf("loaded %d articles, want %d", len(articles), n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}
