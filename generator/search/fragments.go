package search

import (
	"bytes"
	"encoding/json"
	"fmt"
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
// fragments are about 30 KB (10 KB gzipped): a page of scattered results
// costs about half as much again as the meta.json every search loads,
// and 10,000 articles take 1,250 files. Results listed newest first (a
// week, a name, a common word) come from one or two groups.
const GroupSize = 8

// GroupCount is how many files of fragments n articles take.
func GroupCount(n int) int {
	return (n + GroupSize - 1) / GroupSize
}

// maxSnippetText bounds the body a fragment carries: enough for the
// snippet of almost any match, and a page of results stays small.
const maxSnippetText = 4000

// WriteGroup writes a file of fragments, a JSON array in article order,
// each body cut at a word near maxSnippetText.
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
		f.Body = cutBody(f.Body)
		if err := enc.Encode(f); err != nil {
			return fmt.Errorf("encoding the search fragment of %q: %w", f.Title, err)
		}
		buf.Truncate(buf.Len() - 1) // Encode ends each value with a newline
	}
	buf.WriteString("]\n")
	return nil
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
