package main

import (
	"encoding/json"
	"fmt"
)

// topology is the part of a TopoJSON file the build reads: quantised,
// delta-encoded arcs, and each country's rings as lists of arc indices.
type topology struct {
	Arcs      [][][2]float64 `json:"arcs"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// feature is one country: its name in the atlas, its ISO 3166 numeric
// code ("" for the few the standard does not list) and its polygons, each
// an outer ring and its holes, as arc references (^i for arc i reversed).
type feature struct {
	id, name string
	polygons [][][]int
}

// decodeTopology reads the countries object of a TopoJSON file and
// returns its features and its arcs in longitude and latitude.
func decodeTopology(data []byte, object string) ([]feature, [][]point, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, nil, fmt.Errorf("reading TopoJSON: %w", err)
	}
	obj, ok := t.Objects[object]
	if !ok {
		return nil, nil, fmt.Errorf("TopoJSON has no object %q", object)
	}
	arcs := make([][]point, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		line := make([]point, len(arc))
		for j, p := range arc {
			if t.Transform != nil {
				// Quantised arcs hold each position as a step from the last.
				x, y = x+p[0], y+p[1]
				line[j] = point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				line[j] = point{p[0], p[1]}
			}
		}
		arcs[i] = line
	}
	var out []feature
	for _, g := range obj.Geometries {
		f := feature{id: g.ID, name: g.Properties.Name}
		switch g.Type {
		case "Polygon":
			var rings [][]int
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				return nil, nil, fmt.Errorf("%s: polygon arcs: %w", g.Properties.Name, err)
			}
			f.polygons = [][][]int{rings}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &f.polygons); err != nil {
				return nil, nil, fmt.Errorf("%s: multipolygon arcs: %w", g.Properties.Name, err)
			}
		default:
			continue // a country with no shape at this scale
		}
		for _, poly := range f.polygons {
			for _, ring := range poly {
				for _, a := range ring {
					if i := arcIndex(a); i < 0 || i >= len(arcs) {
						return nil, nil, fmt.Errorf("%s: arc %d out of range", g.Properties.Name, a)
					}
				}
			}
		}
		out = append(out, f)
	}
	return out, arcs, nil
}

// arcIndex undoes TopoJSON's one's-complement encoding of a reversed arc.
func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// ring joins a ring's arcs into one closed line, each arc after the
// first starting where the one before ended.
func ring(refs []int, arcs [][]point) []point {
	var out []point
	for k, a := range refs {
		line := arcs[arcIndex(a)]
		pts := make([]point, len(line))
		copy(pts, line)
		if a < 0 {
			for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
				pts[i], pts[j] = pts[j], pts[i]
			}
		}
		if k > 0 && len(pts) > 0 {
			pts = pts[1:]
		}
		out = append(out, pts...)
	}
	return out
}
