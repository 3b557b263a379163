package extract

// confirmWeak keeps a weak full name when the article names the person
// again by the family name alone, or lists it among people: "such as
// Ansel Adams, Chuck Close, Walker Evans".
func (s *scene) confirmWeak(ms []personMention) []personMention {
	lone := map[string]bool{}
	for _, m := range ms {
		if m.single() {
			lone[m.keys[0]] = true
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.str != weak || m.single() {
			continue
		}
		if lone[m.surname()] || s.listedWithPerson(ms, i) {
			m.str = likely
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if m.str == weak && !m.single() {
			s.doubt(m, weakConf(s.taggedPerson(m.from, m.to)), "no title, verb of saying, known given name or later mention vouches for it")
			continue
		}
		out = append(out, m)
	}
	return out
}

// listedWithPerson reports a name whose neighbour in a list of names,
// across a comma or "and", is a person.
func (s *scene) listedWithPerson(ms []personMention, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(ms) || ms[j].str < likely || ms[j].single() {
			continue
		}
		a, b := ms[i], ms[j]
		if a.from > b.from {
			a, b = b, a
		}
		if s.onlyListGlue(a.to, b.from) {
			return true
		}
	}
	return false
}

func (s *scene) onlyListGlue(from, to int) bool {
	if to <= from || to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		if t := s.a.toks[k]; t.key != "," && t.key != "and" && t.key != ";" || t.nl > 0 {
			return false
		}
	}
	return true
}

// weakConf is the confidence shown for a weak name: the tagger's, but
// never more than the bar it failed to clear.
func weakConf(tagged float32) float32 {
	return min(max(tagged, 0.3), vouchConf)
}
