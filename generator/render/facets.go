package render

import (
	"slices"
	"strconv"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/search"
)

// facets lists what search results can be filtered by: every taxonomy's
// terms, then the year and the week, each value with its articles.
func facets(s *generator.Site, loc *time.Location) search.Meta {
	m := search.Meta{Docs: len(s.Entries), Shards: search.ShardCount(len(s.Entries))}
	for _, tax := range s.Taxonomies {
		k := len(m.Kinds)
		m.Kinds = append(m.Kinds, search.Kind{Name: tax.Name, Title: tax.Title})
		for _, t := range tax.Terms {
			m.Values = append(m.Values, search.Value{Kind: k, Name: t.Name, Slug: t.Slug, Docs: entryNumbers(t.Entries)})
		}
	}
	// Entries are newest first, so years and weeks come newest first too.
	year := len(m.Kinds)
	m.Kinds = append(m.Kinds, search.Kind{Name: "year", Title: "Year"})
	years := map[string]int{}
	for _, e := range s.Entries {
		y := strconv.Itoa(e.Date.In(loc).Year())
		v, ok := years[y]
		if !ok {
			v = len(m.Values)
			years[y] = v
			m.Values = append(m.Values, search.Value{Kind: year, Name: y, Slug: y})
		}
		m.Values[v].Docs = append(m.Values[v].Docs, e.Index)
	}
	week := len(m.Kinds)
	m.Kinds = append(m.Kinds, search.Kind{Name: "week", Title: "Week"})
	for _, is := range s.Issues {
		m.Values = append(m.Values, search.Value{Kind: week, Name: is.Title, Slug: is.Slug, Docs: entryNumbers(is.Entries)})
	}
	return m
}

// entryNumbers are the entries' places in the site, ascending.
func entryNumbers(entries []*generator.Entry) []int {
	out := make([]int, len(entries))
	for i, e := range entries {
		out[i] = e.Index
	}
	slices.Sort(out)
	return out
}
