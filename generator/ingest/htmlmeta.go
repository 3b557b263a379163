package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page's markup says about its article, read before
// readability takes the page apart.
type pageMeta struct {
	title     string            // the <title>
	h1        string            // the first <h1>
	props     map[string]string // <meta> content by lower-case property, name or itemprop
	canonical string            // <link rel=canonical>
	savedFrom string            // the "saved from url=" comment browsers write
	times     []string          // <time datetime>, the one marked as publication first
	jsonLD    []string          // the text of each JSON-LD script
	crumbs    []string          // the items of a breadcrumb navigation
}

func readPageMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{props: map[string]string{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.CommentNode && m.savedFrom == "":
			m.savedFrom = savedFromURL(n.Data)
		case n.Type == html.ElementNode:
			if !m.readElement(n) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// readElement notes what element n says, and whether its children may
// say more.
func (m *pageMeta) readElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Title:
		if m.title == "" {
			m.title = textOf(n)
		}
	case atom.H1:
		if m.h1 == "" {
			m.h1 = textOf(n)
		}
	case atom.Meta:
		content := strings.TrimSpace(attr(n, "content"))
		for _, key := range []string{"property", "name", "itemprop"} {
			k := strings.ToLower(strings.TrimSpace(attr(n, key)))
			if _, seen := m.props[k]; k != "" && content != "" && !seen {
				m.props[k] = content
			}
		}
	case atom.Link:
		if hasToken(attr(n, "rel"), "canonical") && m.canonical == "" {
			m.canonical = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Time:
		if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
			if hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				m.times = append([]string{dt}, m.times...)
			} else {
				m.times = append(m.times, dt)
			}
		}
	case atom.Script:
		if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
			m.jsonLD = append(m.jsonLD, textOf(n))
		}
		return false
	case atom.Nav, atom.Ol, atom.Ul, atom.Div:
		if m.crumbs == nil && isBreadcrumbTrail(n) {
			m.crumbs = crumbItems(n)
			return false
		}
	}
	return true
}

// savedFromURL reads the comment a browser puts atop a page it saves:
// "saved from url=(0058)https://www.example.com/news/…".
func savedFromURL(comment string) string {
	_, after, ok := strings.Cut(comment, "saved from url=")
	if !ok {
		return ""
	}
	if strings.HasPrefix(after, "(") {
		_, after, _ = strings.Cut(after, ")")
	}
	return strings.TrimSpace(after)
}

func isBreadcrumbTrail(n *html.Node) bool {
	for _, key := range []string{"aria-label", "class", "id"} {
		if strings.Contains(strings.ToLower(attr(n, key)), "breadcrumb") {
			return true
		}
	}
	return false
}

// crumbItems are the names in a breadcrumb trail: its list items, or its
// links when it has no list.
func crumbItems(n *html.Node) []string {
	items := descendants(n, atom.Li)
	if len(items) == 0 {
		items = descendants(n, atom.A)
	}
	var names []string
	for _, item := range items {
		if name := strings.Trim(textOf(item), " >»›/|→"); lineKey(name) != "" {
			names = append(names, name)
		}
	}
	return names
}

func descendants(n *html.Node, a atom.Atom) []*html.Node {
	var found []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			found = append(found, c)
			continue
		}
		found = append(found, descendants(c, a)...)
	}
	return found
}

// textOf is the text inside n with its white space collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}
