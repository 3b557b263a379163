package extract

import (
	"strings"

	"github.com/briefing-digest/briefing/generator/extract/gazetteer"
)

// strength says how sure the recogniser is that a mention is a person.
type strength uint8

const (
	weak    strength = iota // looks like a name; kept only if the article backs it
	likely                  // a known given name, initials or a family-name shape
	certain                 // a title or a verb of saying goes with it
)

// personMention is one way an article names a person.
type personMention struct {
	words    []string // as written, titles dropped
	keys     []string // folded, for comparing
	from, to int      // token span of the name
	str      strength
	cjk      bool // family name first: "Kim Jong-un", "Leung Kwok-hung"
}

func (m *personMention) single() bool { return len(m.keys) == 1 }

// surname is the key a lone family-name mention is compared with.
func (m *personMention) surname() string {
	if m.cjk {
		return m.keys[0]
	}
	return m.keys[len(m.keys)-1]
}

// candidates turns the article's capitalised runs into person mentions.
func (s *scene) candidates() []personMention {
	out := append(s.lineupPeople(), s.nobles()...)
	for _, c := range s.t.nameChunks(s.a) {
		if s.lineup[s.a.toks[c.from].line] {
			continue
		}
		if c = s.cutAtNoble(c); c.from >= c.to {
			continue
		}
		for _, part := range s.splitAtHeads(c) {
			if m, ok := s.classify(part); ok {
				if m, ok = s.weigh(m, part); ok {
					out = append(out, m)
				}
			} else if m, ok := s.namesake(part); ok {
				out = append(out, m)
			}
		}
	}
	return s.confirmWeak(out)
}

// namesake finds the person a building, prize or body is named after:
// "Chiang Kai Shek Memorial Hall", "Steven F. Udvar-Hazy Center".
func (s *scene) namesake(c span) (personMention, bool) {
	toks := s.a.toks
	end := c.to
	for end > c.from && (s.headWord(toks[end-1].key) || s.t.is(lexThingwords, toks[end-1].key) || s.a.lower[toks[end-1].key]) {
		end--
	}
	if end == c.to || s.wordsIn(c.from, end) < 2 || s.gazAt[c.from] >= 0 {
		return personMention{}, false
	}
	for i := end; i < c.to; i++ {
		if s.t.is(lexEventwords, toks[i].key) {
			return personMention{}, false // "Westland Cup Championship": the event's name, kept whole
		}
	}
	m, ok := s.classify(span{c.from, end})
	first := toks[m.from]
	if !ok || m.single() || m.str < likely || !(s.isGiven(first.key) || first.initial || m.cjk || s.t.cjk[first.key]) {
		return personMention{}, false
	}
	if len(m.keys) < 3 && !toks[m.from+1].initial && !strings.Contains(toks[end-1].key, "-") {
		return personMention{}, false // "George Washington University": too common a shape to trust
	}
	return m, true
}

// splitAtHeads cuts a run after an organisation's or event's head word,
// so "Russian Security Council Nikolay Patrushev" yields the council and
// the man.
func (s *scene) splitAtHeads(c span) []span {
	var out []span
	start := c.from
	for i := c.from; i < c.to-1; i++ {
		k := s.a.toks[i].key
		if s.headWord(k) && !s.t.is(lexSurnamewords, k) && s.opensName(i+1) {
			out = append(out, span{start, i + 1})
			start = i + 1
		}
	}
	return append(out, span{start, c.to})
}

// opensName reports a word that can begin a person's name or title.
func (s *scene) opensName(i int) bool {
	t := s.a.toks[i]
	return s.isGiven(t.key) || t.initial || s.t.is(lexTitles, t.key) || s.t.is(lexTitlemods, t.key) || s.t.cjk[t.key]
}

func (s *scene) headWord(k string) bool {
	for _, w := range []string{k, strings.TrimSuffix(k, "s")} {
		if s.t.is(lexOrgwords, w) || s.t.is(lexEventwords, w) || s.t.is(lexPlacewords, w) {
			return true
		}
	}
	return false
}

