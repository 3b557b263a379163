package ingest

import (
	"slices"
	"strings"
	"sync"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

// Pages state their date in more ways than the metadata read first: a
// date field under a name of the site's own ("sn-post-date"), in a format
// of their own ("01:38:07 PM IST Nov 20, 2019"), in a language other than
// English, or only in the text around the article. These are the later,
// slower sources, tried only when the earlier ones give nothing.

// looseDate reads a date from a page's metadata that parseDate cannot:
// any absolute date in any language go-dateparser knows, complete to the
// day. Relative dates ("2 hours ago") say nothing about a saved page.
func looseDate(s string) (t time.Time, ok bool) {
	defer func() {
		if recover() != nil {
			t, ok = time.Time{}, false
		}
	}()
	s = strings.TrimSpace(s)
	zone := time.UTC
	if indiaTime.MatchString(s) {
		// "IST" is India's time in English news far more often than
		// Israel's or Ireland's, which go-dateparser would take it for.
		s, zone = indiaTime.ReplaceAllString(s, ""), time.FixedZone("", 5*3600+1800)
	}
	// go-dateparser tries every language's patterns: a string with no
	// year in it is not worth that.
	if len(s) < 6 || len(s) > 80 || !yearInLine.MatchString(s) {
		return time.Time{}, false
	}
	parser := dateParsers.Get().(*dps.Parser)
	defer dateParsers.Put(parser)
	d, err := parser.Parse(&dps.Configuration{StrictParsing: true, DefaultTimezone: zone, CurrentTime: time.Now()}, s)
	if err != nil || d.Time.IsZero() || d.Time.Year() < 1990 {
		return time.Time{}, false
	}
	return d.Time, true
}

// dateParsers keep the languages a parser has loaded, one parser to a
// goroutine: a parser locks itself while it works.
var dateParsers = sync.Pool{New: func() any {
	return &dps.Parser{ParserTypes: []dps.ParserType{dps.AbsoluteTime, dps.NoSpacesTime}}
}}

var indiaTime = lazyPattern(`\bIST\b`)

// siteDateKey is the name of a <meta> a site made up for its publication
// date; the names of other dates it keeps are not.
var (
	siteDateKey  = lazyPattern(`(^|[^a-z])(date|pub(lish(ed)?)?[-_.]?(date|time)|post[-_.]?date|created)($|[^a-z])`)
	otherDateKey = lazyPattern(`modif|updat|expir|valid|revis|birth|event|start|end|review`)
)

// siteDateCandidates are the contents of the page's <meta> tags whose
// names look like a publication date, in the order of their names.
func siteDateCandidates(props map[string]string) []string {
	var keys []string
	for k := range props {
		if siteDateKey.MatchString(k) && !otherDateKey.MatchString(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	values := make([]string, len(keys))
	for i, k := range keys {
		values[i] = props[k]
	}
	return values
}

// scanPageDate is the date htmldate finds anywhere in the page, its text
// included, for a page whose metadata gives none. doc is not changed.
func scanPageDate(doc *html.Node, pageURL string) (t time.Time, ok bool) {
	// A fault of the scan on a strange page costs the date, not the import.
	defer func() {
		if recover() != nil {
			t, ok = time.Time{}, false
		}
	}()
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		URL:             pageURL,
		UseOriginalDate: true,
		ExtractTime:     true,
	})
	if err != nil || res.IsZero() {
		return time.Time{}, false
	}
	return res.DateTime, true
}
