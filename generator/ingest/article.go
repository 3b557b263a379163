package ingest

import (
	"fmt"
	"net/url"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/briefing-digest/briefing/generator"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// findArticle is the article in doc: readability decides whether the page
// has one, and trafilatura's cut of it is taken when preferTrimmed trusts
// it. Either is sanitized. doc is changed.
func findArticle(name string, doc *html.Node, base *url.URL) (*html.Node, error) {
	dropCode(doc)
	settleAddresses(doc, base)
	dropHoverCards(doc)
	liftEmbeds(doc)
	// trafilatura first: it copies doc, which readability then changes.
	trimmed := trafilaturaArticle(doc, base)
	parser := readability.NewParser()
	article, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return nil, generator.Errorf(name, 0, 0, "cannot find the article: %w", err)
	}
	if article.Node == nil {
		return nil, noArticle(name, "the page has no article text")
	}
	full := article.Node
	sanitize(full)
	if problem := articleProblem(full); problem != "" {
		return nil, noArticle(name, problem)
	}
	if trimmed != nil {
		sanitize(trimmed)
	}
	if trimmed != nil && articleProblem(trimmed) == "" && preferTrimmed(full, trimmed) {
		restoreImages(full, trimmed)
		return trimmed, nil
	}
	return full, nil
}

// articleProblem says why the text under n is not an article, or "" when
// it is one.
func articleProblem(n *html.Node) string {
	chars, linked := textLengths(n)
	if chars < minArticleText {
		return fmt.Sprintf("the page has %d characters of article text, fewer than %d", chars, minArticleText)
	}
	if linked*2 > chars {
		return "the page's text is mostly links, as a navigation page's is"
	}
	return ""
}

// dropCode removes the page's scripts and styles, whose metadata has been
// read by now: neither extractor keeps them, and trafilatura copies the
// whole page three times over, which for a page of inline application
// state is most of its work.
func dropCode(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style) {
			n.RemoveChild(c)
		} else {
			dropCode(c)
		}
		c = next
	}
}
