package email

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// plainNote writes the note's parse as plain text: paragraphs wrapped to
// the text part's width, lists and quotes indented, markup dropped, and
// each link's words followed by a number whose address is listed after
// the note. The Markdown source would read almost as well, but its links
// are relative to the site, its lines are as long as the editor typed
// them, and a link the page drops would still be there; text from the
// same parse as the HTML says what the HTML says.
func plainNote(doc ast.Node, src []byte) string {
	p := &plain{src: src, seen: map[string]int{}}
	p.blocks(doc, "", "")
	// A block with no plain form (raw HTML) leaves two blank lines.
	out := blankRuns.ReplaceAllString(strings.TrimRight(p.b.String(), "\n"), "\n\n") + "\n"
	if len(p.links) > 0 {
		var refs strings.Builder
		for i, l := range p.links {
			refs.WriteString("[" + strconv.Itoa(i+1) + "] " + l + "\n")
		}
		out += "\n" + refs.String()
	}
	return out
}

var blankRuns = regexp.MustCompile(`\n\n\n+`)

type plain struct {
	src   []byte
	b     strings.Builder
	links []string       // addresses, in the order the note first links them
	seen  map[string]int // each address's number, so a repeated link keeps it
}

// blocks writes n's block children, a blank line between them, the first
// line of the first starting with first and every other line with rest.
func (p *plain) blocks(n ast.Node, first, rest string) { p.children(n, first, rest, true) }

// children is blocks, with no blank lines between them when not blank:
// the item of a tight list and the list inside it are one block.
func (p *plain) children(n ast.Node, first, rest string, blank bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c != n.FirstChild() {
			if blank {
				p.b.WriteString(strings.TrimRight(rest, " ") + "\n")
			}
			first = rest
		}
		p.block(c, first, rest)
	}
}

func (p *plain) block(n ast.Node, first, rest string) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		p.wrap(p.inline(n), first, rest)
	case *ast.List:
		i := n.Start
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			marker := "* "
			if n.IsOrdered() {
				marker = strconv.Itoa(i) + ". "
				i++
			}
			if c != n.FirstChild() {
				first = rest
				if !n.IsTight {
					p.b.WriteString(strings.TrimRight(rest, " ") + "\n")
				}
			}
			p.children(c, first+marker, rest+strings.Repeat(" ", len(marker)), !n.IsTight)
		}
	case *ast.Blockquote:
		p.blocks(n, first+"> ", rest+"> ")
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		// Code keeps its lines as written: wrapping would change it.
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			lead := rest
			if i == 0 {
				lead = first
			}
			p.b.WriteString(lead + "    " + strings.TrimRight(string(seg.Value(p.src)), "\r\n") + "\n")
		}
	case *ast.ThematicBreak:
		p.b.WriteString(first + "* * *\n")
	case *ast.HTMLBlock:
		// Raw HTML (allowed only with unsafe_html) has no plain form.
	case *east.Table:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, p.inline(c))
			}
			p.wrap(strings.Join(cells, " | "), first, rest)
			first = rest
		}
	case *east.FootnoteList:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if fn, ok := c.(*east.Footnote); ok {
				mark := "(" + strconv.Itoa(fn.Index) + ") "
				p.blocks(fn, first+mark, rest+strings.Repeat(" ", len(mark)))
				first = rest
			}
		}
	default:
		// A block this does not know: its words, or its blocks.
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			p.wrap(p.inline(n), first, rest)
			return
		}
		p.blocks(n, first, rest)
	}
}

// wrap writes s wrapped at width, unless it is empty.
func (p *plain) wrap(s, first, rest string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	wrapLines(&p.b, s, first, rest)
}

// inline is the text of n's inline children, on one line.
func (p *plain) inline(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.span(&b, c)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func (p *plain) span(b *strings.Builder, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(p.src)
		if n.IsRaw() {
			b.Write(v)
		} else {
			b.WriteString(html.UnescapeString(string(util.UnescapePunctuations(v))))
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteString(" ")
		}
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			b.Write(n.Value)
		} else {
			b.WriteString(html.UnescapeString(string(n.Value)))
		}
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(p.src))
			} else {
				p.span(b, c)
			}
		}
	case *ast.Link:
		words := p.inline(n)
		p.linked(b, words, string(n.Destination))
	case *ast.Image:
		words := p.inline(n)
		if words == "" {
			words = "image"
		}
		p.linked(b, words, string(n.Destination))
	case *ast.AutoLink:
		b.Write(n.Label(p.src))
	case *ast.RawHTML:
		// Inline tags have no plain form; the words around them stay.
	case *east.TaskCheckBox:
		if n.IsChecked {
			b.WriteString("[x] ")
		} else {
			b.WriteString("[ ] ")
		}
	case *east.FootnoteLink:
		fmt.Fprintf(b, "(%d)", n.Index)
	case *east.FootnoteBacklink:
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			p.span(b, c)
		}
	}
}

// linked writes a link's words and its number. A link whose words are
// its address needs no number.
func (p *plain) linked(b *strings.Builder, words, dest string) {
	if dest == "" || words == dest {
		b.WriteString(words)
		return
	}
	i, ok := p.seen[dest]
	if !ok {
		p.links = append(p.links, dest)
		i = len(p.links)
		p.seen[dest] = i
	}
	fmt.Fprintf(b, "%s [%d]", words, i)
}
