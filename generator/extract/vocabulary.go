package extract

import "fmt"

// Topic is one subject of the vocabulary and the words that signal it.
type Topic struct {
	Name     string
	Keywords []string // words or phrases; simple inflections match too
}

// Vocabulary is the list of topics Extract chooses from, in the order a
// site's editors wrote them. Build one in code, or load the YAML file
// editors keep with LoadVocabulary.
type Vocabulary []Topic

// DefaultVocabulary returns the topics briefing ships for security news:
// terrorism, sanctions, refugees, the nuclear programme, military
// exercises, diplomacy, border security, energy, elections and more.
func DefaultVocabulary() Vocabulary {
	b, err := data.ReadFile("data/topics.yaml")
	if err != nil {
		panic(fmt.Sprintf("extract: embedded vocabulary: %v", err))
	}
	v, err := parseVocabulary("data/topics.yaml", b)
	if err != nil {
		panic(fmt.Sprintf("extract: embedded vocabulary: %v", err))
	}
	return v
}

// LoadVocabulary reads a YAML file mapping each topic to its keywords:
//
//	Terrorism: [terrorism, terrorist, militant]
//	Sanctions:
//	  - sanction
//	  - embargo
//
// Errors are *generator.Error values naming the file, line and column.
func LoadVocabulary(path string) (Vocabulary, error) {
	lists, err := readNameLists(path)
	if err != nil {
		return nil, err
	}
	return toVocabulary(lists), nil
}

func parseVocabulary(file string, src []byte) (Vocabulary, error) {
	lists, err := parseNameLists(file, src)
	if err != nil {
		return nil, err
	}
	return toVocabulary(lists), nil
}

func toVocabulary(lists []nameList) Vocabulary {
	v := make(Vocabulary, len(lists))
	for i, l := range lists {
		v[i] = Topic{Name: l.name, Keywords: l.words}
	}
	return v
}
