package extract

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefing-digest/briefing/generator/yamldoc"
)

// parseVocabulary reads a topics file: each topic a list whose items are
// keywords, or one-key mappings from a keyword to its sense. Plain lists,
// the shape users have always written, read as before.
func parseVocabulary(file string, src []byte) (Vocabulary, error) {
	doc, pairs, err := namedPairs(file, src)
	if err != nil {
		return nil, err
	}
	v := make(Vocabulary, 0, len(pairs))
	for _, p := range pairs {
		name := strings.TrimSpace(p.Key)
		t, err := readTopic(doc, name, p.Value)
		if err != nil {
			return nil, err
		}
		v = append(v, t)
	}
	return v, nil
}

func readTopic(doc *yamldoc.Doc, name string, n *yaml.Node) (Topic, error) {
	t := Topic{Name: name}
	if n.Kind != yaml.SequenceNode {
		words, err := doc.Strings(name, n)
		if err != nil {
			return t, err
		}
		for _, w := range words {
			if strings.TrimSpace(w) == "" {
				return t, doc.Errorf(n, "%s: an empty word", name)
			}
			t.Keywords = append(t.Keywords, strings.TrimSpace(w))
		}
		return t, nil
	}
	for _, item := range n.Content {
		kw, sense, err := readKeyword(doc, name, item)
		if err != nil {
			return t, err
		}
		t.Keywords = append(t.Keywords, kw)
		if sense != nil {
			if t.Senses == nil {
				t.Senses = map[string]Sense{}
			}
			t.Senses[kw] = *sense
		}
	}
	return t, nil
}

// readKeyword reads one item of a topic's list: "embargo", or
// "campaign: {with: [...], not: [...]}".
func readKeyword(doc *yamldoc.Doc, topic string, item *yaml.Node) (string, *Sense, error) {
	if item.Kind == yaml.ScalarNode && item.Tag != "!!null" {
		kw := strings.TrimSpace(item.Value)
		if kw == "" {
			return "", nil, doc.Errorf(item, "%s: an empty word", topic)
		}
		return kw, nil, nil
	}
	if item.Kind != yaml.MappingNode || len(item.Content) != 2 {
		return "", nil, doc.Errorf(item, "%s must be a list of keywords, or of \"keyword: {with: [...], not: [...]}\", but this item is %s", topic, describeItem(item))
	}
	key, val := item.Content[0], item.Content[1]
	kw := strings.TrimSpace(key.Value)
	if key.Kind != yaml.ScalarNode || kw == "" {
		return "", nil, doc.Errorf(key, "%s: want a keyword before the colon", topic)
	}
	if val.Kind != yaml.MappingNode {
		return "", nil, doc.Errorf(val, "%s: %s wants {with: [...], not: [...]}", topic, kw)
	}
	s := &Sense{}
	for i := 0; i+1 < len(val.Content); i += 2 {
		k, list := val.Content[i], val.Content[i+1]
		words, err := doc.Strings(topic+": "+kw+": "+k.Value, list)
		if err != nil {
			return "", nil, err
		}
		for _, w := range words {
			if strings.TrimSpace(w) == "" {
				return "", nil, doc.Errorf(list, "%s: %s: an empty word", topic, kw)
			}
		}
		switch k.Value {
		case "with":
			s.With = append(s.With, words...)
		case "not":
			s.Not = append(s.Not, words...)
		default:
			return "", nil, doc.Errorf(k, "%s: %s: %q is neither with nor not", topic, kw, k.Value)
		}
	}
	return kw, s, nil
}

func describeItem(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of several keys"
	}
	return "empty"
}
