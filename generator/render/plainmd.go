package render

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// plainMarkdown writes to dst the HTML goldmark gives source, when source
// is what most articles are: paragraphs of prose, ATX headings, one-line
// bullet items and quoted paragraphs, with no inline syntax at all. It
// reports false, and leaves dst as it was, for anything else, and the
// caller hands that to goldmark. Text copied from a news page is nearly
// always of that shape, and goldmark's parse of it is the largest single
// cost of a build: it offers every line to each block parser and every
// byte to the inline ones. Here a line is looked at once.
//
// The shape accepted is deliberately narrow, so that telling it apart is
// simple enough to trust: every rule below answers "could goldmark read
// this as anything but plain text?" with "no", and where that is not
// obvious the document goes to goldmark. TestPlainMarkdownSame and
// FuzzPlainMarkdownSame compare the two on every document this accepts.
func plainMarkdown(dst *bytes.Buffer, source []byte) bool {
	// Articles are checked for valid UTF-8 when read; goldmark's reading
	// of invalid bytes is not worth copying.
	if !utf8.Valid(source) {
		return false
	}
	start := dst.Len()
	p := plainWriter{dst: dst}
	if !p.document(source) {
		dst.Truncate(start)
		return false
	}
	return true
}

// plainWriter keeps the state one document needs: the block open on the
// last line, and the heading ids given so far.
type plainWriter struct {
	dst *bytes.Buffer
	// open is the block the previous line belongs to.
	open plainBlock
	// lastClosed is the kind of the block before the blank line(s) that
	// came last, so that a list after a list is caught.
	lastClosed plainBlock
	// shift moves heading levels as headingLevels does: the top level
	// found in the document becomes h2.
	shift int
	ids   map[string]int
	used  map[string]bool
}

type plainBlock int

const (
	blockNone plainBlock = iota
	blockPara
	blockList
	blockQuote
	blockHeading
)

func (p *plainWriter) document(src []byte) bool {
	if !p.headingShift(src) {
		return false
	}
	for len(src) > 0 {
		var line []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			line, src = src, nil
		}
		if !p.line(line) {
			return false
		}
	}
	p.close()
	return true
}

// headingShift finds the top heading level, as headingLevels will, before
// any heading is written.
func (p *plainWriter) headingShift(src []byte) bool {
	top := 7
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if len(line) > 0 && line[0] == '#' {
			level, _ := atxHeading(line)
			if level == 0 {
				return false
			}
			top = min(top, level)
		}
	}
	p.shift = 2 - top
	return true
}

// line reads one line of the document and writes what it closes and opens.
func (p *plainWriter) line(line []byte) bool {
	if len(line) == 0 {
		if p.open != blockNone {
			p.lastClosed = p.open
			p.close()
		}
		return true
	}
	switch line[0] {
	case '#':
		// A heading may follow a paragraph line directly: it interrupts it.
		if p.open == blockList || p.open == blockQuote {
			return false
		}
		level, text := atxHeading(line)
		if level == 0 || !plainInline(text) {
			return false
		}
		p.close()
		p.heading(level, text)
		p.open, p.lastClosed = blockHeading, blockNone
		return true
	case '-':
		text, ok := bytes.CutPrefix(line, []byte("- "))
		if !ok || !plainStart(text) || !plainInline(text) {
			return false
		}
		switch {
		case p.open == blockList:
			p.dst.WriteString("</li>\n<li>")
		case p.open == blockNone && p.lastClosed != blockList:
			// Bullets after a blank line that follows bullets would make
			// one loose list of both, with paragraphs in its items.
			p.dst.WriteString("<ul>\n<li>")
		default:
			return false
		}
		p.dst.Write(escapePlain(text))
		p.open = blockList
		return true
	case '>':
		text, ok := bytes.CutPrefix(line, []byte("> "))
		if !ok || !plainStart(text) || !plainInline(text) {
			return false
		}
		switch p.open {
		case blockQuote:
			p.dst.WriteByte('\n')
		case blockNone:
			p.dst.WriteString("<blockquote>\n<p>")
		default:
			return false
		}
		p.dst.Write(escapePlain(text))
		p.open = blockQuote
		return true
	}
	if !plainStart(line) || !plainInline(line) {
		return false
	}
	switch p.open {
	case blockPara:
		p.dst.WriteByte('\n')
	case blockNone, blockHeading:
		p.close()
		p.dst.WriteString("<p>")
	default:
		// A line after a bullet or a quote, with no blank line between,
		// continues that item's or that quote's paragraph.
		return false
	}
	p.dst.Write(escapePlain(line))
	p.open = blockPara
	return true
}

// close writes the end of the open block.
func (p *plainWriter) close() {
	switch p.open {
	case blockPara:
		p.dst.WriteString("</p>\n")
	case blockList:
		p.dst.WriteString("</li>\n</ul>\n")
	case blockQuote:
		p.dst.WriteString("</p>\n</blockquote>\n")
	}
	p.open = blockNone
}

