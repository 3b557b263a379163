package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"sync"
)

// topicWeightsFile is the model cmd/tune-topics fits on the labelled
// sets; it is data, not code, so retuning never touches the matcher.
//
//go:embed data/topic-weights.json
var topicWeightsFile []byte

// TopicWeights is the topic model: a topic is chosen when the weighted
// sum of its measures, plus Bias, exceeds Threshold. It is what
// cmd/tune-topics writes and data/topic-weights.json holds.
type TopicWeights struct {
	About     string             `json:"about,omitempty"` // how the weights were made
	Bias      float64            `json:"bias"`
	Weights   map[string]float64 `json:"weights"` // by TopicMeasures name
	Threshold float64            `json:"threshold"`
}

// topicModel is TopicWeights laid out by measure.
type topicModel struct {
	bias, threshold float64
	w               [nMeasures]float64
}

// defaultTopicModel reads the embedded weights once. It is read when
// topics are first chosen, not when an Extractor is built, so that
// cmd/tune-topics can measure articles even while the file it is about
// to replace no longer fits the measures.
var defaultTopicModel = sync.OnceValue(func() topicModel {
	var tw TopicWeights
	if err := json.Unmarshal(topicWeightsFile, &tw); err != nil {
		panic(fmt.Sprintf("extract: embedded topic weights: %v", err))
	}
	m, err := tw.model()
	if err != nil {
		panic(fmt.Sprintf("extract: embedded topic weights: %v", err))
	}
	return m
})

func (tw TopicWeights) model() (topicModel, error) {
	m := topicModel{bias: tw.Bias, threshold: tw.Threshold}
	for name, w := range tw.Weights {
		i := measureIndex(name)
		if i < 0 {
			return m, fmt.Errorf("unknown measure %q", name)
		}
		m.w[i] = w
	}
	return m, nil
}

func measureIndex(name string) int {
	for i, n := range measureNames {
		if n == name {
			return i
		}
	}
	return -1
}

// minMentions is the floor below the weights: a keyword found once, and
// not in the headline, is a word in passing whatever else the article
// holds, so no weight may make a topic of it.
const minMentions = 2

// eligible reports evidence above that floor.
func eligible(measures []float64) bool {
	return measures[mHeadline] > 0 || measures[mMentions] >= math.Log2(1+minMentions)-1e-9
}

// score weighs the measures; evidence below the floor scores -Inf.
func (m topicModel) score(e *topicEvidence) float64 {
	if !eligible(e.measures[:]) {
		return math.Inf(-1)
	}
	s := m.bias
	for i, v := range e.measures {
		s += m.w[i] * v
	}
	return namedFloor(e.measures[:], s, m.threshold)
}

// namedFloor lifts to just above the threshold a topic whose own name the
// article writes twice ("terrorism", "sanctions"): the article says
// outright what it is about, however little of it those sentences fill.
// It is a rule, not a weight, because the labelled sets have too few such
// articles to fit one.
func namedFloor(measures []float64, s, threshold float64) float64 {
	if measures[mNamed] == 1 && !(s > threshold) {
		return threshold + 1e-6
	}
	return s
}

// Score is the score the model gives a topic with these measures, in the
// order of TopicMeasures; the topic is chosen when it exceeds Threshold.
// Evidence too slight for any weight to count, a keyword once in the
// body, scores -Inf.
func (tw TopicWeights) Score(topic string, measures []float64) float64 {
	if !eligible(measures) {
		return math.Inf(-1)
	}
	s := tw.Bias
	for i, n := range measureNames {
		s += tw.Weights[n] * measures[i]
	}
	return namedFloor(measures, s, tw.Threshold)
}

// choose keeps the topics that score above the threshold, best first.
func (m topicModel) choose(names []string, ev []topicEvidence) []string {
	type scored struct {
		topic int
		score float64
	}
	var kept []scored
	for i := range ev {
		if s := m.score(&ev[i]); s > m.threshold {
			kept = append(kept, scored{ev[i].topic, s})
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].score > kept[j].score })
	if len(kept) > maxTopics {
		kept = kept[:maxTopics]
	}
	out := make([]string, len(kept))
	for i, k := range kept {
		out[i] = names[k.topic]
	}
	return out
}
