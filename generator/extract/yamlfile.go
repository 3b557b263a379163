package extract

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/briefing-digest/briefing/generator"
	"gopkg.in/yaml.v3"
)

// nameList is one entry of a user's YAML file: a name and its list of
// words, with where the name stands in the file.
type nameList struct {
	name      string
	words     []string
	line, col int
}

// readNameLists reads a YAML file that maps names to lists of words, the
// shape of both the vocabulary and the alias file.
func readNameLists(path string) ([]nameList, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, generator.Errorf(path, 0, 0, "%w", err)
	}
	return parseNameLists(path, b)
}

// yamlLine finds the line number in yaml.v3's syntax error messages.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseNameLists parses src, the contents of file, keeping the file's
// order. Every problem is a *generator.Error at its line and column.
func parseNameLists(file string, src []byte) ([]nameList, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		if line, col, ok := unclosedBracket(src); ok {
			return nil, generator.Errorf(file, line, col, "invalid YAML: this \"[\" is never closed: %w", err)
		}
		line, col := syntaxPosition(src, err)
		return nil, generator.Errorf(file, line, col, "invalid YAML: %w", err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, generator.Errorf(file, top.Line, top.Column, "want a mapping of names to lists of words")
	}
	var out []nameList
	seen := map[string]int{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		name := strings.TrimSpace(k.Value)
		if k.Kind != yaml.ScalarNode || name == "" {
			return nil, generator.Errorf(file, k.Line, k.Column, "want a name")
		}
		if prev, dup := seen[name]; dup {
			return nil, generator.Errorf(file, k.Line, k.Column, "%q is listed twice (first at line %d)", name, prev)
		}
		seen[name] = k.Line
		words, err := wordList(file, name, v)
		if err != nil {
			return nil, err
		}
		out = append(out, nameList{name: name, words: words, line: k.Line, col: k.Column})
	}
	return out, nil
}

func wordList(file, name string, v *yaml.Node) ([]string, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, generator.Errorf(file, v.Line, v.Column, "%q: want a list of words in [brackets] or as \"- word\" lines", name)
	}
	words := make([]string, 0, len(v.Content))
	for _, w := range v.Content {
		word := strings.TrimSpace(w.Value)
		if w.Kind != yaml.ScalarNode || word == "" {
			return nil, generator.Errorf(file, w.Line, w.Column, "%q: want a word, not an empty or nested entry", name)
		}
		words = append(words, word)
	}
	return words, nil
}

// unclosedBracket finds a "[" left open at the end of its line when the
// next line does not continue it, the commonest slip in these files,
// which yaml.v3 reports a line off.
func unclosedBracket(src []byte) (int, int, bool) {
	lines := strings.Split(string(src), "\n")
	for i, text := range lines {
		open := -1
		depth := 0
		quote := rune(0)
		for j, r := range text {
			switch {
			case quote != 0:
				if r == quote {
					quote = 0
				}
			case r == '"' || r == '\'':
				quote = r
			case r == '[':
				if depth == 0 {
					open = j
				}
				depth++
			case r == ']':
				depth--
			}
			if r == '#' && quote == 0 {
				break
			}
		}
		if depth > 0 && !continues(lines, i) {
			return i + 1, open + 1, true
		}
	}
	return 0, 0, false
}

// continues reports whether the line after i is indented under it.
func continues(lines []string, i int) bool {
	for _, next := range lines[i+1:] {
		if strings.TrimSpace(next) == "" {
			continue
		}
		return next[0] == ' ' || next[0] == '\t'
	}
	return false
}

// syntaxPosition turns a yaml.v3 syntax error into a line and the column
// where that line's text starts, yaml.v3 naming only the line.
func syntaxPosition(src []byte, err error) (int, int) {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return 0, 0
	}
	line, convErr := strconv.Atoi(m[1])
	if convErr != nil {
		return 0, 0
	}
	lines := strings.Split(string(src), "\n")
	if line < 1 || line > len(lines) {
		return line, 0
	}
	text := lines[line-1]
	return line, len(text) - len(strings.TrimLeft(text, " \t")) + 1
}
