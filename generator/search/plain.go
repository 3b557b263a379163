package search

import (
	"bytes"
	"strings"
)

// PlainText is the text a reader sees of a Markdown body, near enough for
// finding words and quoting a snippet: markers, link targets and tags go,
// their words stay. It is no Markdown parser: a stray asterisk costs a
// snippet nothing, and parsing every body a second time would cost a
// large build a noticeable part of its time.
func PlainText(md []byte) string {
	var b strings.Builder
	b.Grow(len(md))
	// Read as bytes: a string of md to read it by was a copy of every
	// body, the larger part of PlainText's time.
	for line := range bytes.Lines(md) {
		line = bytes.TrimSpace(line)
		line = bytes.TrimLeft(line, ">#-*+ \t")
		if len(line) == 0 || isLinkDefinition(line) || bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		inline(&b, line)
	}
	return b.String()
}

// inline writes line without emphasis, images' and links' targets, and
// HTML tags. Runs of plain text, most of a line, are written whole.
func inline(b *strings.Builder, line []byte) {
	done := 0 // line[done:i] is plain, not written yet
	for i := 0; i < len(line); i++ {
		c := line[i]
		if !marker[c] {
			continue
		}
		switch c {
		case '*', '_', '`', '\\':
			b.Write(line[done:i])
			if c == '\\' && i+1 < len(line) {
				i++
				b.WriteByte(line[i])
			}
			done = i + 1
		case '!':
			if i+1 < len(line) && line[i+1] == '[' {
				b.Write(line[done:i])
				done = i + 1
			}
		case '[':
			b.Write(line[done:i])
			done = i + 1
		case ']':
			b.Write(line[done:i])
			if i+1 < len(line) && line[i+1] == '(' {
				if end := bytes.IndexByte(line[i:], ')'); end > 0 {
					i += end
				}
			}
			done = i + 1
		case '<':
			if end := bytes.IndexByte(line[i:], '>'); end > 0 {
				b.Write(line[done:i])
				i += end
				done = i + 1
			}
		}
	}
	b.Write(line[done:])
}

// marker marks the bytes inline may drop or act on.
var marker = [256]bool{'*': true, '_': true, '`': true, '\\': true, '!': true, '[': true, ']': true, '<': true}

// isLinkDefinition reports a "[label]: https://…" line, which shows nothing.
func isLinkDefinition(line []byte) bool {
	if line[0] != '[' {
		return false
	}
	end := bytes.Index(line, []byte("]:"))
	return end > 0 && !bytes.Contains(line[:end], []byte(" ]("))
}
