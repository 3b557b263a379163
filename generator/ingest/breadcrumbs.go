package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// crumbSeparator splits "Home > World > Asia", "Home » World",
// "Home / World" (a slash only with spaces around it: "Israel/Gaza" is one
// name).
var crumbSeparator = lazyPattern(`\s*[>»›→|]\s*|\s+/\s+`)

// abbreviationEnd lets a trail end in "U.S." without reading as a sentence.
var abbreviationEnd = lazyPattern(`(?:\p{Lu}\.){2,}$`)

// smallWords may start with a lower-case letter inside a section name.
var smallWords = set("and", "of", "the", "in", "for", "on", "to", "a", "an", "at", "de", "al", "&")

// breadcrumbs reads line as a breadcrumb trail and returns its section
// names without "Home". A copied trail has its separators either written
// out ("Home > World") or lost, the names run together
// ("IranMiddle EastWorld News"); a line with sentence punctuation is not a
// trail.
func breadcrumbs(line string) ([]string, bool) {
	s := strings.TrimSpace(line)
	if s == "" || utf8.RuneCountInString(s) > 120 || strings.ContainsAny(s, ";:!?\"“”()[]") || strings.Contains(s, ", ") {
		return nil, false
	}
	if strings.HasSuffix(s, ".") && !abbreviationEnd.MatchString(s) {
		return nil, false
	}
	parts := crumbSeparator.Split(s, -1)
	if len(parts) < 2 {
		parts = splitRunTogether(s)
	}
	if len(parts) < 2 || len(parts) > 8 {
		return nil, false
	}
	var sections []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
			continue
		case !isSectionName(p):
			return nil, false
		case strings.EqualFold(p, "home") || strings.EqualFold(p, "homepage"):
			continue
		}
		sections = append(sections, p)
	}
	return sections, len(sections) > 0
}

// splitRunTogether splits s where a lower-case letter is followed by an
// upper-case one with no space between: "IranMiddle EastWorld News" is
// Iran, Middle East, World News. The word before the split must have three
// letters or more, so "McCain" and "DeSantis" stay whole.
func splitRunTogether(s string) []string {
	var parts []string
	start, wordLen := 0, 0
	var prev rune
	for i, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) && wordLen >= 3 {
			parts = append(parts, s[start:i])
			start, wordLen = i, 0
		}
		if unicode.IsSpace(r) {
			wordLen = 0
		} else {
			wordLen++
		}
		prev = r
	}
	return append(parts, s[start:])
}

// isSectionName reports whether p reads like a section's name: a few
// words, each capitalised or a small joining word.
func isSectionName(p string) bool {
	words := strings.Fields(p)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		// Scripts without case (Arabic, Persian) have no lower-case letters.
		if unicode.IsLetter(r) && !unicode.IsLower(r) || unicode.IsDigit(r) || !unicode.IsLetter(r) && i > 0 {
			continue
		}
		if i == 0 || !smallWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}
