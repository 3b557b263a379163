package tagger

import "math"

// Calibrate fits the confidence curve on sentences the model was not
// trained on: a span the model finds is right when a marked span has the
// same tokens and kind, and a logistic curve over the span's margin is
// fitted to that by Newton's method. It returns the number of spans used.
func (m *Model) Calibrate(heldOut []Example) int {
	var margins []float64
	var right []bool
	for _, ex := range heldOut {
		if len(ex.Tokens) == 0 {
			continue
		}
		l := m.lattice(sentenceFeatures(ex.Tokens, m.buckets, m.lex))
		tags, alpha := l.viterbi()
		spans := spansOf(tags)
		gold := map[Span]bool{}
		for _, s := range ex.Spans {
			gold[Span{From: s.From, To: s.To, Kind: s.Kind}] = true
		}
		for i, mg := range l.margins(tags, alpha, spans) {
			margins = append(margins, math.Min(float64(mg), 1e6))
			right = append(right, gold[Span{From: spans[i].From, To: spans[i].To, Kind: spans[i].Kind}])
		}
	}
	a, b := fitLogistic(margins, right)
	m.calA, m.calB = float32(a), float32(b)
	return len(margins)
}

// fitLogistic fits p = sigmoid(a·x + b) by Newton's method, halving a
// step that would raise the loss (plain Newton overshoots when right and
// wrong spans are nearly separable), with a little ridge so that a set
// where every span is right still gives finite numbers.
func fitLogistic(x []float64, y []bool) (a, b float64) {
	// Margins are in weight units, far from 1; fitting on x/scale keeps the
	// Hessian well conditioned.
	scale := 0.0
	for _, v := range x {
		scale += math.Abs(v)
	}
	if len(x) == 0 || scale == 0 {
		return 1, 0
	}
	scale /= float64(len(x))
	const ridge = 1e-3
	loss := func(a, b float64) float64 {
		l := ridge * a * a / 2
		for i, xi := range x {
			z := a*xi/scale + b
			if y[i] {
				z = -z
			}
			l += math.Log1p(math.Exp(z))
		}
		return l
	}
	for iter := 0; iter < 100; iter++ {
		var ga, gb, haa, hab, hbb float64
		for i, xi := range x {
			xs := xi / scale
			p := 1 / (1 + math.Exp(-(a*xs + b)))
			t := 0.0
			if y[i] {
				t = 1
			}
			ga += (p - t) * xs
			gb += p - t
			w := p * (1 - p)
			haa += w * xs * xs
			hab += w * xs
			hbb += w
		}
		ga += ridge * a
		haa += ridge
		hbb += ridge
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		cur := loss(a, b)
		step := 1.0
		for step > 1e-6 && loss(a-step*da, b-step*db) > cur {
			step /= 2
		}
		a, b = a-step*da, b-step*db
		if math.Abs(step*da) < 1e-9 && math.Abs(step*db) < 1e-9 {
			break
		}
	}
	return a / scale, b
}

// Calibration returns the confidence curve's slope and offset.
func (m *Model) Calibration() (a, b float32) { return m.calA, m.calB }

// SetCalibration sets the confidence curve, for a model trained on all the
// data whose curve was fitted on an earlier held-out run.
func (m *Model) SetCalibration(a, b float32) { m.calA, m.calB = a, b }
