package extract

// knownBodies adds the organisations the gazetteers know by any of their
// names ("the Foreign Office", "UNESCO", "Da'esh") that the rules missed,
// as the article writes them, each body once however many names it has.
func (s *scene) knownBodies(rec *recognizer, orgs *ordered) {
	seen := set{}
	for _, name := range orgs.names {
		seen[canonicalBody(rec, name)] = true
	}
	toks := s.a.toks
	for i := 0; i < len(toks); {
		if !s.a.capital(i) && !(toks[i].caps && !s.a.credit[i]) || s.person[i] || s.taken[i] {
			i++
			continue
		}
		end := i
		for end < len(toks) && end < i+6 && (end == i || toks[end].nl == 0) && toks[end].kind == tWord && toks[end].upper && !s.person[end] && !s.taken[end] {
			end++
		}
		found := false
		for j := end; j > i; j-- {
			o, ok := rec.gaz.Organization(s.text(i, j))
			if !ok {
				continue
			}
			if !seen[o.Name] {
				seen[o.Name] = true
				orgs.add(s.text(i, j), toks[i].start)
			}
			i, found = j, true
			break
		}
		if !found {
			i++
		}
	}
}

// canonicalBody is the gazetteer's name for an organisation, or the name.
func canonicalBody(rec *recognizer, name string) string {
	if o, ok := rec.gaz.Organization(name); ok {
		return o.Name
	}
	return name
}
