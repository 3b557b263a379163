package extract

// A peer or royal is often named by title alone: "the Duchess of
// Wessex", "the Duke and Duchess of Sussex". The title names one person,
// so it is a person's name, though no given name or surname is in it.

// nobleTitles open a title that names one person when "of" and a place
// follow.
var nobleTitles = set{"duke": true, "duchess": true, "prince": true, "princess": true, "earl": true,
	"countess": true, "marquess": true, "marchioness": true, "viscount": true, "viscountess": true,
	"baron": true, "baroness": true}

// peerTitles are only ever of a place; a prince or princess may be of
// anything, so there the place must be one the gazetteer knows.
var peerTitles = set{"duke": true, "duchess": true, "earl": true, "countess": true, "marquess": true,
	"marchioness": true, "viscount": true, "viscountess": true}

// nobles returns the people named by a noble title, and marks their
// tokens so no other recogniser reads "Wessex" as a place or "Anne
// Duchess" as a name.
func (s *scene) nobles() []personMention {
	toks := s.a.toks
	var out []personMention
	for i := 0; i < len(toks); i++ {
		if !s.a.capital(i) && !(toks[i].upper && s.a.lines[toks[i].line].unsure) || !nobleTitles[toks[i].key] {
			continue
		}
		// "Duke and Duchess of Sussex": two titles share one place.
		titles := []int{i}
		j := i + 1
		if j+1 < len(toks) && toks[j].key == "and" && nobleTitles[toks[j+1].key] && toks[j+1].upper {
			titles = append(titles, j+1)
			j += 2
		}
		if j+1 >= len(toks) || toks[j].key != "of" || toks[j].nl > 0 || !toks[j+1].upper || toks[j+1].nl > 0 {
			continue
		}
		if !peerTitles[toks[i].key] && s.gazAt[j+1] < 0 {
			continue // "Prince of Poets" is a show; "Prince of Wales" a person
		}
		end := j + 1
		for end < len(toks) && end < j+3 && toks[end].upper && toks[end].kind == tWord && toks[end].nl == 0 {
			end++
		}
		for _, t := range titles {
			m := personMention{from: t, to: end, str: certain}
			for _, k := range append([]int{t}, seq(j, end)...) {
				m.words = append(m.words, toks[k].text)
				m.keys = append(m.keys, toks[k].key)
			}
			out = append(out, m)
		}
		from := i
		// "Anne, Duchess of Wessex": the given name before the
		// title is the same person, not another.
		if i >= 2 && toks[i-1].key == "," && s.a.capital(i-2) && (i < 3 || !toks[i-3].upper || toks[i-3].nl > 0) {
			from = i - 2
		}
		// "Anne Duchess of Wessex" in a headline likewise.
		if i >= 1 && s.isGiven(toks[i-1].key) && toks[i-1].upper && toks[i].nl == 0 {
			from = i - 1
		}
		if from < i {
			s.nobleAlias[toks[from].key] = true
		}
		for k := from; k < end; k++ {
			s.noble[k] = true
		}
		i = end - 1
	}
	return out
}

func seq(from, to int) []int {
	out := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// cutAtNoble shortens a run of capitals that runs into a noble title:
// "Anne Duchess of Wessex" leaves "Anne".
func (s *scene) cutAtNoble(c span) span {
	for i := c.from; i < c.to; i++ {
		if s.noble[i] {
			return span{c.from, i}
		}
	}
	return c
}

// dropNobleAliases removes the people named only by a given name that the
// article gives as a titled person's: "Anne" where it wrote "Anne, Duchess
// of Wessex".
func (s *scene) dropNobleAliases(cs []*personCluster) []*personCluster {
	if len(s.nobleAlias) == 0 {
		return cs
	}
	out := cs[:0]
	for _, c := range cs {
		if c.name.single() && s.nobleAlias[c.name.keys[0]] {
			continue
		}
		out = append(out, c)
	}
	return out
}
