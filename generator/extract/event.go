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

// event picks the one event the article is chiefly about. A named event
// ("Delhi Regional Security Dialogue") and a described one ("the attack
// in the Harbour district") compete on where they stand and how often the
// article comes back to them: a conference mentioned in passing loses to
// the talks of the headline. "" when nothing is salient enough.
func (s *scene) event(ps []phrase) string {
	lead := s.a.leadEnd()
	named, namedScore := s.namedEvent(ps, lead)
	told, toldScore := s.describedEvent(lead)
	switch {
	case namedScore >= minEventScore && namedScore+namedBonus >= toldScore:
		// The guidelines' first choice is an event's own name; a described
		// one wins only when the story plainly dwells on it more.
		return named
	case toldScore >= minEventScore:
		return told
	}
	return ""
}

// minEventScore is what an event needs to be the article's: named in the
// headline, or in the lead and once more.
const minEventScore = 3

// namedBonus is how far a named event may trail a described one and still
// be chosen.
const namedBonus = 2

// namedEvent is the best-placed named event and its score: each mention
// counts one, a mention in the headline three more, in the lead two more.
func (s *scene) namedEvent(ps []phrase, lead int) (string, int) {
	var cands []*eventCandidate
	for _, p := range ps {
		p = s.trimDay(p)
		if !s.isEvent(p) {
			continue
		}
		keys := s.keys(p.from, p.to)
		for i, k := range keys {
			keys[i] = stem(k) // "World Cups" and "World Cup" are one event
		}
		c := &eventCandidate{name: s.text(p.from, p.to), keys: keys, first: p.from}
		merged := false
		for _, o := range cands {
			switch {
			case within(keys, o.keys):
				if len(keys) == len(o.keys) && s.t.is(lexEventwords, s.a.toks[p.to-1].key) {
					o.name = c.name // the singular, "World Cup", names it
				}
				merged = true
			case within(o.keys, keys):
				o.name, o.keys = c.name, keys
				merged = true
			}
			if merged {
				c = o
				break
			}
		}
		if !merged {
			cands = append(cands, c)
		}
		c.count += 1 + s.a.placeWeight(p.from, lead) + s.framing(p.from)
		s.take(p.from, p.to)
	}
	var best *eventCandidate
	for _, c := range cands {
		if best == nil || c.count > best.count {
			best = c
		}
	}
	if best == nil {
		return "", 0
	}
	return best.name, best.count
}

// framing weighs a story that files itself under an event: "as part of
// Operation Silent Harbour", "in support of Exercise Eager Lion".
func (s *scene) framing(i int) int {
	toks := s.a.toks
	if i >= 2 && toks[i-1].key == "of" && (toks[i-2].key == "part" || toks[i-2].key == "support") {
		return 4
	}
	return 0
}

// placeWeight is what a mention at token i adds for where it stands.
func (a *article) placeWeight(i, lead int) int {
	switch {
	case a.lines[a.toks[i].line].role == roleTitle:
		return 3
	case i < lead:
		return 2
	}
	return 0
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
	if s.t.is(lexEventprefix, first) && toks[p.from].upper {
		return true
	}
	if !s.t.is(lexEventwords, last) && !s.t.is(lexEventwords, strings.TrimSuffix(last, "s")) {
		return false // "World Cups" is the World Cup's plural
	}
	// "Last Round" or "Final Series" name nothing: some word must be a name,
	// as "World" is when a sentence capitalises it in "the World Cup".
	for i := p.from; i < p.head.to-1; i++ {
		k := toks[i].key
		if toks[i].kind != tWord || s.t.is(lexEventwords, k) || ordinalWords[k] {
			continue
		}
		if !s.t.is(lexNotnames, k) || (toks[i].upper && !toks[i].sent) {
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

// ordinalWords rank an event among others of its kind without naming it.
var ordinalWords = set{"last": true, "final": true, "first": true, "second": true, "third": true, "next": true,
	"previous": true, "new": true, "latest": true, "semi": true, "quarter": true, "opening": true, "closing": true}

// trimDay drops a day or month glued onto a name by a missing comma:
// "won the Westland Cup Sunday".
func (s *scene) trimDay(p phrase) phrase {
	toks := s.a.toks
	for p.to-p.from > 1 && p.to == p.head.to && (weekdays[toks[p.to-1].key] || months[toks[p.to-1].key]) {
		p.to--
		p.head.to--
	}
	return p
}
