package render

import (
	"bytes"
	"html/template"
	"net/url"

	"github.com/yuin/goldmark/ast"
	gmtext "github.com/yuin/goldmark/text"

	"github.com/briefing-digest/briefing/generator"
)

// note renders the editor's note of an issue's edition file, or nothing
// when it has none. Notes are a few paragraphs, and an issue's shows on
// its page and, for the latest, the home page, so each page renders it.
//
// An editor writes a note as it reads on the issue's own page, so a link
// such as "../2021-w44/" means the week before. The home page shows the
// same note from another folder, where that link would lead nowhere, so
// page-relative links are resolved against the issue's page first.
func (r *Renderer) note(is *generator.Issue) (template.HTML, error) {
	if is == nil || is.Edition == nil || len(bytes.TrimSpace(is.Edition.Note)) == 0 {
		return "", nil
	}
	src := is.Edition.Note
	doc := r.md.Parser().Parse(gmtext.NewReader(src))
	page := &url.URL{Path: r.cfg.RelURL(is.Path())}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Link:
				n.Destination = fromPage(page, n.Destination)
			case *ast.Image:
				n.Destination = fromPage(page, n.Destination)
			}
		}
		return ast.WalkContinue, nil
	})
	var b bytes.Buffer
	if err := r.md.Renderer().Render(&b, src, doc); err != nil {
		return "", generator.Errorf(is.Edition.File, is.Edition.NoteLine, 0, "rendering the editor's note: %w", err)
	}
	return template.HTML(b.String()), nil
}

// fromPage makes a page-relative link root-relative. Addresses with a
// scheme or host, root-relative ones and a bare fragment (a footnote,
// which the home page has too) are left as the editor wrote them, as is
// anything that does not parse.
func fromPage(page *url.URL, dest []byte) []byte {
	if len(dest) == 0 || dest[0] == '/' || dest[0] == '#' || dest[0] == '?' {
		return dest
	}
	u, err := url.Parse(string(dest))
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return dest
	}
	return []byte(page.ResolveReference(u).String())
}
