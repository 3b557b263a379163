package yamldoc

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/briefing-digest/briefing/generator"
)

// Doc is a parsed YAML mapping and where it sits in its file.
type Doc struct {
	File string
	// LineOffset is added to yaml's 1-based lines: the number of file
	// lines before the YAML text (1 for front matter after "---").
	LineOffset int
	Root       *yaml.Node // a mapping node; empty when the text was empty
}

var syntaxLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse reads src as one YAML document whose top level is a mapping.
func Parse(file string, src []byte, lineOffset int) (*Doc, error) {
	d := &Doc{File: file, LineOffset: lineOffset}
	if root, ok := fastParse(src); ok {
		d.Root = root
		return d, nil
	}
	var top yaml.Node
	if err := yaml.Unmarshal(src, &top); err != nil {
		return nil, d.syntaxError(src, err)
	}
	if len(top.Content) == 0 {
		d.Root = &yaml.Node{Kind: yaml.MappingNode}
		return d, nil
	}
	root := top.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, d.Errorf(root, "want keys and values (key: value), not %s", describe(root))
	}
	d.Root = root
	return d, nil
}

// syntaxError turns yaml's "yaml: line N: msg" into a positioned error.
// yaml gives no column, so the column is the line's first non-blank
// character, which is where an editor's cursor should land.
func (d *Doc) syntaxError(src []byte, err error) error {
	if line, col, ok := unclosedBracket(src); ok {
		return &generator.Error{File: d.File, Line: d.LineOffset + line, Col: col, Msg: `YAML syntax: this "[" is never closed`, Err: err}
	}
	m := syntaxLine.FindStringSubmatch(err.Error())
	if m == nil {
		return &generator.Error{File: d.File, Line: d.LineOffset + 1, Msg: "YAML: " + strings.TrimPrefix(err.Error(), "yaml: "), Err: err}
	}
	line, _ := strconv.Atoi(m[1])
	if strings.HasPrefix(m[2], "did not find expected") {
		// yaml.v3 prints its parser's 0-based line for these (its scanner's
		// errors are 1-based): name the line a person sees.
		line++
	}
	col := 0
	if lines := bytes.Split(src, []byte("\n")); line-1 < len(lines) && line >= 1 {
		col = syntaxColumn(lines[line-1], m[2])
	}
	return &generator.Error{File: d.File, Line: d.LineOffset + line, Col: col, Msg: "YAML syntax: " + m[2], Err: err}
}

// syntaxColumn guesses the column of a syntax error yaml placed on text
// without a column: the tab, for a tab in the indentation (YAML forbids
// them); the second colon, for "mapping values are not allowed" on a line
// like "people: a: b"; the opening quote, for a quoted value the line
// leaves open; otherwise the line's first non-blank character.
func syntaxColumn(text []byte, msg string) int {
	indent := len(text) - len(bytes.TrimLeft(text, " \t"))
	if i := bytes.IndexByte(text[:indent], '\t'); i >= 0 {
		return i + 1
	}
	if strings.HasPrefix(msg, "mapping values are not allowed") {
		if first := bytes.Index(text, []byte(": ")); first >= 0 {
			if second := bytes.Index(text[first+2:], []byte(": ")); second >= 0 {
				return utf8.RuneCount(text[:first+2+second]) + 1
			}
		}
	}
	if strings.Contains(msg, "end of stream") {
		if i := unclosedQuote(text); i >= 0 {
			return utf8.RuneCount(text[:i]) + 1
		}
	}
	return indent + 1
}

// unclosedQuote is the offset of a double quote that opens a value on
// text and is not closed on it, or -1: the usual cause of yaml's "found
// unexpected end of stream".
func unclosedQuote(text []byte) int {
	open := -1
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\\' && open >= 0:
			i++ // an escaped character inside the quotes
		case text[i] == '"' && open < 0:
			open = i
		case text[i] == '"':
			open = -1
		}
	}
	return open
}

