package search

import (
	"slices"
	"strings"
)

// Doc is one article as the index reads it.
type Doc struct {
	Title   string
	Summary string
	Names   []string // every name it is filed under
	Body    string   // plain text (PlainText)
}

// Field weights: a word in the headline or among the names says more
// about what an article is about than the same word deep in its body.
const (
	titleWeight   = 3
	namesWeight   = 3
	summaryWeight = 1.5
	bodyWeight    = 1
)

// Analysis is what the index keeps of one article: each word with its
// weighted count, A–Z, and the article's weighted length.
type Analysis struct {
	Words  []WordCount
	Length float64
}

// WordCount is one word of an article and how often it occurs, each
// occurrence counted by the weight of its field.
type WordCount struct {
	Word  string
	Count float64
}

// Analyze reads d's words.
func Analyze(d Doc) Analysis {
	counts := map[string]float64{}
	var length float64
	add := func(text string, weight float64) {
		Words(text, func(w string) {
			counts[w] += weight
			length += weight
		})
	}
	add(d.Title, titleWeight)
	add(strings.Join(d.Names, " "), namesWeight)
	add(d.Summary, summaryWeight)
	add(d.Body, bodyWeight)
	a := Analysis{Words: make([]WordCount, 0, len(counts)), Length: length}
	for w, c := range counts {
		a.Words = append(a.Words, WordCount{Word: w, Count: c})
	}
	slices.SortFunc(a.Words, func(x, y WordCount) int { return strings.Compare(x.Word, y.Word) })
	return a
}
