package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"github.com/briefing-digest/briefing/generator/extract"
)

// goldDoc is one line of a labelled set; only what topics need is read.
type goldDoc struct {
	Title  string   `json:"title"`
	Text   string   `json:"text"`
	Topics []string `json:"topics"`
}

func readSet(path string) ([]goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading a labelled set: %w", err)
	}
	defer f.Close()
	var docs []goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return docs, nil
}

// candidate is one (article, topic) pair the tagger could choose: a topic
// with evidence, and whether the labellers chose it.
type candidate struct {
	topic string
	x     []float64
	gold  bool
}

// measuredDoc is an article as the model sees it: its candidates, and the
// labelled topics no keyword found, which no weight can recover.
type measuredDoc struct {
	cands  []candidate
	missed int
}

type labelledSet struct {
	name string
	docs []measuredDoc
}

func measure(x *extract.Extractor, docs []goldDoc) []measuredDoc {
	out := make([]measuredDoc, len(docs))
	for i, d := range docs {
		found := 0
		for _, e := range x.TopicEvidence(d.Title, d.Text) {
			g := slices.Contains(d.Topics, e.Topic)
			if g {
				found++
			}
			out[i].cands = append(out[i].cands, candidate{topic: e.Topic, x: e.Measures, gold: g})
		}
		out[i].missed = len(d.Topics) - found
	}
	return out
}
