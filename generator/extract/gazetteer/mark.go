package gazetteer

// Mark returns the class bits of each word, the words given as written,
// one token each with punctuation apart (as Tokens splits them). At each
// position the longest phrase that matches, honouring capitalisation,
// claims its tokens; word lists (given names, titles, organisation and
// event words) add their bits to every token regardless.
func (s *Set) Mark(words []string) []Class {
	out := make([]Class, len(words))
	keys := make([]string, len(words))
	shapes := make([]shape, len(words))
	for i, w := range words {
		keys[i] = Fold(w)
		shapes[i] = shapeOf(w)
		if we, ok := s.words[keys[i]]; ok {
			out[i] |= we.any
			if shapes[i] != shapeLower {
				out[i] |= we.upper
			}
		}
	}
	for i := 0; i < len(words); {
		n, best, bits := &s.root, 0, Class(0)
		for j := i; j < len(words); j++ {
			if n = n.next[keys[j]]; n == nil {
				break
			}
			var c Class
			allAmbiguous := true
			for _, e := range n.entries {
				if e.matches(words[i:j+1], shapes[i:j+1]) {
					c |= e.class
					allAmbiguous = allAmbiguous && e.class&Ambiguous != 0
				}
			}
			if !allAmbiguous {
				// One plain reading ("Georgia" the country) outweighs
				// the doubtful ones.
				c &^= Ambiguous
			}
			if c != 0 {
				best, bits = j+1-i, c
			}
		}
		if best == 0 {
			i++
			continue
		}
		for k := i; k < i+best; k++ {
			out[k] |= bits
			if best > 1 {
				if k == i {
					out[k] |= Begin
				} else {
					out[k] |= Inside
				}
			}
		}
		i += best
	}
	return out
}
