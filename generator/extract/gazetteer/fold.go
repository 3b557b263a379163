package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// letterFolds spells letters that decomposition leaves whole, as
// generator.Slugify does, so a lookup key and a slug agree on a name.
var letterFolds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h",
}

// Fold is the key every table is indexed by: lower case, accents gone,
// curly apostrophes straight, so "Bogotá" and "BOGOTA" meet. ASCII, the
// common case, takes a path that allocates only when it must lower.
// Package extract keys its own tables the same way, through this.
func Fold(s string) string {
	lower := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldUnicode(s)
		}
		if 'A' <= c && c <= 'Z' {
			lower = false
		}
	}
	if lower {
		return s
	}
	return strings.ToLower(s)
}

func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if r == '’' || r == 'ʼ' || r == '‘' {
			r = '\''
		}
		if f, ok := letterFolds[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shape says how a token is capitalised, which decides what it may match.
type shape uint8

const (
	shapeLower shape = iota // "of", "march"
	shapeUpper              // first letter upper-case: "March", "Vegas"
	shapeCaps               // capitals past the first letter: "US", "NATO", "LeT"
)

func shapeOf(s string) shape {
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return shapeLower
	}
	// A capital after the first letter makes a spelling that must match
	// as written: an acronym ("US" is not "us") or a mixed form ("LeT" is
	// not "Let").
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			return shapeCaps
		}
	}
	return shapeUpper
}
