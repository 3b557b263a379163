package search

import (
	"bytes"
	"encoding/json"
	"fmt"
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
func WriteGroup(buf *bytes.Buffer, frags []Fragment) error {
	buf.WriteByte('[')
	enc := json.NewEncoder(buf)
	// search.js reads the text with textContent, never as HTML: escaping
	// <, > and & for a browser's HTML parser would only cost bytes.
	enc.SetEscapeHTML(false)
	for i, f := range frags {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(wire(f)); err != nil {
			return fmt.Errorf("encoding the search fragment of %q: %w", f.Title, err)
		}
		buf.Truncate(buf.Len() - 1) // Encode ends each value with a newline
	}
	buf.WriteString("]\n")
	return nil
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
