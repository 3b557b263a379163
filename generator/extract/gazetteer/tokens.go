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
		case isApostrophe(r) && possessiveAt(s, i) > 0:
			n := possessiveAt(s, i)
			out = append(out, s[i:i+n])
			i += n
			continue
		case !isWordRune(r):
			out = append(out, s[i:i+size])
			i += size
			continue
		}
		end := wordEnd(s, i)
		out = append(out, s[i:end])
		i = end
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// possessiveAt returns the length of a possessive "'s" starting at i, or 0.
func possessiveAt(s string, i int) int {
	_, a := runeAt(s, i)
	r, b := runeAt(s, i+a)
	if r != 's' && r != 'S' {
		return 0
	}
	if next, _ := runeAt(s, i+a+b); isWordRune(next) {
		return 0
	}
	return a + b
}

// wordEnd returns where the word starting at i ends.
func wordEnd(s string, i int) int {
	start, letters := i, 0
	for i < len(s) {
		r, size := runeAt(s, i)
		if isWordRune(r) {
			letters++
			i += size
			continue
		}
		next, nsize := runeAt(s, i+size)
		switch {
		case isHyphen(r) && isWordRune(next):
			i += size
			continue
		case isApostrophe(r) && isWordRune(next) && i > start && possessiveAt(s, i) == 0:
			i += size
			continue
		case r == '.' && letters == 1:
			// "U.S.", "N. Korea": a single capital letter keeps its dot.
			prev, _ := utf8.DecodeLastRuneInString(s[start:i])
			if !unicode.IsUpper(prev) {
				return i
			}
			if after, _ := runeAt(s, i+size+nsize); unicode.IsUpper(next) && after == '.' {
				i += size
				letters = 0
				continue
			}
			return i + size
		}
		break
	}
	return i
}
