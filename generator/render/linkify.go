package render

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// quickLinkify is goldmark's GFM linkify extension with a cheap test in
// front of its parser. goldmark offers that parser every space, every line
// start and every '*', '_', '~' and '(' of a paragraph, and in an article
// almost none of them begin a bare URL or an email address; the test
// turns those away before the full parser's prefix checks and email scan
// run. Whatever passes the test goes to goldmark's own parser, so every
// link made is goldmark's and the HTML stays what plain extension.GFM
// gives.
//
// The test is only sound for that parser with its default settings
// (http, https and ftp, the built-in URL patterns and email scanner), so
// the wrapper takes no linkify options and does not pass parser options
// on to it. It follows what goldmark v1.8.7's parser accepts; the tests
// in linkify_test.go compare the two and will say if an upgrade moves it.
var quickLinkify goldmark.Extender = quickLinkifyExtender{}

type quickLinkifyExtender struct{}

// linkifyPriority is the priority extension.Linkify registers its parser
// with: the wrapper must sit at the same place among the inline parsers
// sharing its trigger bytes, or '*' and '_' could be read differently.
const linkifyPriority = 999

func (quickLinkifyExtender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(&linkifyFilter{full: extension.NewLinkifyParser()}, linkifyPriority),
	))
}

// linkifyFilter hands full only the positions where it could find a link.
type linkifyFilter struct{ full parser.InlineParser }

// Trigger is full's, so goldmark calls the filter exactly where it would
// have called full.
func (f *linkifyFilter) Trigger() []byte { return f.full.Trigger() }

// Parse leaves the link-label rule (no autolink inside [...]) to full:
// refused there or here, the answer is the same nil.
func (f *linkifyFilter) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !mayLinkify(line) {
		return nil
	}
	return f.full.Parse(parent, block, pc)
}

// mayLinkify says whether goldmark's linkify parser could make a link of
// line, the rest of the line from where it is called. false must mean
// certainly not; true only means worth asking.
func mayLinkify(line []byte) bool {
	if len(line) == 0 {
		// Not seen in practice; leave whatever happens to goldmark.
		return true
	}
	// goldmark is called on the byte before a link and steps over it when
	// it is one of its trigger bytes; at a line start the link begins at
	// once.
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		line = line[1:]
	}
	if len(line) == 0 {
		return false
	}
	switch c := line[0]; c {
	case 'h':
		if startsWith(line, "http:") || startsWith(line, "https:") {
			return true
		}
	case 'f':
		if startsWith(line, "ftp:") {
			return true
		}
	case 'w':
		if startsWith(line, "www.") {
			return true
		}
	}
	// Otherwise only an email address can match. goldmark refuses one that
	// starts with ASCII punctuation, and it reads at most 64 bytes of
	// localPart before it wants the '@'; the domain is its business.
	if !isASCIIAlnum(line[0]) {
		return false
	}
	// Prose seldom has an '@' in reach, and looking for one with IndexByte
	// is about twice as fast as testing each byte of the word in turn.
	rest := line[1:min(len(line), maxLocalPart+1)]
	at := bytes.IndexByte(rest, '@')
	if at < 0 {
		return false
	}
	for _, b := range rest[:at] {
		if !localPart[b] {
			return false
		}
	}
	return true
}

// maxLocalPart is how many bytes goldmark's email scan reads before it
// wants the '@': an address's local part is at most 64 bytes.
const maxLocalPart = 64

// localPart holds the bytes goldmark accepts before an email address's
// '@': ASCII letters, digits and the punctuation mail allows unquoted,
// dot included.
var localPart = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isASCIIAlnum(byte(c))
	}
	for _, c := range []byte("!#$%&'*+-./=?^_`{|}~") {
		t[c] = true
	}
	return t
}()

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func startsWith(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}
