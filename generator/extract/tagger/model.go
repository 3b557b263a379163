package tagger

import "math"

// Model is a trained tagger. Its weights are int16 steps of scale, which
// keeps the embedded file small at no measurable cost in accuracy; a Model
// is read-only once built, so one may serve many goroutines.
type Model struct {
	buckets uint32
	weights []int16 // buckets × numTags
	trans   []int16 // (numTags+1) × numTags, the last row for the sentence start
	scale   float32
	// Confidence is sigmoid(calA·margin + calB), fitted on held-out
	// sentences so that it reads as the chance the span is right.
	calA, calB float32
	lex        lexicon
}

// Tag finds the names in one sentence. Spans come in sentence order and do
// not overlap; each carries its confidence (see Span).
func (m *Model) Tag(sent []Token) []Span {
	if len(sent) == 0 {
		return nil
	}
	l := m.lattice(sentenceFeatures(sent, m.buckets, m.lex))
	tags, alpha := l.viterbi()
	spans := spansOf(tags)
	for i, margin := range l.margins(tags, alpha, spans) {
		spans[i].Confidence = m.confidence(margin)
	}
	return spans
}

func (m *Model) confidence(margin float32) float32 {
	z := float64(m.calA)*float64(margin) + float64(m.calB)
	return float32(1 / (1 + math.Exp(-z)))
}

func (m *Model) lattice(feats [][]uint32) *lattice {
	l := &lattice{n: len(feats), emit: make([]float32, len(feats)*numTags), trans: make([]float32, len(m.trans))}
	for i, v := range m.trans {
		l.trans[i] = float32(v) * m.scale
	}
	var sum [numTags]int32
	for i, fs := range feats {
		sum = [numTags]int32{}
		for _, f := range fs {
			row := m.weights[int(f)*numTags : int(f)*numTags+numTags]
			for y, v := range row {
				sum[y] += int32(v)
			}
		}
		for y, v := range sum {
			l.emit[i*numTags+y] = float32(v) * m.scale
		}
	}
	return l
}

// quantize turns trained float weights into a Model.
func quantize(buckets uint32, weights, trans []float32, lex lexicon) *Model {
	maxAbs := float32(0)
	for _, ws := range [][]float32{weights, trans} {
		for _, v := range ws {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
	}
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	q := func(ws []float32) []int16 {
		out := make([]int16, len(ws))
		for i, v := range ws {
			out[i] = int16(math.Round(float64(v / scale)))
		}
		return out
	}
	return &Model{buckets: buckets, weights: q(weights), trans: q(trans), scale: scale, calA: 1, calB: 0, lex: lex}
}
