package render

import "github.com/briefing-digest/briefing/generator"

// Patch brings p up to date with edits applied to its site in place
// (serve's site.Live.Replace), rather than listing every file of the site
// again: the touched terms' pages and feeds are listed again (a term may
// have come, gone, or gained or lost a page), and the pages whose titles,
// descriptions and dates the edits may change are made again, by the
// functions that made them; every other file of p draws on the site as
// it is when it renders. It reports false, having changed nothing, when
// an article came or went (the entries are not as many as when p was
// made, or an edited one is gone), which moves runs of search results
// and lists a page more or less, and the caller makes a new plan. Listing
// ten thousand articles' files again was a fifth of a save that moved
// one.
func (r *Renderer) Patch(p *Plan, edits Edits) bool {
	s := p.site
	if len(s.Entries) != p.entries {
		return false
	}
	terms := map[*generator.Term]bool{}
	weeks := map[*generator.Issue]bool{}
	edited := map[*generator.Entry]bool{}
	for _, ed := range edits.List {
		if i := ed.Entry.Index; i >= len(s.Entries) || s.Entries[i] != ed.Entry {
			return false // removed: its page goes, and another may come
		}
		edited[ed.Entry] = true
		for _, t := range ed.Terms {
			terms[t] = true
		}
		for _, is := range ed.Weeks {
			weeks[is] = true
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

	// The touched terms' files leave their places and are listed again
	// at the end: a plan's order is only the order files render in.
	kept := p.jobs[:0]
	pages := p.pages
	for _, j := range p.jobs {
		if j.term != nil && terms[j.term] {
			if j.page != nil {
				pages--
			}
			continue
		}
		kept = append(kept, j)
	}
	for _, tax := range s.Taxonomies {
		for _, t := range tax.Terms {
			if terms[t] {
				n := len(kept)
				kept = r.termJobs(kept, s, tax, t)
				pages += len(kept) - n - 1
			}
		}
	}
	if n := len(p.jobs); len(kept) < n {
		clear(p.jobs[len(kept):n]) // what the plan lists no more holds no memory
	}
	p.jobs, p.pages = kept, pages

	for i := range p.jobs {
		j := &p.jobs[i]
		var pg *Page
		switch {
		case j.page == nil:
			continue
		case j.kind == "issue" && weeks[j.issue]:
			pg = issuePage(j.issue)
		case j.kind == "article" && edited[j.entry]:
			a := articlePage(s, j.entry)
			pg = &a
		case j.kind == "home":
			pg = homePage(s)
		case j.kind == "issues":
			pg = archivePage(s)
		case j.kind == "taxonomy":
			pg = taxonomyPage(s, j.page.Taxonomy)
		default:
			continue
		}
		pg.Site = s
		*j.page = *pg
	}
	for e := range edited {
		p.touch(e)
	}
	return true
}
