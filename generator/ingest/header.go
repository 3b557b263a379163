package ingest

import (
	"strings"
	"time"
	"unicode/utf8"
)

// The lines around a copied headline that are about the article rather
// than of it: "By Ali Reza | November 10, 2021 - 11:30",
// "Published: 10 Nov 2021", "3 min read".
var (
	metaLabel   = lazyPattern(`(?i)^(first published|published|last updated|updated|last modified|modified|posted|created|date|reading time)(\s+(on|at))?\s*:?\s*`)
	bylineStart = lazyPattern(`^(?i:by|written by|reported by|reporting by|words by|author|authors|reporter|correspondent)\s*:?\s+\p{Lu}`)
	readingTime = lazyPattern(`(?i)^\d+\s*(min|mins|minutes?)(\s+read)?\b`)
	clockOnly   = lazyPattern(`(?i)^` + clockPart + `(?:\s*(?P<ampm>[ap]\.?m\b\.?))?` + zonePart)
)

// metaSeparators stand between the parts of a metadata line.
const metaSeparators = " \t|•·–—-,/"

// metaLine reads line as one made only of dates, times, bylines and their
// labels. ok is false for any other line; hasDate says whether t is set.
func metaLine(line string) (t time.Time, hasDate, ok bool) {
	rest := strings.TrimSpace(line)
	for {
		rest = strings.TrimLeft(rest, metaSeparators)
		if rest == "" {
			return t, hasDate, true
		}
		if m := metaLabel.FindString(rest); m != "" {
			rest = rest[len(m):]
			continue
		}
		if m, found := matchDate(rest); found {
			if !hasDate {
				t, hasDate = m.t, true
			}
			rest = rest[m.n:]
			continue
		}
		if n := bylineLen(rest); n > 0 {
			rest = rest[n:]
			continue
		}
		if m := readingTime.FindString(rest); m != "" {
			rest = rest[len(m):]
			continue
		}
		if m := clockOnly.FindString(rest); m != "" {
			rest = rest[len(m):]
			continue
		}
		return time.Time{}, false, false
	}
}

// bylineLen is the length of the byline s starts with ("By Ali Reza"), up
// to a separator or a date after a comma; 0 when s starts with none.
func bylineLen(s string) int {
	if !bylineStart.MatchString(s) {
		return 0
	}
	end := len(s)
	for _, sep := range []string{"|", "•", "·", " – ", " — ", " - "} {
		if i := strings.Index(s, sep); i >= 0 && i < end {
			end = i
		}
	}
	for i := 0; i < end; i++ {
		if s[i] != ',' {
			continue
		}
		if _, found := matchDate(strings.TrimLeft(s[i+1:], " ")); found {
			end = i
			break
		}
	}
	if utf8.RuneCountInString(s[:end]) > 100 {
		return 0
	}
	return end
}

// datelinePrefix finds a dateline that opens the first paragraph, as in
// "Thursday, May 7, 2015 On Tuesday, the government…", and returns the
// paragraph without it. Only a date naming its weekday, or one set off by
// a dash, is taken for a dateline: "May 7, 2015 was a Thursday" is prose.
func datelinePrefix(line string) (time.Time, string, bool) {
	s := strings.TrimSpace(line)
	m, found := matchDate(s)
	if !found {
		return time.Time{}, "", false
	}
	rest := strings.TrimSpace(s[m.n:])
	trimmed := strings.TrimLeft(rest, "–—-: ")
	if !m.weekday && trimmed == rest {
		return time.Time{}, "", false
	}
	return m.t, trimmed, trimmed != ""
}

// isHeadline reports whether line reads as a headline: a few words that do
// not end in a period, and no list item, quotation, date or link.
func isHeadline(line string) bool {
	s := strings.TrimSpace(line)
	if n := utf8.RuneCountInString(s); n == 0 || n > 250 {
		return false
	}
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...") && !abbreviationEnd.MatchString(s) {
		return false
	}
	if len(strings.Fields(s)) < 2 || strings.HasPrefix(s, ">") || listItem(s) != nil || urlLine.MatchString(s) {
		return false
	}
	_, _, isMeta := metaLine(s)
	return !isMeta
}
