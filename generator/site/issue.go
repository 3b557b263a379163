package site

import (
	"cmp"
	"slices"

	"github.com/briefing-digest/briefing/generator"
)

// topN is how many people and countries an issue names as the week's most named.
const topN = 8

// buildIssues puts every entry in its week's issue and links the issues
// and each week's entries to their neighbours.
func buildIssues(s *generator.Site, ix *index) []*generator.Issue {
	cfg := s.Config
	var issues []*generator.Issue
	bySlug := map[string]*generator.Issue{}
	for _, e := range s.Entries {
		w := WeekOf(e.Date, cfg.Location, cfg.WeekStart)
		is := bySlug[w.Slug()]
		if is == nil {
			is = &generator.Issue{Year: w.Year, Week: w.Number, Start: w.Start, Last: w.Last(), Slug: w.Slug(), Title: w.Title()}
			bySlug[is.Slug] = is
			issues = append(issues, is)
		}
		is.Entries = append(is.Entries, e)
		e.Issue = is
	}
	// Entries are newest first, so issues were met newest first too.
	linkIssues(issues)
	for _, is := range issues {
		linkEntries(is)
		tally(s, ix, is)
	}
	for _, is := range issues {
		findMovers(ix, is)
	}
	return issues
}

// linkIssues links each issue, newest first, to its neighbours.
func linkIssues(issues []*generator.Issue) {
	for i, is := range issues {
		is.Next, is.Prev = nil, nil
		if i > 0 {
			is.Next = issues[i-1]
		}
		if i+1 < len(issues) {
			is.Prev = issues[i+1]
		}
	}
}

// linkEntries links each of the week's entries to its neighbours.
func linkEntries(is *generator.Issue) {
	for j, e := range is.Entries {
		e.Next, e.Prev = nil, nil
		if j > 0 {
			e.Next = is.Entries[j-1]
		}
		if j+1 < len(is.Entries) {
			e.Prev = is.Entries[j+1]
		}
	}
}

// tally files the week's articles by country and finds its most named.
func tally(s *generator.Site, ix *index, is *generator.Issue) {
	is.Groups = groupByFirst(s, "countries", is.Entries)
	is.TopCountries = top(s, ix, "countries", is.Entries, topN)
	is.TopPeople = top(s, ix, "people", is.Entries, topN)
}

// findMovers sets what moved in the week. "What moved" compares with
// the calendar week before; when that week had no articles every name
// would be new, which says nothing.
func findMovers(ix *index, is *generator.Issue) {
	is.Movers = nil
	if p := is.Prev; p != nil && p.Start.Equal(is.Start.AddDate(0, 0, -7)) {
		is.Movers = movers(ix, is.Entries, p.Entries)
	}
}

// groupByFirst puts each entry under the first term it names in tax, so
// an article appears once in the issue, under what it is mainly about.
func groupByFirst(s *generator.Site, tax string, entries []*generator.Entry) []generator.IssueGroup {
	var groups []generator.IssueGroup
	at := map[*generator.Term]int{}
	var none []*generator.Entry
	for _, e := range entries {
		terms := s.Terms(e, tax)
		if len(terms) == 0 {
			none = append(none, e)
			continue
		}
		i, ok := at[terms[0]]
		if !ok {
			i = len(groups)
			at[terms[0]] = i
			groups = append(groups, generator.IssueGroup{Term: terms[0]})
		}
		groups[i].Entries = append(groups[i].Entries, e)
	}
	slices.SortStableFunc(groups, func(a, b generator.IssueGroup) int {
		return cmp.Or(cmp.Compare(len(b.Entries), len(a.Entries)), cmp.Compare(a.Term.Key, b.Term.Key))
	})
	if len(none) > 0 {
		groups = append(groups, generator.IssueGroup{Entries: none})
	}
	return groups
}

// fewTop is how many names a "most named" box shows when few or none of
// the week's names are in more than one article.
const fewTop = 3

// top counts the articles naming each term of tax and keeps the n most
// named of those in more than one article, or the first fewTop if fewer
// are: eight names each "1" say nothing but who happened to sort first.
func top(s *generator.Site, ix *index, tax string, entries []*generator.Entry, n int) []generator.TermCount {
	tcs := count(s, ix, tax, entries)
	// Counts are most first, so those above one come first.
	keep := slices.IndexFunc(tcs, func(tc generator.TermCount) bool { return tc.Count < 2 })
	if keep < 0 {
		keep = len(tcs)
	}
	keep = min(max(keep, fewTop), n, len(tcs))
	return tcs[:keep:keep]
}

// count counts the articles naming each term of tax, most named first.
func count(s *generator.Site, ix *index, tax string, entries []*generator.Entry) []generator.TermCount {
	t := slices.IndexFunc(s.Taxonomies, func(x *generator.Taxonomy) bool { return x.Name == tax })
	if t < 0 {
		return nil
	}
	for _, e := range entries {
		for _, i := range ix.ids[e] {
			if ix.tax[i] == t {
				ix.add(i)
			}
		}
	}
	tcs := ix.take(t)
	ix.reset()
	SortCounts(tcs)
	return tcs
}

// maxMovers is how many rising terms an issue shows.
const maxMovers = 8

// movers lists the terms, of every taxonomy, named in more articles this
// week than in the calendar week before: the "what moved" of the home page.
func movers(ix *index, this, last []*generator.Entry) []generator.Mover {
	for _, e := range last {
		for _, i := range ix.ids[e] {
			ix.add(i)
		}
	}
	before := make(map[int32]int, len(ix.touched))
	for _, i := range ix.touched {
		before[i] = ix.counts[i]
	}
	ix.reset()
	for _, e := range this {
		for _, i := range ix.ids[e] {
			ix.add(i)
		}
	}
	type rising struct {
		generator.Mover
		tax int
	}
	var up []rising
	for _, i := range ix.touched {
		if n := ix.counts[i]; n > before[i] {
			up = append(up, rising{generator.Mover{Term: ix.terms[i], This: n, Last: before[i]}, ix.tax[i]})
		}
	}
	ix.reset()
	// Within a taxonomy names are unique; across them, the configured
	// order of taxonomies settles a tie.
	slices.SortFunc(up, func(a, b rising) int {
		return cmp.Or(cmp.Compare(b.This-b.Last, a.This-a.Last), cmp.Compare(b.This, a.This), cmp.Compare(a.Term.Key, b.Term.Key), cmp.Compare(a.tax, b.tax))
	})
	out := make([]generator.Mover, 0, min(len(up), maxMovers))
	for _, r := range up[:min(len(up), maxMovers)] {
		out = append(out, r.Mover)
	}
	return out
}
