package render

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
	"github.com/briefing-digest/briefing/templates"
)

// BenchmarkRender parses the built-in templates and renders every page
// and feed of a 1,000-article site into an Output that only counts bytes,
// so disk is left out. Writing, loading and assembling the site are not
// timed.
func BenchmarkRender(b *testing.B) {
	const n = 1000
	cfg, articles := corpustest.Load(b, n)
	s := site.Build(cfg, articles)
	var written atomic.Int64
	discard := func(_ string, data []byte) error {
		written.Add(int64(len(data)))
		return nil
	}
	var files int
	for b.Loop() {
		r, err := New(cfg, templates.FS)
		if err != nil {
			b.Fatal(err)
		}
		stats, err := r.Render(context.Background(), s, discard)
		if err != nil {
			b.Fatal(err)
		}
		files = stats.Files
	}
	b.SetBytes(written.Load() / int64(b.N))
	b.ReportMetric(float64(files), "files/op")
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}
