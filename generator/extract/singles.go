package extract

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
	}
	return m, true
}
