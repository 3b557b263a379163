package extract

import (
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/briefing-digest/briefing/generator"
)

// Topic is one subject of the vocabulary and the words that signal it.
type Topic struct {
	Name     string
	Keywords []string // words or phrases; simple inflections match too
	// Senses, keyed by a keyword as Keywords spells it, say which nearby
	// words confirm the topic's meaning of an ambiguous keyword or rule
	// it out. Keywords without an entry count wherever they stand.
	Senses map[string]Sense
}

// Sense tells the meaning of a keyword the topic wants ("campaign" for an
// election) from others (a military campaign) by the words around it.
type Sense struct {
	With []string // the keyword counts only when one of these is near; none given: always
	Not  []string // the keyword does not count when one of these is near
}

// Vocabulary is the list of topics Extract chooses from, in the order a
// site's editors wrote them. Build one in code, or load the YAML file
// editors keep with LoadVocabulary.
type Vocabulary []Topic

// DefaultVocabulary returns the topics briefing ships for security news:
// terrorism, sanctions, refugees, the nuclear programme, military
// exercises, diplomacy, border security, energy, elections and more.
func DefaultVocabulary() Vocabulary {
	return defaultVocabulary().clone()
}

// defaultVocabulary parses the embedded file once: with its senses it is
// too big for the one-line fast path of yamldoc, and New must stay cheap.
var defaultVocabulary = sync.OnceValue(func() Vocabulary {
	b, err := data.ReadFile("data/topics.yaml")
	if err != nil {
		panic(fmt.Sprintf("extract: embedded vocabulary: %v", err))
	}
	v, err := parseVocabulary("data/topics.yaml", b)
	if err != nil {
		panic(fmt.Sprintf("extract: embedded vocabulary: %v", err))
	}
	return v
})

// clone copies v, so a caller may change what DefaultVocabulary returned.
func (v Vocabulary) clone() Vocabulary {
	out := make(Vocabulary, len(v))
	for i, t := range v {
		out[i] = Topic{Name: t.Name, Keywords: slices.Clone(t.Keywords)}
		if t.Senses != nil {
			out[i].Senses = make(map[string]Sense, len(t.Senses))
			for k, s := range t.Senses {
				out[i].Senses[k] = Sense{With: slices.Clone(s.With), Not: slices.Clone(s.Not)}
			}
		}
	}
	return out
}

// LoadVocabulary reads a YAML file mapping each topic to its keywords:
//
//	Terrorism: [terrorism, terrorist, militant]
//	Sanctions:
//	  - sanction
//	  - embargo
//	Elections:
//	  - election
//	  - campaign: {with: [election, voter], not: [military]}
//
// A keyword given as a key carries its Sense: the words near it that
// confirm it (with) or rule it out (not).
// Errors are *generator.Error values naming the file, line and column.
func LoadVocabulary(path string) (Vocabulary, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, generator.Errorf(path, 0, 0, "%w", err)
	}
	return parseVocabulary(path, b)
}
