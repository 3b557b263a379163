package render

import "github.com/briefing-digest/briefing/generator"

// Patch brings p up to date with edits applied to its site in place
// (serve's site.Live.Replace), rather than listing every file of the site
// again: the pages whose titles, descriptions, dates and shares of a
// term's articles the edits may change are made again, by the functions
// that made them; every other file of p draws on the site as it is
// when it renders. It reports false, having changed nothing, when the
// edits changed which files the site has (a term came or went, or
// gained or lost a page), and the caller makes a new plan. Listing ten
// thousand articles' files again was a fifth of a save that moved one.
func (p *Plan) Patch(edits Edits) bool {
	s := p.site
	if len(s.Entries) != p.entries {
		return false // an article came or went: its page and a run of search results with it
	}
	terms := map[*generator.Term][]int{} // each touched term's page jobs, first page first
	weeks := map[*generator.Issue]bool{}
	edited := map[*generator.Entry]bool{}
	for _, ed := range edits.List {
		edited[ed.Entry] = true
		for _, t := range ed.Terms {
			if len(t.Entries) == 0 {
				return false // it has no page any more
			}
			terms[t] = nil
		}
		for _, is := range ed.Weeks {
			weeks[is] = true
		}
	}
	var refresh []int // pages drawn from the site, its weeks and edited articles
	for i := range p.jobs {
		j := &p.jobs[i]
		if j.page == nil {
			continue
		}
		switch j.kind {
		case "term":
			if list, ok := terms[j.term]; ok {
				terms[j.term] = append(list, i)
			}
		case "issue":
			if weeks[j.issue] {
				refresh = append(refresh, i)
			}
		case "article":
			if edited[j.entry] {
				refresh = append(refresh, i)
			}
		case "home", "issues", "taxonomy":
			refresh = append(refresh, i)
		}
	}
	pages := make(map[*generator.Term][]*Page, len(terms))
	for t, jobs := range terms {
		pages[t] = termPages(&s.Config, t.Taxonomy, t)
		if len(pages[t]) != len(jobs) {
			return false
		}
	}
	// The search fragments are slices of the site's entries, which
	// Replace reorders in place; a site whose entries moved to a new
	// array needs them sliced again.
	for i := range p.jobs {
		if g := p.jobs[i].group; len(g) > 0 && len(s.Entries) > 0 {
			if &g[0] != &s.Entries[g[0].Index] {
				return false
			}
			break
		}
	}

	for t, jobs := range terms {
		for k, i := range jobs {
			pg := pages[t][k]
			pg.Site = s
			*p.jobs[i].page = *pg
		}
	}
	for _, i := range refresh {
		j := &p.jobs[i]
		var pg *Page
		switch j.kind {
		case "issue":
			pg = issuePage(j.issue)
		case "article":
			a := articlePage(s, j.entry)
			pg = &a
		case "home":
			pg = homePage(s)
		case "issues":
			pg = archivePage(s)
		case "taxonomy":
			pg = taxonomyPage(s, j.page.Taxonomy)
		}
		pg.Site = s
		*j.page = *pg
	}
	for e := range edited {
		p.touch(e)
	}
	return true
}
