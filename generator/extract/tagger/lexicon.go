package tagger

import "unicode"

// lexicon is a hashed set of the words the training text mostly writes in
// lower case. A capitalised word at a sentence start or in a headline is a
// name far less often when the word is usually written small ("Prices",
// "Officials"), and this set carries that knowledge to words the tagger saw
// too seldom to have weights of their own.
type lexicon []uint64

// lexiconBits is the size of the set; collisions only blur a weak feature.
const lexiconBits = 1 << 20

func (l lexicon) slot(lower string) (int, uint64) {
	h := uint32(newHash(0).str(lower)) % lexiconBits
	return int(h / 64), 1 << (h % 64)
}

func (l lexicon) has(lower string) bool {
	if len(l) == 0 {
		return false
	}
	i, bit := l.slot(lower)
	return l[i]&bit != 0
}

// buildLexicon counts, for each word, how often running text writes it
// with a small and a capital first letter, leaving out sentence starts and
// headlines where capitals are forced.
func buildLexicon(examples []Example) lexicon {
	type count struct{ small, capital int }
	counts := map[string]*count{}
	for _, ex := range examples {
		for i, t := range ex.Tokens {
			if i == 0 || t.Headline || t.Text == "" {
				continue
			}
			w := newWord(t)
			if !w.letter {
				continue
			}
			c := counts[w.lower]
			if c == nil {
				c = &count{}
				counts[w.lower] = c
			}
			if unicode.IsUpper([]rune(t.Text)[0]) {
				c.capital++
			} else {
				c.small++
			}
		}
	}
	lex := make(lexicon, lexiconBits/64)
	for word, c := range counts {
		if c.small >= 2 && c.small > 2*c.capital {
			i, bit := lex.slot(word)
			lex[i] |= bit
		}
	}
	return lex
}
