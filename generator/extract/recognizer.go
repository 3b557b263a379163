package extract

import (
	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

// The learned tagger reads every sentence once and says, per token,
// which kind of name it falls in and how sure it is. The rule stages
// then ask it about the runs of capitals they weigh: it breaks their ties
// (an unknown given name in "Tavita West", "Dane" the character, not a
// Dane) rather than replacing what rules know for certain, such as a
// title before a name or a line-up of players.

// tagged is the tagger's reading of one token.
type tagged struct {
	kind tagger.Kind
	conf float32 // 0 when the token is in no name
}

// recognizer is the learned part of an Extractor: the tagger and the
// gazetteers whose classes it was trained with.
type recognizer struct {
	model *tagger.Model
	gaz   *gazetteer.Set
}

func newRecognizer() *recognizer {
	m, err := tagger.Default()
	if err != nil {
		// The model is embedded and loaded by the tests; failing here is
		// a build defect, not a user error.
		panic(err)
	}
	return &recognizer{model: m, gaz: gazetteer.Default()}
}

// tagArticle runs the tagger over each sentence of a, one line at a time,
// skipping page furniture.
func (r *recognizer) tagArticle(a *article) ([]tagged, []gazetteer.Class) {
	out := make([]tagged, len(a.toks))
	classesOf := make([]gazetteer.Class, len(a.toks))
	var words []string
	var sent []tagger.Token
	flush := func(first int) {
		if len(sent) == 0 {
			return
		}
		classes := r.gaz.Mark(words)
		for i := range sent {
			sent[i].Classes = uint32(classes[i])
			classesOf[first+i] = classes[i]
		}
		for _, sp := range r.model.Tag(sent) {
			for k := sp.From; k < sp.To; k++ {
				out[first+k] = tagged{kind: sp.Kind, conf: sp.Confidence}
			}
		}
		words, sent = words[:0], sent[:0]
	}
	first := 0
	for i, t := range a.toks {
		l := a.lines[t.line]
		if i > 0 && (t.nl > 0 || t.sent) {
			flush(first)
		}
		if len(sent) == 0 {
			first = i
		}
		if l.role == roleChrome {
			continue
		}
		words = append(words, t.text)
		sent = append(sent, tagger.Token{Text: t.text, Headline: l.role == roleTitle || l.unsure})
	}
	flush(first)
	return out, classesOf
}

// tagOf is the tagger's verdict on the words of [from, to): the kind most
// of them carry and the lowest confidence among those, or ok false when
// most of them are in no name.
func (s *scene) tagOf(from, to int) (kind tagger.Kind, conf float32, ok bool) {
	var count [8]int
	var low [8]float32
	words := 0
	for i := from; i < to; i++ {
		if s.a.toks[i].kind != tWord {
			continue
		}
		words++
		t := s.tags[i]
		if t.conf == 0 {
			continue
		}
		if count[t.kind] == 0 || t.conf < low[t.kind] {
			low[t.kind] = t.conf
		}
		count[t.kind]++
	}
	best := -1
	for k := range count {
		if count[k] > 0 && (best < 0 || count[k] > count[best]) {
			best = k
		}
	}
	if best < 0 || 2*count[best] <= words {
		return 0, 0, false
	}
	return tagger.Kind(best), low[best], true
}

// taggedPerson reports the tagger's confidence that [from, to) is a
// person, or 0.
func (s *scene) taggedPerson(from, to int) float32 {
	if k, c, ok := s.tagOf(from, to); ok && k == tagger.Person {
		return c
	}
	return 0
}

// taggedOther reports the tagger's confidence that [from, to) names
// something other than a person, or 0.
func (s *scene) taggedOther(from, to int) float32 {
	if k, c, ok := s.tagOf(from, to); ok && k != tagger.Person {
		return c
	}
	return 0
}

// Thresholds on the tagger's confidence, chosen on the development sets
// (see docs/extraction.md): how sure it must be to vouch for a name the
// rules found weak, and to overrule a name they found likely.
const (
	vouchConf    = 0.8
	overruleConf = 0.7
	// personOverPlaceConf is how sure the tagger must be that a country's
	// or city's word names a person ("Dane" in a review of a show) for
	// the country to be dropped.
	personOverPlaceConf = 0.6
	// keepWordConf is how sure the tagger must be that an unknown word
	// before a name is the name's first word ("Luuk van Oosterhout") for
	// the rules to keep it.
	keepWordConf = 0.6
)

// kindWord names a tagger kind for a person reading a warning.
func kindWord(k tagger.Kind) string {
	switch k {
	case tagger.Organization:
		return "an organisation"
	case tagger.Place:
		return "a place"
	case tagger.Event:
		return "an event"
	}
	return "the name of a thing"
}
