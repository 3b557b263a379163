package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold keys names the way the gazetteer package does (lower case, no
// accents). It is repeated here because the build must run before the
// package's embedded files exist.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r = unicode.ToLower(r); r {
		case '’', 'ʼ', '‘':
			r = '\''
		case 'ß':
			b.WriteString("ss")
			continue
		case 'ł':
			r = 'l'
		case 'ø':
			r = 'o'
		case 'ı':
			r = 'i'
		case 'đ', 'ð':
			r = 'd'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// capitalise spells a lower-case name the way a name is written.
func capitalise(s string) string {
	parts := strings.Split(s, "-")
	for i, p := range parts {
		r := []rune(p)
		if len(r) > 0 {
			r[0] = unicode.ToUpper(r[0])
		}
		parts[i] = string(r)
	}
	return strings.Join(parts, "-")
}
