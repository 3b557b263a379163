package main

import (
	"math"
	"sort"

	"github.com/briefing-digest/briefing/generator/extract"
)

// lambda is the L2 penalty: with under a hundred articles the weights
// must stay small and few measures must carry them.
const lambda = 0.01

// fitted says which measures the fit may weigh (-use); the others keep
// weight 0 but are still read, for the floor the extract package applies.
var fitted []bool

// fitWeights fits a logistic regression to every candidate of the sets,
// then picks the score threshold that gives the best F1 over them. Plain
// gradient descent from zero, a fixed number of steps: the same data
// always gives the same file.
func fitWeights(sets []labelledSet) extract.TopicWeights {
	var cands []candidate
	var docs []measuredDoc
	for _, s := range sets {
		docs = append(docs, s.docs...)
		for _, d := range s.docs {
			cands = append(cands, d.cands...)
		}
	}
	names := extract.TopicMeasures()
	w := make([]float64, len(names)+1) // the bias last
	if len(cands) > 0 {
		const steps, rate = 20000, 0.5
		grad := make([]float64, len(w))
		for range steps {
			clear(grad)
			for _, c := range cands {
				p := sigmoid(dot(w, c.x))
				y := 0.0
				if c.gold {
					y = 1
				}
				for i, v := range c.x {
					grad[i] += (p - y) * v
				}
				grad[len(w)-1] += p - y
			}
			for i := range w {
				if i < len(w)-1 && !fitted[i] {
					continue
				}
				g := grad[i] / float64(len(cands))
				if i < len(w)-1 {
					g += lambda * w[i]
				}
				w[i] -= rate * g
			}
		}
	}
	tw := extract.TopicWeights{Bias: round(w[len(w)-1]), Weights: map[string]float64{}}
	for i, n := range names {
		tw.Weights[n] = round(w[i])
	}
	tw.Threshold = bestThreshold(tw, docs)
	return tw
}

// bestThreshold tries the midpoints between the candidates' scores.
func bestThreshold(tw extract.TopicWeights, docs []measuredDoc) float64 {
	var scores []float64
	for _, d := range docs {
		for _, c := range d.cands {
			if s := score(tw, c); !math.IsInf(s, -1) {
				scores = append(scores, s)
			}
		}
	}
	sort.Float64s(scores)
	best, bestF := 0.0, -1.0
	for i := 0; i+1 < len(scores); i++ {
		t := round((scores[i] + scores[i+1]) / 2)
		tw.Threshold = t
		if f := evaluate(tw, docs).f1(); f > bestF {
			best, bestF = t, f
		}
	}
	return best
}

func score(tw extract.TopicWeights, c candidate) float64 { return tw.Score(c.topic, c.x) }

func dot(w, x []float64) float64 {
	s := w[len(w)-1]
	for i, v := range x {
		s += w[i] * v
	}
	return s
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// round keeps four decimals, so the file reads well and floating-point
// noise does not make every run differ.
func round(v float64) float64 { return math.Round(v*1e4) / 1e4 }
