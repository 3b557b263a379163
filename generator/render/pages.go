package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/search"
)

// jobs lists every file of the site and how many of them are HTML pages,
// with the search index and the email messages its files share.
// Paths are "dir/index.html" so every page has a clean URL ending in "/".
func (r *Renderer) jobs(s *generator.Site) ([]job, int, *searchIndex, *messages) {
	// Made with room for every file: growing a list of tens of thousands
	// of jobs copied it over and again, on every save in serve.
	jobs := make([]job, 0, fileCount(s))
	pages := 0
	mail := &messages{}
	html := func(path string, p *Page) {
		p.Site = s
		jobs = append(jobs, r.page(path+"index.html", p))
		pages++
	}
	// A feed shows what its page is about, so it changes when the page does.
	feed := func(p *Page, items func() []item) {
		j := r.rss(p, items)
		j.entry, j.term, j.issue = p.Entry, p.Term, p.Issue
		if p.Kind == "taxonomy" {
			j.taxonomy = p.Taxonomy // it lists terms, not articles
		}
		jobs = append(jobs, j)
	}
	cfg := &s.Config

	home := homePage(s)
	html("", home)
	feed(home, func() []item { return r.entryItems(s.Entries) })

	// Every article's page in one allocation, and its path in one string:
	// serve plans them all again whenever an article comes or goes.
	// They are made on another core while this one lists the rest, and
	// take their place in the plan once both are done.
	first := len(jobs)
	jobs = slices.Grow(jobs, len(s.Entries))[:first+len(s.Entries)]
	pages += len(s.Entries)
	articleJobs := make([]job, len(s.Entries))
	var made sync.WaitGroup
	made.Go(func() {
		articles := make([]Page, len(s.Entries))
		for i, e := range s.Entries {
			p := &articles[i]
			*p = articlePage(s, e)
			articleJobs[i] = r.page(e.Path()+"index.html", p)
		}
	})

	archive := archivePage(s)
	html(archive.Path, archive)
	feed(archive, func() []item { return r.issueItems(s.Listed()) })
	for _, is := range s.Issues {
		p := issuePage(is)
		html(p.Path, p)
		feed(p, func() []item { return r.entryItems(is.Entries) })
		// An unpublished issue's message is not put on the web: mail makes it, to send.
		if is.Published || s.Preview {
			jobs = append(jobs, r.emailJobs(is, mail)...)
		}
	}

	for _, tax := range s.Taxonomies {
		p := taxonomyPage(s, tax)
		html(p.Path, p)
		jobs[len(jobs)-1].taxonomy = tax
		feed(p, func() []item { return r.termItems(tax.Terms) })
		for _, term := range tax.Terms {
			n := len(jobs)
			jobs = r.termJobs(jobs, s, tax, term)
			pages += len(jobs) - n - 1 // all but the feed
		}
	}

	html("search/", &Page{Kind: "search", Title: "Search", Path: "search/"})
	jobs = append(jobs, r.page("404.html", &Page{Site: s, Kind: "404", Title: "Page not found", Path: "404.html"}))
	pages++

	index := &searchIndex{r: r, site: s}
	jobs = append(jobs, r.searchJobs(index)...)
	jobs = append(jobs, r.jsonFeed(s))
	jobs = append(jobs, r.sitemap(s)...)
	jobs = append(jobs,
		static("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+cfg.AbsURL("sitemap.xml")+"\n")),
		// GitHub Pages would otherwise run Jekyll, which hides files starting with "_".
		static(".nojekyll", nil),
	)
	if cfg.CNAME != "" {
		jobs = append(jobs, static("CNAME", []byte(cfg.CNAME+"\n")))
	}
	made.Wait()
	copy(jobs[first:], articleJobs)
	for i := range jobs {
		j := &jobs[i]
		switch {
		case j.kind == "issues", j.kind == "search", j.kind == "404", isSitemap(j.path), isStatic(j.path):
			j.outline = true
		}
	}
	return jobs, pages, index, mail
}

// The pages of a plan, each made by one function: Patch makes them again
// for a plan it keeps.

func homePage(s *generator.Site) *Page {
	return &Page{Kind: "home", Title: s.Config.Title, Description: homeDescription(s), Feed: "index.xml", Date: s.Updated}
}

func archivePage(s *generator.Site) *Page {
	return &Page{Kind: "issues", Title: "Weekly issues", Description: "Every weekly issue of " + s.Config.Title, Path: "issues/", Feed: "issues/index.xml", Date: s.Updated}
}

func issuePage(is *generator.Issue) *Page {
	return &Page{Kind: "issue", Title: is.Headline, Description: issueDescription(is), Path: is.Path(), Feed: is.Path() + "index.xml", Issue: is, Date: is.Entries[0].Date}
}

func taxonomyPage(s *generator.Site, tax *generator.Taxonomy) *Page {
	return &Page{Kind: "taxonomy", Title: tax.Title, Description: fmt.Sprintf("%s named in %s", tax.Title, s.Config.Title), Path: tax.Path(), Feed: tax.Path() + "index.xml", Taxonomy: tax, Date: s.Updated}
}

// termJobs appends a term's pages, newest articles first, and its feed
// after the first page.
func (r *Renderer) termJobs(jobs []job, s *generator.Site, tax *generator.Taxonomy, term *generator.Term) []job {
	for _, p := range termPages(&s.Config, tax, term) {
		p.Site = s
		jobs = append(jobs, r.page(p.Path+"index.html", p))
		if p.Paginator.Number == 1 {
			f := r.rss(p, func() []item { return r.entryItems(term.Entries) })
			f.term = term
			jobs = append(jobs, f)
		}
	}
	return jobs
}

// termPages are the pages of a term, newest articles first.
func termPages(cfg *generator.Config, tax *generator.Taxonomy, term *generator.Term) []*Page {
	// What every page of the term shares is made once.
	pgs := paginate(term, pageSize(cfg, len(term.Entries)))
	description, feedPath := termDescription(term), term.Path()+"index.xml"
	of := " of " + strconv.Itoa(len(pgs))
	pages := make([]*Page, len(pgs))
	for i, pg := range pgs {
		p := &Page{Kind: "term", Title: term.Name, Description: description, Path: pagePath(term.Path(), pg.Number),
			Feed: feedPath, Taxonomy: tax, Term: term, Paginator: pg, Date: pg.Entries[0].Date}
		if pg.Number > 1 {
			p.Title = term.Name + ", page " + strconv.Itoa(pg.Number) + of
		}
		pages[i] = p
	}
	return pages
}

// isStatic names the files made from the configuration alone.
func isStatic(path string) bool {
	return path == "robots.txt" || path == ".nojekyll" || path == "CNAME"
}

// articlePage is what an article's page of site s is given.
func articlePage(s *generator.Site, e *generator.Entry) Page {
	return Page{Site: s, Kind: "article", Title: e.Title, Description: e.Summary, Path: e.Path(), Entry: e, Date: e.Date}
}

// homeDescription is the site's description, or, for a site that gives
// none, what its home page leads with: the latest issue. Search engines
// show a page's description under its title, and make one up without it.
func homeDescription(s *generator.Site) string {
	if d := s.Config.Description; d != "" {
		return d
	}
	if is := s.Latest(); is != nil {
		return fmt.Sprintf("%s, %s: %s", s.Config.Title, is.Headline, issueDescription(is))
	}
	return s.Config.Title
}

// issueDescription says what a week holds, naming the countries its
// articles are filed under (most articles first), as the page groups them.
func issueDescription(is *generator.Issue) string {
	var names []string
	for _, g := range is.Groups {
		if g.Term != nil && len(names) < 5 {
			names = append(names, g.Term.Name)
		}
	}
	d := fmt.Sprintf("%d articles", len(is.Entries))
	if len(is.Entries) == 1 {
		d = "1 article"
	}
	if len(names) > 0 {
		d += " on " + strings.Join(names, ", ")
	}
	return d
}

func termDescription(t *generator.Term) string {
	n := len(t.Entries)
	if n == 1 {
		return fmt.Sprintf("1 article naming %s", t.Name)
	}
	return fmt.Sprintf("%d articles naming %s", n, t.Name)
}

// fileCount is about how many files jobs lists for s: an article's page,
// the search fragments and shards, an issue's page, feed and email, a
// term's pages and feed, and a few more; enough that the list rarely grows.
func fileCount(s *generator.Site) int {
	n := len(s.Entries) + search.GroupCount(len(s.Entries)) + search.ShardCount(len(s.Entries)) + 8*len(s.Issues) + 64
	for _, tax := range s.Taxonomies {
		n += 2
		for _, t := range tax.Terms {
			size := pageSize(&s.Config, len(t.Entries))
			n += 1 + (len(t.Entries)+size-1)/size
		}
	}
	return n
}
