package extract

import (
	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
	"github.com/briefing-digest/briefing/generator/extract/tagger"
)

// The learned tagger reads every sentence once and says, per token,
// which kind of name it falls in and how sure it is. The rule stages
// then ask it about the runs of capitals they weigh: it breaks their ties
// (an unknown given name in "Kanye West", "Finn" the character, not the
// Finn) rather than replacing what rules know for certain, such as a
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
	// or city's word names a person ("Finn" in a review of a show) for
	// the country to be dropped.
	personOverPlaceConf = 0.6
)

// weigh lets the tagger raise a weak mention to likely, or drop a mention
// no title or cue vouched for when it reads the words as a place, body or
// thing.
func (s *scene) weigh(m personMention, part span) (personMention, bool) {
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
// the word is also an ordinary one: "Kanye West", "Tom Ford".
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

// learnedPlaces maps the places the tagger finds, and the rules' own
// tables do not know, to their countries through the gazetteers: "Kobane"
// is in Syria, "the Algarve" in Portugal, "the Foreign Office" is the
// United Kingdom's.
func (s *scene) learnedPlaces(rec *recognizer, countries, places *ordered) {
	toks := s.a.toks
	for i := 0; i < len(toks); {
		t := s.tags[i]
		if t.conf < placeConf || (t.kind != tagger.Place && t.kind != tagger.Organization) || !s.a.capital(i) {
			i++
			continue
		}
		end := i + 1
		for end < len(toks) && s.tags[end].kind == t.kind && s.tags[end].conf > 0 && toks[end].nl == 0 {
			end++
		}
		if s.gazAt[i] < 0 && !s.person[i] && !s.taken[i] {
			name := s.text(i, end)
			if t.kind == tagger.Place {
				if p, ok := rec.gaz.Place(name); ok && p.Country != "" && !p.Ambiguous {
					countries.add(p.Country, toks[i].start)
					places.add(p.Name, toks[i].start)
				}
			} else if o, ok := rec.gaz.Organization(name); ok && o.Country != "" {
				countries.add(o.Country, toks[i].start)
			}
		}
		i = end
	}
}

// placeConf is how sure the tagger must be of a place the rules do not
// know before its country is filed.
const placeConf = 0.9

// bodiesCountries files a story that names a state's body under that
// state: "the Foreign Office" is the United Kingdom's, "the Pentagon" the
// United States'.
func (r *recognizer) bodiesCountries(orgs, countries *ordered) {
	for slug, name := range orgs.names {
		if o, ok := r.gaz.Organization(name); ok && o.Country != "" {
			countries.add(o.Country, orgs.pos[slug])
		}
	}
}

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

// regionalDemonyms files "Welsh", "Texan" or "Tasmanian" under the country
// the region is in; the rules' own tables know only nations' demonyms.
func (s *scene) regionalDemonyms(rec *recognizer, countries *ordered) {
	for i, c := range s.classes {
		if !c.Has(gazetteer.Demonym) || c.Has(gazetteer.Ambiguous) || s.gazAt[i] >= 0 || s.person[i] || !s.a.capital(i) {
			continue
		}
		if name, ok := rec.gaz.CountryOf(s.a.toks[i].text); ok {
			countries.add(name, s.a.toks[i].start)
		}
	}
}

// knownBodies adds the organisations the gazetteers know by any of their
// names ("the Foreign Office", "UNESCO", "Da'esh") that the rules missed,
// as the article writes them, each body once however many names it has.
func (s *scene) knownBodies(rec *recognizer, orgs *ordered) {
	seen := set{}
	for _, name := range orgs.names {
		seen[canonicalBody(rec, name)] = true
	}
	toks := s.a.toks
	for i := 0; i < len(toks); {
		if !s.a.capital(i) && !(toks[i].caps && !s.a.credit[i]) || s.person[i] || s.taken[i] {
			i++
			continue
		}
		end := i
		for end < len(toks) && end < i+6 && (end == i || toks[end].nl == 0) && toks[end].kind == tWord && toks[end].upper && !s.person[end] && !s.taken[end] {
			end++
		}
		found := false
		for j := end; j > i; j-- {
			o, ok := rec.gaz.Organization(s.text(i, j))
			if !ok {
				continue
			}
			if !seen[o.Name] {
				seen[o.Name] = true
				orgs.add(s.text(i, j), toks[i].start)
			}
			i, found = j, true
			break
		}
		if !found {
			i++
		}
	}
}

// canonicalBody is the gazetteer's name for an organisation, or the name.
func canonicalBody(rec *recognizer, name string) string {
	if o, ok := rec.gaz.Organization(name); ok {
		return o.Name
	}
	return name
}
