package search

import (
	"strings"
	"testing"
)

// FuzzInlineRuns checks inline, which writes runs of plain text whole,
// against the same rules applied a byte at a time.
func FuzzInlineRuns(f *testing.F) {
	for _, s := range []string{"", "plain words", "**bold** and _it_", "a [link](https://x.y/z) here", "![img](a.png)",
		"x<b>y</b>z", "a < b", "esc\\*aped\\", "](", "[", "!", "a]b", "`code` ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		var got, want strings.Builder
		inline(&got, line)
		inlineByByte(&want, line)
		if got.String() != want.String() {
			t.Errorf("inline(%q) = %q, want %q", line, got.String(), want.String())
		}
	})
}

// inlineByByte is inline's rules as they read, one byte at a time.
func inlineByByte(b *strings.Builder, line string) {
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
