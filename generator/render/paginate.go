package render

import (
	"strconv"

	"github.com/briefing-digest/briefing/generator"
)

// Paginator is one page of a term's articles: a big term (a topic on
// ten thousand articles) would otherwise make a page of megabytes that
// no reader scrolls through, so older articles move to page/2/ and on,
// as Hugo's pagers do.
type Paginator struct {
	Number  int                // 1 for the term's own page
	Total   int                // how many pages the term has
	Entries []*generator.Entry // this page's articles, newest first
	// Newer and Older are the neighbouring pages, nil at either end.
	Newer, Older *PageLink
	// Years are where each year's articles begin, newest year first: a
	// reader after 2021 goes there rather than paging back through 2023.
	Years []YearLink
}

// PageLink is a link to one page of a pager, in the shape the pager partial takes.
type PageLink struct {
	Path  string
	Title string
}

// YearLink says how many of a term's articles fall in a year and on
// which page the first of them is.
type YearLink struct {
	Year  int
	Count int
	Path  string
}

// pagePath is the address of page n of a list at base: the list's own
// address for the first page, so links to it never change.
func pagePath(base string, n int) string {
	if n == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// pageSize is how many articles a term page shows. A Config made in
// code rather than read from briefing.yaml may leave it at zero, which
// puts every article on one page as before pages existed.
func pageSize(cfg *generator.Config, entries int) int {
	if cfg.Paginate < 1 {
		return max(1, entries)
	}
	return cfg.Paginate
}

// paginate cuts a term's articles into pages of size each.
func paginate(t *generator.Term, size int) []*Paginator {
	entries := t.Entries
	total := max(1, (len(entries)+size-1)/size)
	pages := make([]*Paginator, total)
	all := make([]Paginator, total) // one allocation for the term's pages
	base := t.Path()
	// Each page's link is made once: it is one page's Older and the
	// next one's Newer. Serve plans the pages of every term again
	// whenever an article comes or goes, so these add up.
	var links []PageLink
	if total > 1 {
		links = make([]PageLink, total)
		of := " of " + strconv.Itoa(total)
		for n := 1; n <= total; n++ {
			links[n-1] = PageLink{Path: pagePath(base, n), Title: "Page " + strconv.Itoa(n) + of}
		}
	}
	link := func(n int) *PageLink { return &links[n-1] }
	var years []YearLink
	for i, e := range entries {
		// The weekly issue's year, not the calendar's: the page groups
		// articles by week, and a week is filed under one year.
		if n := len(years); n > 0 && years[n-1].Year == e.Issue.Year {
			years[n-1].Count++
			continue
		}
		path := base
		if links != nil {
			path = links[i/size].Path
		}
		years = append(years, YearLink{Year: e.Issue.Year, Count: 1, Path: path})
	}
	for n := 1; n <= total; n++ {
		p := &all[n-1]
		*p = Paginator{Number: n, Total: total, Entries: entries[(n-1)*size : min(n*size, len(entries))]}
		if n > 1 {
			p.Newer = link(n - 1)
		}
		if n < total {
			p.Older = link(n + 1)
		}
		// One year says nothing the lede does not.
		if len(years) > 1 {
			p.Years = years
		}
		pages[n-1] = p
	}
	return pages
}
