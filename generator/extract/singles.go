package extract

// ruleWords follow a leader's name used as an adjective or possessive:
// "the Mbeki government", "Marcos's brutal regime".
var ruleWords = set{"regime": true, "administration": true, "government": true, "dictatorship": true,
	"presidency": true, "campaign": true, "era": true, "cabinet": true, "report": true, "inquiry": true,
	"doctrine": true, "loyalists": true, "forces": true}

// attributive reports a name followed by one of ruleWords, directly or
// after a possessive and at most one lower-case word.
func (s *scene) attributive(to int) bool {
	toks := s.a.toks
	i := to
	if i < len(toks) && toks[i].key == "'s" {
		i++
		if i+1 < len(toks) && toks[i].kind == tWord && !toks[i].upper && !ruleWords[toks[i].key] {
			i++
		}
	}
	return i < len(toks) && toks[i].nl == 0 && toks[i].kind == tWord && !toks[i].upper && ruleWords[toks[i].key]
}

// classifySingle keeps a lone word as a person only with a title or a
// verb of saying right after it; otherwise it is kept weak, to be folded
// into a fuller name.
func (s *scene) classifySingle(m personMention, titled, cue bool) (personMention, bool) {
	toks := s.a.toks
	t := toks[m.from]
	if t.caps || t.initial || len([]rune(t.key)) < 2 || s.gazAt[m.from] >= 0 || s.headWord(t.key) {
		return m, false
	}
	if s.t.is(lexNotnames, t.key) || s.t.is(lexGroups, t.key) || s.t.is(lexTitles, t.key) || s.t.is(lexTitlemods, t.key) || isContraction(t.key) {
		return m, false
	}
	if s.a.lower[t.key] && !titled {
		return m, false
	}
	m.str = weak
	switch {
	case titled:
		m.str = certain
	case s.saysRightAfter(m.to) && !s.articleBefore(m.from) && s.recurs(m.from):
		m.str = likely
	case s.roleJustBefore(m.from):
		m.str = likely
	case s.attributive(m.to):
		m.str = likely
	}
	return m, true
}
