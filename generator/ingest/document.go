package ingest

import (
	"fmt"
	"time"
)

// The kinds of input Parse understands, as found in Document.Kind.
const (
	KindText     = "text"
	KindHTML     = "html"
	KindMarkdown = "markdown"
)

// Where Document.Date came from, as found in Document.DateFrom.
const (
	DateFromMetadata = "metadata" // the page's own metadata (JSON-LD, Open Graph, <time>)
	DateFromDateline = "dateline" // a date line at the top of the text
	DateFromURL      = "url"      // a date in the canonical URL's path
	DateFromPage     = "page"     // found elsewhere in a saved page, by htmldate's scan
)

// Document is what one raw input says about itself.
type Document struct {
	// Title is the headline, without the outlet's name that page titles
	// add; "" when the input has none (a warning says so).
	Title string
	// Date is zero when the input does not say. It keeps the time zone
	// the input gives; a date without one is midnight UTC.
	Date time.Time
	// DateFrom is one of the DateFrom constants, or "" when Date is zero.
	DateFrom string
	// Source is the outlet ("Tehran Times").
	Source string
	// URL is the canonical URL of the article, when the input names it.
	URL string
	// Sections are the breadcrumbs, outermost first, without "Home".
	Sections []string
	// Authors are the writers the page's metadata names, so that the
	// story is not filed under its own reporter.
	Authors []string
	// Body is the article as Markdown, ending in one newline; "" for
	// Markdown input that is only front matter.
	Body string
	// Encoding names the character encoding that decoded the file:
	// "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "Windows-1256", or
	// for HTML the charset the page declares.
	Encoding string
	// Kind is one of the Kind constants.
	Kind string
	// FrontMatter is, for Markdown input that starts with front matter,
	// the whole file (decoded to UTF-8, lines ending in "\n") for the
	// caller to parse; nil otherwise.
	FrontMatter []byte
	// Warnings are things the caller may want to tell the user: a guessed
	// encoding, metadata that could not be read.
	Warnings []string
}

func (d *Document) warnf(format string, args ...any) {
	d.Warnings = append(d.Warnings, fmt.Sprintf(format, args...))
}

// setDate keeps the first date found, as sources are read from the most
// trusted down.
func (d *Document) setDate(t time.Time, from string) {
	if d.Date.IsZero() {
		d.Date, d.DateFrom = t, from
	}
}
