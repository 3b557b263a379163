package importer

import (
	"hash/fnv"
	"regexp"
	"strings"
	"unicode"
)

// The same story reaches a site in several forms: pasted from the page,
// saved as the page, or as another outlet's syndicated copy. Their texts
// differ in what came along (a caption, a byline, a line of furniture),
// so no exact hash matches them; the words they share do. A storySketch
// is a MinHash of the story's five-word phrases: two sketches agree in
// about the share of the phrases the two texts have in common (of all
// phrases either has), whatever their lengths.

const (
	sketchSize = 64
	// sketchPhrase is how many words make one phrase.
	sketchPhrase = 5
	// minSketchWords is the least text worth a sketch: a short text shares
	// its few phrases with too many others by chance.
	minSketchWords = 40
	// sameStory is the least share of phrases in common for two texts to
	// be one story: a copy with its own furniture is well above it, a
	// different story under the same headline far below.
	sameStory = 0.5
)

// storySketch is the MinHash of a text's phrases.
type storySketch [sketchSize]uint64

// markdownAddress is a link's or image's address in Markdown, which is
// not the story's text.
var markdownAddress = regexp.MustCompile(`\]\([^)]*\)`)

// sketchOf is the sketch of a Markdown body, and false when the body is
// too short to have one.
func sketchOf(body string) (storySketch, bool) {
	words := strings.FieldsFunc(strings.ToLower(markdownAddress.ReplaceAllString(body, "]")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var s storySketch
	if len(words) < minSketchWords {
		return s, false
	}
	for i := range s {
		s[i] = ^uint64(0)
	}
	for i := 0; i+sketchPhrase <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+sketchPhrase] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for j := range s {
			// One hash, remixed per slot: the sketch's independent
			// permutations.
			if v := mix(x + uint64(j)*0x9e3779b97f4a7c15); v < s[j] {
				s[j] = v
			}
		}
	}
	return s, true
}

// mix is SplitMix64's finaliser, which spreads close inputs apart.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// shared estimates the share of phrases two texts have in common.
func (s *storySketch) shared(o *storySketch) float64 {
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / sketchSize
}
