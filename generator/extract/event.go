package extract

import "strings"

// eventCandidate is one named event and how often the article names it,
// counting short forms ("the Delhi Dialogue").
type eventCandidate struct {
	name  string
	keys  []string
	first int
	count int
}

// event picks the named meeting, exercise, attack or agreement the article
// is about: the event named most often, the earlier one on a tie, in its
// longest form. "" when the article names none.
func (s *scene) event(ps []phrase) string {
	var cands []*eventCandidate
	for _, p := range ps {
		if !s.isEvent(p) {
			continue
		}
		keys := s.keys(p.from, p.to)
		c := &eventCandidate{name: s.text(p.from, p.to), keys: keys, first: p.from, count: 1}
		merged := false
		for _, o := range cands {
			switch {
			case within(keys, o.keys):
				o.count++
				merged = true
			case within(o.keys, keys):
				o.name, o.keys = c.name, keys
				o.count++
				merged = true
			}
			if merged {
				break
			}
		}
		if !merged {
			cands = append(cands, c)
		}
		s.take(p.from, p.to)
	}
	var best *eventCandidate
	for _, c := range cands {
		if best == nil || c.count > best.count {
			best = c
		}
	}
	if best == nil {
		return ""
	}
	return best.name
}

func (s *scene) isEvent(p phrase) bool {
	toks := s.a.toks
	last := toks[p.head.to-1].key
	first := toks[p.from].key
	if s.hasPerson(p.from, p.to) || s.wordsIn(p.from, p.to) < 2 {
		return false
	}
	if p.from > 0 && toks[p.from-1].text == "The" && !toks[p.from-1].sent {
		return false // a work's title: "Batman: The Animated Series"
	}
	if s.t.is("eventprefix", first) && toks[p.from].upper {
		return true
	}
	if !s.t.is("eventwords", last) {
		return false
	}
	// "Last Round" or "Final Series" name nothing: some word must be a name.
	for i := p.from; i < p.head.to-1; i++ {
		if k := toks[i].key; toks[i].kind == tWord && !s.t.is("notnames", k) && !s.t.is("eventwords", k) {
			return true
		}
	}
	return false
}

func (s *scene) keys(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		if s.a.toks[i].kind == tWord {
			out = append(out, s.a.toks[i].key)
		}
	}
	return out
}

// within reports a short form of a longer name: every word of short is in
// long, and both end on the same word ("Delhi Dialogue" in "Delhi Regional
// Security Dialogue on Afghanistan").
func within(short, long []string) bool {
	if len(short) > len(long) {
		return false
	}
	in := set{}
	for _, k := range long {
		in[k] = true
	}
	for _, k := range short {
		if !in[k] {
			return false
		}
	}
	return strings.Join(short, " ") == strings.Join(long, " ") || lastHead(short) == lastHead(long) || short[len(short)-1] == long[len(long)-1]
}

// lastHead is the event word of a name that runs on past it: "Dialogue"
// in "Delhi Regional Security Dialogue on Afghanistan".
func lastHead(keys []string) string {
	for i := len(keys) - 1; i >= 0; i-- {
		if connectors[keys[i]] && i > 0 {
			return keys[i-1]
		}
	}
	return keys[len(keys)-1]
}
