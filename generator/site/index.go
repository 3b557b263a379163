package site

import (
	"github.com/briefing-digest/briefing/generator"
)

// index numbers every term of a site so that counting, done for every
// term and every week, runs on slices rather than maps: assembling the
// site again on each save in serve must stay well under a frame's time
// even at ten thousand articles.
type index struct {
	terms []*generator.Term
	tax   []int                        // each term's position in Site.Taxonomies
	ids   map[*generator.Entry][]int32 // each entry's terms, in taxonomy order
	// number is each term's place in terms. Terms are only ever added:
	// a term an edit in serve leaves without articles keeps its number,
	// named by no entry's ids.
	number map[*generator.Term]int32

	counts  []int   // zero between uses
	touched []int32 // the terms counted since the last reset, first seen first
}

func newIndex(s *generator.Site) *index {
	ix := &index{ids: make(map[*generator.Entry][]int32, len(s.Entries)), number: map[*generator.Term]int32{}}
	for i, tax := range s.Taxonomies {
		for _, t := range tax.Terms {
			ix.number[t] = int32(len(ix.terms))
			ix.terms = append(ix.terms, t)
			ix.tax = append(ix.tax, i)
		}
	}
	for _, e := range s.Entries {
		ix.file(e)
	}
	ix.counts = make([]int, len(ix.terms))
	return ix
}

// file records the numbers of the terms e names.
func (ix *index) file(e *generator.Entry) {
	n := 0
	for _, ts := range e.Terms {
		n += len(ts)
	}
	ids := make([]int32, 0, n)
	for _, ts := range e.Terms {
		for _, t := range ts {
			ids = append(ids, ix.number[t])
		}
	}
	ix.ids[e] = ids
}

// addTerm numbers a term made after the index, in taxonomy tax.
func (ix *index) addTerm(t *generator.Term, tax int) {
	ix.number[t] = int32(len(ix.terms))
	ix.terms = append(ix.terms, t)
	ix.tax = append(ix.tax, tax)
	ix.counts = append(ix.counts, 0)
}

// add counts one more article naming term i.
func (ix *index) add(i int32) {
	if ix.counts[i] == 0 {
		ix.touched = append(ix.touched, i)
	}
	ix.counts[i]++
}

// take returns the counts of the touched terms of taxonomy tax (every
// taxonomy when tax < 0), in the order first counted.
func (ix *index) take(tax int) []generator.TermCount {
	var tcs []generator.TermCount
	for _, i := range ix.touched {
		if tax < 0 || ix.tax[i] == tax {
			tcs = append(tcs, generator.TermCount{Term: ix.terms[i], Count: ix.counts[i]})
		}
	}
	return tcs
}

// counter returns an index over the same terms with counters of its own,
// for counting in another goroutine.
func (ix *index) counter() *index {
	return &index{terms: ix.terms, tax: ix.tax, ids: ix.ids, number: ix.number, counts: make([]int, len(ix.counts))}
}

// reset zeroes the counters for the next count.
func (ix *index) reset() {
	for _, i := range ix.touched {
		ix.counts[i] = 0
	}
	ix.touched = ix.touched[:0]
}
