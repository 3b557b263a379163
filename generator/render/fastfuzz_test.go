package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/site"
	"github.com/briefing-digest/briefing/templates"
	"golang.org/x/net/html"
)

// FuzzFastPagesHostileFrontMatter gives three articles of one week front
// matter of any text (title, summary, source, url and a name used as
// section, country, person and place) and requires the pages written in
// Go to equal html/template's, byte for byte, and no value to come out
// as markup or script. The seeds are the hostile values of fastesc_test.go.
func FuzzFastPagesHostileFrontMatter(f *testing.F) {
	for i, s := range hostile {
		o := hostile[(i+3)%len(hostile)]
		f.Add(s, o, s, o, s)
		f.Add(o, s, o, s, "Chile")
	}
	f.Add("Title", "Summary", "Source", "javascript:alert(1)", "<script>x</script>")
	// The default taxonomies leave sections and places as plain text;
	// as taxonomies they are links.
	plain, linked := generator.DefaultConfig(), generator.DefaultConfig()
	linked.Taxonomies = append(slices.Clone(linked.Taxonomies), "sections", "places")
	type renderers struct {
		cfg        generator.Config
		fast, slow *Renderer
	}
	var sites []renderers
	for _, cfg := range []generator.Config{plain, linked} {
		fast, slow := bothWays(f, cfg, templates.FS)
		sites = append(sites, renderers{cfg, fast, slow})
	}
	f.Fuzz(func(t *testing.T, title, summary, source, url, name string) {
		var articles []*generator.Article
		for i := range 3 {
			a := &generator.Article{Slug: fmt.Sprintf("a%d", i), File: fmt.Sprintf("content/articles/a%d.md", i), BodyLine: 1}
			a.Title, a.Summary, a.Source, a.URL = title+fmt.Sprint(i), summary, source, url
			a.Date = time.Date(2026, 11, 2+i, 0, 0, 0, 0, time.UTC)
			a.Sections, a.Places = []string{name, "World"}, []string{name}
			a.Countries, a.People = []string{name, "Chile"}, []string{name}
			a.License = name
			a.Body = []byte(summary + "\n\nMore text.\n")
			articles = append(articles, a)
		}
		for _, rs := range sites {
			s, err := site.Assemble(rs.cfg, articles, site.Options{})
			if err != nil {
				continue // not a site, so no pages to compare
			}
			files := sameFiles(t, render(t, rs.fast, s), render(t, rs.slow, s))
			for path, data := range files {
				if strings.HasSuffix(path, ".html") {
					if bad := markupIn(string(data)); bad != "" {
						t.Errorf("%s: %s", path, bad)
					}
				}
			}
		}
	})
}

// markupIn returns what in page a value let through, or "": a script
// other than the site's own, an event handler or a link that runs script.
func markupIn(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					return "the handler " + a.Key
				}
				if a.Key == "href" && scripted([]byte(a.Val)) {
					return "href=" + a.Val
				}
			}
			if tok.Data == "script" && !ownScript(tok) {
				return "a <script> of none of the site's own"
			}
		}
	}
}

// ownScript says whether tok opens a script the built-in theme writes:
// an article's JSON-LD, or the search page's search.js.
func ownScript(tok html.Token) bool {
	for _, a := range tok.Attr {
		if a.Key == "type" && a.Val == "application/ld+json" || a.Key == "src" && strings.HasSuffix(a.Val, "/js/search.js") {
			return true
		}
	}
	return false
}
