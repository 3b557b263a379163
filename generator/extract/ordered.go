package extract

import (
	"sort"

	"github.com/briefing-digest/briefing/generator"
)

// ordered collects names once each, by slug, and lists them in the order
// the article first mentions them.
type ordered struct {
	pos   map[string]int
	names map[string]string
}

func newOrdered() *ordered { return &ordered{pos: map[string]int{}, names: map[string]string{}} }

func (o *ordered) add(name string, pos int) {
	slug := generator.Slugify(name)
	if slug == "" {
		return
	}
	if p, ok := o.pos[slug]; ok && p <= pos {
		return
	}
	if _, ok := o.names[slug]; !ok {
		o.names[slug] = name
	}
	o.pos[slug] = pos
}

// list returns the names by first mention; never nil.
func (o *ordered) list() []string {
	out := make([]string, 0, len(o.names))
	for _, n := range o.names {
		out = append(out, n)
	}
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := o.pos[generator.Slugify(out[i])], o.pos[generator.Slugify(out[j])]
		if pi != pj {
			return pi < pj
		}
		return out[i] < out[j]
	})
	return out
}
