package extract

import "strings"

// cueBefore looks just left of a name for a role or a person word
// ("coach, Alireza Mehraban", "team member Rodaba Noori", "their child,
// Gloria"), for "according to", or for an office followed by "to" or
// "of" before a country ("Ambassador to the United States Hamdullah
// Mohib").
func (s *scene) cueBefore(from int) bool {
	toks := s.a.toks
	j := from - 1
	if j >= 0 && toks[j].key == "," {
		j--
	}
	if j < 0 || toks[j].line != toks[from].line || toks[j].kind != tWord {
		return false
	}
	if !toks[j].upper && s.isRoleWord(toks[j].key) {
		return true
	}
	if toks[j].key == "to" && j > 0 && toks[j-1].key == "according" {
		return true
	}
	if toks[j].key == "by" && j > 0 && s.t.is(lexByverbs, toks[j-1].key) {
		return true
	}
	if toks[j].key == "the" {
		j--
	}
	if _, country := s.gaz(from); !country || j < 1 || (toks[j].key != "to" && toks[j].key != "of") {
		return false
	}
	t := toks[j-1]
	return t.upper && s.t.is(lexTitles, t.key) && !s.t.is(lexPersonnouns, t.key)
}

// isRoleWord reports a lower-case word for what a person is or does,
// plurals and compounds too: "photographers", "singer-songwriter".
func (s *scene) isRoleWord(k string) bool {
	for _, w := range append([]string{k}, strings.Split(k, "-")...) {
		for _, f := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
			if s.t.is(lexTitles, f) || s.t.is(lexPersonnouns, f) {
				return true
			}
		}
	}
	return false
}

// cueAfter looks right of a name for a verb of saying, an age, a
// nationality in brackets, a relative, or an apposition followed by a
// verb of saying: "Okonjo said", "Varga, 52,", "Lindqvist (Sweden)",
// "Mbeki's wife", "Kiara Perkins, a second year art major, admitted".
func (s *scene) cueAfter(to int) bool {
	toks := s.a.toks
	i := to
	if i < len(toks) && toks[i].key == "," {
		if i+1 < len(toks) && (toks[i+1].key == "its" || toks[i+1].key == "which") {
			return false // "Mozilla Firefox, its main rival": a thing
		}
		if i+2 < len(toks) && toks[i+1].kind == tNum && toks[i+2].key == "," {
			return true
		}
		if s.apposition(i + 1) {
			return true
		}
		i++
	}
	if i >= len(toks) || toks[i].nl > 0 {
		return false
	}
	t := toks[i]
	switch {
	case t.kind == tWord && !t.upper && s.t.is(lexCues, t.key):
		return true
	case t.key == "'s" && i+1 < len(toks) && s.t.is(lexPossessions, toks[i+1].key):
		return true
	case t.key == "(" && i+2 < len(toks) && toks[i+2].key == ")":
		m, ok := s.gaz(i + 1)
		return ok && m.e.kind == kCountry
	}
	return false
}

// apposition reports ", a/an/the … person-word …," or one followed by a
// verb of saying, starting at i, just after the comma.
func (s *scene) apposition(i int) bool {
	toks := s.a.toks
	if i >= len(toks) || (toks[i].key != "a" && toks[i].key != "an" && toks[i].key != "the") {
		return false
	}
	for j := i + 1; j < len(toks) && j < i+10; j++ {
		t := toks[j]
		if t.kind == tPunct {
			if t.key != "," {
				return false
			}
			return j+1 < len(toks) && toks[j+1].kind == tWord && !toks[j+1].upper && s.t.is(lexCues, toks[j+1].key)
		}
		if !t.upper && s.isRoleWord(t.key) {
			return true
		}
	}
	return false
}

// saysRightAfter reports a verb of saying straight after a word:
// "Okonjo said", "Mohib told".
func (s *scene) saysRightAfter(i int) bool {
	toks := s.a.toks
	if i < len(toks) && toks[i].key == "," && i+1 < len(toks) && toks[i+1].key == "who" {
		return true
	}
	return i < len(toks) && toks[i].nl == 0 && toks[i].kind == tWord && !toks[i].upper && s.t.is(lexCues, toks[i].key) && toks[i].key != "who"
}

// recurs reports a word the article capitalises at least twice, once
// inside a sentence, as people's family names are: "Analysts said" at a
// sentence's start is no name.
func (s *scene) recurs(i int) bool {
	key := s.a.toks[i].key
	n, inside := 0, false
	for _, t := range s.a.toks {
		if t.key == key && t.upper && !s.a.lines[t.line].unsure {
			n++
			inside = inside || !t.sent
		}
	}
	return n >= 2 && inside
}

// roleJustBefore reports a role or person word right before a name,
// maybe across a comma: "fashion designer Halston", "their child, Gloria".
func (s *scene) roleJustBefore(i int) bool {
	toks := s.a.toks
	j := i - 1
	if j >= 0 && toks[j].key == "," {
		j--
	}
	return j >= 0 && toks[j].nl == 0 && toks[j].kind == tWord && !toks[j].upper && s.isRoleWord(toks[j].key)
}

// articleBefore reports "the" or "a" before a word: "the Sams", "a Marilyn".
func (s *scene) articleBefore(i int) bool {
	if i == 0 {
		return false
	}
	k := s.a.toks[i-1].key
	return k == "the" || k == "a" || k == "an"
}
