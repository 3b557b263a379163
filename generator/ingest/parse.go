package ingest

import (
	"bytes"
	"strings"

	"github.com/briefing-digest/briefing/generator"
)

// Parse reads one raw input: text copied from a news page, a saved HTML
// page or Markdown. name is used in errors and, by its extension (.txt,
// .html, .htm, .md, .markdown), to choose the kind of input; with any other
// name ("-" for standard input) the content decides.
//
// Every error is a *generator.Error naming the file, and the line and
// column when there is one: an empty, binary or oversized file, text in
// no known encoding, a page with no article in it, front matter that never
// closes.
func Parse(name string, data []byte) (*Document, error) {
	if err := checkSize(name, int64(len(data))); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, generator.Errorf(name, 0, 0, "empty file")
	}
	kind := kindFromName(name)
	text, err := decode(name, data, kind == "" || kind == KindHTML)
	if err != nil {
		return nil, err
	}
	if kind == "" {
		kind = sniffKind(text.text)
	}
	d := &Document{Kind: kind, Encoding: text.encoding}
	if text.warning != "" {
		d.Warnings = append(d.Warnings, text.warning)
	}
	switch kind {
	case KindHTML:
		err = parseHTML(name, d, text.text)
		d.Title, d.Body = plainSpaces(d.Title), plainSpaces(d.Body)
	case KindMarkdown:
		err = parseMarkdown(name, d, normalizeNewlines(text.text))
	default:
		err = parseText(name, d, plainSpaces(normalizeNewlines(text.text)))
	}
	if err != nil {
		return nil, err
	}
	if t, ok := dateFromURL(d.URL); ok {
		d.setDate(t, DateFromURL)
	}
	return d, nil
}

// noArticle is the error for input that has no article in it.
func noArticle(name, why string) error {
	return generator.Errorf(name, 0, 0, "no article found: %s", why)
}

// normalizeNewlines makes every line end in "\n", whatever system the
// file was saved on.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// nonBreaking are the no-break spaces news sites put between words for
// layout; in copied text they glue words together and stop lines wrapping.
var nonBreaking = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2007", " ")

// plainSpaces turns no-break spaces into ordinary ones. Markdown the user
// wrote is left as it is.
func plainSpaces(s string) string {
	if !strings.ContainsAny(s, "\u00a0\u202f\u2007") {
		return s
	}
	return nonBreaking.Replace(s)
}
