package content

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

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

// delimiter is one way front matter opens: the line that closes it and
// the language between. ---, +++ and a bare JSON object are Hugo's, so
// content moves between the two tools; the others name their language.
type delimiter struct{ closer, kind string }

var delimiters = map[string]delimiter{
	"---":     {"---", "yaml"},
	"---yaml": {"---", "yaml"},
	"+++":     {"+++", "toml"},
	"---toml": {"---", "toml"},
	";;;":     {";;;", "json"},
	"---json": {"---", "json"},
}

// frontMatter is a file cut at its front matter. raw and body are slices
// of the file's own bytes.
type frontMatter struct {
	kind     string // "yaml", "toml" or "json"
	raw      []byte // the front matter, delimiters left out
	body     []byte // everything after it
	openLine int    // the file's line of the opening delimiter
	rawLine  int    // the file's line of raw's first byte
}

// delimit is the one reader of front matter's bounds. Front matter opens
// on the first non-blank line, with a delimiter line of the table above
// or, as Hugo allows, a bare JSON object; it closes at the first later
// line that is its closing delimiter. Lines compare with the spaces
// around them trimmed, so CRLF files and stray indentation read alike.
func delimit(path string, data []byte) (frontMatter, error) {
	var fm frontMatter
	var d delimiter
	opener, rawStart := "", -1 // rawStart is set once front matter opens
	line := 0
	for i := 0; i < len(data); {
		end := len(data)
		if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
			end = i + j + 1
		}
		text := string(bytes.TrimSpace(data[i:end]))
		line++
		switch {
		case rawStart < 0 && text == "":
			// blank lines may come before front matter
		case rawStart < 0 && strings.HasPrefix(text, "{"):
			fm.raw, fm.body = bareJSON(data)
			fm.kind, fm.openLine, fm.rawLine = "json", line, line
			return fm, nil
		case rawStart < 0:
			var ok bool
			if d, ok = delimiters[text]; !ok {
				return fm, generator.Errorf(path, 1, 1, "no front matter: an article starts with a --- line, then title: and date:, then ---")
			}
			opener, rawStart = text, end
			fm.kind, fm.openLine, fm.rawLine = d.kind, line, line+1
		case text == d.closer:
			fm.raw, fm.body = data[rawStart:i], data[end:]
			return fm, nil
		}
		i = end
	}
	if rawStart < 0 {
		return fm, generator.Errorf(path, 1, 1, "no front matter: an article starts with a --- line, then title: and date:, then ---")
	}
	return fm, generator.Errorf(path, fm.openLine, 1, "front matter opened with %q is never closed", opener)
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
