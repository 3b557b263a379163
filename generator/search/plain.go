package search

import (
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
	for line := range strings.Lines(string(md)) {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, ">#-*+ \t")
		if line == "" || isLinkDefinition(line) || strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
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
// HTML tags.
func inline(b *strings.Builder, line string) {
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch c {
		case '*', '_', '`', '\\':
			if c == '\\' && i+1 < len(line) {
				i++
				b.WriteByte(line[i])
			}
			continue
		case '!':
			if i+1 < len(line) && line[i+1] == '[' {
				continue
			}
		case '[':
			continue
		case ']':
			if i+1 < len(line) && line[i+1] == '(' {
				if end := strings.IndexByte(line[i:], ')'); end > 0 {
					i += end
					continue
				}
			}
			continue
		case '<':
			if end := strings.IndexByte(line[i:], '>'); end > 0 {
				i += end
				continue
			}
		}
		b.WriteByte(c)
	}
}

// isLinkDefinition reports a "[label]: https://…" line, which shows nothing.
func isLinkDefinition(line string) bool {
	if line[0] != '[' {
		return false
	}
	end := strings.Index(line, "]:")
	return end > 0 && !strings.Contains(line[:end], " ](")
}
