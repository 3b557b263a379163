package build

import (
	"context"
	"testing"

	"github.com/briefing-digest/briefing/internal/corpus"
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
