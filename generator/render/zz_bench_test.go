package render

import (
	"bytes"
	"os"
	"testing"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/templates"
)

func BenchmarkZZJob(b *testing.B) {
	dir := os.Getenv("ZZ_SITE")
	if dir == "" {
		b.Skip()
	}
	cfg, s := loadSite(b, dir)
	r, err := New(cfg, templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	p := r.Plan(s)
	for _, name := range []string{"sitemap.xml", "index.xml", "feed.json", "index.html", "countries/index.html", "search/meta.json"} {
		var j *job
		for i := range p.jobs {
			if p.jobs[i].path == name {
				j = &p.jobs[i]
			}
		}
		set := r.sets[0]
		b.Run(name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				p.index.reset()
				if err := j.run(r, &buf, set); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}

func BenchmarkZZPlanSigs(b *testing.B) {
	dir := os.Getenv("ZZ_SITE")
	if dir == "" {
		b.Skip()
	}
	cfg, s := loadSite(b, dir)
	r, err := New(cfg, templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	fps := map[*generator.Article]Fingerprints{}
	for _, e := range s.Entries {
		fps[e.Article] = Fingerprint(e.Article)
	}
	b.Run("plan", func(b *testing.B) {
		for b.Loop() {
			r.Plan(s)
		}
	})
	p := r.Plan(s)
	b.Run("sigs", func(b *testing.B) {
		for b.Loop() {
			p.Sigs(func(a *generator.Article) Fingerprints { return fps[a] })
		}
	})
}