// heading writes an h2–h6 with the id goldmark's automatic heading ids
// give: ASCII letters (lowered) and digits kept, spaces, '-' and '_' made
// '-', everything else dropped, and "-1", "-2"… added to a repeat.
func (p *plainWriter) heading(level int, text []byte) {
	level = min(max(level+p.shift, 2), 6)
	id := make([]byte, 0, len(text))
	for _, c := range text {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			id = append(id, c)
		case 'A' <= c && c <= 'Z':
			id = append(id, c+'a'-'A')
		case c == ' ' || c == '-' || c == '_':
			id = append(id, '-')
		}
	}
	if len(id) == 0 {
		id = append(id, "heading"...)
	}
	id = p.uniqueID(id)
	d := p.dst
	d.WriteString("<h")
	d.WriteByte(byte('0' + level))
	d.WriteString(` id="`)
	d.Write(id)
	d.WriteString(`">`)
	d.Write(escapePlain(text))
	d.WriteString("</h")
	d.WriteByte(byte('0' + level))
	d.WriteString(">\n")
}

// uniqueID follows goldmark's ids.Generate: the first use of a name keeps
// it, a later one takes the next free "-N" after the last N given to it.
func (p *plainWriter) uniqueID(id []byte) []byte {
	if p.used == nil {
		p.used, p.ids = map[string]bool{}, map[string]int{}
	}
	key := string(id)
	if !p.used[key] {
		p.used[key] = true
		return id
	}
	for i := p.ids[key] + 1; ; i++ {
		next := key + "-" + strconv.Itoa(i)
		if !p.used[next] {
			p.used[next] = true
			p.ids[key] = i
			return []byte(next)
		}
	}
}

// atxHeading reads "## Text": a level of one to six, one space, and text
// that starts with a plain character and has no '#' to be taken for a
// closing sequence. Level 0 means the line is not such a heading.
func atxHeading(line []byte) (int, []byte) {
	level := 0
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level > 6 || level+1 >= len(line) || line[level] != ' ' {
		return 0, nil
	}
	text := line[level+1:]
	if !plainStart(text) || bytes.IndexByte(text, '#') >= 0 {
		return 0, nil
	}
	return level, text
}

// plainStart says whether a line of text may begin with text[0] and be
// read as nothing but the start or continuation of a paragraph: a letter,
// a digit that does not begin an ordered item, an opening quote or
// bracket, or any non-ASCII character. Every marker of a block (# > - + *
// = _ ` ~ | < [ and spaces) is left out.
func plainStart(text []byte) bool {
	if len(text) == 0 {
		return false
	}
	c := text[0]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '"', c == '\'', c == '(', c >= 0x80:
		return true
	case '0' <= c && c <= '9':
		// "12. " or "3) " begins an ordered list, even mid-paragraph for 1.
		i := 0
		for i < len(text) && '0' <= text[i] && text[i] <= '9' {
			i++
		}
		return i == len(text) || (text[i] != '.' && text[i] != ')')
	}
	return false
}

// plainInline says whether goldmark, with briefing's extensions, reads
// text as one run of literal text: no character that begins emphasis,
// code, raw HTML, an escape, a strikethrough or a table cell, nothing
// linkify could take for an address, no control character, and no space
// at the end of the line, where two would make a hard line break.
//
// Three characters news prose is full of are let through where they
// cannot be syntax. Brackets, as in "[sic]" or "[...]", make a link only
// when followed by "(" or "[", or with a reference definition, and a
// document taken here has none: a definition starts its line with '['.
// "[^" would be a footnote. An '&' is text unless an entity or a numeric
// reference follows it. An '@' with no address character before it, as in
// "@handle", cannot end an address's local part.
func plainInline(text []byte) bool {
	if len(text) == 0 || text[len(text)-1] == ' ' {
		return false
	}
	for i, c := range text {
		switch c {
		case '\\', '`', '*', '_', '<', '>', '~', '|', 0x7f:
			return false
		case '[':
			if i+1 < len(text) && text[i+1] == '^' {
				return false
			}
		case ']':
			if i+1 < len(text) && (text[i+1] == '(' || text[i+1] == '[') {
				return false
			}
		case '&':
			if entityAt(text[i+1:]) {
				return false
			}
		case '@':
			if i > 0 && localPart[text[i-1]] {
				return false
			}
		case ':':
			if linkScheme(text[:i]) {
				return false
			}
		case '.':
			if i >= 3 && asciiLower(text[i-1]) == 'w' && asciiLower(text[i-2]) == 'w' && asciiLower(text[i-3]) == 'w' {
				return false
			}
		default:
			if c < ' ' {
				return false
			}
		}
	}
	return true
}

// linkScheme says whether before ends with a scheme linkify knows (http,
// https, ftp), in any case.
func linkScheme(before []byte) bool {
	for _, s := range [...]string{"http", "https", "ftp"} {
		if len(before) >= len(s) && bytes.EqualFold(before[len(before)-len(s):], []byte(s)) {
			return true
		}
	}
	return false
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// entityAt says whether what follows an '&' could make it a character
// reference: '#', or a name of letters and digits closed by ';'.
func entityAt(rest []byte) bool {
	if len(rest) > 0 && rest[0] == '#' {
		return true
	}
	for i, c := range rest {
		if c == ';' {
			return i > 0
		}
		if !isASCIIAlnum(c) {
			return false
		}
	}
	return false
}

// escapePlain returns text with '"' and '&' written as goldmark writes
// them; plain text has no other character HTML needs escaped. Text with
// neither, the usual case, comes back as it is.
func escapePlain(text []byte) []byte {
	if bytes.IndexByte(text, '"') < 0 && bytes.IndexByte(text, '&') < 0 {
		return text
	}
	out := make([]byte, 0, len(text)+16)
	for _, c := range text {
		switch c {
		case '"':
			out = append(out, "&quot;"...)
		case '&':
			out = append(out, "&amp;"...)
		default:
			out = append(out, c)
		}
	}
	return out
}
