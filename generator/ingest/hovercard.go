package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A hover card is the box a page shows over a name in the story when the
// pointer rests on it: a photo, the name again, links to other stories.
// Its markup sits inside the sentence, so an extractor reads it into the
// text ("Rep. Ilhan OmarIlhan OmarHillicon Valley: …"). The name itself
// is often inside the card's wrapper, which has to stay.

var hoverCardClass = lazyPattern(`(?i)(rollover|hover-?card|tooltip|popover|popup|flyout)`)

// dropHoverCards removes under n the hover cards inside paragraphs.
func dropHoverCards(n *html.Node) {
	var walk func(n *html.Node, inParagraph bool)
	walk = func(n *html.Node, inParagraph bool) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				walk(c, inParagraph || c.DataAtom == atom.P)
				if inParagraph && hoverCardClass.MatchString(attr(c, "class")) && isCard(c) {
					n.RemoveChild(c)
				}
			}
			c = next
		}
	}
	walk(n, false)
}

// isCard reports whether n holds more than a name: a picture, a block or
// several links.
func isCard(n *html.Node) bool {
	links := 0
	var card bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !card; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Img, atom.Picture, atom.Div, atom.Ul, atom.Ol, atom.P:
				card = true
			case atom.A:
				links++
			}
			walk(c)
		}
	}
	walk(n)
	return card || links > 1 || strings.Contains(strings.ToLower(attr(n, "class")), "block")
}
