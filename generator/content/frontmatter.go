package content

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"sync"
	"unicode"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/yamldoc"
)

// block is a file split at its front matter.
type block struct {
	doc      *yamldoc.Doc
	body     []byte
	bodyLine int // 1-based line where body starts
	openLine int // 1-based line of the opening delimiter
}

// split finds the front matter and parses it into a positioned YAML
// document. TOML and JSON front matter are turned into the same shape, so
// one validator serves all three; their values carry the opening line.
func split(path string, data []byte) (*block, error) {
	fm, err := delimit(path, data)
	if err != nil {
		return nil, err
	}
	if i := loneCR(fm.raw); i >= 0 {
		line, col := lineCol(fm.raw, i)
		return nil, generator.Errorf(path, fm.rawLine+line-1, col, "a carriage return with no line feed after it (old Mac line endings), which YAML reads as a line break and these messages do not: save the file with LF or CRLF line endings")
	}
	// The body is always the end of the file's own bytes, so a page's
	// text costs no copy.
	b := &block{body: fm.body, openLine: fm.openLine}
	b.bodyLine = 1 + bytes.Count(data[:len(data)-len(fm.body)], []byte("\n"))
	err = guard(path, func() (err error) {
		switch fm.kind {
		case "yaml":
			b.doc, err = yamldoc.Parse(path, fm.raw, fm.openLine)
		case "toml":
			b.doc, err = foreign(path, fm.openLine, fm.rawLine, fm.raw, decodeTOML)
		case "json":
			b.doc, err = foreign(path, fm.openLine, fm.rawLine, fm.raw, decodeJSON)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// formats are the ways front matter opens and closes, and the language
// between. ---, +++ and a bare JSON object are Hugo's, so content moves
// between the two tools; the others name their language. A bare object
// is not among them (see delimit).
var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", catch("yaml")),
	frontmatter.NewFormat("---yaml", "---", catch("yaml")),
	frontmatter.NewFormat("+++", "+++", catch("toml")),
	frontmatter.NewFormat("---toml", "---", catch("toml")),
	frontmatter.NewFormat(";;;", ";;;", catch("json")),
	frontmatter.NewFormat("---json", "---", catch("json")),
}

// caught is what catch learns from adrg/frontmatter: the front matter's
// language and length.
type caught struct {
	kind string
	size int
}

// errCaught stops adrg/frontmatter as soon as it has found the front
// matter. Left to go on, it would copy the rest of the file, body and
// all, into a buffer of its own; stopped here, it has read no further
// than the closing line (and what its bufio.Reader read ahead).
var errCaught = errors.New("front matter caught")

// catch stands in for one language's decoder: it only notes what was
// found. The real decoders run later, on the file's own bytes, so that
// their errors can name the file's lines and columns.
func catch(kind string) frontmatter.UnmarshalFunc {
	return func(raw []byte, v any) error {
		*v.(*caught) = caught{kind, len(raw)}
		return errCaught
	}
}

// reader is what adrg/frontmatter reads a file through. It wraps what it
// is given in a bufio.Reader, and bufio takes one handed to it as it is,
// so lending it a pooled one spares a new 4 KB buffer per file, most of
// what adrg costs a build.
type reader struct {
	src *bytes.Reader
	buf *bufio.Reader
}

var readers = sync.Pool{New: func() any {
	src := bytes.NewReader(nil)
	return &reader{src, bufio.NewReader(src)}
}}

// frontMatter is a file cut at its front matter. raw and body are slices
// of the file's own bytes.
type frontMatter struct {
	kind     string // "yaml", "toml" or "json"
	raw      []byte // the front matter, delimiters left out
	body     []byte // everything after it
	openLine int    // the file's line of the opening delimiter
	rawLine  int    // the file's line of raw's first byte
}

// delimit finds front matter's bounds with adrg/frontmatter. Front matter
// opens on the first non-blank line, with one of the delimiter lines of formats,
// and closes at the first later line that is its closing delimiter; lines
// compare with the spaces around them trimmed, so CRLF files and stray
// indentation read alike.
//
// adrg hands over the front matter's bytes but not where they are, so
// their place is taken from what it guarantees: the opening line is the
// one holding the file's first non-space byte, the front matter starts on
// the next line, and the closing line follows it.
//
// A bare JSON object, as Hugo allows, is read apart: adrg's own format for
// it wants the braces alone on their lines and a blank line after, while
// Hugo and we take any object, such as {"title": "T",} on the first line
// or a body straight after the closing brace.
func delimit(path string, data []byte) (frontMatter, error) {
	var fm frontMatter
	start := len(data) - len(bytes.TrimLeftFunc(data, unicode.IsSpace))
	fm.openLine = 1 + bytes.Count(data[:start], []byte("\n"))
	if start < len(data) && data[start] == '{' {
		fm.raw, fm.body = bareJSON(data)
		fm.kind, fm.rawLine = "json", fm.openLine
		return fm, nil
	}
	var c caught
	r := readers.Get().(*reader)
	r.src.Reset(data[start:])
	r.buf.Reset(r.src)
	err := guard(path, func() error {
		_, err := frontmatter.Parse(r.buf, &c, formats...)
		return err
	})
	r.src.Reset(nil) // the pool must not keep the file alive
	readers.Put(r)
	if e, ok := err.(*generator.Error); ok {
		return fm, e // a panic in it, which guard has reported
	}
	if err == nil {
		return fm, unclosed(path, data[start:], fm.openLine)
	}
	if err != errCaught {
		return fm, generator.Errorf(path, 1, 1, "reading front matter: %w", err)
	}
	rawStart := start + bytes.IndexByte(data[start:], '\n') + 1
	rawEnd := rawStart + c.size
	bodyStart := len(data)
	if i := bytes.IndexByte(data[rawEnd:], '\n'); i >= 0 {
		bodyStart = rawEnd + i + 1
	}
	fm.kind, fm.rawLine = c.kind, fm.openLine+1
	fm.raw, fm.body = data[rawStart:rawEnd], data[bodyStart:]
	return fm, nil
}

// opensFrontMatter says whether data's first non-blank line opens front
// matter: one of formats' delimiters, or a bare JSON object. An issue file
// may be all note, so it asks before it is read as front matter.
func opensFrontMatter(data []byte) bool {
	head := bytes.TrimLeftFunc(data, unicode.IsSpace)
	if len(head) > 0 && head[0] == '{' {
		return true
	}
	_, ok := delimiter(head)
	return ok
}

// delimiter is the first line of head, which starts at the file's first
// non-space byte, and whether it is one of formats' opening lines.
func delimiter(head []byte) (string, bool) {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	opener := string(bytes.TrimSpace(head))
	for _, f := range formats {
		if f.Start == opener {
			return opener, true
		}
	}
	return opener, false
}

// unclosed says why adrg/frontmatter found no front matter in head, the
// file from its first non-space byte: it opens with a delimiter line that
// nothing closes, or with none.
func unclosed(path string, head []byte, openLine int) error {
	if opener, ok := delimiter(head); ok {
		return generator.Errorf(path, openLine, 1, "front matter opened with %q is never closed", opener)
	}
	return generator.Errorf(path, 1, 1, "no front matter: an article starts with a --- line, then title: and date:, then ---")
}

// foreign decodes TOML or JSON front matter and re-encodes it as a YAML
// node tree; rawLine is the file's line where raw begins. Those decoders
// give no positions for values, so every value is placed on the opening
// delimiter's line; only a syntax error has a line and column of its own.
func foreign(path string, openLine, rawLine int, raw []byte, decode func([]byte, *map[string]any) (line, col int, err error)) (*yamldoc.Doc, error) {
	m := map[string]any{}
	if line, col, err := decode(raw, &m); err != nil {
		if line == 0 {
			line, col = 1, 0
		}
		return nil, generator.Errorf(path, rawLine+line-1, col, "front matter: %w", err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	root := &yaml.Node{Kind: yaml.MappingNode}
	for _, k := range keys {
		var v yaml.Node
		if err := v.Encode(m[k]); err != nil {
			return nil, generator.Errorf(path, openLine+1, 0, "front matter: %s: %v", k, err)
		}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, &v)
	}
	var fix func(*yaml.Node)
	fix = func(n *yaml.Node) {
		n.Line, n.Column = 0, 1 // on the opening line itself, as LineOffset places line 0
		for _, c := range n.Content {
			fix(c)
		}
	}
	fix(root)
	return &yamldoc.Doc{File: path, LineOffset: openLine, Root: root}, nil
}

// bareJSON splits a file that opens with a JSON object, as Hugo allows,
// into the object and the body after it. When the object does not parse,
// the whole file is returned as raw, for decodeJSON to say where.
func bareJSON(data []byte) (raw, body []byte) {
	start := bytes.IndexByte(data, '{')
	dec := json.NewDecoder(bytes.NewReader(data[start:]))
	var obj json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		return data[start:], nil
	}
	end := start + int(dec.InputOffset())
	body = data[end:]
	// The rest of the closing brace's line, when blank, is not body.
	if i := bytes.IndexByte(body, '\n'); i >= 0 && len(bytes.TrimSpace(body[:i])) == 0 {
		body = body[i+1:]
	}
	return data[start:end], body
}

// loneCR is the offset of the first CR in raw that no LF follows, or -1.
func loneCR(raw []byte) int {
	for i := bytes.IndexByte(raw, '\r'); i >= 0; {
		if i+1 >= len(raw) || raw[i+1] != '\n' {
			return i
		}
		next := bytes.IndexByte(raw[i+1:], '\r')
		if next < 0 {
			return -1
		}
		i += 1 + next
	}
	return -1
}
