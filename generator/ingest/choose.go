package ingest

import (
	"hash/maphash"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Two extractors see each page: readability, which rarely misses article
// text but often keeps the furniture around it, and trafilatura, which
// cuts furniture harder but now and then cuts the article too. Where
// trafilatura's text is almost all inside readability's and keeps most of
// it, what readability has beyond it is furniture; otherwise trafilatura
// either lost part of the story or took in text readability rightly left
// out, and readability's version is the safer one.

const (
	// minKept is the least share of readability's words trafilatura must
	// keep for its cut to be trusted.
	minKept = 0.6
	// minInside is the least share of trafilatura's text that must also
	// be in readability's.
	minInside = 0.9
	// shingleWords is how many words make one compared phrase.
	shingleWords = 4
)

// preferTrimmed reports whether trimmed, trafilatura's article, is to be
// taken over full, readability's.
func preferTrimmed(full, trimmed *html.Node) bool {
	if trimmed == nil {
		return false
	}
	fullWords, trimmedWords := words(full), words(trimmed)
	if len(trimmedWords) == 0 || float64(len(trimmedWords)) < minKept*float64(len(fullWords)) {
		return false
	}
	return sharedShare(trimmedWords, fullWords) >= minInside
}

var shingleSeed = maphash.MakeSeed()

// sharedShare is the share of a's phrases that b has too, each counted as
// often as it occurs.
func sharedShare(a, b []string) float64 {
	have := shingles(b)
	total, shared := 0, 0
	for h, n := range shingles(a) {
		total += n
		shared += min(n, have[h])
	}
	if total == 0 {
		return 0
	}
	return float64(shared) / float64(total)
}

// shingles counts the runs of shingleWords words in ws; a text shorter
// than that is one run.
func shingles(ws []string) map[uint64]int {
	counts := make(map[uint64]int, len(ws))
	for i := 0; i == 0 || i+shingleWords <= len(ws); i++ {
		end := min(i+shingleWords, len(ws))
		var h maphash.Hash
		h.SetSeed(shingleSeed)
		for _, w := range ws[i:end] {
			h.WriteString(w)
			h.WriteByte(0)
		}
		counts[h.Sum64()]++
	}
	return counts
}

// words are the runs of letters and digits in n's text.
func words(n *html.Node) []string {
	var ws []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			ws = append(ws, strings.FieldsFunc(n.Data, notWordRune)...)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return ws
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }
