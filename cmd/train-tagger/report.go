package main

import (
	"fmt"
	"os"

	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

// report prints entity-level precision, recall and F1 per kind: a found
// span counts only if its tokens and kind match a marked span exactly.
func report(m *tagger.Model, held []tagger.Example) {
	const kinds = int(tagger.Misc) + 1
	var tp, found, marked [kinds + 1]int
	for _, ex := range held {
		gold := map[[3]int]bool{}
		for _, s := range ex.Spans {
			gold[[3]int{s.From, s.To, int(s.Kind)}] = true
			marked[s.Kind]++
			marked[kinds]++
		}
		for _, s := range m.Tag(ex.Tokens) {
			found[s.Kind]++
			found[kinds]++
			if gold[[3]int{s.From, s.To, int(s.Kind)}] {
				tp[s.Kind]++
				tp[kinds]++
			}
		}
	}
	fmt.Fprintf(os.Stderr, "%-13s %6s %6s %6s %6s\n", "held-out", "P", "R", "F1", "gold")
	for k := 0; k <= kinds; k++ {
		name := "all"
		if k < kinds {
			name = tagger.Kind(k).String()
		}
		p, r := ratio(tp[k], found[k]), ratio(tp[k], marked[k])
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		fmt.Fprintf(os.Stderr, "%-13s %6.3f %6.3f %6.3f %6d\n", name, p, r, f, marked[k])
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// reliability prints, for bands of confidence, how many held-out spans fell
// in each and how many of those were right: if the curve is fitted well the
// two columns agree.
func reliability(m *tagger.Model, held []tagger.Example) {
	const bands = 6
	edges := [bands + 1]float32{0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01}
	var n, right [bands]int
	var sum [bands]float64
	for _, ex := range held {
		gold := map[[3]int]bool{}
		for _, s := range ex.Spans {
			gold[[3]int{s.From, s.To, int(s.Kind)}] = true
		}
		for _, s := range m.Tag(ex.Tokens) {
			b := 0
			for b < bands-1 && s.Confidence >= edges[b+1] {
				b++
			}
			n[b]++
			sum[b] += float64(s.Confidence)
			if gold[[3]int{s.From, s.To, int(s.Kind)}] {
				right[b]++
			}
		}
	}
	fmt.Fprintf(os.Stderr, "%-13s %6s %6s %6s\n", "confidence", "spans", "mean", "right")
	for b := range bands {
		fmt.Fprintf(os.Stderr, "%.1f–%-9.1f %6d %6.2f %6.2f\n", edges[b], min(edges[b+1], 1), n[b], ratio64(sum[b], n[b]), ratio(right[b], n[b]))
	}
}

func ratio64(a float64, b int) float64 {
	if b == 0 {
		return 0
	}
	return a / float64(b)
}
