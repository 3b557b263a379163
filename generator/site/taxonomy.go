package site

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/briefing-digest/briefing/generator"
)

// labels are the singular and title of each taxonomy.
var labels = map[string][2]string{
	"countries":     {"country", "Countries"},
	"people":        {"person", "People"},
	"organizations": {"organization", "Organizations"},
	"events":        {"event", "Events"},
	"topics":        {"topic", "Topics"},
	"places":        {"place", "Places"},
	"sections":      {"section", "Sections"},
}

// buildTaxonomy gathers the terms of one taxonomy. Spellings that slug
// alike are one term, named by the spelling most articles use; the
// merge is reported as a clash so check can show it.
func buildTaxonomy(name string, index int, entries []*generator.Entry) (*generator.Taxonomy, []generator.Clash) {
	tax := &generator.Taxonomy{Name: name, Singular: labels[name][0], Title: labels[name][1]}
	type gather struct {
		term      *generator.Term
		spellings map[string]int
		files     map[string][]string
	}
	bySlug := map[string]*gather{}
	var order []*gather
	for _, e := range entries {
		names := e.Article.Terms(name)
		terms := make([]*generator.Term, 0, len(names))
		for _, n := range names {
			slug := slugOf(n)
			g := bySlug[slug]
			if g == nil {
				g = &gather{term: &generator.Term{Taxonomy: tax, Slug: slug}, spellings: map[string]int{}, files: map[string][]string{}}
				bySlug[slug] = g
				order = append(order, g)
			}
			g.files[n] = append(g.files[n], e.File)
			g.spellings[n]++
			// Entries arrive newest first, so each term's list is too.
			if last := len(g.term.Entries); last == 0 || g.term.Entries[last-1] != e {
				g.term.Entries = append(g.term.Entries, e)
			}
			terms = append(terms, g.term)
		}
		e.Terms[index] = terms
	}

	var clashes []generator.Clash
	terms := make([]*generator.Term, len(order))
	for i, g := range order {
		g.term.Name = preferred(g.spellings)
		g.term.Key = strings.ToLower(g.term.Name)
		terms[i] = g.term
		if len(g.spellings) > 1 {
			clashes = append(clashes, clash(name, g.term, g.spellings, g.files))
		}
	}
	byName := slices.Clone(terms)
	slices.SortFunc(byName, func(a, b *generator.Term) int {
		return cmp.Or(cmp.Compare(a.Key, b.Key), cmp.Compare(a.Slug, b.Slug))
	})
	slices.SortStableFunc(terms, func(a, b *generator.Term) int {
		return cmp.Or(cmp.Compare(len(b.Entries), len(a.Entries)), cmp.Compare(a.Key, b.Key), cmp.Compare(a.Slug, b.Slug))
	})
	tax.SetTerms(terms, byName)
	return tax, clashes
}

// slugs remembers each name's slug: a live site is assembled again on
// every save, and slugging (Unicode folding) was a third of that work.
// It holds one entry per distinct spelling ever seen, which is small.
var slugs sync.Map

func slugOf(name string) string {
	if s, ok := slugs.Load(name); ok {
		return s.(string)
	}
	s := generator.Slugify(name)
	slugs.Store(name, s)
	return s
}

// preferred picks the spelling most articles use; ties go to the one
// that sorts first, so the choice never depends on file order.
func preferred(spellings map[string]int) string {
	best, n := "", -1
	for s, c := range spellings {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

func clash(tax string, term *generator.Term, spellings map[string]int, files map[string][]string) generator.Clash {
	c := generator.Clash{Taxonomy: tax, Slug: term.Slug, Names: []string{term.Name}}
	for s := range spellings {
		if s != term.Name {
			c.Names = append(c.Names, s)
			c.Files = append(c.Files, files[s]...)
		}
	}
	slices.Sort(c.Names[1:])
	slices.Sort(c.Files)
	c.Files = slices.Compact(c.Files)
	return c
}

// maxRelated is how many related terms a term page lists per taxonomy.
const maxRelated = 8

// relate finds, for every term, the terms most often named in the same
// articles. One counter slice is reused for every term, so memory stays
// proportional to the number of terms, and time to the number of
// (article, term, co-named term) triples, never the site squared.
func relate(s *generator.Site) {
	var all []*generator.Term
	index := map[*generator.Term]int{}
	for _, tax := range s.Taxonomies {
		for _, t := range tax.Terms {
			index[t] = len(all)
			all = append(all, t)
		}
	}
	counts := make([]int, len(all))
	var touched []int
	for _, term := range all {
		touched = touched[:0]
		for _, e := range term.Entries {
			for _, ts := range e.Terms {
				for _, other := range ts {
					if other == term {
						continue
					}
					i := index[other]
					if counts[i] == 0 {
						touched = append(touched, i)
					}
					counts[i]++
				}
			}
		}
		term.Related = related(s.Taxonomies, all, counts, touched)
		for _, i := range touched {
			counts[i] = 0
		}
	}
}

func related(taxes []*generator.Taxonomy, all []*generator.Term, counts, touched []int) []generator.Related {
	var groups []generator.Related
	for _, tax := range taxes {
		var tcs []generator.TermCount
		for _, i := range touched {
			if all[i].Taxonomy == tax {
				tcs = append(tcs, generator.TermCount{Term: all[i], Count: counts[i]})
			}
		}
		if len(tcs) == 0 {
			continue
		}
		SortCounts(tcs)
		if len(tcs) > maxRelated {
			tcs = tcs[:maxRelated:maxRelated]
		}
		groups = append(groups, generator.Related{Taxonomy: tax, Terms: tcs})
	}
	return groups
}

// SortCounts orders by count, highest first, then by name.
func SortCounts(tcs []generator.TermCount) {
	slices.SortFunc(tcs, func(a, b generator.TermCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Term.Key, b.Term.Key), cmp.Compare(a.Term.Slug, b.Term.Slug))
	})
}
