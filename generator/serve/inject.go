package serve

// This file adds what only the preview has to an HTML page: the
// live-reload script and, while the site has an error, the overlay.

import (
	"bytes"
	_ "embed" // reload.js
	"fmt"
	"html"
	"strings"
)

// reloadJS is the live-reload client, added to pages only by this server.
//
//go:embed reload.js
var reloadJS []byte

// decorate returns a copy of an HTML page with the error overlay right
// after <body> (while there is an error) and the reload script before the
// last </body>. The script carries what the page was served with, so it
// can tell whether a later event concerns it.
func (s *Server) decorate(page []byte, pageURL string) []byte {
	errs, errText := s.hub.current()

	script := fmt.Sprintf(`<script src="%s" data-briefing-server="%s" data-briefing-page="%s" data-briefing-error="%s" defer></script>`,
		html.EscapeString(s.base+internalDir+"reload.js"), html.EscapeString(s.hub.id),
		html.EscapeString(pageURL), html.EscapeString(errText))

	end := lastTag(page, "</body")
	if end < 0 {
		end = len(page)
	}
	start := afterBodyOpen(page)
	if start > end {
		start = end
	}
	var b bytes.Buffer
	b.Grow(len(page) + len(script) + 2048)
	b.Write(page[:start])
	if len(errs) > 0 {
		writeOverlay(&b, errs)
	}
	b.Write(page[start:end])
	b.WriteString(script)
	b.Write(page[end:])
	return b.Bytes()
}

// afterBodyOpen finds where the body's content starts: after the <body …>
// tag, or after the doctype when the page has no body tag, so the overlay
// cannot push the page into quirks mode.
func afterBodyOpen(page []byte) int {
	for i := 0; i < len(page); i++ {
		if isTag(page, i, "<body") {
			if end := tagEnd(page, i+len("<body")); end >= 0 {
				return end
			}
			break
		}
	}
	trimmed := bytes.TrimLeft(page, "\ufeff \t\r\n")
	if hasPrefixFold(trimmed, "<!doctype") {
		if end := tagEnd(trimmed, 0); end >= 0 {
			return len(page) - len(trimmed) + end
		}
	}
	return 0
}

// tagEnd returns the index just past the '>' closing the tag that runs from
// i, skipping quoted attribute values, or -1.
func tagEnd(page []byte, i int) int {
	var quote byte
	for ; i < len(page); i++ {
		switch c := page[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return -1
}

// lastTag returns the index of the last tag named by prefix ("</body"),
// or -1.
func lastTag(page []byte, prefix string) int {
	for i := len(page) - len(prefix); i >= 0; i-- {
		if isTag(page, i, prefix) {
			return i
		}
	}
	return -1
}

// isTag reports whether the tag named by prefix ("<body", "</body") starts
// at page[i], in any case, and not as the start of a longer name (<bodyx>).
// It compares ASCII by hand: bytes.ToLower can change a page's length.
func isTag(page []byte, i int, prefix string) bool {
	if !hasPrefixFold(page[i:], prefix) {
		return false
	}
	j := i + len(prefix)
	return j == len(page) || strings.IndexByte(" \t\n\r\f/>", page[j]) >= 0
}

func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// writeOverlay writes the error panel. Its styles are inline and fixed
// (light text on dark red in either colour scheme) so it reads the same
// whatever the theme; the theme's element rules are overridden property by
// property. Every message is escaped: errors quote the broken input.
func writeOverlay(b *bytes.Buffer, errs []string) {
	const (
		box = "all:initial;display:block;position:fixed;top:0;left:0;right:0;z-index:2147483647;" +
			"box-sizing:border-box;max-height:60vh;overflow:auto;margin:0;padding:16px 20px;" +
			"background:#3b0d0c;color:#ffffff;border-bottom:4px solid #ff8a80;" +
			"box-shadow:0 4px 24px rgba(0,0,0,.5);font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;text-align:left"
		head   = "display:block;margin:0 96px 8px 0;padding:0;font:700 17px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#ffffff"
		list   = "display:block;margin:0;padding:0;list-style:none"
		item   = "display:block;margin:4px 0;padding:0;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace;color:#ffe4e1;white-space:pre-wrap;overflow-wrap:anywhere"
		note   = "display:block;margin:8px 0 0;padding:0;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#ffd2cc"
		button = "all:initial;position:absolute;top:12px;right:16px;padding:4px 12px;border:2px solid #ffffff;border-radius:4px;" +
			"background:#ffffff;color:#3b0d0c;font:600 14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;cursor:pointer"
	)
	fmt.Fprintf(b, `<div id="briefing-error" role="alert" style="%s">`, box)
	fmt.Fprintf(b, `<button type="button" data-briefing-dismiss style="%s">Dismiss</button>`, button)
	fmt.Fprintf(b, `<p style="%s">The site has an error — showing the last good build</p>`, head)
	fmt.Fprintf(b, `<ul style="%s">`, list)
	for _, e := range errs {
		fmt.Fprintf(b, `<li style="%s">%s</li>`, item, html.EscapeString(e))
	}
	fmt.Fprintf(b, `</ul><p style="%s">Fix it and save: this page reloads by itself.</p></div>`, note)
}
