package tagger

import (
	"math/rand/v2"
	"sync"
)

// Example is a sentence with the names a person marked in it.
type Example struct {
	Tokens []Token
	Spans  []Span
}

// TrainOptions sets how Train learns.
type TrainOptions struct {
	// Buckets is the number of hashed feature rows; more means fewer
	// collisions and a bigger model file.
	Buckets uint32
	// Epochs is the number of passes over the examples.
	Epochs int
	// Seed fixes the order of examples in each pass, so the same input
	// gives the same model.
	Seed uint64
	// Runs is how many perceptrons, each shuffled by its own seed (Seed,
	// Seed+1, ...), are trained and averaged; one is the default. The
	// average varies less with the seed than any one run.
	Runs int
	// Progress, if set, hears after each pass how many sentences it got wrong.
	Progress func(epoch, wrong int)
}

// Train learns a model from examples with the averaged structured
// perceptron: decode each sentence with the current weights, and where the
// best sequence differs from the marked one, move weights towards the marked
// tags. The average of the weights over all steps is what is kept, which
// generalises far better than the last weights.
func Train(examples []Example, opt TrainOptions) *Model {
	if opt.Buckets == 0 {
		opt.Buckets = 1 << 20
	}
	lex := buildLexicon(examples)
	data := make([]prepared, 0, len(examples))
	for _, ex := range examples {
		if len(ex.Tokens) == 0 {
			continue
		}
		data = append(data, prepared{sentenceFeatures(ex.Tokens, opt.Buckets, lex), tagsOf(ex.Spans, len(ex.Tokens))})
	}
	runs := max(opt.Runs, 1)
	weights := make([][]float32, runs)
	trans := make([][]float32, runs)
	var wg sync.WaitGroup
	// Two runs at a time: each holds about 140 MB of weights and sums, and
	// the machines this is built on have two cores.
	sem := make(chan struct{}, 2)
	for r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			weights[r], trans[r] = trainRun(data, opt, opt.Seed+uint64(r), r == 0)
		}()
	}
	wg.Wait()
	// Summing in run order keeps the result the same however the runs
	// were scheduled.
	for r := 1; r < runs; r++ {
		for i, v := range weights[r] {
			weights[0][i] += v
		}
		for i, v := range trans[r] {
			trans[0][i] += v
		}
	}
	for _, ws := range [][]float32{weights[0], trans[0]} {
		for i := range ws {
			ws[i] /= float32(runs)
		}
	}
	return quantize(opt.Buckets, weights[0], trans[0], lex)
}

// trainRun is one perceptron over the data in the order one seed gives;
// only the run that report says so tells Progress.
func trainRun(data []prepared, opt TrainOptions, seed uint64, report bool) (weights, trans []float32) {
	p := &perceptron{
		buckets: opt.Buckets,
		w:       make([]float32, int(opt.Buckets)*numTags),
		accW:    make([]float64, int(opt.Buckets)*numTags),
		t:       make([]float32, (numTags+1)*numTags),
		accT:    make([]float64, (numTags+1)*numTags),
		step:    1,
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong := 0
		for _, k := range order {
			if p.learn(data[k].feats, data[k].gold) {
				wrong++
			}
			p.step++
		}
		if report && opt.Progress != nil {
			opt.Progress(epoch, wrong)
		}
	}
	return p.average(p.w, p.accW), p.average(p.t, p.accT)
}

// prepared is an example as training reads it.
type prepared struct {
	feats [][]uint32
	gold  []tag
}

// perceptron keeps the running weights and, for averaging without a copy
// per step, the sum of each update times the step it was made at.
type perceptron struct {
	buckets uint32
	w       []float32
	accW    []float64
	t       []float32
	accT    []float64
	step    float64
}

func (p *perceptron) lattice(feats [][]uint32) *lattice {
	l := &lattice{n: len(feats), emit: make([]float32, len(feats)*numTags), trans: p.t}
	for i, fs := range feats {
		e := l.emit[i*numTags : i*numTags+numTags]
		for _, f := range fs {
			for y, v := range p.w[int(f)*numTags : int(f)*numTags+numTags] {
				e[y] += v
			}
		}
	}
	return l
}

// learn decodes one sentence and corrects the weights; it says whether the
// sentence was wrong.
func (p *perceptron) learn(feats [][]uint32, gold []tag) bool {
	pred, _ := p.lattice(feats).viterbi()
	wrong := false
	for i := range gold {
		if pred[i] != gold[i] {
			wrong = true
			for _, f := range feats[i] {
				p.bump(int(f)*numTags+int(gold[i]), 1)
				p.bump(int(f)*numTags+int(pred[i]), -1)
			}
		}
		gp, pp := numTags, numTags
		if i > 0 {
			gp, pp = int(gold[i-1]), int(pred[i-1])
		}
		if gp != pp || gold[i] != pred[i] {
			p.bumpT(gp*numTags+int(gold[i]), 1)
			p.bumpT(pp*numTags+int(pred[i]), -1)
		}
	}
	return wrong
}

func (p *perceptron) bump(i int, d float32) {
	p.w[i] += d
	p.accW[i] += p.step * float64(d)
}

func (p *perceptron) bumpT(i int, d float32) {
	p.t[i] += d
	p.accT[i] += p.step * float64(d)
}

func (p *perceptron) average(w []float32, acc []float64) []float32 {
	out := make([]float32, len(w))
	for i := range w {
		out[i] = float32(float64(w[i]) - acc[i]/p.step)
	}
	return out
}
