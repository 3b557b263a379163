package site

import (
	"sync"

	"github.com/briefing-digest/briefing/generator"
)

// Build assembles a site from articles sorted newest first (as
// content.Load returns them), with no editions. It does not modify the
// articles.
func Build(cfg generator.Config, articles []*generator.Article) *generator.Site {
	s, _ := Assemble(cfg, articles, Options{})
	return s
}

// Options are what a site is assembled with besides its articles.
type Options struct {
	Editions []*generator.Edition // content/issues files, as content.LoadEditions reads them
	Preview  bool                 // list unpublished issues too, with a banner (serve)
	// Unpublished keeps what an unpublished edition says (title, note,
	// picks) without listing the issue: the view of mail, which shows the
	// editor the message before it goes out. Preview implies it.
	Unpublished bool
}

// Assemble is Build with editions. An edition that names no week of the
// site, or an article not of its week, is reported with its place in
// the file; the site is still assembled, without that edition's picks.
func Assemble(cfg generator.Config, articles []*generator.Article, opts Options) (*generator.Site, error) {
	s, _, err := assembleIndexed(cfg, articles, opts)
	return s, err
}

// assembleIndexed is Assemble, also returning the index of the site's terms.
func assembleIndexed(cfg generator.Config, articles []*generator.Article, opts Options) (*generator.Site, *index, error) {
	s := &generator.Site{Config: cfg, Entries: make([]*generator.Entry, len(articles)), Preview: opts.Preview}
	for i, a := range articles {
		s.Entries[i] = generator.NewEntry(a, i, len(cfg.Taxonomies))
	}
	if len(articles) > 0 {
		s.Updated = articles[0].Date
	}
	// Each taxonomy fills its own slot of every entry's Terms, and the
	// related names and the issues read the terms without writing what
	// the other reads, so they are made side by side: serve assembles the
	// site again on every save that renames or dates an article.
	s.Taxonomies = make([]*generator.Taxonomy, len(cfg.Taxonomies))
	clashes := make([][]generator.Clash, len(cfg.Taxonomies))
	var wg sync.WaitGroup
	for i, name := range cfg.Taxonomies {
		wg.Go(func() { s.Taxonomies[i], clashes[i] = buildTaxonomy(name, i, s.Entries) })
	}
	wg.Wait()
	for _, c := range clashes {
		s.Clashes = append(s.Clashes, c...)
	}
	ix := newIndex(s)
	wg.Go(func() { relate(s, ix.counter()) })
	s.Issues = buildIssues(s, ix)
	// Related articles read each entry's week, so they wait for the issues.
	wg.Go(func() { relateEntries(s, ix) })
	errs := applyEditions(s, opts.Editions, opts.Preview || opts.Unpublished)
	wg.Wait()
	return s, ix, errs.Err()
}
