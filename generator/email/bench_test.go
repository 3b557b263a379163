package email_test

import (
	"testing"

	"github.com/briefing-digest/briefing/generator/email"
	"github.com/briefing-digest/briefing/generator/render"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
	"github.com/briefing-digest/briefing/templates"
)

// BenchmarkEmail makes the email edition (HTML, text and message) of
// every issue of a 1,000-article site: what a build adds for them, to
// set beside render's BenchmarkRender of the same site.
func BenchmarkEmail(b *testing.B) {
	const n = 1000
	cfg, articles := corpustest.Load(b, n)
	s := site.Build(cfg, articles)
	r, err := email.Load(cfg, templates.FS, render.Markdown(&cfg))
	if err != nil {
		b.Fatal(err)
	}
	var bytes int64
	for b.Loop() {
		bytes = 0
		for _, is := range s.Issues {
			m, err := r.Render(is)
			if err != nil {
				b.Fatal(err)
			}
			bytes += int64(len(m.HTML) + len(m.Text) + len(m.EML))
		}
	}
	b.SetBytes(bytes)
	b.ReportMetric(float64(len(s.Issues)), "issues/op")
}