// classify decides whether a run names a person, and which words do.
func (s *scene) classify(c span) (personMention, bool) {
	toks := s.a.toks
	c = s.trimEnds(c)
	if c.from >= c.to || (toks[c.from].key == "the" && !toks[c.from].sent) {
		return personMention{}, false
	}
	if m, ok := s.gaz(c.from); ok && m.from == c.from && m.to >= c.to {
		return personMention{}, false // the whole run is a country, place or organisation
	}
	if c.from > 0 && s.t.is(lexWorknouns, toks[c.from-1].key) && !toks[c.from-1].upper {
		return personMention{}, false // "the graphic novel Angel Catbird"
	}
	from, titled := s.stripTitles(c)
	if s.continuesName(c.from) && !s.isGiven(toks[from].key) {
		return personMention{}, false // "… Centre for Control of Iodine Deficiency Disorders"
	}
	m := personMention{from: from, to: c.to}
	for i := from; i < c.to; i++ {
		if toks[i].kind == tWord {
			m.words = append(m.words, toks[i].text)
			m.keys = append(m.keys, toks[i].key)
		}
	}
	if len(m.keys) == 0 {
		return m, false
	}
	cue := titled || s.cueBefore(c.from) || s.cueAfter(c.to)
	if !cue && (m.keys[0] == "al" || m.keys[0] == "el") {
		return m, false // "Al Qaim", "Al Salem": places, unless a cue says otherwise
	}
	if s.allGroups(m.keys) {
		return m, false // "Sunni Arabs", "Shia Kurds": peoples, not a person
	}
	if m.single() && s.demonymCompound(toks[from].text) {
		return m, false // "Mexican-American", "Anglo-Irish"
	}
	if s.dashedOrg(phrase{from: c.from, to: c.to}) {
		return m, false // "… Task Force-Operation Northern Shield"
	}
	if m.single() {
		return s.classifySingle(m, titled, cue)
	}
	if !s.nameWords(m, titled || cue) {
		return m, false
	}
	if !titled && !cue && s.thingLike(m) {
		return m, false
	}
	if !titled && s.articleBefore(c.from) && s.headWord(m.keys[len(m.keys)-1]) {
		return m, false // "the Marta Varga Cup", "the Rosa Hill Trust": named after a person
	}
	switch {
	case titled || cue:
		m.str = certain
	case s.isGiven(m.keys[0]) || toks[from].initial:
		m.str = likely
	case s.cjkShape(&m) || s.westernCJK(&m):
		m.str = likely
	default:
		m.str = weak
	}
	return m, true
}

// trimEnds drops a sentence-opening common word ("According", "Will") and
// trailing common words glued on by a missing full stop ("… Quat In").
func (s *scene) trimEnds(c span) span {
	toks := s.a.toks
	for c.from < c.to && toks[c.from].sent && s.commonAtStart(c.from) && !(s.t.is(lexTitles, toks[c.from].key) && c.to-c.from > 1) {
		c.from++
	}
	for c.to > c.from && s.t.is(lexNotnames, toks[c.to-1].key) && !s.isGiven(toks[c.to-1].key) {
		if c.to-c.from >= 2 && s.t.cjk[toks[c.to-1].key] && s.isGiven(toks[c.to-2].key) {
			break // "Wilson Or", "James To"
		}
		c.to--
	}
	for c.to > c.from && toks[c.to-1].kind != tWord {
		c.to--
	}
	return c
}

// commonAtStart reports a sentence's first word that is an ordinary word
// rather than a name.
func (s *scene) commonAtStart(i int) bool {
	t := s.a.toks[i]
	k := t.key
	if k == "will" || k == "may" {
		return true
	}
	if s.isGiven(k) {
		return false
	}
	if s.t.is(lexNotnames, k) || s.a.lower[k] {
		return true
	}
	return len(k) > 4 && (strings.HasSuffix(k, "ing") || strings.HasSuffix(k, "ly") || strings.HasSuffix(k, "ed"))
}

// continuesName reports a run that follows "of", "for" or "on" after an
// organisation's or event's word, so it ends that name.
func (s *scene) continuesName(i int) bool {
	toks := s.a.toks
	j := i - 1
	if j >= 0 && toks[j].key == "the" {
		j--
	}
	if j < 1 || !connectors[toks[j].key] || toks[j].nl > 0 {
		return false
	}
	prev := toks[j-1]
	return prev.upper && !s.t.is(lexTitles, prev.key)
}

// demonymCompound reports a hyphenated word whose parts name countries or
// their peoples: "Mexican-American".
func (s *scene) demonymCompound(w string) bool {
	parts := strings.FieldsFunc(w, gazetteer.IsHyphen)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if s.t.countryOf(p) == "" {
			return false
		}
	}
	return true
}

// allGroups reports a run whose every word names a people, faith or party.
func (s *scene) allGroups(keys []string) bool {
	for _, k := range keys {
		if !s.t.is(lexGroups, k) && s.t.countryOf(k) == "" {
			return false
		}
	}
	return true
}
