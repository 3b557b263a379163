package extract

import (
	"os"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/yamldoc"
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

// parseNameLists parses src, the contents of file, keeping the file's
// order. Every problem is a *generator.Error at its line and column.
func parseNameLists(file string, src []byte) ([]nameList, error) {
	doc, pairs, err := namedPairs(file, src)
	if err != nil {
		return nil, err
	}
	out := make([]nameList, 0, len(pairs))
	for _, p := range pairs {
		name := strings.TrimSpace(p.Key)
		words, err := doc.Strings(name, p.Value)
		if err != nil {
			return nil, err
		}
		for i, w := range words {
			if strings.TrimSpace(w) == "" {
				at := p.Value
				if p.Value.Kind == yaml.SequenceNode {
					at = p.Value.Content[i]
				}
				return nil, doc.Errorf(at, "%s: an empty word", name)
			}
			words[i] = strings.TrimSpace(w)
		}
		out = append(out, nameList{name: name, words: words, line: p.KeyAt.Line, col: p.KeyAt.Column})
	}
	return out, nil
}

// namedPairs parses a file of "name: value" pairs, as topics.yaml and
// aliases.yaml are, and checks that every pair has a name. Every problem
// is a *generator.Error at its line and column.
func namedPairs(file string, src []byte) (*yamldoc.Doc, []yamldoc.Pair, error) {
	doc, err := yamldoc.Parse(file, src, 0)
	if err != nil {
		return nil, nil, err
	}
	pairs, errs := doc.Pairs()
	if err := errs.Err(); err != nil {
		return nil, nil, errs[0]
	}
	for _, p := range pairs {
		if strings.TrimSpace(p.Key) == "" {
			return nil, nil, doc.Errorf(p.KeyAt, "want a name before the colon")
		}
	}
	return doc, pairs, nil
}