// unclosedBracket finds a "[" left open at the end of its line when the
// next line does not continue it: the commonest slip in hand-written lists,
// which yaml.v3 reports on some other line.
func unclosedBracket(src []byte) (line, col int, ok bool) {
	lines := strings.Split(string(src), "\n")
	for i, text := range lines {
		open, depth := -1, 0
		var quote rune
	scan:
		for j, r := range text {
			switch {
			case quote != 0:
				if r == quote {
					quote = 0
				}
			case r == '"' || r == '\'':
				quote = r
			case r == '#':
				break scan
			case r == '[':
				if depth == 0 {
					open = j
				}
				depth++
			case r == ']':
				depth--
			}
		}
		if depth > 0 && !continued(lines[i+1:]) {
			return i + 1, open + 1, true
		}
	}
	return 0, 0, false
}

// continued says whether the next non-blank line is indented, carrying
// on a flow list over several lines.
func continued(rest []string) bool {
	for _, next := range rest {
		if strings.TrimSpace(next) != "" {
			return next[0] == ' ' || next[0] == '\t'
		}
	}
	return false
}

// Pair is one key and its value.
type Pair struct {
	Key   string
	KeyAt *yaml.Node
	Value *yaml.Node
}

// Pairs lists the mapping's keys in order. A key given twice is an error
// at its second place, since yaml would silently keep one of them.
func (d *Doc) Pairs() ([]Pair, generator.ErrorList) {
	var errs generator.ErrorList
	seen := map[string]*yaml.Node{}
	pairs := make([]Pair, 0, len(d.Root.Content)/2)
	for i := 0; i+1 < len(d.Root.Content); i += 2 {
		k, v := d.Root.Content[i], d.Root.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			errs = append(errs, d.Errorf(k, "%q is given twice (first on line %d)", k.Value, d.LineOffset+first.Line))
			continue
		}
		seen[k.Value] = k
		pairs = append(pairs, Pair{Key: k.Value, KeyAt: k, Value: v})
	}
	return pairs, errs
}

// Errorf returns an error at n's position.
func (d *Doc) Errorf(n *yaml.Node, format string, args ...any) *generator.Error {
	return generator.Errorf(d.File, d.LineOffset+n.Line, n.Column, format, args...)
}

// String reads a scalar as text. Numbers and booleans are accepted as
// their spelling, because a title like 1984 is still a title.
func (d *Doc) String(key string, n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", d.Errorf(n, "%s must be text, not %s", key, describe(n))
	}
	if n.Tag == "!!null" {
		return "", nil
	}
	return n.Value, nil
}

// Strings reads a list of names. A single text value is taken as a list
// of one, as Hugo does for taxonomies; anything else is an error.
func (d *Doc) Strings(key string, n *yaml.Node) ([]string, error) {
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return nil, nil
	case n.Kind == yaml.ScalarNode && n.Tag == "!!str":
		return []string{n.Value}, nil
	case n.Kind != yaml.SequenceNode:
		return nil, d.Errorf(n, "%s must be a list of names, not %s", key, describe(n))
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			return nil, d.Errorf(item, "%s must be a list of names, but this item is %s", key, describe(item))
		}
		out = append(out, item.Value)
	}
	return out, nil
}

// Bool reads true or false.
func (d *Doc) Bool(key string, n *yaml.Node) (bool, error) {
	var b bool
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&b) != nil {
		return false, d.Errorf(n, "%s must be true or false, not %s", key, describe(n))
	}
	return b, nil
}

// Int reads a whole number.
func (d *Doc) Int(key string, n *yaml.Node) (int, error) {
	var i int
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Decode(&i) != nil {
		return 0, d.Errorf(n, "%s must be a whole number, not %s", key, describe(n))
	}
	return i, nil
}

// describe names a value the way a person reading the file would.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of keys"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "empty"
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the value " + n.Value
	case "!!timestamp":
		return "the date " + n.Value
	}
	return fmt.Sprintf("%q", n.Value)
}
