package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/briefing-digest/briefing/generator/extract"
)

// seedMargin is how far above the threshold a required topic is lifted,
// so rounding and small changes elsewhere do not drop it again.
const seedMargin = 0.25

// seedPriors lifts the topics the seed article must keep — the story
// briefing was designed around — just above the threshold, by a prior on
// each such topic, where the fitted weights leave them below. The seed is
// read with and without its headline given, as the tests read it.
func seedPriors(x *extract.Extractor, tw *extract.TopicWeights, path, title string, want []string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading the seed article: %w", err)
	}
	tw.Priors = map[string]float64{}
	for _, t := range []string{"", title} {
		ev := x.TopicEvidence(t, string(b))
		for _, topic := range want {
			found := false
			for _, e := range ev {
				if e.Topic != topic {
					continue
				}
				found = true
				if need := tw.Threshold - score(*tw, candidate{x: e.Measures}) + seedMargin; need > 0 {
					tw.Priors[topic] = max(tw.Priors[topic], round(need))
				}
			}
			if !found {
				return fmt.Errorf("the seed article has no keyword of %q: no weight can give it that topic", topic)
			}
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
