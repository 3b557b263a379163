package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// row is one line of countries.tsv.
type row struct {
	code, region, subregion string
	names                   []string
	path                    string
}

// atlasNames are the atlas's abbreviated or differently spelt names, as
// the gazetteer's countries.txt spells them; written for this project.
var atlasNames = map[string]string{
	"Dem. Rep. Congo":      "DR Congo",
	"Congo":                "Republic of the Congo",
	"Central African Rep.": "Central African Republic",
	"Dominican Rep.":       "Dominican Republic",
	"Côte d'Ivoire":        "Ivory Coast",
	"Eq. Guinea":           "Equatorial Guinea",
	"Bosnia and Herz.":     "Bosnia and Herzegovina",
	"Solomon Is.":          "Solomon Islands",
	"S. Sudan":             "South Sudan",
	"Macedonia":            "North Macedonia",
	"eSwatini":             "Eswatini",
	"Timor-Leste":          "East Timor",
	"Czechia":              "Czech Republic",
	"W. Sahara":            "Western Sahara",
	"Falkland Is.":         "Falkland Islands",
}

// places49 are UN M49 codes for countries the gazetteer names but whose
// UN name it does not use, and for the atlas's shapes the standard does
// not list; written for this project.
var places49 = map[string]string{
	"Taiwan":     "030", // the subregion, Eastern Asia: M49 lists Taiwan under China
	"Kosovo":     "039", // Southern Europe
	"N. Cyprus":  "145", // Western Asia
	"Somaliland": "014", // Eastern Africa
	"Micronesia": "583",
	"Hong Kong":  "344",
	"Macau":      "446",
}

// derive projects, simplifies and names the atlas's countries, and gives
// every country of the gazetteer its region.
func derive(features []feature, arcs [][]point, m49 map[string]area49, gaz []country, opt options) ([]row, int, string) {
	var report strings.Builder
	features = slices.DeleteFunc(slices.Clone(features), func(f feature) bool { return f.id == "010" }) // Antarctica: empty of news, and it would take a fifth of the map
	paths, height := draw(features, arcs, opt)
	fmt.Fprintf(&report, "map: %g × %d units, %d shapes\n", opt.width, height, len(features))

	bySlug := map[string]int{} // any of a gazetteer country's names → its index
	for i, c := range gaz {
		for _, n := range append([]string{c.name}, c.aliases...) {
			if _, taken := bySlug[slug(n)]; !taken {
				bySlug[slug(n)] = i
			}
		}
	}
	rows := make([]row, len(gaz))
	for i, c := range gaz {
		rows[i] = row{names: append([]string{c.name}, c.aliases...)}
	}
	var extra []row
	for k, f := range features {
		name := f.name
		if n, ok := atlasNames[name]; ok {
			name = n
		}
		i, ok := bySlug[slug(name)]
		if !ok && f.id != "" {
			i, ok = bySlug[slug(m49[f.id].name)]
		}
		if !ok {
			fmt.Fprintf(&report, "shape not in the gazetteer, drawn without a link: %s (%s)\n", f.name, f.id)
			extra = append(extra, row{code: f.id, names: []string{name}, path: paths[k]})
			continue
		}
		if rows[i].path != "" {
			fmt.Fprintf(&report, "two shapes for %s: keeping the first\n", gaz[i].name)
			continue
		}
		rows[i].code, rows[i].path = f.id, paths[k]
	}

	// Every other country's code, from its names in M49.
	m49Slug := map[string]string{}
	for code, a := range m49 {
		if a.kind == 4 {
			m49Slug[slug(a.name)] = code
		}
	}
	for i := range rows {
		r := &rows[i]
		if r.code == "" {
			for _, n := range r.names {
				if code, ok := m49Slug[slug(n)]; ok {
					r.code = code
					break
				}
			}
		}
	}
	rows = append(rows, extra...)
	for i := range rows {
		r := &rows[i]
		code := r.code
		if c, ok := places49[r.names[0]]; ok {
			code = c
		}
		if code == "" {
			code = places49[extraName(r, features)]
		}
		r.region, r.subregion = regionOf(code, m49)
		if r.region == "" {
			fmt.Fprintf(&report, "no region for %s\n", r.names[0])
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return strings.Compare(a.names[0], b.names[0]) })
	return rows, height, report.String()
}

// extraName is the atlas's own name of a shape the gazetteer lacks.
func extraName(r *row, features []feature) string {
	for _, f := range features {
		if f.name == r.names[0] || atlasNames[f.name] == r.names[0] {
			return f.name
		}
	}
	return r.names[0]
}

// regionOf walks up M49 from code to its region and subregion.
func regionOf(code string, m49 map[string]area49) (region, subregion string) {
	for seen := 0; code != "" && seen < 8; seen++ {
		a, ok := m49[code]
		if !ok {
			break
		}
		switch a.kind {
		case 1:
			region = a.name
		case 2:
			subregion = a.name
		}
		code = a.parent
	}
	return region, subregion
}

