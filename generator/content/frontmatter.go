package content

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

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
	openLine, opener := firstLine(data)
	var raw, body []byte
	var kind string
	var err error
	rawLine := openLine + 1 // the file's line of raw's first line
	if strings.HasPrefix(opener, "{") {
		// Hugo's JSON front matter: a bare object, its braces the delimiters.
		raw, body = bareJSON(data)
		kind, rawLine = "json", openLine
	} else if raw, body, kind, err = delimited(path, data, openLine, opener); err != nil {
		return nil, err
	}
	if i := loneCR(raw); i >= 0 {
		line, col := lineCol(raw, i)
		return nil, generator.Errorf(path, rawLine+line-1, col, "a carriage return with no line feed after it (old Mac line endings), which YAML reads as a line break and these messages do not: save the file with LF or CRLF line endings")
	}
	// The body is the end of the file; keep it as a slice of the file's
	// own bytes, not of the parser's buffer, which is up to twice as big
	// and would stay alive with it: a third of a big site's memory.
	if n := len(data) - len(body); n >= 0 && bytes.Equal(data[n:], body) {
		body = data[n:]
	} else {
		body = bytes.Clone(body)
	}
	b := &block{body: body, openLine: openLine}
	b.bodyLine = 1 + bytes.Count(data[:len(data)-len(body)], []byte("\n"))
	err = guard(path, func() (err error) {
		switch kind {
		case "yaml":
			b.doc, err = yamldoc.Parse(path, raw, openLine)
		case "toml":
			b.doc, err = foreign(path, openLine, rawLine, raw, decodeTOML)
		case "json":
			b.doc, err = foreign(path, openLine, rawLine, raw, decodeJSON)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// delimited finds front matter between delimiter lines (---, +++, ;;;)
// with adrg/frontmatter, returning it, the body after it and its kind.
func delimited(path string, data []byte, openLine int, opener string) (raw, body []byte, kind string, err error) {
	capture := func(k string) frontmatter.UnmarshalFunc {
		return func(b []byte, _ any) error {
			raw, kind = b, k
			return nil
		}
	}
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("---yaml", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")),
		frontmatter.NewFormat("---toml", "---", capture("toml")),
		frontmatter.NewFormat(";;;", ";;;", capture("json")),
		frontmatter.NewFormat("---json", "---", capture("json")),
	}
	// frontmatter copies all it is given into a buffer of its own; handed
	// only the front matter, up to its closing line, it no longer copies
	// every article whole (a seventh of what a big site's build allocated).
	head := data
	if n := frontMatterEnd(data, opener); n > 0 {
		head = data[:n]
	}
	err = guard(path, func() (err error) {
		body, err = frontmatter.Parse(bytes.NewReader(head), nil, formats...)
		return err
	})
	if e, ok := err.(*generator.Error); ok {
		return nil, nil, "", e
	}
	if len(head) < len(data) && err == nil {
		body = data[len(head):]
	}
	if err != nil {
		return nil, nil, "", generator.Errorf(path, 1, 1, "reading front matter: %w", err)
	}
	if kind == "" {
		if closerOf(opener) != "" {
			return nil, nil, "", generator.Errorf(path, openLine, 1, "front matter opened with %q is never closed", opener)
		}
		return nil, nil, "", generator.Errorf(path, 1, 1, "no front matter: an article starts with a --- line, then title: and date:, then ---")
	}
	return raw, body, kind, nil
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

// frontMatterEnd returns the length of data up to and including the line
// that closes front matter opened by opener, as frontmatter finds it: the
// first later line that is the closing delimiter once trimmed. It returns
// 0 when there is none, and frontmatter then reads the whole file.
func frontMatterEnd(data []byte, opener string) int {
	closer := closerOf(opener)
	if closer == "" {
		return 0
	}
	seenOpener := false
	for i := 0; i < len(data); {
		end := bytes.IndexByte(data[i:], '\n')
		if end < 0 {
			return 0 // the last line has no line break; leave it to frontmatter
		}
		end += i + 1
		line := bytes.TrimSpace(data[i:end])
		switch {
		case !seenOpener:
			seenOpener = string(line) == opener
		case string(line) == closer:
			return end
		}
		i = end
	}
	return 0
}

// closerOf is the line that closes front matter opened by opener, or ""
// when opener opens none.
func closerOf(opener string) string {
	switch opener {
	case "---", "---yaml", "---toml", "---json":
		return "---"
	case "+++", ";;;":
		return opener
	}
	return ""
}

// firstLine returns the 1-based number and trimmed text of the first
// non-blank line, which is where front matter must open.
func firstLine(data []byte) (int, string) {
	line := 1
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		text := data
		if i >= 0 {
			text, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if t := bytes.TrimSpace(text); len(t) > 0 {
			return line, string(t)
		}
		line++
	}
	return line, ""
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
