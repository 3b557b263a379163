package site

import (
	"cmp"
	"slices"
	"strings"

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
	}
	type spelling struct {
		g *gather
		n int
	}
	// Each distinct spelling is slugged once per build: slugging folds
	// Unicode, and a live site is assembled again on every save.
	bySpelling := map[string]*spelling{}
	bySlug := map[string]*gather{}
	var order []*gather
	var event [1]string
	for _, e := range entries {
		names := e.Article.Terms(name)
		if name == "events" && e.Event != "" {
			event[0] = e.Event // without allocating a list per article
			names = event[:]
		}
		terms := make([]*generator.Term, 0, len(names))
		for _, n := range names {
			sp := bySpelling[n]
			if sp == nil {
				slug := generator.Slugify(n)
				g := bySlug[slug]
				if g == nil {
					g = &gather{term: generator.NewTerm(tax, slug), spellings: map[string]int{}}
					bySlug[slug] = g
					order = append(order, g)
				}
				sp = &spelling{g: g}
				bySpelling[n] = sp
			}
			sp.n++
			g := sp.g
			// Entries arrive newest first, so each term's list is too.
			if last := len(g.term.Entries); last == 0 || g.term.Entries[last-1] != e {
				g.term.Entries = append(g.term.Entries, e)
			}
			terms = append(terms, g.term)
		}
		e.Terms[index] = terms
	}

	for n, sp := range bySpelling {
		sp.g.spellings[n] = sp.n
	}
	var clashes []generator.Clash
	terms := make([]*generator.Term, len(order))
	for i, g := range order {
		g.term.Name = preferred(g.spellings)
		g.term.Key = strings.ToLower(g.term.Name)
		terms[i] = g.term
		if len(g.spellings) > 1 {
			clashes = append(clashes, clash(name, g.term, g.spellings))
		}
	}
	byName := slices.Clone(terms)
	sortTerms(terms, byName)
	tax.SetTerms(terms, byName)
	return tax, clashes
}

// sortTerms puts a taxonomy's terms in their two orders: terms most
// articles first, then A–Z, and byName A–Z. Both orders are total, as
// slugs are unique, so the order the terms came in never shows.
func sortTerms(terms, byName []*generator.Term) {
	slices.SortFunc(byName, func(a, b *generator.Term) int {
		return cmp.Or(cmp.Compare(a.Key, b.Key), cmp.Compare(a.Slug, b.Slug))
	})
	slices.SortFunc(terms, func(a, b *generator.Term) int {
		return cmp.Or(cmp.Compare(len(b.Entries), len(a.Entries)), cmp.Compare(a.Key, b.Key), cmp.Compare(a.Slug, b.Slug))
	})
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

// clash reports the spellings merged into term and the articles that use
// one other than the kept name. Clashes are rare, so the files are found
// here rather than recorded for every name of every article.
func clash(tax string, term *generator.Term, spellings map[string]int) generator.Clash {
	c := generator.Clash{Taxonomy: tax, Slug: term.Slug, Names: []string{term.Name}}
	for s := range spellings {
		if s != term.Name {
			c.Names = append(c.Names, s)
		}
	}
	for _, e := range term.Entries {
		for _, n := range e.Article.Terms(tax) {
			if _, ok := spellings[n]; ok && n != term.Name {
				c.Files = append(c.Files, e.File)
			}
		}
	}
	slices.Sort(c.Names[1:])
	slices.Sort(c.Files)
	c.Files = slices.Compact(c.Files)
	return c
}

// maxRelated is how many related terms a term page lists per taxonomy.
const maxRelated = 8

// maxCooccurring is how many of one article's names (the first, in
// taxonomy order) count as named with each of its others. Relating every
// name of an article to every other grew with the square of its names:
// an article naming 5,000 people took tens of seconds. No real article
// names this many, so for them nothing changes.
const maxCooccurring = 64

// relate finds, for every term, the terms most often named in the same
// articles. One set of counters serves every term, so memory stays
// proportional to the number of terms, and time to the number of
// (article, term, co-named term) triples, never the site squared.
func relate(s *generator.Site, ix *index) {
	for n, term := range ix.terms {
		relateTerm(s, ix, int32(n), term)
	}
}

// relateTerm finds the terms most often named with term, number n.
func relateTerm(s *generator.Site, ix *index, n int32, term *generator.Term) {
	for _, e := range term.Entries {
		ids := ix.ids[e]
		for _, i := range ids[:min(len(ids), maxCooccurring)] {
			if i != n {
				ix.add(i)
			}
		}
	}
	var groups []generator.Related
	for t, tax := range s.Taxonomies {
		tcs := ix.take(t)
		if len(tcs) == 0 {
			continue
		}
		SortCounts(tcs)
		if len(tcs) > maxRelated {
			tcs = tcs[:maxRelated:maxRelated]
		}
		groups = append(groups, generator.Related{Taxonomy: tax, Terms: tcs})
	}
	term.Related = groups
	ix.reset()
}

// SortCounts orders by count, highest first, then by name.
func SortCounts(tcs []generator.TermCount) {
	slices.SortFunc(tcs, func(a, b generator.TermCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Term.Key, b.Term.Key), cmp.Compare(a.Term.Slug, b.Term.Slug))
	})
}
