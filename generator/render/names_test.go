package render

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/templates"
)

// crowded is a site of one article naming n people, each a term page.
func crowded(n int) (generator.Config, *generator.Site) {
	cfg := generator.DefaultConfig()
	a := &generator.Article{File: "content/articles/crowd.md", Slug: "crowd", Body: []byte("A crowd.\n"), BodyLine: 5}
	a.Title = "A crowd"
	a.Date = time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a.People = append(a.People, fmt.Sprintf("Person%05d Example", i))
	}
	return cfg, site.Build(cfg, []*generator.Article{a})
}

// renderedBytes renders s and counts the bytes of every output.
func renderedBytes(tb testing.TB, cfg generator.Config, s *generator.Site) int64 {
	tb.Helper()
	r, err := New(cfg, templates.FS)
	if err != nil {
		tb.Fatal(err)
	}
	var total atomic.Int64 // Render writes from many goroutines
	if _, err := r.Render(context.Background(), s, func(_ string, data []byte) error {
		total.Add(int64(len(data)))
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return total.Load()
}

// TestOutputLinearInNames checks that one article naming twice as many
// people makes at most a little over twice the output. Every person's
// feed used to list all the article's names as categories, so the output
// (and the time) grew with the square: 5,000 names took 50 s.
func TestOutputLinearInNames(t *testing.T) {
	cfg, s := crowded(400)
	small := renderedBytes(t, cfg, s)
	cfg, s = crowded(1600)
	large := renderedBytes(t, cfg, s)
	if ratio := float64(large) / float64(small); ratio > 4.5 {
		t.Errorf("4× the names made %.1f× the output (%d bytes, then %d): it grows faster than the names", ratio, small, large)
	}
}

// BenchmarkRenderManyNames renders a site whose one article names 5,000
// people, the case that was quadratic.
func BenchmarkRenderManyNames(b *testing.B) {
	cfg, s := crowded(5000)
	for b.Loop() {
		renderedBytes(b, cfg, s)
	}
}

// TestWriteErrorsNameTheSource makes every write fail: the error names
// the article file that made the page, at its slug: line when it has one.
func TestWriteErrorsNameTheSource(t *testing.T) {
	cfg := generator.DefaultConfig()
	a := &generator.Article{File: "content/articles/a.md", Slug: "a", SlugLine: 4, SlugCol: 7, Body: []byte("Text.\n"), BodyLine: 6}
	a.Title, a.Date = "A", time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)
	s := site.Build(cfg, []*generator.Article{a})
	r, err := New(cfg, templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Render(context.Background(), s, func(path string, _ []byte) error {
		if path == "articles/a/index.html" {
			return fmt.Errorf("file name too long")
		}
		return nil
	})
	want := "content/articles/a.md:4:7: writing articles/a/index.html: file name too long"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}
