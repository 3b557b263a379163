package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// Tokens splits s the way Mark expects its words: one token per word,
// punctuation apart, inner hyphens and apostrophes kept ("Jong-un",
// "O'Brien"), the dots of letter-by-letter abbreviations kept ("U.S."),
// and a possessive "'s" a token of its own. Gazetteer phrases are stored
// split this way, so a caller that tokenises alike finds them all.
func Tokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case IsApostrophe(r) && PossessiveLen(s, i) > 0:
			n := PossessiveLen(s, i)
			out = append(out, s[i:i+n])
			i += n
			continue
		case !IsWordRune(r):
			out = append(out, s[i:i+size])
			i += size
			continue
		}
		end := WordEnd(s, i)
		out = append(out, s[i:end])
		i = end
	}
	return out
}

// IsWordRune reports a letter, digit or combining mark: what words are
// made of.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// IsApostrophe reports the apostrophes news text uses.
func IsApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// IsHyphen reports the hyphens that may join a word's parts.
func IsHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// PossessiveLen returns the length of a possessive "'s" (or "’S") whose
// apostrophe is at i, or 0.
func PossessiveLen(s string, i int) int {
	_, a := runeAt(s, i)
	r, b := runeAt(s, i+a)
	if r != 's' && r != 'S' {
		return 0
	}
	if next, _ := runeAt(s, i+a+b); IsWordRune(next) {
		return 0
	}
	return a + b
}

// WordEnd returns where the word starting at i ends: inner hyphens and
// apostrophes, the dots of initials and abbreviations ("U.S.") and the
// separators of a number ("1,000", "2.5") stay inside. It is the one
// definition of a word that the gazetteer's phrases and package extract's
// tokens share, so every phrase is found.
func WordEnd(s string, i int) int {
	start, letters := i, 0
	for i < len(s) {
		r, size := runeAt(s, i)
		if IsWordRune(r) {
			letters++
			i += size
			continue
		}
		next, nsize := runeAt(s, i+size)
		switch {
		case IsHyphen(r) && IsWordRune(next):
			i += size
			continue
		case IsApostrophe(r) && IsWordRune(next) && i > start && PossessiveLen(s, i) == 0:
			i += size
			continue
		case r == '.' && letters == 1 && unicode.IsUpper(prevRune(s[start:i])):
			// "U.S.", "N. Korea": a single capital letter keeps its dot.
			if after, _ := runeAt(s, i+size+nsize); unicode.IsUpper(next) && after == '.' {
				i += size
				letters = 0
				continue
			}
			return i + size
		case (r == '.' || r == ',') && unicode.IsDigit(next) && unicode.IsDigit(prevRune(s[start:i])):
			i += size
			continue
		}
		break
	}
	return i
}

func prevRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
