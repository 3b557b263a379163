package site

import (
	"slices"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/internal/shares"
)

// maxRelatedArticles is how many related articles an article page lists.
const maxRelatedArticles = 4

// maxCandidates bounds how many neighbours in time an article is
// compared with, so a site that files thousands of articles in one week
// still assembles in linear time.
const maxCandidates = 400

// relateEntries gives every entry the articles of its own and the
// neighbouring weeks that share the most names with it: what a reader
// who finished this story reads next is the same story told elsewhere
// that week, not the most famous name of the year. Sections are left
// out of the count, as they are the outlet's filing, not the story's.
func relateEntries(s *generator.Site, ix *index) {
	// Each entry's names by index, looked up once rather than in the map
	// for each of the up to 400 candidates of every entry, and laid end
	// to end, so a window of candidates is one run of memory: read
	// through each candidate's Entry and its own slice, they were a
	// cache miss or two a candidate, and at 100,000 articles (400
	// candidates each) relating took 1.7 s of processor time. The
	// entries are shared out among the cores, each share with a relater
	// of its own: it writes only its own entries' Related. Assembling
	// waits for this, with nothing else left to do.
	starts := make([]int32, len(s.Entries)+1)
	for i, e := range s.Entries {
		starts[i+1] = starts[i] + int32(len(ix.ids[e]))
	}
	flat := make([]int32, 0, starts[len(s.Entries)])
	for _, e := range s.Entries {
		flat = append(flat, ix.ids[e]...)
	}
	shares.Run(len(s.Entries), 512, func(lo, hi int) {
		r := newRelater(s, ix)
		r.flat, r.starts = flat, starts
		for _, e := range s.Entries[lo:hi] {
			r.relate(e)
		}
	})
}

// relater finds entries' related articles, with scratch space of its
// own so that finding them for many entries allocates little.
type relater struct {
	s        *generator.Site
	ix       *index
	sections int
	mark     []bool
	best     []scored
	// flat and starts, when set, are ix.ids by entry index, for
	// s.Entries as they stand: entry i's are flat[starts[i]:starts[i+1]].
	flat, starts []int32
}

// idsAt is ix.ids of s.Entries[k].
func (r *relater) idsAt(k int) []int32 {
	if r.starts != nil {
		return r.flat[r.starts[k]:r.starts[k+1]]
	}
	return r.ix.ids[r.s.Entries[k]]
}

type scored struct {
	e      *generator.Entry
	shared int
}

func newRelater(s *generator.Site, ix *index) *relater {
	sections := slices.IndexFunc(s.Taxonomies, func(t *generator.Taxonomy) bool { return t.Name == "sections" })
	return &relater{s: s, ix: ix, sections: sections, mark: make([]bool, len(ix.terms))}
}

// before orders two candidates for e: most names shared, then the
// same week before the next or last one, then the nearest in the list
// (which is by date). Index settles the rest, so the order is total.
func before(e *generator.Entry, a, b scored) bool {
	// Decided by the first that differs, and nothing after it worked
	// out: most candidates are told apart by the names they share.
	if a.shared != b.shared {
		return a.shared > b.shared
	}
	if wa, wb := weekApart(e, a.e), weekApart(e, b.e); wa != wb {
		return wa < wb
	}
	if da, db := distance(e, a.e), distance(e, b.e); da != db {
		return da < db
	}
	return a.e.Index < b.e.Index
}

// relate sets e.Related. best holds the first few candidates in
// before's order: keeping them as they come costs a comparison or two
// for most candidates, where sorting all of up to 400 cost a third of
// assembling a site.
func (r *relater) relate(e *generator.Entry) {
	ix := r.ix
	ids := ix.ids[e]
	if len(ids) == 0 {
		e.Related = nil
		return
	}
	for _, i := range ids {
		r.mark[i] = ix.tax[i] != r.sections
	}
	lo, hi := window(r.s, e)
	best := r.best[:0]
	for k := lo; k < hi; k++ {
		n := 0
		for _, i := range r.idsAt(k) {
			if r.mark[i] {
				n++
			}
		}
		c := r.s.Entries[k]
		if n == 0 || c == e {
			continue
		}
		cand := scored{c, n}
		if len(best) == maxRelatedArticles && !before(e, cand, best[len(best)-1]) {
			continue
		}
		if len(best) < maxRelatedArticles {
			best = append(best, cand)
		} else {
			best[len(best)-1] = cand
		}
		for j := len(best) - 1; j > 0 && before(e, best[j], best[j-1]); j-- {
			best[j], best[j-1] = best[j-1], best[j]
		}
	}
	for _, i := range ids {
		r.mark[i] = false
	}
	r.best = best
	e.Related = make([]*generator.Entry, 0, len(best))
	for _, c := range best {
		e.Related = append(e.Related, c.e)
	}
}

// window is the run of s.Entries in e's week and the calendar weeks either side
// (entries are newest first, so a week's are next to each other), cut to
// the maxCandidates nearest e.
func window(s *generator.Site, e *generator.Entry) (lo, hi int) {
	// The weeks either side in the calendar: the issue before may be a
	// year older on a site with gaps, and a year-old story is history.
	is := e.Issue
	first, last := is, is
	if n := is.Next; n != nil && n.Start.Equal(is.Start.AddDate(0, 0, 7)) {
		first = n
	}
	if p := is.Prev; p != nil && p.Start.Equal(is.Start.AddDate(0, 0, -7)) {
		last = p
	}
	lo = first.Entries[0].Index
	hi = last.Entries[len(last.Entries)-1].Index + 1
	lo = max(lo, e.Index-maxCandidates/2)
	hi = min(hi, e.Index+maxCandidates/2+1)
	return lo, hi
}

func weekApart(e, c *generator.Entry) int {
	if e.Issue == c.Issue {
		return 0
	}
	return 1
}

func distance(e, c *generator.Entry) int {
	d := e.Index - c.Index
	if d < 0 {
		return -d
	}
	return d
}
