package search

import (
	"bytes"
	"unsafe"
)

// PlainText is the text a reader sees of a Markdown body, near enough for
// finding words and quoting a snippet: markers, link targets and tags go,
// their words stay. It is no Markdown parser: a stray asterisk costs a
// snippet nothing, and parsing every body a second time would cost a
// large build a noticeable part of its time.
func PlainText(md []byte) string {
	b := AppendPlainText(make([]byte, 0, len(md)), md)
	// b is new and never written again: the string can be its bytes, as
	// strings.Builder's is.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// AppendPlainText appends PlainText(md) to dst, for a caller that reads
// the text once and can reuse the buffer: at 100,000 articles the search
// index's strings of plain text were 360 MB allocated.
func AppendPlainText(dst, md []byte) []byte {
	start := len(dst)
	// Read as bytes: a string of md to read it by was a copy of every
	// body, the larger part of PlainText's time.
	for line := range bytes.Lines(md) {
		line = bytes.TrimSpace(line)
		line = bytes.TrimLeft(line, ">#-*+ \t")
		if len(line) == 0 || isLinkDefinition(line) || bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")) {
			continue
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = inline(dst, line)
	}
	return dst
}

// inline appends line without emphasis, images' and links' targets, and
// HTML tags. Runs of plain text, most of a line, are appended whole.
func inline(b, line []byte) []byte {
	done := 0 // line[done:i] is plain, not written yet
	for i := 0; i < len(line); i++ {
		c := line[i]
		if !marker[c] {
			continue
		}
		switch c {
		case '*', '_', '`', '\\':
			b = append(b, line[done:i]...)
			if c == '\\' && i+1 < len(line) {
				i++
				b = append(b, line[i])
			}
			done = i + 1
		case '!':
			if i+1 < len(line) && line[i+1] == '[' {
				b = append(b, line[done:i]...)
				done = i + 1
			}
		case '[':
			b = append(b, line[done:i]...)
			done = i + 1
		case ']':
			b = append(b, line[done:i]...)
			if i+1 < len(line) && line[i+1] == '(' {
				if end := bytes.IndexByte(line[i:], ')'); end > 0 {
					i += end
				}
			}
			done = i + 1
		case '<':
			if end := bytes.IndexByte(line[i:], '>'); end > 0 {
				b = append(b, line[done:i]...)
				i += end
				done = i + 1
			}
		}
	}
	return append(b, line[done:]...)
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

// Texts holds the plain text of a few bodies end to end in one buffer,
// for a file of fragments: its group's texts are read once, written out
// and dropped, and the buffer serves the next group.
type Texts struct {
	buf  []byte
	ends []int
}

// Add appends the plain text of md as the next text.
func (t *Texts) Add(md []byte) {
	t.buf = AppendPlainText(t.buf, md)
	t.ends = append(t.ends, len(t.buf))
}

// Text is the ith text added. It is good until Reset: after that its
// bytes are another body's.
func (t *Texts) Text(i int) string {
	start := 0
	if i > 0 {
		start = t.ends[i-1]
	}
	b := t.buf[start:t.ends[i]]
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Reset empties t for the next group, keeping its buffer.
func (t *Texts) Reset() {
	t.buf, t.ends = t.buf[:0], t.ends[:0]
}

// Size is how many bytes t's buffer holds, for a pool to drop big ones.
func (t *Texts) Size() int { return cap(t.buf) }