// draw projects every feature to SVG units (y down, the map width wide)
// and returns their path data and the map's height.
func draw(features []feature, arcs [][]point, opt options) ([]string, int) {
	used := map[int]bool{}
	for _, f := range features {
		for _, poly := range f.polygons {
			for _, r := range poly {
				for _, a := range r {
					used[arcIndex(a)] = true
				}
			}
		}
	}
	projected := make([][]point, len(arcs))
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, arc := range arcs {
		if !used[i] {
			continue
		}
		line := make([]point, len(arc))
		for j, p := range unwrap(arc) {
			x, y := equalEarth(p.x, p.y)
			line[j] = point{x, y}
			minX, maxX = math.Min(minX, x), math.Max(maxX, x)
			minY, maxY = math.Min(minY, y), math.Max(maxY, y)
		}
		projected[i] = line
	}
	scale := opt.width / (maxX - minX)
	for i, line := range projected {
		for j, p := range line {
			line[j] = point{(p.x - minX) * scale, (maxY - p.y) * scale}
		}
		projected[i] = simplify(line, opt.tolerance)
	}
	paths := make([]string, len(features))
	for k, f := range features {
		paths[k] = featurePath(f, projected, opt.minArea)
	}
	return paths, int(math.Ceil((maxY - minY) * scale))
}

// unwrap keeps an arc on one side of the antimeridian. Natural Earth's
// Fiji and Russia run across it: a step from 179° to −179° is a short one
// on the globe but would cross the whole map. Points on the side fewer of
// the arc's points are on are moved to the meridian itself, which at this
// scale loses only the tip of Chukotka and a few of Fiji's islands.
func unwrap(arc []point) []point {
	crosses := false
	for i := 1; i < len(arc); i++ {
		if math.Abs(arc[i].x-arc[i-1].x) > 180 {
			crosses = true
		}
	}
	if !crosses {
		return arc
	}
	east := 0
	for _, p := range arc {
		if p.x > 0 {
			east++
		}
	}
	edge := 180.0
	if 2*east < len(arc) {
		edge = -180
	}
	out := make([]point, len(arc))
	for i, p := range arc {
		if (p.x > 0) != (edge > 0) {
			p.x = edge
		}
		out[i] = p
	}
	return out
}

// featurePath is one country's SVG path: its rings on whole units, tiny
// islands left out unless they are all the country has.
func featurePath(f feature, arcs [][]point, minArea float64) string {
	type shape struct {
		rings [][]point
		area  float64
	}
	var shapes []shape
	for _, poly := range f.polygons {
		var s shape
		for k, refs := range poly {
			r := quantise(ring(refs, arcs))
			if len(r) < 3 {
				continue
			}
			a := math.Abs(area(r))
			if k == 0 {
				s.area = a
			} else if a < minArea || len(s.rings) == 0 {
				continue // a tiny hole, or one in an outline that vanished
			}
			s.rings = append(s.rings, r)
		}
		if len(s.rings) > 0 {
			shapes = append(shapes, s)
		}
	}
	biggest := 0
	for i, s := range shapes {
		if s.area > shapes[biggest].area {
			biggest = i
		}
	}
	var b strings.Builder
	for i, s := range shapes {
		if s.area < minArea && i != biggest {
			continue
		}
		for _, r := range s.rings {
			writeRing(&b, r)
		}
	}
	return b.String()
}

// quantise rounds a ring to whole units and drops the points that fall
// on the one before, and the closing point, which "z" draws.
func quantise(r []point) []point {
	var out []point
	for _, p := range r {
		q := point{math.Round(p.x), math.Round(p.y)}
		if n := len(out); n > 0 && out[n-1] == q {
			continue
		}
		out = append(out, q)
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	return out
}

// writeRing writes "Mx yl dx dy … z": after the first point every step is
// relative, as most are one or two digits.
func writeRing(b *strings.Builder, r []point) {
	b.WriteString("M")
	b.WriteString(strconv.Itoa(int(r[0].x)))
	writeNum(b, int(r[0].y))
	b.WriteString("l")
	for i := 1; i < len(r); i++ {
		dx, dy := int(r[i].x-r[i-1].x), int(r[i].y-r[i-1].y)
		if i > 1 {
			writeNum(b, dx)
		} else {
			b.WriteString(strconv.Itoa(dx))
		}
		writeNum(b, dy)
	}
	b.WriteString("z")
}

// writeNum writes n after another number: a minus sign separates them
// on its own, anything else needs a space.
func writeNum(b *strings.Builder, n int) {
	if n >= 0 {
		b.WriteByte(' ')
	}
	b.WriteString(strconv.Itoa(n))
}

func format(rows []row) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", r.code, r.region, r.subregion, strings.Join(r.names, "|"), r.path)
	}
	return b.String()
}
