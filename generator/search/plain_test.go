package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefing-digest/briefing/internal/corpus/corpustest"
)

// FuzzInlineRuns checks inline, which writes runs of plain text whole,
// against the same rules applied a byte at a time.
func FuzzInlineRuns(f *testing.F) {
	for _, s := range []string{"", "plain words", "**bold** and _it_", "a [link](https://x.y/z) here", "![img](a.png)",
		"x<b>y</b>z", "a < b", "esc\\*aped\\", "](", "[", "!", "a]b", "`code` ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		var want strings.Builder
		got := string(inline(nil, []byte(line)))
		inlineByByte(&want, line)
		if got != want.String() {
			t.Errorf("inline(%q) = %q, want %q", line, got, want.String())
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

// plainTextReference, inlineReference and isLinkDefinitionReference are
// PlainText and its helpers as they were before they read md as bytes,
// over a string copy of md. They stay here as the meaning PlainText must
// keep, and as the "old" of its benchmark.
func plainTextReference(md []byte) string {
	var b strings.Builder
	b.Grow(len(md))
	for line := range strings.Lines(string(md)) {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, ">#-*+ \t")
		if line == "" || isLinkDefinitionReference(line) || strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		inlineReference(&b, line)
	}
	return b.String()
}

func inlineReference(b *strings.Builder, line string) {
	done := 0 // line[done:i] is plain, not written yet
	for i := 0; i < len(line); i++ {
		c := line[i]
		if !marker[c] {
			continue
		}
		switch c {
		case '*', '_', '`', '\\':
			b.WriteString(line[done:i])
			if c == '\\' && i+1 < len(line) {
				i++
				b.WriteByte(line[i])
			}
			done = i + 1
		case '!':
			if i+1 < len(line) && line[i+1] == '[' {
				b.WriteString(line[done:i])
				done = i + 1
			}
		case '[':
			b.WriteString(line[done:i])
			done = i + 1
		case ']':
			b.WriteString(line[done:i])
			if i+1 < len(line) && line[i+1] == '(' {
				if end := strings.IndexByte(line[i:], ')'); end > 0 {
					i += end
				}
			}
			done = i + 1
		case '<':
			if end := strings.IndexByte(line[i:], '>'); end > 0 {
				b.WriteString(line[done:i])
				i += end
				done = i + 1
			}
		}
	}
	b.WriteString(line[done:])
}

func isLinkDefinitionReference(line string) bool {
	if line[0] != '[' {
		return false
	}
	end := strings.Index(line, "]:")
	return end > 0 && !strings.Contains(line[:end], " ](")
}

// plainDocs are Markdown bodies with each thing PlainText drops or keeps.
var plainDocs = []string{
	"", "\n", "\n\n\n", "one line", "no newline at the end\nsecond",
	"# Heading\n\n> quoted **bold** text\n- item one\n* item _two_\n+ item `three`\n",
	"A [link](https://example.org/a) and ![an image](x.png) and <b>tags</b>.\n",
	"[label]: https://example.org/ref\n[not a definition ](x): kept\n[a]:b\n",
	"[a link ](x) then [label]: kept, being no definition\n",
	"```go\ncode is kept between fences\n```\n~~~\nand here\n~~~\n",
	"  \t indented \t \r\nwindows line\r\n\u00a0no-break space\u00a0\n\u2003em space\n",
	"escaped \\*stars\\* and a last backslash\\", "a < b > c <unclosed", "](", "]( unclosed", "[", "!", "a]b",
	"Şhamkhani met Москва, café crème, e\u0301\n", "bad \xff\xfe bytes\n\xe2\x82\n",
	"#-*+ >\n>>> # - * + deep\n", strings.Repeat("a line of text\n", 500),
}

func TestPlainTextAsReference(t *testing.T) {
	texts := slices.Clone(plainDocs)
	_, articles := corpustest.Load(t, 200)
	for _, a := range articles {
		body, err := a.ReadBody()
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(body))
	}
	for _, md := range texts {
		if got, want := PlainText([]byte(md)), plainTextReference([]byte(md)); got != want {
			t.Errorf("PlainText(%.60q) = %.200q, want %.200q", md, got, want)
		}
	}
}

func FuzzPlainTextAsReference(f *testing.F) {
	for _, md := range plainDocs {
		f.Add([]byte(md))
	}
	f.Fuzz(func(t *testing.T, md []byte) {
		if got, want := PlainText(md), plainTextReference(md); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", md, got, want)
		}
	})
}

// BenchmarkPlainText reads the bodies of 1,000 generated articles, with
// PlainText (new) and with the reference it replaced (old).
func BenchmarkPlainText(b *testing.B) {
	_, articles := corpustest.Load(b, 1000)
	var bodies [][]byte
	for _, a := range articles {
		body, err := a.ReadBody()
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, body)
	}
	for _, bc := range []struct {
		name  string
		plain func([]byte) string
	}{{"old", plainTextReference}, {"new", PlainText}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, body := range bodies {
					bc.plain(body)
				}
			}
		})
	}
}
