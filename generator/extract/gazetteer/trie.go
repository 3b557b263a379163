package gazetteer

import "sort"

// node indexes phrases by their tokens' folded keys, so Mark finds the
// longest phrase at a token in one walk.
type node struct {
	next    map[string]*node
	entries []*entry // phrases ending here, in the order lookups prefer them
}

// entry is one spelling of one gazetteer phrase.
type entry struct {
	form    []string // tokens as the data spells them
	shapes  []shape  // their capitalisation, which text must honour
	class   Class
	country string // the country the phrase stands for or lies in
	place   *Place
	org     *Org
	rank    int // lower is preferred among entries of one spelling
}

// finish puts every node's entries in rank order, keeping file order
// within a rank (cities are written most populous first), and folds a
// GeoNames city into the capital it is: the capital gains the population
// and the city row goes, so Places("Paris") lists Paris, France once.
func (n *node) finish() {
	sort.SliceStable(n.entries, func(i, j int) bool { return n.entries[i].rank < n.entries[j].rank })
	capitals := map[string]*Place{}
	for _, e := range n.entries {
		if e.place != nil && e.place.Kind == Capital && e.place.Population == 0 {
			capitals[e.country] = e.place
		}
	}
	if len(capitals) > 0 {
		kept := make([]*entry, 0, len(n.entries))
		for _, e := range n.entries {
			if c := capitals[e.country]; c != nil && e.place != nil && e.place.Kind == City && c.Population == 0 {
				c.Population = e.place.Population
				continue
			}
			kept = append(kept, e)
		}
		n.entries = kept
	}
	for _, c := range n.next {
		c.finish()
	}
}

func (n *node) child(key string) *node {
	if n.next == nil {
		n.next = map[string]*node{}
	}
	c := n.next[key]
	if c == nil {
		c = &node{}
		n.next[key] = c
	}
	return c
}

// matches reports whether tokens (with their shapes) are spelt as e allows:
// an acronym only as written, a capitalised word only capitalised, a
// lower-case word ("of", "la") in any case.
func (e *entry) matches(tokens []string, shapes []shape) bool {
	for i, want := range e.shapes {
		switch want {
		case shapeCaps:
			if tokens[i] != e.form[i] {
				return false
			}
		case shapeUpper:
			// Two or three capitals alone are an acronym, not a name in
			// a headline: "UN" is not the town of Un, while "NEW YORK" is
			// New York.
			if shapes[i] == shapeLower || shapes[i] == shapeCaps && len(tokens[i]) <= 3 && len(e.shapes) == 1 {
				return false
			}
		}
	}
	return true
}

// lookup returns the entries spelt as name, whole, best first.
func (s *Set) lookup(name string) []*entry {
	toks := Tokens(name)
	if len(toks) == 0 {
		return nil
	}
	shapes := make([]shape, len(toks))
	n := &s.root
	for i, t := range toks {
		shapes[i] = shapeOf(t)
		if n = n.next[Fold(t)]; n == nil {
			return nil
		}
	}
	var out []*entry
	for _, e := range n.entries {
		if e.matches(toks, shapes) {
			out = append(out, e)
		}
	}
	return out
}
