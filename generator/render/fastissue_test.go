package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/templates"
)

// TestFastIssueSummaryMatchesTemplate renders weeks of one to seven
// countries, plus an article naming none, both ways: the issue's lede
// names four and counts the rest ("and 2 other countries"), a branch
// the corpus may not reach at every count.
func TestFastIssueSummaryMatchesTemplate(t *testing.T) {
	cfg := generator.DefaultConfig()
	fast, slow := bothWays(t, cfg, templates.FS)
	countries := []string{"Chile", "Peru", "Mali", "Chad", "Oman", "Iran", "Laos"}
	for n := 1; n <= len(countries); n++ {
		var articles []*generator.Article
		for i := range n + 1 {
			a := &generator.Article{Slug: fmt.Sprintf("a%d", i), File: fmt.Sprintf("content/a%d.md", i), BodyLine: 1}
			a.Title, a.Date = fmt.Sprintf("Article %d", i), time.Date(2026, 11, 2, 12-i, 0, 0, 0, time.UTC)
			if i < n {
				a.Countries = []string{countries[i]}
			}
			articles = append(articles, a)
		}
		s, err := site.Assemble(cfg, articles, site.Options{})
		if err != nil {
			t.Fatal(err)
		}
		files := sameFiles(t, render(t, fast, s), render(t, slow, s))
		page := string(files[s.Issues[0].Path()+"index.html"])
		// Only the lede: every country is named elsewhere on the page too.
		_, lede, _ := strings.Cut(page, `<p class="lede">`)
		lede, _, _ = strings.Cut(lede, "</p>")
		if want := countries[min(n, 4)-1]; !strings.Contains(lede, want) {
			t.Errorf("with %d countries the issue's lede %q does not name %s", n, lede, want)
		}
	}
}
