package ingest

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// trafilatura is asked for text only, as with images it takes in more of
// the page around the article; the pictures readability kept in the story
// are put back into trafilatura's cut, each before the paragraph it stood
// before, when that paragraph was kept.

// restoreImages copies into trimmed the images of full that stand before a
// paragraph trimmed also has.
func restoreImages(full, trimmed *html.Node) {
	blocks := map[string]*html.Node{}
	eachBlock(trimmed, func(b *html.Node) {
		if key := blockKey(b); key != "" && blocks[key] == nil {
			blocks[key] = b
		}
	})
	var pending []*html.Node
	eachBlock(full, func(b *html.Node) {
		if imgs := images(b); len(imgs) > 0 && blockKey(b) == "" {
			pending = append(pending, imgs...)
			return
		}
		at := blocks[blockKey(b)]
		if at != nil && at.Parent != nil {
			for _, img := range pending {
				p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
				p.AppendChild(shallowCopy(img))
				at.Parent.InsertBefore(p, at)
			}
		}
		pending = pending[:0]
	})
}

// eachBlock calls f on the paragraphs, headings, list items, quotations
// and figures under n, outermost first, not looking inside them.
func eachBlock(n *html.Node, f func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote, atom.Figure, atom.Pre:
			f(c)
		default:
			eachBlock(c, f)
		}
	}
}

// blockKey names a block by the start of its text.
func blockKey(n *html.Node) string {
	key := lineKey(textOf(n))
	if len(key) > 120 {
		key = key[:120]
	}
	return key
}

func images(n *html.Node) []*html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Img {
		return []*html.Node{n}
	}
	var imgs []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		imgs = append(imgs, images(c)...)
	}
	return imgs
}

func shallowCopy(n *html.Node) *html.Node {
	return &html.Node{Type: n.Type, Data: n.Data, DataAtom: n.DataAtom, Attr: append([]html.Attribute(nil), n.Attr...)}
}
