package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// letterFolds spells letters that Unicode decomposition leaves whole, as
// generator.Slugify does, so a lookup key and a slug agree on a name.
var letterFolds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h",
}

// fold returns the lower-case, accent-free form of s that every table is
// keyed by, so "Gómez", "GOMEZ" and "Gomez" meet. Curly apostrophes become
// straight ones. ASCII input, the common case, takes a fast path.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
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

// bare drops hyphens, dots and apostrophes from a folded key, so spellings
// that differ only in them ("El-Hassan", "Elhassan") compare equal.
func bare(key string) string {
	if !strings.ContainsAny(key, "-.'") {
		return key
	}
	var b strings.Builder
	for _, r := range key {
		if r != '-' && r != '.' && r != '\'' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
