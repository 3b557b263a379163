package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

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
	if slug, ok := asciiSlug(s); ok {
		return slug
	}
	return unicodeSlug(s)
}

// unicodeSlug is Slugify for any name.
func unicodeSlug(s string) string {
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
	return bound(b.String())
}

// asciiSlug is Slugify of an ASCII name, which decomposition leaves as
// it is and no folding touches: most names and every file name of an
// imported site. Decomposing and looking each letter up among the
// foldings was a tenth of reading an article. ok is false for any other
// name.
func asciiSlug(s string) (slug string, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	b := make([]byte, 0, len(s))
	hyphen := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			continue
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			hyphen = true
			continue
		}
		if hyphen && len(b) > 0 {
			b = append(b, '-')
		}
		hyphen = false
		b = append(b, c)
	}
	if string(b) == s {
		return bound(s), true // already a slug: no copy
	}
	return bound(string(b)), true
}

// MaxSlugLen is the most bytes a slug may have. A slug names a folder of
// the built site, and file systems refuse names over 255 bytes: a very
// long name or slug: once failed the whole build with "file name too long".
const MaxSlugLen = 96

// bound shortens a slug over MaxSlugLen: the start, cut at a character
// and at a hyphen where there is one near, then a hash of the whole slug,
// so two long names that begin alike still get slugs of their own and the
// same name always gets the same one.
func bound(slug string) string {
	if len(slug) <= MaxSlugLen {
		return slug
	}
	sum := sha256.Sum256([]byte(slug))
	tag := hex.EncodeToString(sum[:5])
	cut := MaxSlugLen - len(tag) - 1
	for cut > 0 && !utf8.RuneStart(slug[cut]) {
		cut--
	}
	head := slug[:cut]
	if i := strings.LastIndexByte(head, '-'); i > cut/2 {
		head = head[:i]
	}
	return strings.TrimRight(head, "-") + "-" + tag
}
