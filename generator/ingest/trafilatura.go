package ingest

import (
	"net/url"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// trafilaturaArticle is the article trafilatura finds in doc, or nil when
// it finds none. doc is left as it was: trafilatura works on a copy.
func trafilaturaArticle(doc *html.Node, base *url.URL) *html.Node {
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     base,
		ExcludeComments: true,
		IncludeLinks:    true,
		// Favouring recall scored best beside readability: the choice
		// between the two guards precision. With images trafilatura takes
		// in more of the page around the article; restoreImages puts the
		// story's own back.
		Focus: trafilatura.FavorRecall,
		// The page's date is read from its metadata, not by trafilatura's
		// scan of the whole page.
		HtmlDateMode: trafilatura.Disabled,
	})
	if err != nil || res == nil {
		return nil
	}
	return res.ContentNode
}
