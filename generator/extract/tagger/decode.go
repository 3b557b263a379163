package tagger

import "math"

// lattice holds a sentence's scores: emit[i*numTags+y] is tag y's score at
// token i, trans[p*numTags+y] the score of y after p, where row numTags is
// the sentence start.
type lattice struct {
	n     int
	emit  []float32
	trans []float32
}

var negInf = float32(math.Inf(-1))

func (l *lattice) step(p int, y tag) float32 {
	if !allowed(p, y) {
		return negInf
	}
	if p < 0 {
		p = numTags
	}
	return l.trans[p*numTags+int(y)]
}

// viterbi returns the best tag sequence and the forward maxima alpha, the
// best score of any prefix that ends in tag y at token i.
func (l *lattice) viterbi() ([]tag, []float32) {
	n := l.n
	alpha := make([]float32, n*numTags)
	back := make([]uint8, n*numTags)
	for i := 0; i < n; i++ {
		for y := tag(0); int(y) < numTags; y++ {
			best, arg := negInf, 0
			if i == 0 {
				best = l.step(-1, y)
			} else {
				for p := 0; p < numTags; p++ {
					if s := alpha[(i-1)*numTags+p] + l.step(p, y); s > best {
						best, arg = s, p
					}
				}
			}
			alpha[i*numTags+int(y)] = best + l.emit[i*numTags+int(y)]
			back[i*numTags+int(y)] = uint8(arg)
		}
	}
	tags := make([]tag, n)
	if n == 0 {
		return tags, alpha
	}
	best := 0
	for y := 1; y < numTags; y++ {
		if alpha[(n-1)*numTags+y] > alpha[(n-1)*numTags+best] {
			best = y
		}
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = tag(best)
		best = int(back[i*numTags+best])
	}
	return tags, alpha
}

// backward returns beta, the best score of any suffix after token i given
// tag y at i, not counting i's own emission.
func (l *lattice) backward() []float32 {
	n := l.n
	beta := make([]float32, n*numTags)
	for i := n - 2; i >= 0; i-- {
		for y := 0; y < numTags; y++ {
			best := negInf
			for c := tag(0); int(c) < numTags; c++ {
				if s := l.step(y, c) + l.emit[(i+1)*numTags+int(c)] + beta[(i+1)*numTags+int(c)]; s > best {
					best = s
				}
			}
			beta[i*numTags+y] = best
		}
	}
	return beta
}

// margins gives each span of the best sequence its margin: how much better
// the best sequence scores than the best one that tags any token of the span
// differently, or that carries the name on into the next token. A margin
// near zero means the model could as well have said something else.
func (l *lattice) margins(tags []tag, alpha []float32, spans []Span) []float32 {
	beta := l.backward()
	mm := func(i int, y tag) float32 { return alpha[i*numTags+int(y)] + beta[i*numTags+int(y)] }
	best := mm(0, tags[0])
	out := make([]float32, len(spans))
	for si, s := range spans {
		rival := negInf
		for i := s.From; i < s.To; i++ {
			for y := tag(0); int(y) < numTags; y++ {
				if y != tags[i] && mm(i, y) > rival {
					rival = mm(i, y)
				}
			}
		}
		if s.To < l.n && tags[s.To] != insideTag(s.Kind) {
			if v := mm(s.To, insideTag(s.Kind)); v > rival {
				rival = v
			}
		}
		out[si] = best - rival
	}
	return out
}
