package extract

import (
	"testing"
	"time"
)

// BenchmarkExtract reads the 24 Wikinews articles, news-length texts, on
// every core, and reports articles per second.
func BenchmarkExtract(b *testing.B) {
	docs := readGold(b, "testdata/wikinews.gold.jsonl")
	x := New()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			d := docs[i%len(docs)]
			x.Extract(d.Title, d.Text)
			i++
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// BenchmarkNew measures building an Extractor, which a CLI does once.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		New()
	}
}
