package render

import (
	"os"
	"strconv"
	"testing"

	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
	"github.com/briefing-digest/briefing/templates"
)

// BenchmarkSearchIndex times the search index alone: reading every body,
// finding its words, ranking and cutting them into shards, and the
// facets, for 1,000 articles (BRIEFING_BENCH_N sets another size). The
// fragments, one small file an article, are not included.
func BenchmarkSearchIndex(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("BRIEFING_BENCH_N")); err == nil {
		n = v
	}
	cfg, articles := corpustest.Load(b, n)
	s := site.Build(cfg, articles)
	r, err := New(cfg, templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	var size int
	for b.Loop() {
		idx := &searchIndex{r: r, site: s}
		idx.reset()
		if err := idx.build(); err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, sh := range idx.shards {
			size += len(sh)
		}
	}
	b.ReportMetric(float64(size), "shard-bytes")
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}
