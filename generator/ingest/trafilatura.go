package ingest

import (
	"net/url"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// trafilaturaArticle is the article trafilatura finds in doc, or nil when
// it finds none. doc is left as it was: trafilatura works on a copy.
func trafilaturaArticle(doc *html.Node, base *url.URL) (article *html.Node) {
	// A fault of trafilatura on a strange page costs its cut, not the
	// import: readability's article stands.
	defer func() {
		if recover() != nil {
			article = nil
		}
	}()
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
	repairAddresses(res.ContentNode)
	return res.ContentNode
}

// otherScheme finds, in a link trafilatura resolved as if it were a path,
// the address with its own scheme: ".../story/mailto:desk@example.com".
var otherScheme = lazyPattern(`/((?:mailto|tel|sms|ftp|news|irc|magnet|geo):.*)$`)

// repairAddresses undoes trafilatura's joining of mailto: and other
// non-web addresses onto the page's path.
func repairAddresses(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		for i, a := range n.Attr {
			if a.Key == "href" {
				if m := otherScheme.FindStringSubmatch(a.Val); m != nil {
					n.Attr[i].Val = m[1]
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		repairAddresses(c)
	}
}
