package extract

import (
	"strings"

	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

// determiners open the names of products and shows, never a person's.
var determiners = set{"my": true, "your": true, "our": true, "his": true, "her": true, "their": true, "this": true, "that": true}

// weigh lets the tagger raise a weak mention to likely, or drop a mention
// no title or cue vouched for when it reads the words as a place, body or
// thing.
func (s *scene) weigh(m personMention, part span) (personMention, bool) {
	if smallWords[m.keys[0]] || determiners[m.keys[0]] {
		return m, false // "The Man From Lisbon", "My Little Helper": a title's small word opens no name
	}
	for _, k := range m.keys {
		if strings.ContainsAny(k, "0123456789") {
			return m, false // "Safe2Sleep": a product, not a person
		}
	}
	if m.str != certain {
		if c := s.taggedOther(m.from, m.to); c >= overruleConf {
			k, _, _ := s.tagOf(m.from, m.to)
			s.doubt(m, 1-c, "read as "+kindWord(k))
			return m, false
		}
		if m.str == weak && s.taggedPerson(m.from, m.to) >= vouchConf {
			m.str = likely
		}
	}
	return s.extendByTags(m, part), true
}

// extendByTags takes in the capitalised words after a mention that the
// tagger is sure belong to the same name, which the rules cut off because
// the word is also an ordinary one: "Tavita West", "Rosa Hill".
func (s *scene) extendByTags(m personMention, part span) personMention {
	toks := s.a.toks
	for m.to < part.to && toks[m.to].kind == tWord && toks[m.to].upper {
		t := s.tags[m.to]
		if t.kind != tagger.Person || t.conf < vouchConf || s.tags[m.to-1].kind != tagger.Person {
			break
		}
		m.words = append(m.words, toks[m.to].text)
		m.keys = append(m.keys, toks[m.to].key)
		m.to++
	}
	return m
}
