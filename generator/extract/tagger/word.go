package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word holds what the features need of one token, worked out once per
// token rather than once per template.
type word struct {
	lower   string // folded to lower case, digits as 0 so years and scores share weights
	shape   string
	title   bool // upper-case first letter, then not all upper
	upper   bool // two or more letters, all upper-case
	digit   bool
	hyphen  bool
	apos    bool
	letter  bool // starts with a letter
	common  bool // in the lexicon of words mostly written small
	classes uint32
}

// maxShape bounds the shape so long words do not each get their own.
const maxShape = 6

func newWord(t Token) word {
	w := word{classes: t.Classes}
	var lower, shape strings.Builder
	lower.Grow(len(t.Text))
	letters, uppers := 0, 0
	var last rune = -1
	for i, r := range t.Text {
		c := r
		switch {
		case unicode.IsUpper(r):
			letters++
			uppers++
			c = 'X'
		case unicode.IsLetter(r):
			letters++
			c = 'x'
		case unicode.IsDigit(r):
			w.digit = true
			c = 'd'
		case r == '-' || r == '‐' || r == '–':
			w.hyphen = true
		case r == '\'' || r == '’':
			w.apos = true
		}
		if i == 0 {
			w.letter = unicode.IsLetter(r)
		}
		if c != last && shape.Len() < maxShape {
			shape.WriteRune(c)
		}
		last = c
		switch {
		case unicode.IsDigit(r):
			lower.WriteByte('0')
		default:
			lower.WriteRune(unicode.ToLower(r))
		}
	}
	w.lower, w.shape = lower.String(), shape.String()
	first, _ := utf8.DecodeRuneInString(t.Text)
	w.upper = letters >= 2 && uppers == letters
	w.title = unicode.IsUpper(first) && !w.upper
	return w
}

// smallWords stay lower case in Title Case headlines, so they do not count
// against a line being title-cased.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "from": true, "as": true,
	"vs": true, "is": true, "into": true, "over": true, "after": true, "'s": true,
}

// lineStyle says how a sentence is capitalised, since capitals mark names
// only in running text.
type lineStyle uint8

const (
	styleProse lineStyle = iota
	styleTitle           // Title Case Line
	styleCaps            // ALL CAPITALS
	styleHead            // the caller marked it a headline
)

func styleOf(sent []Token, words []word) lineStyle {
	for _, t := range sent {
		if t.Headline {
			return styleHead
		}
	}
	content, titled, caps := 0, 0, 0
	for _, w := range words {
		if !w.letter || smallWords[w.lower] {
			continue
		}
		content++
		if w.title || w.upper {
			titled++
		}
		if w.upper {
			caps++
		}
	}
	switch {
	case content >= 3 && caps*10 >= content*9:
		return styleCaps
	case content >= 3 && titled*10 >= content*9:
		return styleTitle
	}
	return styleProse
}
