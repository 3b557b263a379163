package render

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefing-digest/briefing/generator"
	"github.com/briefing-digest/briefing/generator/svgmap"
)

// Coverage is what the map partial draws: every country's outline shaded
// by how many of some articles name it, and the same as a list.
type Coverage struct {
	Width, Height int
	Label         string       // the map's accessible name: what it counts
	Shapes        []MapCountry // the outlines, A–Z
	Listed        []MapCountry // the countries named, most articles first, drawn or not
	Legend        []svgmap.Step
	Max           int
}

// MapCountry is a country on the map.
type MapCountry struct {
	Name  string
	Path  string          // SVG path data; "" for a country too small to draw
	Term  *generator.Term // its page, nil if no article names it
	Count int
	Level int // its shade, 0 to svgmap.Levels
}

// Coverage is the map of the countries this page's articles name: the
// week's on an issue page, the whole site's on the home page and the
// countries index, nil on other pages or when the site has no countries.
func (p *Page) Coverage() (*Coverage, error) {
	tax := p.Site.Taxonomy("countries")
	if tax == nil || p.Kind == "taxonomy" && p.Taxonomy != tax {
		return nil, nil
	}
	var counts []generator.TermCount
	what := "all articles"
	switch {
	case p.Kind == "issue" && p.Issue != nil:
		counts = issueCounts(p.Site, p.Issue)
		what = "this week's articles"
	case p.Kind == "home" || p.Kind == "taxonomy":
		for _, t := range tax.Terms {
			counts = append(counts, generator.TermCount{Term: t, Count: len(t.Entries)})
		}
	default:
		return nil, nil
	}
	if len(counts) == 0 {
		return nil, nil
	}
	w, err := svgmap.Load()
	if err != nil {
		return nil, err
	}
	return coverage(w, counts, what), nil
}

// coverage shades w's countries by counts, which are most first.
func coverage(w *svgmap.World, counts []generator.TermCount, what string) *Coverage {
	c := &Coverage{Width: w.Width, Height: w.Height, Max: counts[0].Count,
		Listed: make([]MapCountry, 0, len(counts)), Shapes: make([]MapCountry, 0, len(w.Countries))}
	byCountry := map[*svgmap.Country]int{} // → index in c.Listed
	for _, tc := range counts {
		mc := MapCountry{Name: tc.Term.Name, Term: tc.Term, Count: tc.Count, Level: svgmap.Level(tc.Count, c.Max)}
		if country := w.Lookup(tc.Term.Name); country != nil {
			if _, dup := byCountry[country]; !dup {
				byCountry[country] = len(c.Listed)
				mc.Path = country.Path
			}
		}
		c.Listed = append(c.Listed, mc)
	}
	for _, country := range w.Countries {
		if country.Path == "" {
			continue
		}
		if i, ok := byCountry[country]; ok {
			c.Shapes = append(c.Shapes, c.Listed[i])
			continue
		}
		c.Shapes = append(c.Shapes, MapCountry{Name: country.Name, Path: country.Path})
	}
	c.Legend = svgmap.Legend(c.Max)
	drawn := 0
	for _, mc := range c.Listed {
		if mc.Path != "" {
			drawn++
		}
	}
	c.Label = fmt.Sprintf("World map of the %s named in %s, shaded by number of articles: %s on the map", countryWord(len(c.Listed)), what, countryWord(drawn))
	return c
}

func countryWord(n int) string {
	if n == 1 {
		return "1 country"
	}
	return fmt.Sprintf("%d countries", n)
}

// issueCounts counts the countries a week's articles name, most first,
// then A–Z.
func issueCounts(s *generator.Site, is *generator.Issue) []generator.TermCount {
	n := map[*generator.Term]int{}
	for _, e := range is.Entries {
		for _, t := range s.Terms(e, "countries") {
			n[t]++
		}
	}
	counts := make([]generator.TermCount, 0, len(n))
	for t, c := range n {
		counts = append(counts, generator.TermCount{Term: t, Count: c})
	}
	slices.SortFunc(counts, func(a, b generator.TermCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Term.Key, b.Term.Key)
	})
	return counts
}

// Region is a UN M49 region's countries, for the countries index.
type Region struct {
	Name      string
	Countries []RegionCountry // A–Z
}

// RegionCountry is a country of a region, with when it was last covered.
type RegionCountry struct {
	Term  *generator.Term
	Count int
	Last  time.Time
}

// Regions groups the countries index's terms by region, the regions A–Z
// and names the map does not know (former states, misspellings) last
// under "Elsewhere"; nil on other pages.
func (p *Page) Regions() ([]Region, error) {
	tax := p.Site.Taxonomy("countries")
	if p.Kind != "taxonomy" || tax == nil || p.Taxonomy != tax {
		return nil, nil
	}
	w, err := svgmap.Load()
	if err != nil {
		return nil, err
	}
	const elsewhere = "Elsewhere"
	byName := map[string]*Region{}
	var regions []*Region
	for _, t := range tax.ByName {
		name := elsewhere
		if c := w.Lookup(t.Name); c != nil && c.Region != "" {
			name = c.Region
		}
		r := byName[name]
		if r == nil {
			r = &Region{Name: name}
			byName[name] = r
			regions = append(regions, r)
		}
		rc := RegionCountry{Term: t, Count: len(t.Entries)}
		if len(t.Entries) > 0 {
			rc.Last = t.Entries[0].Date
		}
		r.Countries = append(r.Countries, rc)
	}
	slices.SortFunc(regions, func(a, b *Region) int {
		if (a.Name == elsewhere) != (b.Name == elsewhere) {
			if a.Name == elsewhere {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Name, b.Name)
	})
	out := make([]Region, len(regions))
	for i, r := range regions {
		out[i] = *r
	}
	return out, nil
}
