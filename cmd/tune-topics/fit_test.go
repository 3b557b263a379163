package main

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/briefing-digest/briefing/generator/extract"
)

// measures builds a measure vector from named values.
func measures(t *testing.T, named map[string]float64) []float64 {
	names := extract.TopicMeasures()
	x := make([]float64, len(names))
	for n, v := range named {
		i := slices.Index(names, n)
		if i < 0 {
			t.Fatalf("no measure %q", n)
		}
		x[i] = v
	}
	return x
}

// A topic that fills its articles and one mentioned in passing are told
// apart by the fit, and the same data always gives the same weights.
func TestFitSeparatesAndIsReproducible(t *testing.T) {
	fitted = make([]bool, len(extract.TopicMeasures()))
	for i := range fitted {
		fitted[i] = true
	}
	full := measures(t, map[string]float64{"keywords": 2, "sentences": 0.6, "share": 1, "mentions": math.Log2(6)})
	passing := measures(t, map[string]float64{"keywords": 1, "sentences": 0.05, "share": 0.3, "mentions": math.Log2(3)})
	once := measures(t, map[string]float64{"keywords": 1, "sentences": 0.05, "share": 0.2, "mentions": 1})
	var docs []measuredDoc
	for range 10 {
		docs = append(docs, measuredDoc{cands: []candidate{
			{topic: "A", x: full, gold: true},
			{topic: "B", x: passing},
			{topic: "C", x: once, gold: true}, // once in the body: below the floor
		}})
	}
	sets := []labelledSet{{name: "synthetic", docs: docs}}
	w := fitWeights(sets)
	c := evaluate(w, docs)
	if c.tp != 10 || c.fp != 0 || c.fn != 10 {
		t.Errorf("counts = %+v, want 10 found, none wrong, the 10 single mentions missed", c)
	}
	if w.Weights["keywords"] <= 0 || w.Weights["sentences"] <= 0 {
		t.Errorf("weights %v: more keywords and more of the text should count for a topic", w.Weights)
	}
	if again := fitWeights(sets); !reflect.DeepEqual(w, again) {
		t.Errorf("two fits differ:\n%+v\n%+v", w, again)
	}
}

func TestMeasureMask(t *testing.T) {
	keep, err := measureMask("headline, share")
	if err != nil {
		t.Fatal(err)
	}
	names := extract.TopicMeasures()
	for i, n := range names {
		if want := n == "headline" || n == "share"; keep[i] != want {
			t.Errorf("%s kept = %v, want %v", n, keep[i], want)
		}
	}
	if _, err := measureMask("headline,colour"); err == nil {
		t.Error("an unknown measure is accepted")
	}
}
