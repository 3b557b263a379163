package generator

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldings spells letters that Unicode decomposition leaves whole, so
// "Øresund" and "Oresund" name one term.
var foldings = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d",
	'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// Slugify turns a display name into the lower-case ASCII-and-digits form
// used in URLs and to decide that two spellings are one term: accents are
// folded ("Türkiye" → "turkiye"), apostrophes vanish ("Lord's" → "lords")
// and every other run of non-alphanumerics becomes one hyphen. Letters of
// other scripts are kept, so a name in Arabic still has a slug. A name with
// nothing to keep slugs to "", which callers report as an error.
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʼ':
			continue
		}
		if f, ok := foldings[r]; ok {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteString(f)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		hyphen = true
	}
	return b.String()
}
