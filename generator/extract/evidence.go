package extract

// TopicEvidence is what one article offers for one topic of the
// vocabulary, measured as the topic model weighs it. cmd/tune-topics
// fits TopicWeights to these; nothing else needs them.
type TopicEvidence struct {
	Topic    string
	Measures []float64 // in the order of TopicMeasures
}

// TopicMeasures names the measures of a TopicEvidence, as the weights
// file spells them.
func TopicMeasures() []string { return measureNames[:] }

// TopicEvidence returns the evidence for each topic the article has a
// keyword of, in the sense the topic means; topics without one have none.
func (x *Extractor) TopicEvidence(title, text string) []TopicEvidence {
	ev := x.topics.evidence(prepare(title, text))
	out := make([]TopicEvidence, len(ev))
	for i, e := range ev {
		out[i] = TopicEvidence{Topic: x.topics.names[e.topic], Measures: append([]float64(nil), e.measures[:]...)}
	}
	return out
}
