package render

import (
	"bytes"
	"encoding/json"
	"html/template"
	"time"

	"github.com/briefing-digest/briefing/generator"
)

// newsArticle is the schema.org NewsArticle an article page describes
// itself with, so a search engine knows the headline, the date, who
// published the story first and what it is about.
type newsArticle struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	Headline      string   `json:"headline"`
	Description   string   `json:"description,omitempty"`
	DatePublished string   `json:"datePublished"`
	URL           string   `json:"url"`
	InLanguage    string   `json:"inLanguage,omitempty"`
	Publisher     *thing   `json:"publisher,omitempty"`
	IsBasedOn     string   `json:"isBasedOn,omitempty"`
	About         []*thing `json:"about,omitempty"`
}

type thing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// JSONLD is the article's NewsArticle as a script element, "" on other
// pages. encoding/json escapes <, > and & inside strings, so no title
// or name can close the script early, whatever an imported page held.
func (p *Page) JSONLD() (template.HTML, error) {
	var b bytes.Buffer
	if err := p.writeJSONLD(&b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// writeJSONLD appends what JSONLD returns to b: the Go page writer puts
// it straight into the page.
func (p *Page) writeJSONLD(b *bytes.Buffer) error {
	e := p.Entry
	if e == nil || p.Kind != "article" {
		return nil
	}
	cfg := &p.Site.Config
	d := newsArticle{Context: "https://schema.org", Type: "NewsArticle", Headline: e.Title, Description: e.Summary,
		DatePublished: e.Date.Format(time.RFC3339), URL: cfg.AbsURL(e.Path()), InLanguage: cfg.Language, IsBasedOn: e.URL}
	if e.Source != "" {
		d.Publisher = &thing{Type: "Organization", Name: e.Source}
	}
	for _, tax := range []string{"people", "countries"} {
		for _, name := range names(p.Site, e, tax) {
			d.About = append(d.About, &thing{Type: "Thing", Name: name})
		}
	}
	start := b.Len()
	b.WriteString(`<script type="application/ld+json">`)
	enc := json.NewEncoder(b)
	if err := enc.Encode(d); err != nil {
		b.Truncate(start)
		return generator.Errorf(e.File, 0, 0, "writing the article's JSON-LD: %w", err)
	}
	b.Truncate(b.Len() - 1) // Encode ends with a newline
	b.WriteString(`</script>`)
	return nil
}

// names are the entry's names in a taxonomy as the site spells them, or
// as its front matter does when the site does not list that taxonomy.
func names(s *generator.Site, e *generator.Entry, tax string) []string {
	if s.Taxonomy(tax) == nil {
		return e.Article.Terms(tax)
	}
	var out []string
	for _, t := range s.Terms(e, tax) {
		out = append(out, t.Name)
	}
	return out
}
