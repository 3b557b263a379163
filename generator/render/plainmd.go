package render

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"
)

// plainMarkdown writes to dst the HTML goldmark gives source, where
// source is what most of an article is: paragraphs of prose, ATX
// headings, one-line bullet items and quoted paragraphs, with no inline
// syntax that could be read as markup. Goldmark's parse of such text is
// the largest single cost of a build: it offers every line to each block
// parser and every byte to the inline ones. Here a line is looked at once.
//
// Where some paragraphs are more than that (a link, emphasis, a table),
// rest writes each run of them, read by goldmark on its own: blank lines
// end every block goldmark could let run on, except those the document is
// first searched for (fences, raw HTML, reference definitions and
// footnotes), and a run whose HTML holds a heading sends the document
// back, since heading ids and levels depend on the whole. With rest nil,
// or when false is returned, dst is as it was and the caller hands the
// whole document to goldmark.
//
// The shape accepted is deliberately narrow, so that telling it apart is
// simple enough to trust: every rule below answers "could goldmark read
// this as anything but plain text?" with "no", and where that is not
// obvious the text goes to goldmark. The tests in plainmd_test.go
// compare the two on every document taken.
func plainMarkdown(dst *bytes.Buffer, source []byte, rest func(io.Writer, []byte) error) (bool, error) {
	// Articles are checked for valid UTF-8 when read; goldmark's reading
	// of invalid bytes is not worth copying.
	if !utf8.Valid(source) {
		return false, nil
	}
	if rest != nil && spansBlankLines(source) {
		rest = nil
	}
	start := dst.Len()
	p := plainWriter{dst: dst}
	ok, err := p.document(source, rest)
	if !ok || err != nil {
		dst.Truncate(start)
	}
	return ok, err
}

// spansBlankLines says whether source may hold something goldmark reads
// across a blank line, or that reaches another block: a fenced code
// block, raw HTML (a comment or a <pre> runs on past blank lines), a
// reference definition, or a footnote.
func spansBlankLines(source []byte) bool {
	for _, s := range [...]string{"```", "~~~", "<", "]:", "[^"} {
		if bytes.Contains(source, []byte(s)) {
			return true
		}
	}
	return false
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
	// blockOther is a run goldmark wrote, which may have ended in any
	// list.
	blockOther
)

// document writes src chunk by chunk, a chunk being the lines between
// blank lines. Chunks that are not plain gather into a run for rest.
func (p *plainWriter) document(src []byte, rest func(io.Writer, []byte) error) (bool, error) {
	if !p.headingShift(src) {
		return false, nil
	}
	dst := p.dst
	var scratch bytes.Buffer
	run := -1 // where the run of chunks for rest starts in src
	runEnd := 0
	flush := func() (bool, error) {
		if run < 0 {
			return true, nil
		}
		from := dst.Len()
		if err := rest(dst, src[run:runEnd]); err != nil {
			return false, err
		}
		run = -1
		return !hasHeading(dst.Bytes()[from:]), nil
	}
	for pos := 0; pos < len(src); {
		if src[pos] == '\n' {
			pos++
			continue
		}
		end := pos
		for end < len(src) {
			i := bytes.IndexByte(src[end:], '\n')
			if i < 0 {
				end = len(src)
				break
			}
			if i == 0 {
				break
			}
			end += i + 1
		}
		chunk := src[pos:end]
		pos = end
		if run >= 0 {
			p.dst = &scratch
			scratch.Reset()
		}
		mark, prev := p.dst.Len(), p.lastClosed
		if p.chunk(chunk) {
			if run >= 0 {
				if ok, err := flush(); !ok || err != nil {
					return false, err
				}
				dst.Write(scratch.Bytes())
			}
			p.dst = dst
			continue
		}
		p.dst.Truncate(mark)
		p.dst = dst
		if rest == nil {
			return false, nil
		}
		// After a list written here, a bullet or an indented line would
		// go on with it, one loose list, and the list is already out. So
		// would one after a line of spaces, tabs or a lone '\r', which
		// goldmark counts as blank and the chunks here do not.
		if prev == blockList && (chunk[0] == '-' || chunk[0] <= ' ') {
			return false, nil
		}
		if run < 0 {
			run = end - len(chunk)
		}
		runEnd = end
		p.open, p.lastClosed = blockNone, blockOther
	}
	return flush()
}

// chunk writes the lines of one chunk and closes its last block.
func (p *plainWriter) chunk(chunk []byte) bool {
	for len(chunk) > 0 {
		var line []byte
		line, chunk = cutLine(chunk)
		if !p.line(line) {
			return false
		}
	}
	return p.line(nil)
}

// cutLine splits b at its first newline. (bytes.SplitSeq reads the same
// but, as an iterator, cost a tenth of BenchmarkBodies.)
func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:]
	}
	return b, nil
}

// hasHeading says whether html, goldmark's, holds an <h1>…<h6>.
func hasHeading(html []byte) bool {
	for {
		i := bytes.Index(html, []byte("<h"))
		if i < 0 || i+2 >= len(html) {
			return false
		}
		if c := html[i+2]; '1' <= c && c <= '6' {
			return true
		}
		html = html[i+2:]
	}
}

// headingShift finds the top heading level, as headingLevels will, before
// any heading is written.
func (p *plainWriter) headingShift(src []byte) bool {
	top := 7
	for len(src) > 0 {
		var line []byte
		line, src = cutLine(src)
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
		if !ok || !plainText(text) {
			return false
		}
		switch {
		case p.open == blockList:
			p.dst.WriteString("</li>\n<li>")
		case p.open == blockNone && p.lastClosed != blockList && p.lastClosed != blockOther:
			// Bullets after a blank line that follows bullets would make
			// one loose list of both, with paragraphs in its items; what
			// goldmark wrote last may have been a list.
			p.dst.WriteString("<ul>\n<li>")
		default:
			return false
		}
		p.dst.Write(escapePlain(text))
		p.open = blockList
		return true
	case '>':
		text, ok := bytes.CutPrefix(line, []byte("> "))
		if !ok || !plainText(text) {
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
	if !plainText(line) {
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

// plainText says whether a line of text, markers taken off, is prose
// from its first byte to its last.
func plainText(text []byte) bool { return plainStart(text) && plainInline(text) }

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
		if !inlineMark[c] {
			continue
		}
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

// inlineMark holds the bytes plainInline must look at; the rest, nearly
// all of any text, are passed over by one lookup each.
var inlineMark = func() (t [256]bool) {
	for c := range ' ' {
		t[c] = true
	}
	for _, c := range []byte("\\`*_<>~|\x7f[]&@:.") {
		t[c] = true
	}
	return t
}()

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
