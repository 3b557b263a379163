package render

import (
	"text/template/parse"
)

// bounded says whether the definitions a site's own template file makes
// (trees, all parsed from the one file) read no more of the site than the
// built-in template of that name would: then the built-in declarations
// (inputs) still say what its pages show, and an edit re-renders only
// them. A site's own footer or a plain article page is, most often.
//
// The test is deliberately narrow: anything it does not recognise makes
// the file unbounded, whose pages then depend on the whole site, which
// costs time but never shows a stale page. Bounded means every value the
// file reads is one of:
//
//   - the site's configuration, .Site.Config… (a change to it rebuilds everything);
//   - a plain field of the page, the card or the subject: .Title,
//     .Entry.Summary, .Path, and the like (leaves below), which the
//     built-in declarations cover wherever a template is called;
//   - .Body, the page's own text;
//   - within range or with of such a value, its plain fields.
//
// It may call only functions that compute from their arguments, and
// execute only templates it defines itself, or "base" with the page, as
// every page template does.
func bounded(trees []*parse.Tree) bool {
	w := walker{defined: map[string]bool{}}
	for _, t := range trees {
		w.defined[t.Name] = true
	}
	for _, t := range trees {
		if t.Root != nil && !w.node(t.Root, false) {
			return false
		}
	}
	return true
}

// leaves are fields and methods that give a plain value (text, a date,
// a list of strings), not another part of the site, and that the card
// fingerprint covers for an entry (every front matter field), the term
// fingerprint for a term's own name, and the page's own title and path.
var leaves = map[string]bool{
	"Title": true, "Description": true, "Kind": true, "Path": true, "Feed": true, "Date": true,
	"Name": true, "Slug": true, "Summary": true, "Source": true, "URL": true, "License": true,
	"Event": true, "Sections": true, "People": true, "Countries": true, "Organizations": true,
	"Places": true, "Topics": true, "Draft": true, "ShowSummary": true,
}

// pureFuncs are template functions whose result follows from their
// arguments alone.
var pureFuncs = map[string]bool{
	"rel": true, "abs": true, "date": true, "isodate": true, "datetime": true, "plural": true,
	"add": true, "host": true, "len": true, "eq": true, "ne": true, "lt": true, "le": true,
	"gt": true, "ge": true, "and": true, "or": true, "not": true, "print": true, "printf": true,
	"println": true, "html": true, "js": true, "urlquery": true,
}

type walker struct {
	defined map[string]bool // the templates the file defines
}

// node checks n; inner is set within range and with, where dot is a
// value the file reached, not the page.
func (w *walker) node(n parse.Node, inner bool) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !w.node(c, inner) {
				return false
			}
		}
		return true
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
		return true
	case *parse.ActionNode:
		return w.pipe(n.Pipe, inner)
	case *parse.IfNode:
		return w.pipe(n.Pipe, inner) && w.node(n.List, inner) && w.node(n.ElseList, inner)
	case *parse.WithNode:
		return w.pipe(n.Pipe, inner) && w.node(n.List, true) && w.node(n.ElseList, inner)
	case *parse.RangeNode:
		return w.pipe(n.Pipe, inner) && w.node(n.List, true) && w.node(n.ElseList, inner)
	case *parse.TemplateNode:
		// Its own definitions are checked as if given what the file was
		// given, so that is all they may be given: nothing, or dot
		// outside range and with. Of the others only "base", with the
		// page, as every page template calls it.
		if n.Pipe == nil {
			return w.defined[n.Name]
		}
		givesDot := !inner && len(n.Pipe.Decl) == 0 && len(n.Pipe.Cmds) == 1 &&
			len(n.Pipe.Cmds[0].Args) == 1 && n.Pipe.Cmds[0].Args[0].Type() == parse.NodeDot
		return givesDot && (w.defined[n.Name] || n.Name == "base")
	}
	return false
}

func (w *walker) pipe(p *parse.PipeNode, inner bool) bool {
	if p == nil {
		return true
	}
	for _, c := range p.Cmds {
		for i, a := range c.Args {
			if id, ok := a.(*parse.IdentifierNode); ok {
				if i != 0 || !pureFuncs[id.Ident] {
					return false
				}
				continue
			}
			if !w.arg(a, inner) {
				return false
			}
		}
	}
	return true
}

func (w *walker) arg(a parse.Node, inner bool) bool {
	switch a := a.(type) {
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode, *parse.DotNode:
		// Dot alone is the page, the card or a value the file reached:
		// printing it shows no more than its fields.
		return true
	case *parse.FieldNode:
		return chain(a.Ident, inner)
	case *parse.VariableNode:
		if a.Ident[0] == "$" {
			return chain(a.Ident[1:], false)
		}
		// Other variables hold what a checked pipeline gave.
		return chain(a.Ident[1:], true)
	case *parse.PipeNode:
		return w.pipe(a, inner)
	}
	return false
}

// chain checks a field chain: within range or with, plain fields only;
// from the page or card, also .Site.Config…, .Entry.<leaf> and .Body.
func chain(idents []string, inner bool) bool {
	if len(idents) == 0 {
		return true
	}
	if !inner {
		switch {
		case len(idents) >= 2 && idents[0] == "Site" && idents[1] == "Config":
			return true
		case len(idents) >= 3 && idents[0] == "Page" && idents[1] == "Site" && idents[2] == "Config":
			return true
		case len(idents) == 1 && idents[0] == "Body":
			return true
		case idents[0] == "Entry":
			idents = idents[1:]
		}
	}
	for _, id := range idents {
		if !leaves[id] {
			return false
		}
	}
	return true
}
