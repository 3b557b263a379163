package extract

// A name the reader is unsure of is worse in the front matter than
// missing from it: a wrong person reaches the front page, a missing one
// the analyst adds in a moment. So a name below the bar is not filed but
// reported, with how sure the reader was and why it held back.

// Doubt is a name the reader found and did not file.
type Doubt struct {
	Kind       string  // "people", as the front matter key
	Name       string  // as the article writes it
	Confidence float32 // 0 to 1: how likely the reader thinks the name is right
	Why        string  // what held it back, for the analyst
}

// doubt records a mention held back from the people.
func (s *scene) doubt(m personMention, conf float32, why string) {
	s.doubts = append(s.doubts, heldBack{m: m, d: Doubt{Kind: "people", Name: s.text(m.from, m.to), Confidence: conf, Why: why}})
}

// heldBack is a doubt with the mention behind it, to compare with the
// people that were filed.
type heldBack struct {
	m personMention
	d Doubt
}

// doubtful lists the held-back names that no filed person covers, each
// once, in the order the article names them.
func (s *scene) doubtful(filed []*personCluster) []Doubt {
	var out []Doubt
	seen := set{}
	for _, h := range s.doubts {
		if covered(h.m, filed) || seen[h.d.Name] {
			continue
		}
		seen[h.d.Name] = true
		out = append(out, h.d)
	}
	return out
}

// covered reports a mention that names one of the filed people.
func covered(m personMention, filed []*personCluster) bool {
	for _, c := range filed {
		for _, f := range c.fulls {
			if sameFullName(f.keys, m.keys) {
				return true
			}
		}
		if m.single() && c.name.surname() == m.keys[0] {
			return true
		}
	}
	return false
}
