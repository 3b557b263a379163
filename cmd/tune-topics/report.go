package main

import (
	"fmt"
	"io"

	"github.com/briefing-digest/briefing/generator/extract"
)

// counts are micro-averaged (article, topic) outcomes, as score.py counts.
type counts struct{ tp, fp, fn int }

func (c counts) p() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) r() float64 { return ratio(c.tp, c.tp+c.fn) }
func (c counts) f1() float64 {
	p, r := c.p(), c.r()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c counts) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", c.p(), c.r(), c.f1(), c.tp, c.fp, c.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// evaluate counts what the weights choose, as the tagger does: above the
// threshold, at most five topics per article, the strongest.
func evaluate(tw extract.TopicWeights, docs []measuredDoc) counts {
	var c counts
	for _, d := range docs {
		c.fn += d.missed
		var kept []candidate
		var ks []float64
		for _, cd := range d.cands {
			if s := score(tw, cd); s > tw.Threshold {
				kept = append(kept, cd)
				ks = append(ks, s)
			} else if cd.gold {
				c.fn++
			}
		}
		for len(kept) > 5 {
			lo := 0
			for i := range ks {
				if ks[i] < ks[lo] {
					lo = i
				}
			}
			if kept[lo].gold {
				c.fn++
			}
			kept = append(kept[:lo], kept[lo+1:]...)
			ks = append(ks[:lo], ks[lo+1:]...)
		}
		for _, cd := range kept {
			if cd.gold {
				c.tp++
			} else {
				c.fp++
			}
		}
	}
	return c
}

// report prints the fit on each set, each set scored by weights fitted
// to the others only, and five-fold cross-validation over all articles.
func report(w io.Writer, sets []labelledSet) {
	all := fitWeights(sets)
	for _, s := range sets {
		fmt.Fprintf(w, "%-14s fitted on all:    %v\n", s.name, evaluate(all, s.docs))
	}
	if len(sets) > 1 {
		for i, s := range sets {
			var rest []labelledSet
			rest = append(rest, sets[:i]...)
			rest = append(rest, sets[i+1:]...)
			fmt.Fprintf(w, "%-14s fitted on others: %v\n", s.name, evaluate(fitWeights(rest), s.docs))
		}
	}
	const folds = 5
	var cv counts
	for k := range folds {
		var train, test []measuredDoc
		n := 0
		for _, s := range sets {
			for _, d := range s.docs {
				if n%folds == k {
					test = append(test, d)
				} else {
					train = append(train, d)
				}
				n++
			}
		}
		c := evaluate(fitWeights([]labelledSet{{docs: train}}), test)
		cv.tp, cv.fp, cv.fn = cv.tp+c.tp, cv.fp+c.fp, cv.fn+c.fn
	}
	fmt.Fprintf(w, "%-14s 5-fold:           %v\n", "all", cv)
}
