package email

import (
	"bytes"
	"html/template"
	"net/url"

	"github.com/yuin/goldmark/ast"
	gmtext "github.com/yuin/goldmark/text"

	"github.com/briefing-digest/briefing/generator"
)

// note is an edition's note as the mail shows it: the HTML, and the
// plain text of the same parse, so both parts say the same. It is parsed
// with the site's own Markdown, so a link the issue page drops is dropped
// here too; then every link is made absolute against the issue's page (a
// mail has no address to resolve "/countries/iran/" against), and each
// element gets the inline style mail programs need, since most ignore a
// stylesheet.
func (r *Renderer) note(is *generator.Issue, page string) (template.HTML, string, error) {
	if is.Edition == nil || len(bytes.TrimSpace(is.Edition.Note)) == 0 {
		return "", "", nil
	}
	src := is.Edition.Note
	doc := r.md.Parser().Parse(gmtext.NewReader(src))
	base, err := url.Parse(page)
	if err != nil {
		return "", "", generator.Errorf(is.Edition.File, is.Edition.NoteLine, 0, "the issue's address %q: %w", page, err)
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = absolute(base, n.Destination)
		case *ast.Image:
			n.Destination = absolute(base, n.Destination)
		}
		if s, ok := noteStyles[n.Kind()]; ok {
			if s.class != "" {
				n.SetAttributeString("class", []byte(s.class))
			}
			n.SetAttributeString("style", []byte(s.style))
		}
		return ast.WalkContinue, nil
	})
	// The text first: rendering HTML leaves the tree as it was, but the
	// text should not depend on that.
	plain := plainNote(doc, src)
	var b bytes.Buffer
	if err := r.md.Renderer().Render(&b, src, doc); err != nil {
		return "", "", generator.Errorf(is.Edition.File, is.Edition.NoteLine, 0, "rendering the editor's note for the email: %w", err)
	}
	return template.HTML(b.String()), plain, nil
}

// absolute resolves a link against the issue's page. A fragment ("#fn:1",
// a footnote) leads to the same place on the page, which has the same
// note; an address that does not parse is left as the editor wrote it.
func absolute(base *url.URL, dest []byte) []byte {
	if len(dest) == 0 {
		return dest
	}
	u, err := url.Parse(string(dest))
	if err != nil {
		return dest
	}
	return []byte(base.ResolveReference(u).String())
}

// noteStyles are the note's inline styles, in the colours and type of the
// rest of the mail; the classes let the dark-mode rules override them.
var noteStyles = map[ast.NodeKind]struct{ class, style string }{
	ast.KindParagraph:     {"", "margin:0 0 12px 0;"},
	ast.KindHeading:       {"em-text", "margin:16px 0 8px 0;font-size:18px;line-height:24px;font-weight:bold;color:#1c2127;"},
	ast.KindLink:          {"em-link", "color:#0a58a8;"},
	ast.KindAutoLink:      {"em-link", "color:#0a58a8;"},
	ast.KindList:          {"", "margin:0 0 12px 0;padding:0 0 0 24px;"},
	ast.KindListItem:      {"", "margin:0 0 4px 0;"},
	ast.KindBlockquote:    {"em-rule", "margin:0 0 12px 0;padding:0 0 0 12px;border-left:3px solid #d9d4c7;"},
	ast.KindCodeSpan:      {"", "font-family:Menlo,Consolas,monospace;font-size:14px;"},
	ast.KindImage:         {"", "max-width:100%;height:auto;border:0;"},
	ast.KindThematicBreak: {"em-rule", "border:0;border-top:1px solid #d9d4c7;margin:16px 0;"},
}
