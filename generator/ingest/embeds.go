package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A story quotes a post on a social network by embedding it: the post's
// text in a <blockquote class="twitter-tweet">, inside wrappers named
// "social-media-embed" or "article-tweet". Both extractors take such
// names for a share bar and drop the quotation with them; liftEmbeds puts
// the quotation in its wrappers' place as a plain one, so it is read as
// the story's own.

// embedClasses name an embedded post's quotation.
var embedClasses = []string{"twitter-tweet", "instagram-media", "tiktok-embed", "bluesky-embed", "mastodon-embed"}

// liftEmbeds frees the embedded posts' quotations under n from their
// wrappers.
func liftEmbeds(n *html.Node) {
	var quotes []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Blockquote && isEmbed(c) {
				quotes = append(quotes, c)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	for _, q := range quotes {
		q.Attr = nil
		for p := q.Parent; p != nil && isWrapper(p) && onlyChild(p, q); p = q.Parent {
			p.RemoveChild(q)
			p.Parent.InsertBefore(q, p)
			p.Parent.RemoveChild(p)
		}
	}
}

func isEmbed(n *html.Node) bool {
	class := strings.ToLower(attr(n, "class"))
	for _, c := range embedClasses {
		if strings.Contains(class, c) {
			return true
		}
	}
	return false
}

// isWrapper reports whether n is a box that only holds what is in it.
func isWrapper(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Figure, atom.Section, atom.Aside, atom.Span:
		return n.Parent != nil
	}
	return false
}

// onlyChild reports whether q is all n holds, besides white space and the
// embed's script.
func onlyChild(n, q *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c == q, c.Type == html.CommentNode:
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Noscript):
		default:
			return false
		}
	}
	return true
}
