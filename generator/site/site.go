package site

import (
	"github.com/briefing-digest/briefing/generator"
)

// Build assembles a site from articles sorted newest first (as
// content.Load returns them). It does not modify the articles.
func Build(cfg generator.Config, articles []*generator.Article) *generator.Site {
	s := &generator.Site{Config: cfg, Entries: make([]*generator.Entry, len(articles))}
	for i, a := range articles {
		s.Entries[i] = &generator.Entry{Article: a, Index: i, Terms: make([][]*generator.Term, len(cfg.Taxonomies))}
	}
	if len(articles) > 0 {
		s.Updated = articles[0].Date
	}
	for i, name := range cfg.Taxonomies {
		tax, clashes := buildTaxonomy(name, i, s.Entries)
		s.Taxonomies = append(s.Taxonomies, tax)
		s.Clashes = append(s.Clashes, clashes...)
	}
	ix := newIndex(s)
	relate(s, ix)
	s.Issues = buildIssues(s, ix)
	return s
}
