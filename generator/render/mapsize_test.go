package render

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/generator/svgmap"
	"github.com/briefing-digest/briefing/templates"
)

// TestMapAndTimelineSizeBounded renders the worst case for the map and
// the timeline: every country the map knows is named, with counts in the
// hundreds, and one topic is named every week of the year. The map's
// share of a page must stay within its budget (60 KB), whatever the
// number of articles, so no page nears 200 KB because of it.
func TestMapAndTimelineSizeBounded(t *testing.T) {
	w, err := svgmap.Load()
	if err != nil {
		t.Fatal(err)
	}
	cfg := generator.DefaultConfig()
	cfg.BaseURL = "https://example.org/briefing/" // every link a little longer, as on a project site
	var articles []*generator.Article
	start := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	for i := range 1200 {
		a := &generator.Article{File: fmt.Sprintf("content/articles/a%d.md", i), Slug: fmt.Sprintf("a%04d", i), Body: []byte("Text.\n"), BodyLine: 5}
		a.Title = fmt.Sprintf("Article %d", i)
		a.Date = start.Add(time.Duration(i) * 7 * time.Hour) // about 50 weeks
		for k := range 3 {
			a.Countries = append(a.Countries, w.Countries[(i*3+k)%len(w.Countries)].Name)
		}
		a.Topics = []string{"Diplomacy"}
		articles = append(articles, a)
	}
	slices.SortFunc(articles, func(a, b *generator.Article) int { return b.Date.Compare(a.Date) })
	s := site.Build(cfg, articles)
	if n := len(s.Taxonomy("countries").Terms); n < 200 {
		t.Fatalf("only %d countries named", n)
	}
	r, err := New(cfg, templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	pages := map[string]string{}
	want := map[string]bool{"index.html": true, "countries/index.html": true, s.Issues[0].Path() + "index.html": true, "topics/diplomacy/index.html": true}
	if _, err := r.Render(context.Background(), s, func(path string, data []byte) error {
		if want[path] {
			mu.Lock()
			pages[path] = string(data)
			mu.Unlock()
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	figure := func(class, page string) string {
		return regexp.MustCompile(`(?s)<figure class="` + class + `">.*?</figure>`).FindString(page)
	}
	for path := range want {
		page := pages[path]
		if len(page) > 200_000 {
			t.Errorf("%s is %d bytes, over 200 KB", path, len(page))
		}
		if path == "topics/diplomacy/index.html" {
			tl := figure("timeline", page)
			if tl == "" {
				t.Fatalf("%s has no timeline", path)
			}
			if len(tl) > 20_000 {
				t.Errorf("a year's timeline is %d bytes, over 20 KB", len(tl))
			}
			t.Logf("%s: %d bytes, its timeline %d", path, len(page), len(tl))
			continue
		}
		m := figure("map", page)
		if m == "" {
			t.Fatalf("%s has no map", path)
		}
		if len(m) > 60_000 {
			t.Errorf("%s: the map of every country is %d bytes, over its 60 KB budget", path, len(m))
		}
		t.Logf("%s: %d bytes, its map %d", path, len(page), len(m))
	}
}
