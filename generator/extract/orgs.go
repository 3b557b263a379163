package extract

import "strings"

// organizations finds the bodies an article names: known ones by any short
// form, names ending in an organisation word ("Supreme National Security
// Council"), and abbreviations the article spells out, which then stand
// for the full name wherever they recur ("SNSC").
func (s *scene) organizations(ps []phrase) *ordered {
	orgs := newOrdered()
	acronyms := s.acronyms()
	for _, p := range ps {
		p = s.joinDashed(p)
		last := s.a.toks[p.head.to-1].key
		joined := p.to > p.head.to
		if (!s.t.is(lexOrgwords, last) && !s.dashedOrg(p)) || s.hasPerson(p.from, p.to) {
			continue
		}
		p.from = s.withOrdinal(p.from)
		if s.wordsIn(p.from, p.to) < 2 && !joined {
			continue
		}
		if g, ok := s.gaz(p.from); ok && g.e.kind == kOrg && g.to >= p.to {
			continue // a known body, listed under its usual name below
		}
		name := s.text(p.from, p.to)
		orgs.add(name, s.a.toks[p.from].start)
		s.take(p.from, p.to)
	}
	for _, m := range s.matches {
		if m.e.kind == kOrg && !s.person[m.from] {
			name := m.e.name
			// The article's own spelled-out name wins over the table's
			// short form, so "KCNA" and "Korean Central News Agency" are one.
			if full, ok := acronyms[name]; ok {
				name = full
			}
			orgs.add(name, s.a.toks[m.from].start)
		}
	}
	for i, t := range s.a.toks {
		if full, ok := acronyms[t.text]; ok && t.caps {
			orgs.add(full, t.start)
			s.take(i, i+1)
		}
		if s.standsAlone(i) {
			orgs.add(t.text, t.start)
		}
	}
	return orgs
}

func (s *scene) take(from, to int) {
	for i := from; i < to; i++ {
		s.taken[i] = true
	}
}

// acronyms maps each abbreviation the article defines in brackets to the
// name before it whose capitals spell it: "Supreme National Security
// Council (SNSC)".
func (s *scene) acronyms() map[string]string {
	out := map[string]string{}
	toks := s.a.toks
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].key != "(" || toks[i+2].key != ")" || !toks[i+1].caps {
			continue
		}
		acr := toks[i+1].text
		if from, ok := s.spells(acr, i); ok {
			out[acr] = s.text(from, i)
		}
	}
	return out
}

// spells walks back from the bracket at end, matching the abbreviation's
// letters to capitalised words' initials, skipping small joining words.
func (s *scene) spells(acr string, end int) (int, bool) {
	letters := []rune(strings.ReplaceAll(strings.ReplaceAll(acr, ".", ""), "&", ""))
	toks := s.a.toks
	k := len(letters) - 1
	i := end - 1
	for ; i >= 0 && k >= 0; i-- {
		t := toks[i]
		if t.line != toks[end].line || t.kind != tWord {
			return 0, false
		}
		if !t.upper {
			if connectors[t.key] || t.key == "the" || t.key == "and" || t.key == "in" || t.key == "of" {
				continue
			}
			return 0, false
		}
		first := []rune(t.text)[0]
		if first != letters[k] {
			return 0, false
		}
		k--
		// A hyphenated word may give two letters: "Co-operation".
		if parts := strings.Split(t.text, "-"); len(parts) > 1 && k >= 0 {
			if p := []rune(parts[len(parts)-1]); len(p) > 0 && p[0] == letters[k+1] {
				continue
			}
		}
	}
	if k >= 0 {
		return 0, false
	}
	return i + 1, true
}

// joinDashed extends a name across a dash written without spaces, which
// joins two names into one: "Joint Task Force–Northern Shield".
func (s *scene) joinDashed(p phrase) phrase {
	toks := s.a.toks
	for p.to+1 < len(toks) && (toks[p.to].key == "–" || toks[p.to].key == "—") &&
		toks[p.to].start == toks[p.to-1].end && toks[p.to+1].start == toks[p.to].end && s.a.capital(p.to+1) {
		end := p.to + 1
		for end < len(toks) && toks[end].nl == 0 && s.a.capital(end) && !s.t.is(lexTitles, toks[end].key) {
			end++
		}
		p.to = end
	}
	return p
}

// dashedOrg reports a name that runs on past an organisation word joined
// by a hyphen: "Joint Task Force-Operation Northern Shield".
func (s *scene) dashedOrg(p phrase) bool {
	for i := p.from; i < p.to; i++ {
		k := s.a.toks[i].key
		if j := strings.IndexAny(k, "-‐‑"); j > 0 && s.t.is(lexOrgwords, k[:j]) && s.wordsIn(p.from, i) >= 1 {
			return true
		}
	}
	return false
}

// withOrdinal takes in a unit's number before its name: "507th Air
// Refueling Wing".
func (s *scene) withOrdinal(from int) int {
	toks := s.a.toks
	if from == 0 || toks[from-1].nl > 0 {
		return from
	}
	k := toks[from-1].key
	digits := strings.TrimLeft(k, "0123456789")
	if len(digits) < len(k) && (digits == "st" || digits == "nd" || digits == "rd" || digits == "th") {
		return from - 1
	}
	return from
}

// allianceWords name a body when capitalised on their own: "the
// Coalition" is the international coalition a security story is about.
var allianceWords = set{"coalition": true, "alliance": true}

// standsAlone reports "Coalition" capitalised inside a sentence.
func (s *scene) standsAlone(i int) bool {
	t := s.a.toks[i]
	if t.kind != tWord || !t.upper || t.caps || !allianceWords[t.key] || s.taken[i] || !s.a.capital(i) {
		return false
	}
	if i+1 < len(s.a.toks) && s.a.capital(i+1) && s.a.toks[i+1].nl == 0 && !s.a.toks[i+1].sent {
		return false // part of a longer name: "Coalition Provisional Authority"
	}
	return !t.sent || (i > 0 && s.a.toks[i-1].key == "the")
}
