package extract

import "strings"

// personCluster gathers the ways one article names one person.
type personCluster struct {
	name    personMention   // the fullest mention, shown as the person's name
	fulls   []personMention // every mention of two words or more
	str     strength
	first   int // token of the first mention, to list people in order
	singles int // lone-word mentions folded in
}

// clusterPeople merges full names that differ only by a middle name, an
// initial or a letter or two, then folds family-name-only mentions and
// near-misspellings ("Shamkahni") into them. A lone word that matches no
// one stays a person only when a title or verb of saying vouched for it.
func clusterPeople(ms []personMention) []*personCluster {
	var cs []*personCluster
	for _, m := range ms {
		if m.single() {
			continue
		}
		if c := findFull(cs, m); c != nil {
			c.add(m)
			continue
		}
		cs = append(cs, &personCluster{name: m, fulls: []personMention{m}, str: m.str, first: m.from})
	}
	for _, m := range ms {
		if !m.single() {
			continue
		}
		if c := findSingle(cs, m.keys[0]); c != nil {
			c.singles++
			c.str = max(c.str, m.str)
			c.first = min(c.first, m.from)
			continue
		}
		if m.str >= likely {
			cs = append(cs, &personCluster{name: m, fulls: []personMention{m}, str: m.str, first: m.from})
		}
	}
	out := cs[:0]
	for _, c := range cs {
		if c.str >= likely {
			out = append(out, c)
		}
	}
	return out
}

func (c *personCluster) add(m personMention) {
	c.fulls = append(c.fulls, m)
	c.str = max(c.str, m.str)
	c.first = min(c.first, m.from)
	if len(m.keys) > len(c.name.keys) {
		c.name = m
	}
}

func findFull(cs []*personCluster, m personMention) *personCluster {
	for _, c := range cs {
		for _, f := range c.fulls {
			if sameFullName(f.keys, m.keys) {
				return c
			}
		}
	}
	return nil
}

// findSingle picks the person a lone word refers to: the family name
// first, then any other name, then a near spelling of the family name.
func findSingle(cs []*personCluster, key string) *personCluster {
	k := bare(key)
	for pass := 0; pass < 3; pass++ {
		for i := len(cs) - 1; i >= 0; i-- {
			for _, f := range cs[i].fulls {
				if singleMatches(f, k, pass) {
					return cs[i]
				}
			}
		}
	}
	return nil
}

func singleMatches(f personMention, k string, pass int) bool {
	sur := bare(f.surname())
	switch pass {
	case 0:
		return sur == k
	case 1:
		if len(k) < 3 {
			return false
		}
		for _, w := range f.keys {
			if bare(w) == k {
				return true
			}
		}
		return false
	default:
		return len(k) >= 5 && near(sur, k)
	}
}

// sameFullName reports two full names of one person: equal but for
// hyphens and accents, a letter or two, an initial, or a middle name.
func sameFullName(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if strings.Join(bareAll(a), "") == strings.Join(bareAll(b), "") {
		return true
	}
	if !compatible(a[0], b[0]) || !compatible(a[len(a)-1], b[len(b)-1]) {
		return len(a) < len(b) && subsequence(a, b)
	}
	if len(a) == len(b) {
		for i := range a {
			if !compatible(a[i], b[i]) {
				return false
			}
		}
		return true
	}
	return subsequence(a, b)
}

func bareAll(ks []string) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = bare(k)
	}
	return out
}

// subsequence reports whether short's words appear in long in order,
// starting with long's first word: "Raymond Chan" in "Raymond Chan
// Chi-chuen", "Michael Murillo" in "Michael Amir Murillo".
func subsequence(short, long []string) bool {
	if !compatible(short[0], long[0]) {
		return false
	}
	j := 1
	for _, w := range short[1:] {
		for j < len(long) && !compatible(w, long[j]) {
			j++
		}
		if j == len(long) {
			return false
		}
		j++
	}
	return true
}

// compatible reports two name words that may be one: equal, an initial
// and a name it abbreviates, or a near spelling.
func compatible(x, y string) bool {
	x, y = bare(x), bare(y)
	if x == y {
		return true
	}
	if len(x) == 1 || len(y) == 1 {
		return x != "" && y != "" && x[0] == y[0]
	}
	return near(x, y)
}

// near allows one edit in a word of five letters or more and two in one
// of eight or more; a transposition counts as one edit.
func near(x, y string) bool {
	n := min(len(x), len(y))
	limit := 0
	switch {
	case n >= 8:
		limit = 2
	case n >= 5:
		limit = 1
	}
	return limit > 0 && editDistance(x, y, limit) <= limit
}

// editDistance is the optimal-string-alignment distance between x and y,
// giving up once it must exceed limit.
func editDistance(x, y string, limit int) int {
	a, b := []rune(x), []rune(y)
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// display is a person's name as the article spells it in full.
func (c *personCluster) display() string { return strings.Join(c.name.words, " ") }
