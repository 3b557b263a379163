package extract

import "strings"

// stripTitles skips titles, offices and the countries or bodies that
// qualify them: "U.S. Senator", "NASA Administrator", "Rear Admiral",
// "Shadow Home Secretary", "Scientologist".
func (s *scene) stripTitles(c span) (int, bool) {
	toks := s.a.toks
	titled := false
	i := c.from
	// Everything up to the last title goes: "Shadow Home Secretary Yvette Cooper".
	for k := c.to - 2; k >= c.from; k-- {
		if s.isTitleAt(k, c.to) {
			i, titled = k+1, true
			break
		}
	}
	for i < c.to-1 {
		k := toks[i].key
		switch {
		case k == ".":
			i++
		case s.isTitleAt(i, c.to):
			titled = true
			i++
		case s.t.is(lexTitlemods, k) && s.titleAhead(i+1, c.to):
			i++
		case s.gazAt[i] >= 0:
			m := s.matches[s.gazAt[i]]
			if m.to >= c.to || (s.isGiven(k) && m.e.kind != kOrg && m.e.kind != kDemonym) || s.placeAsGivenName(m, c) {
				return i, titled
			}
			i = m.to
		case toks[i].caps && !toks[i].initial, isDescriptor(k):
			i++
		default:
			return s.skipDescriptors(i, c.to), titled
		}
	}
	return i, titled
}

// placeAsGivenName reports a place's name used as a first name, which a
// family name and a verb of saying give away: "Paris Hilton said".
func (s *scene) placeAsGivenName(m gazMatch, c span) bool {
	if m.to != c.to-1 || m.to-m.from != 1 || (m.e.kind != kCapital && m.e.kind != kPlace && m.e.kind != kCountry) {
		return false
	}
	k := s.a.toks[m.to].key
	if s.gazAt[m.to] >= 0 || s.headWord(k) || s.t.is(lexNotnames, k) || s.t.is(lexTitles, k) || s.a.lower[k] {
		return false
	}
	return s.cueAfter(c.to)
}

// isTitleAt reports a title at i that is not itself part of the name: a
// given name that is also a title ("Dean Kamen") stays when only a family
// name follows.
func (s *scene) isTitleAt(i, to int) bool {
	k := s.a.toks[i].key
	if !s.t.is(lexTitles, k) && !s.isTitleCompound(k) {
		return false
	}
	return !s.isGiven(k) || s.wordsIn(i+1, to) >= 2
}

// isDescriptor reports a compound that describes rather than names:
// "Ohio-based", "Hong Kong-listed", "Brazilian-born".
func isDescriptor(k string) bool {
	for _, suf := range []string{"-based", "-listed", "-born", "-led", "-backed", "-owned", "-run", "-bound", "-made", "-style", "-like"} {
		if strings.HasSuffix(k, suf) {
			return true
		}
	}
	return false
}

// skipDescriptors moves past words before a given name that are not names
// themselves: "Education Stefania Giannini", "Scientologist Tom Cruise".
func (s *scene) skipDescriptors(i, to int) int {
	toks := s.a.toks
	if s.isGiven(toks[i].key) || toks[i].initial || (s.taggedPerson(i, i+1) >= keepWordConf && s.taggedPerson(i+1, i+2) > 0) {
		return i // a given name, or one the tagger reads as part of the name: "Luuk van Oosterhout"
	}
	for j := i + 1; j < to-1; j++ {
		t := toks[j]
		if s.isGiven(t.key) || t.initial {
			return j
		}
		if s.t.cjk[t.key] {
			return i
		}
	}
	return i
}

// isTitleCompound reads "Secretary-General" or "ex-President" as a title.
func (s *scene) isTitleCompound(k string) bool {
	if !strings.Contains(k, "-") {
		return false
	}
	for _, p := range strings.Split(k, "-") {
		if s.t.is(lexTitles, p) {
			return true
		}
	}
	return false
}

func (s *scene) titleAhead(from, to int) bool {
	for i := from; i < to-1; i++ {
		if s.t.is(lexTitles, s.a.toks[i].key) {
			return true
		}
	}
	return false
}
