package extract

import "github.com/briefing-digest/briefing/generator/extract/gazetteer"

// scene is what the recognisers share about one article while they work.
type scene struct {
	t       *tables
	a       *article
	matches []gazMatch
	gazAt   []int  // index into matches of the whole-token phrase covering a token, or -1
	person  []bool // tokens inside an accepted person's name
	taken   []bool // tokens inside an organisation or event name
	lineup  []bool // lines that are sports line-ups, one flag a line
	noble   []bool // tokens of a noble title that names a person
	// nobleAlias holds the given names written before a noble title.
	nobleAlias set
	tags       []tagged          // the learned tagger's reading, one a token
	classes    []gazetteer.Class // what the gazetteers say of each token
	doubts     []heldBack        // people found but not filed
}

func newScene(t *tables, a *article) *scene {
	s := &scene{t: t, a: a, matches: t.matchGazetteer(a)}
	s.gazAt = make([]int, len(a.toks))
	for i := range s.gazAt {
		s.gazAt[i] = -1
	}
	for mi, m := range s.matches {
		if m.part >= 0 {
			continue
		}
		for k := m.from; k < m.to; k++ {
			s.gazAt[k] = mi
		}
	}
	s.person = make([]bool, len(a.toks))
	s.taken = make([]bool, len(a.toks))
	s.lineup = make([]bool, len(a.lines))
	s.noble = make([]bool, len(a.toks))
	s.nobleAlias = set{}
	return s
}

// gaz returns the phrase covering token i, if any.
func (s *scene) gaz(i int) (gazMatch, bool) {
	if s.gazAt[i] < 0 {
		return gazMatch{}, false
	}
	return s.matches[s.gazAt[i]], true
}

func (s *scene) wordsIn(from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		if s.a.toks[i].kind == tWord {
			n++
		}
	}
	return n
}
