package render

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown configures goldmark once per build. Raw HTML is left out
// unless the site asks for it, because imported articles are not trusted.
// basePath is prefixed to root-relative links so "/countries/iran/"
// written in an article still works when the site lives under /repo/.
func newMarkdown(unsafe bool, basePath string) goldmark.Markdown {
	// These are extension.GFM's parts in its order, with its linkify
	// behind a filter that spares most positions the full check (see
	// linkify.go); the HTML is the same.
	return markdownWith(unsafe, basePath,
		quickLinkify, extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote)
}

// markdownWith is newMarkdown's configuration with the given extensions,
// so tests can build the one with plain extension.GFM beside it.
func markdownWith(unsafe bool, basePath string, extensions ...goldmark.Extender) goldmark.Markdown {
	var rendererOpts []renderer.Option
	if unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	return goldmark.New(
		goldmark.WithExtensions(extensions...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(
				util.Prioritized(linkFixer{basePath: basePath}, 100),
				util.Prioritized(headingLevels{}, 101),
			),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
}

// linkFixer drops links whose target would run script and points
// root-relative links under the site's base path.
type linkFixer struct{ basePath string }

func (f linkFixer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var unwrap []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if scripted(n.Destination) {
				unwrap = append(unwrap, n)
				return ast.WalkContinue, nil
			}
			n.Destination = f.rebase(n.Destination)
		case *ast.Image:
			if scripted(n.Destination) {
				n.Destination = nil
			} else {
				n.Destination = f.rebase(n.Destination)
			}
		}
		return ast.WalkContinue, nil
	})
	// A dropped link keeps its text: the reader loses the target, not the words.
	for _, link := range unwrap {
		parent := link.Parent()
		for c := link.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, link, c)
			c = next
		}
		parent.RemoveChild(parent, link)
	}
}

func (f linkFixer) rebase(dest []byte) []byte {
	if f.basePath == "/" || len(dest) == 0 || dest[0] != '/' || bytes.HasPrefix(dest, []byte("//")) ||
		bytes.HasPrefix(dest, []byte(f.basePath)) {
		return dest
	}
	return append([]byte(f.basePath), dest[1:]...)
}

// scripted says whether a URL would run code when followed. Browsers
// ignore case, leading blanks and control characters in the scheme, so
// this does too.
func scripted(dest []byte) bool {
	s := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(string(dest)))
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") ||
		strings.HasPrefix(s, "data:text/html")
}

// headingLevels moves an article's headings down so the first level is
// h2: the page's h1 is the article's title, and a "#" in an imported body
// must not make a second one or skip a level.
type headingLevels struct{}

func (headingLevels) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var headings []*ast.Heading
	top := 7
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
			top = min(top, h.Level)
		}
		// A heading is a block, never inside a paragraph's or a heading's
		// text: walking every word of every article found none there.
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	shift := 2 - top
	for _, h := range headings {
		h.Level = min(max(h.Level+shift, 2), 6)
	}
}
