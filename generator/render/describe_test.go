package render

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/templates"
)

// TestHomeDescribedWithoutConfig checks that a site whose briefing.yaml
// gives no description still tells search engines what its home page
// holds: the latest published issue, with the countries it covers.
func TestHomeDescribedWithoutConfig(t *testing.T) {
	cfg := generator.DefaultConfig()
	cfg.Title = "Border Watch"
	cfg.Description = ""
	var articles []*generator.Article
	// Newest first, as content hands them to site.
	for i, c := range []string{"Peru", "Chile"} {
		a := &generator.Article{File: "content/articles/a" + c + ".md", Slug: "a-" + strings.ToLower(c), Body: []byte("Text.\n"), BodyLine: 5}
		a.Title = "News from " + c
		// A week apart: the newer week is still being written, unpublished.
		a.Date = time.Date(2021, 3, 10-9*i, 0, 0, 0, 0, time.UTC)
		a.Countries = []string{c}
		articles = append(articles, a)
	}
	home := func(cfg generator.Config) string {
		r, err := New(cfg, templates.FS)
		if err != nil {
			t.Fatal(err)
		}
		var page string
		s := site.Build(cfg, articles)
		if _, err := r.Render(context.Background(), s, func(p string, data []byte) error {
			if p == "index.html" {
				page = string(data)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return page
	}
	got := home(cfg)
	_, rest, ok := strings.Cut(got, `<meta name="description" content="`)
	desc, _, _ := strings.Cut(rest, `"`)
	if !ok || !strings.Contains(desc, "Border Watch") || !strings.Contains(desc, "1 article") || !strings.Contains(desc, "Chile") || strings.Contains(desc, "Peru") {
		t.Errorf("home page description is %q, want the site's title and what its latest issue covers", desc)
	}
	cfg.Description = "Our own words"
	if got := home(cfg); !strings.Contains(got, `<meta name="description" content="Our own words">`) {
		t.Error("a configured description is not the home page's")
	}
}
