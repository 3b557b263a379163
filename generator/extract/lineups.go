package extract

// Sports reports end with line-ups: "Rovers: Smith; Jones, Okafor (capt),
// Brennan; Replacements: Diaz, Kowalski." Each item is a player, most of
// them named by family name alone and nowhere else in the story, so no
// cue a sentence gives is there to find them. A line that is a long list
// of short capitalised items after a label is read as such a list.

// minLineup is how many items make a line a line-up rather than a list of
// places or teams in prose.
const minLineup = 5

// lineupPeople returns the players of every line-up line, and marks the
// lines so the ordinary recognisers leave them alone.
func (s *scene) lineupPeople() []personMention {
	var out []personMention
	after := false // the line before was a line-up: its bench may be short
	for li := range s.a.lines {
		l := &s.a.lines[li]
		if l.first == l.last || l.role == roleChrome {
			continue
		}
		items, ok := s.lineupItems(l)
		if !ok || (len(items) < minLineup && !(after && len(items) >= 2)) {
			after = false
			continue
		}
		after = true
		for _, it := range items {
			m := personMention{from: it.from, to: it.to, str: certain}
			for i := it.from; i < it.to; i++ {
				m.words = append(m.words, s.a.toks[i].text)
				m.keys = append(m.keys, s.a.toks[i].key)
			}
			out = append(out, m)
		}
		s.lineup[li] = true
	}
	return out
}

// lineupItems splits a line after its "Label:" into items at commas and
// semicolons. Every item must be one to three capitalised words, maybe
// followed by a bracketed note ("(capt)", "(Jones 60)"), and none may be a
// known place or body, or the line is no line-up.
func (s *scene) lineupItems(l *line) ([]span, bool) {
	toks := s.a.toks
	start := -1
	for i := l.first; i < l.last && i < l.first+4; i++ {
		if toks[i].key == ":" {
			start = i + 1
			break
		}
	}
	if start < 0 {
		return nil, false
	}
	var items []span
	from := start
	for i := start; i <= l.last; i++ {
		end := i == l.last || toks[i].key == "," || toks[i].key == ";" || (toks[i].key == "." && i == l.last-1)
		if !end {
			continue
		}
		it, ok := s.lineupItem(from, i)
		if !ok {
			return nil, false
		}
		if it.to > it.from {
			items = append(items, it)
		}
		from = i + 1
	}
	return items, true
}

// lineupItem checks one item [from, to) and returns its name's span.
func (s *scene) lineupItem(from, to int) (span, bool) {
	toks := s.a.toks
	if from >= to {
		return span{from, from}, true // "…, ;" leaves an empty item
	}
	end := from
	for end < to && toks[end].kind == tWord && toks[end].upper && !toks[end].caps {
		end++
	}
	n := end - from
	if n == 0 || n > 3 {
		return span{}, false
	}
	if end < to {
		// Only a bracketed note may follow the name.
		if toks[end].key != "(" || toks[to-1].key != ")" {
			return span{}, false
		}
	}
	for i := from; i < end; i++ {
		if s.gazAt[i] >= 0 || s.t.is(lexNotnames, toks[i].key) || s.headWord(toks[i].key) {
			return span{}, false
		}
	}
	return span{from, end}, true
}
