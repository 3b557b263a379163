package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plain text goes into Markdown escaped where it would otherwise turn into
// syntax: the page must render as the text read.

// entity is a character reference Markdown would decode: "&amp;", "&#39;".
var entity = lazyPattern(`^&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)

// escapeInline escapes what would become emphasis, code, strikethrough,
// raw HTML, character references or links anywhere in a line.
func escapeInline(s string) string {
	if !strings.ContainsAny(s, "\\*`~_<&]") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range rs {
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == '\\' && isASCIIPunct(next),
			r == '*', r == '`', r == '~',
			r == '_' && (!isWordRune(prev) || !isWordRune(next)),
			r == '<' && (unicode.IsLetter(next) || next == '/' || next == '!' || next == '?'),
			r == '&' && entity.MatchString(string(rs[i:min(len(rs), i+40)])),
			r == ']' && (next == '(' || next == '['):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	orderedStart   = lazyPattern(`^\d{1,9}[.)](\s|$)`)
	linkDefinition = lazyPattern(`^\[[^\]]*\]:`)
)

// escapeLineStart escapes what would make a line a heading, a quotation,
// a list item or a link definition: "#hashtag", "1996. A year…", "+ 3".
// It runs after escapeInline, which has taken care of "*".
func escapeLineStart(s string) string {
	if s == "" {
		return s
	}
	switch {
	case s[0] == '#' || s[0] == '>' || linkDefinition.MatchString(s):
		return `\` + s
	case (s[0] == '+' || s[0] == '-') && (len(s) == 1 || s[1] == ' ' || s[1] == '\t'):
		return `\` + s
	}
	if orderedStart.MatchString(s) {
		i := strings.IndexAny(s, ".)")
		return s[:i] + `\` + s[i:]
	}
	return s
}

func isASCIIPunct(r rune) bool {
	return r < unicode.MaxASCII && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// quotePairs are the marks that open a quotation and the ones that close it.
var quotePairs = map[rune]rune{'"': '"', '“': '”', '«': '»', '„': '“'}

// entirelyQuoted reports whether s is one quotation from its first
// character to its last, with no closing mark between.
func entirelyQuoted(s string) bool {
	opener, n := utf8.DecodeRuneInString(s)
	closer, ok := quotePairs[opener]
	if !ok || len(s) < 3 {
		return false
	}
	last, m := utf8.DecodeLastRuneInString(s)
	return last == closer && n < len(s)-m && !strings.ContainsRune(s[n:len(s)-m], closer)
}
