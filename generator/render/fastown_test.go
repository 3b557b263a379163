package render

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/corpus"
	"github.com/briefing-digest/briefing/templates"
)

// TestOwnTemplatesBeatFastPages renders a small corpus with a site's
// own copy of a template an article page is made with, marked, and
// requires its articles to show the mark: what Go writes for the
// built-in templates must never stand in for the site's own.
func TestOwnTemplatesBeatFastPages(t *testing.T) {
	// 300 articles are enough for weeks of several, whose pages have a pager.
	dir := t.TempDir()
	if err := corpus.Write(dir, 300, 7); err != nil {
		t.Fatal(err)
	}
	cfg, s := loadSite(t, dir)
	for _, c := range []struct {
		file, from string // the site's file, and the built-in file it copies
		old, new   string // what it changes
		pages      string // where the change shows
	}{
		{"article.html", "", `<h2 id="related-title">Related articles</h2>`, `<h2 id="related-title">See also</h2>`, "articles/"},
		{"article.html", "", `<p class="byline">`, `<p class="byline own">`, "articles/"},
		{"base.html", "", `<a class="skip-link" href="#main">Skip to content</a>`, `<a class="skip-link" href="#main">Skip to the story</a>`, "articles/"},
		{"partials/pager.html", "", `<span class="pager-label">`, `<span class="pager-label own">`, "articles/"},
		// A file of another name may give a definition anew.
		{"partials/zz-mine.html", "partials/pager.html", `<span class="pager-label">`, `<span class="pager-label mine">`, "articles/"},
		{"partials/chip.html", "", `<li><a href=`, `<li class="own"><a href=`, "articles/"},
		{"partials/entry.html", "", `<article class="entry">`, `<article class="entry own">`, "articles/"},
		{"term.html", "", `<p class="lede">`, `<p class="lede own">`, "countries/"},
		{"base.html", "", `<a class="skip-link" href="#main">Skip to content</a>`, `<a class="skip-link" href="#main">Skip to the list</a>`, "countries/"},
		{"term.html", "", `<h2>By year</h2>`, `<h2>Year by year</h2>`, "countries/"},
		{"partials/counts.html", "", `<ol class="counts" aria-label=`, `<ol class="counts own" aria-label=`, "countries/"},
		{"partials/timeline.html", "", `<figure class="timeline">`, `<figure class="timeline own">`, "countries/"},
		{"issue.html", "", `<aside class="side-column" aria-label="This week">`, `<aside class="side-column own" aria-label="This week">`, "issues/20"},
		{"partials/issue.html", "", `<h2>Most named people</h2>`, `<h2>Who was named most</h2>`, "issues/20"},
		{"partials/map.html", "", `<figure class="map">`, `<figure class="map own">`, "issues/20"},
		{"partials/counts.html", "", `<ol class="counts" aria-label=`, `<ol class="counts own" aria-label=`, "issues/20"},
		{"issues.html", "", `<ol class="issue-list">`, `<ol class="issue-list own">`, "issues/index.html"},
		{"partials/issue-row.html", "", `<li class="issue-row">`, `<li class="issue-row own">`, "issues/index.html"},
		{"email.html", "", `>Read this issue on the web</a>`, `>Read it on the web</a>`, "issues/20"},
	} {
		if c.from == "" {
			c.from = c.file
		}
		t.Run(c.file+" "+c.new, func(t *testing.T) {
			src, err := fs.ReadFile(templates.FS, c.from)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(src), c.old) {
				t.Fatalf("the built-in %s no longer holds %q", c.from, c.old)
			}
			own := fstest.MapFS{c.file: {Data: []byte(strings.Replace(string(src), c.old, c.new, 1))}}
			files := renderFiles(t, cfg, generator.Overlay{Upper: own, Lower: templates.FS}, s, false)
			marked := 0
			for path, data := range files {
				if strings.HasPrefix(path, c.pages) && strings.Contains(string(data), c.new) {
					marked++
				}
			}
			if marked == 0 {
				t.Errorf("with the site's own %s no page under %s shows %q", c.file, c.pages, c.new)
			}
		})
	}
}
