package search

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Fragment is what a result shows of one article, fetched only when the
// article is among the results on screen.
type Fragment struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Date    string `json:"d"` // YYYY-MM-DD
	Source  string `json:"o,omitempty"`
	Summary string `json:"s,omitempty"`
	Body    string `json:"b,omitempty"` // the start of its plain text, for snippets
}

// GroupSize is how many articles' fragments share one file: search/d/N.json
// holds articles N×GroupSize up to the next group's first, in order.
//
// One file an article made a large site's build write as many tiny files
// as articles. Bigger groups save few files more but cost readers: a
// page of results shows ten articles from anywhere in the site, so it may
// fetch ten groups, and a fragment is up to maxSnippetText of body. Eight
// fragments are about 30 KB (10–12 KB gzipped): at 10,000 articles, ten
// results from ten groups download about half as much again, gzipped, as
// with a file an article (docs/search.md), and the site takes 1,250
// files, not 10,000. Results listed newest first (a week, a common word)
// come from one or two groups.
const GroupSize = 8

// GroupCount is how many files of fragments n articles take.
func GroupCount(n int) int {
	return (n + GroupSize - 1) / GroupSize
}

// maxSnippetText bounds the body a fragment carries: enough for the
// snippet of almost any match, and a page of results stays small.
const maxSnippetText = 4000

// WriteGroup writes a file of fragments, a JSON array in article order,
// each body cut at a word near maxSnippetText and each summary the body
// quotes given as its place in the body (see wire).
func WriteGroup(buf *bytes.Buffer, frags []Fragment) {
	buf.WriteByte('[')
	for i, f := range frags {
		b := buf.AvailableBuffer()
		if i > 0 {
			b = append(b, ',')
		}
		buf.Write(appendFragment(b, wire(f)))
	}
	buf.WriteString("]\n")
}

// appendFragment appends f as JSON: its fields in the order of
// fragmentJSON's, the empty ones its tags omit left out, as
// encoding/json would write it with HTML escaping off. search.js reads
// the text with textContent, never as HTML, so escaping <, > and & for
// a browser's HTML parser would only cost bytes.
func appendFragment(b []byte, f fragmentJSON) []byte {
	b = append(b, `{"t":`...)
	b = appendJSONString(b, f.Title)
	b = append(b, `,"u":`...)
	b = appendJSONString(b, f.URL)
	b = append(b, `,"d":`...)
	b = appendJSONString(b, f.Date)
	b = appendOptional(b, `,"o":`, f.Source)
	b = appendOptional(b, `,"s":`, f.Summary)
	b = appendOptional(b, `,"b":`, f.Body)
	if f.SummaryAt != nil {
		b = append(b, `,"x":[`...)
		b = strconv.AppendInt(b, int64(f.SummaryAt[0]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(f.SummaryAt[1]), 10)
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendOptional appends a key and its string value, unless the value is
// empty (omitempty).
func appendOptional(b []byte, key, value string) []byte {
	if value == "" {
		return b
	}
	return appendJSONString(append(b, key...), value)
}

// fragmentJSON is a fragment as search.js reads it.
type fragmentJSON struct {
	Fragment
	SummaryAt *[2]int `json:"x,omitempty"`
}

// wire is f as written: its body cut, and its summary left out when the
// body quotes it, as most articles' first paragraph does: "x" then gives
// where, in UTF-16 code units (JavaScript's string indexes), and how long.
func wire(f Fragment) fragmentJSON {
	f.Body = cutBody(f.Body)
	j := fragmentJSON{Fragment: f}
	if f.Summary == "" || !utf8.ValidString(f.Body) || !utf8.ValidString(f.Summary) {
		return j // invalid bytes are written as U+FFFD, which would shift the units
	}
	if at := strings.Index(f.Body, f.Summary); at >= 0 {
		j.SummaryAt = &[2]int{utf16Len(f.Body[:at]), utf16Len(f.Summary)}
		j.Summary = ""
	}
	return j
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cutBody cuts body at a word near maxSnippetText.
func cutBody(body string) string {
	if len(body) <= maxSnippetText {
		return body
	}
	cut := maxSnippetText
	for cut > maxSnippetText-200 && body[cut] != ' ' {
		cut--
	}
	for cut > 0 && !utf8.RuneStart(body[cut]) {
		cut--
	}
	return body[:cut]
}
