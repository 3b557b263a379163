package ingest

import (
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Readability keeps what looks like article; sanitize makes sure nothing
// that runs, submits or embeds survives into the Markdown, whatever the
// page did to look like article.

// unsafeElements go with everything inside them.
var unsafeElements = set(
	"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
	"form", "input", "button", "select", "option", "textarea", "noscript", "template",
	"svg", "math", "canvas", "dialog", "link", "meta", "base", "audio", "video", "source",
)

// urlAttributes hold addresses, which must not run code.
var urlAttributes = set("href", "src", "srcset", "action", "formaction", "poster", "xlink:href", "data", "cite", "background")

// sanitize removes from n's subtree the unsafe elements, comments,
// event handlers and styles, and links and images whose address would
// run code. A link that would run code leaves its text.
func sanitize(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode, c.Type == html.ElementNode && unsafeElements[c.Data]:
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			if cleanAttributes(c) {
				sanitize(c)
				break
			}
			if c.Data != "a" {
				n.RemoveChild(c)
				break
			}
			// Unwrap the link: its children take its place and are
			// sanitized in turn.
			next = unwrap(c, next)
		}
		c = next
	}
}

// cleanAttributes drops n's event handlers and styles, and reports false
// when one of its addresses would run code.
func cleanAttributes(n *html.Node) bool {
	safe := true
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case strings.HasPrefix(key, "on"), key == "style", key == "srcdoc":
			continue
		case urlAttributes[key] && runsCode(a.Val):
			safe = false
			continue
		}
		kept = append(kept, a)
	}
	n.Attr = kept
	return safe
}

// runsCode reports whether an address is a script or inline data, however
// a page spells it: browsers ignore case, spaces and control characters
// in the scheme ("Java\tScript:").
func runsCode(address string) bool {
	scheme := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, address)
	for _, bad := range []string{"javascript:", "vbscript:", "data:", "livescript:"} {
		if strings.HasPrefix(scheme, bad) {
			return true
		}
	}
	return false
}

// unwrap puts c's children in its place, and returns where a walk that
// was to go on at next goes on instead: at c's first child, if it had one.
func unwrap(c, next *html.Node) *html.Node {
	if c.FirstChild != nil {
		next = c.FirstChild
	}
	for c.FirstChild != nil {
		child := c.FirstChild
		c.RemoveChild(child)
		c.Parent.InsertBefore(child, c)
	}
	c.Parent.RemoveChild(c)
	return next
}

// settleAddresses prepares a page for extractors that rewrite addresses.
// A link whose address would run code leaves its text and anything else
// with such an address goes, as in sanitize, before an extractor makes
// it absolute and so passes it off as a harmless path
// ("https://site/javascript:…"). Links and images are made absolute
// against base here, as trafilatura gets relative paths wrong. Styles and
// the rest stay: extractors read them.
func settleAddresses(n *html.Node, base *url.URL) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			safe := absoluteAddresses(c, base)
			switch {
			case !safe && c.Data == "a":
				next = unwrap(c, next)
			case !safe:
				n.RemoveChild(c)
			default:
				settleAddresses(c, base)
			}
		}
		c = next
	}
}

// absoluteAddresses makes n's link and image addresses absolute against
// base, and reports false when one of its addresses would run code.
func absoluteAddresses(n *html.Node, base *url.URL) bool {
	for i, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if !urlAttributes[key] {
			continue
		}
		if runsCode(a.Val) {
			return false
		}
		if base != nil && (key == "href" || key == "src") && !strings.HasPrefix(a.Val, "#") {
			if u, err := base.Parse(strings.TrimSpace(a.Val)); err == nil {
				n.Attr[i].Val = u.String()
			}
		}
	}
	return true
}
