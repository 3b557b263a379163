package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// token is one word, number or punctuation mark of an article. Words keep
// inner hyphens, apostrophes and the dots of abbreviations, so "Kim
// Jong-un", "O'Brien" and "U.S." are one token each; a trailing "'s" is a
// token of its own, the possessive.
type token struct {
	text       string
	key        string // fold(text)
	start, end int    // byte offsets in the article
	kind       tokKind
	nl         int  // line breaks between the previous token and this one
	line       int  // index of the line the token is on
	upper      bool // first letter upper-case
	caps       bool // two or more letters, all upper-case
	initial    bool // one capital letter and a full stop: "P."
	sent       bool // first word of a sentence
}

// runeAt decodes the rune at byte i, or 0 past the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// tokenize splits s into tokens in one pass, counting lines as it goes.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5)
	nl, line := 0, 0
	for i := 0; i < len(s); {
		r, size := runeAt(s, i)
		switch {
		case r == '\n':
			nl++
			line++
			i += size
			continue
		case unicode.IsSpace(r):
			i += size
			continue
		case gazetteer.IsApostrophe(r):
			if n := gazetteer.PossessiveLen(s, i); n > 0 {
				toks = append(toks, token{text: s[i : i+n], key: "'s", start: i, end: i + n, kind: tPunct, nl: nl, line: line})
				nl = 0
				i += n
				continue
			}
		}
		if !gazetteer.IsWordRune(r) {
			toks = append(toks, token{text: s[i : i+size], key: s[i : i+size], start: i, end: i + size, kind: tPunct, nl: nl, line: line})
			nl = 0
			i += size
			continue
		}
		end := gazetteer.WordEnd(s, i)
		toks = append(toks, newWord(s[i:end], i, end, nl, line))
		nl = 0
		i = end
	}
	return toks
}

func newWord(text string, start, end, nl, line int) token {
	t := token{text: text, key: fold(text), start: start, end: end, kind: tWord, nl: nl, line: line}
	first, _ := utf8.DecodeRuneInString(text)
	if unicode.IsDigit(first) {
		t.kind = tNum
		for _, r := range text {
			if unicode.IsLetter(r) {
				t.kind = tWord
				break
			}
		}
		return t
	}
	t.upper = unicode.IsUpper(first)
	letters, uppers := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
		}
	}
	t.caps = letters >= 2 && uppers == letters
	t.initial = t.upper && text[len(text)-1] == '.' && (letters == 1 || dottedInitials(text))
	return t
}

// dottedInitials reports initials written together: "K.C.", "J.R.R.".
func dottedInitials(text string) bool {
	if len(text) < 4 || len(text) > 8 {
		return false
	}
	for i := 0; i < len(text); i += 2 {
		if text[i] < 'A' || text[i] > 'Z' || i+1 >= len(text) || text[i+1] != '.' {
			return false
		}
	}
	return true
}
