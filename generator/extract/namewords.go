package extract

import (
	"strings"
	"unicode"
)

// nameWords rejects runs whose words cannot all belong to a name.
func (s *scene) nameWords(m personMention, titled bool) bool {
	toks := s.a.toks
	firstGiven := s.isGiven(m.keys[0]) || toks[m.from].initial
	last := m.keys[len(m.keys)-1]
	if s.headWord(last) && !(firstGiven && s.t.is(lexSurnamewords, last)) {
		return false
	}
	for i := m.from; i < m.to; i++ {
		t := toks[i]
		if t.kind != tWord {
			continue
		}
		if (t.caps && !t.initial) || capsRun(t.text) || isDescriptor(t.key) || s.t.is(lexThingwords, t.key) {
			return false
		}
		if s.headWord(t.key) && !s.t.is(lexSurnamewords, t.key) && !(i == m.from && firstGiven) {
			return false
		}
		if isContraction(t.key) {
			return false
		}
		if i == m.from && firstGiven {
			continue
		}
		if s.isGiven(t.key) || s.t.is(lexParticles, t.key) {
			continue
		}
		if s.t.is(lexNotnames, t.key) && !titled && !(i == m.to-1 && s.t.cjk[t.key] && firstGiven) {
			return false
		}
		if g, ok := s.gaz(i); ok && !firstGiven && !titled && g.e.kind != kPlace {
			return false
		}
	}
	return true
}

// thingLike reports a name without a given name that reads as a thing:
// one followed by ", its" or ", which" ("Mozilla Firefox, its main
// rival"), or ending in a word the article also writes capitalised in
// the plural or singular ("Warhol Polaroids" beside "Polaroid").
func (s *scene) thingLike(m personMention) bool {
	toks := s.a.toks
	if s.isGiven(m.keys[0]) || toks[m.from].initial {
		return false
	}
	if m.to+1 < len(toks) && toks[m.to].key == "," && (toks[m.to+1].key == "its" || toks[m.to+1].key == "which") {
		return true
	}
	last := m.keys[len(m.keys)-1]
	other := last + "s"
	if strings.HasSuffix(last, "s") {
		other = strings.TrimSuffix(last, "s")
	}
	for _, t := range toks {
		if t.key == other && t.upper {
			return true
		}
	}
	return false
}

// isGiven reports a given name, hyphenated ones included: "Jean-Pierre".
func (s *scene) isGiven(k string) bool {
	if s.t.given[k] {
		return true
	}
	if !strings.Contains(k, "-") {
		return false
	}
	for _, p := range strings.Split(k, "-") {
		if !s.t.given[p] {
			return false
		}
	}
	return true
}

// cjkShape recognises family-name-first names with a hyphenated given
// name ("Kim Jong-un", "Cheng Chung-tai", "Raymond Chan Chi-chuen").
func (s *scene) cjkShape(m *personMention) bool {
	n := len(m.keys)
	last := m.keys[n-1]
	if n == 3 && s.t.cjk[m.keys[0]] && len(m.keys[1]) <= 4 && len(last) <= 4 && !s.isGiven(m.keys[1]) {
		m.cjk = true // "Chiang Kai Shek", "Lee Kuan Yew"
		return true
	}
	if !strings.Contains(last, "-") || len(last) > 12 {
		return false
	}
	switch {
	case n == 2 && s.t.cjk[m.keys[0]]:
		m.cjk = true
		return true
	case n == 3 && s.t.cjk[m.keys[1]]:
		return true
	}
	return false
}

// westernCJK recognises a Western given name unknown to the tables before
// a Chinese family name: "Starry Lee", "Baggio Leung".
func (s *scene) westernCJK(m *personMention) bool {
	if len(m.keys) != 2 {
		return false
	}
	sur := m.keys[1]
	return s.t.cjk[sur] && len(sur) >= 3 && !s.a.lower[sur] && !s.t.is(lexNotnames, sur) && !s.t.is(lexNotnames, m.keys[0])
}

// capsRun reports two capitals in a row inside a mixed-case word, the
// mark of an abbreviation ("GDRs") rather than a name ("MaliVai").
func capsRun(w string) bool {
	prev := false
	for _, r := range w {
		up := unicode.IsUpper(r)
		if up && prev {
			return true
		}
		prev = up
	}
	return false
}

// isContraction reports "I'm", "we've" and the like.
func isContraction(k string) bool {
	i := strings.IndexByte(k, '\'')
	if i < 0 {
		return false
	}
	switch k[i+1:] {
	case "m", "ve", "ll", "re", "d", "t", "s":
		return true
	}
	return false
}
